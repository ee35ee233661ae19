"""Where the user's own data lives: the platformdirs data directory, or TPI_VIEWER_DATA_DIR."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_VAR = "TPI_VIEWER_DATA_DIR"
FILE_NAME = "user-data.sqlite3"


def data_dir() -> Path:
    """The folder for notes, sets and study progress (not created here: no import-time side effects)."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir("tpi-viewer", appauthor=False))


def store_path() -> Path:
    """The one SQLite file holding the user's data."""
    return data_dir() / FILE_NAME
