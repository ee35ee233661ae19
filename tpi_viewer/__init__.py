"""tpi-viewer: an offline trigger point anatomy reference. Importing it loads no Qt."""

__version__ = "0.1.0"
