"""The one place that knows where the shipped data and assets live."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resource_root() -> Path:
    """Folder holding `data/` and `assets/`: inside the wheel, or the source checkout."""
    override = os.environ.get("TPI_VIEWER_RESOURCES")
    if override:
        return Path(override)
    bundled = _PACKAGE / "_data"
    if (bundled / "data").is_dir():
        return bundled
    return _PACKAGE.parent


def muscles_path() -> Path:
    """The shipped muscle catalogue."""
    return resource_root() / "data" / "muscles.json"


def schema_path() -> Path:
    """The published JSON Schema of the catalogue."""
    return resource_root() / "data" / "muscles.schema.json"


def body_maps_dir() -> Path:
    """Generated body maps, one JSON file per view."""
    return resource_root() / "assets" / "body_maps"
