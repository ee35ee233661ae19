"""Qt runs offscreen in tests; fixtures for the synthetic and the shipped catalogue."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never touch the user's own cache of validated data.
os.environ["TPI_VIEWER_CACHE_DIR"] = tempfile.mkdtemp(prefix="tpi-viewer-test-cache-")

import pytest  # noqa: E402

from tests import fixture_data  # noqa: E402


@pytest.fixture
def mini_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A synthetic resource root, made the app's resource root for this test."""
    root = fixture_data.write(tmp_path / "res")
    monkeypatch.setenv("TPI_VIEWER_RESOURCES", str(root))
    return root


@pytest.fixture
def mini_catalog(mini_root: Path):  # type: ignore[no-untyped-def]
    from tpi_viewer.model.loading import load_catalog

    return load_catalog()


@pytest.fixture(scope="session")
def catalog():  # type: ignore[no-untyped-def]
    """The shipped catalogue with the shipped body maps."""
    from tpi_viewer.model.loading import load_catalog

    return load_catalog()
