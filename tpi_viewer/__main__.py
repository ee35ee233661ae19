"""`python -m tpi_viewer` behaves like the `tpi-viewer` command."""

from __future__ import annotations

import sys

from tpi_viewer.cli import main

sys.exit(main())
