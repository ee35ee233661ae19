"""The wheel carries data/ and assets/, and the installed package finds them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_contains_data_and_body_maps(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), str(ROOT)],
        capture_output=True, text=True, timeout=600,
    )
    assert out.returncode == 0, out.stderr
    wheel = next(tmp_path.glob("tpi_viewer-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        entry_points = zf.read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "tpi_viewer/_data/data/muscles.json" in names
    assert "tpi_viewer/_data/data/muscles.schema.json" in names
    assert "tpi_viewer/_data/assets/body_maps/regions.json" in names
    for view in ("anterior", "posterior", "head_lateral"):
        assert f"tpi_viewer/_data/assets/body_maps/{view}.json" in names
    assert "tpi_viewer/_data/assets/body_maps/ATTRIBUTION.md" in names
    assert "tpi-viewer = tpi_viewer.cli:main" in entry_points

    # The unpacked wheel, on its own, finds its data through tpi_viewer.paths.
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(site)
    code = "import tpi_viewer.paths as p; print(p.muscles_path()); print(p.muscles_path().exists())"
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path,
                           env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"}, check=True)
    path, exists = shown.stdout.split()
    assert path.startswith(str(site)) and exists == "True"
