"""'tpi-viewer handout' and 'render --out FILE.svg': headless, exit codes, files written, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PIL import Image

from tests.export.pdf import pdf_page_size, pdf_pages


def run(*args: str, root: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TPI_VIEWER_RESOURCES": str(root), "XDG_CONFIG_HOME": str(home)}
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("QT_QPA_PLATFORM", None)  # the command must choose offscreen itself
    return subprocess.run([sys.executable, "-m", "tpi_viewer", *args], capture_output=True, text=True, env=env, timeout=120, check=False)


def test_handout_pdf_with_clinic_from_preferences(mini_root, tmp_path) -> None:
    conf = tmp_path / "config" / "tpi-viewer"
    conf.mkdir(parents=True)
    (conf / "tpi-viewer.conf").write_text("[handout]\nclinic=Lakeside Clinic\npaper=letter\n")
    out = run("handout", "--muscle", "alpha", "--muscle", "beta", "--side", "left", "--out", str(tmp_path / "h.pdf"),
              root=mini_root, home=tmp_path / "config")
    assert out.returncode == 0, out.stderr
    text = " ".join(pdf_pages(tmp_path / "h.pdf"))
    assert "Lakeside Clinic" in text and "Alpha and beta: left side" in text
    assert pdf_page_size(tmp_path / "h.pdf") == (612, 792)
    out = run("handout", "--muscle", "alpha", "--clinic", "Override Clinic", "--paper", "a4", "--out", str(tmp_path / "o.pdf"),
              root=mini_root, home=tmp_path / "config")
    assert out.returncode == 0, out.stderr
    assert "Override Clinic" in pdf_pages(tmp_path / "o.pdf")[0]
    assert round(pdf_page_size(tmp_path / "o.pdf")[1]) == 842


def test_handout_png(mini_root, tmp_path) -> None:
    out = run("handout", "--muscle", "alpha", "--out", str(tmp_path / "h.png"), root=mini_root, home=tmp_path)
    assert out.returncode == 0, out.stderr
    with Image.open(tmp_path / "h.png") as image:
        assert image.format == "PNG" and image.width == 1240


def test_handout_errors_exit_2_without_traceback(mini_root, tmp_path) -> None:
    bad_id = run("handout", "--muscle", "alpah", "--out", str(tmp_path / "h.pdf"), root=mini_root, home=tmp_path)
    assert bad_id.returncode == 2 and "unknown muscle 'alpah'" in bad_id.stderr and "alpha" in bad_id.stderr
    bad_suffix = run("handout", "--muscle", "alpha", "--out", str(tmp_path / "h.docx"), root=mini_root, home=tmp_path)
    assert bad_suffix.returncode == 2 and ".pdf or .png" in bad_suffix.stderr
    no_muscle = run("handout", "--out", str(tmp_path / "h.pdf"), root=mini_root, home=tmp_path)
    assert no_muscle.returncode == 2 and "--muscle" in no_muscle.stderr
    for result in (bad_id, bad_suffix, no_muscle):
        assert "Traceback" not in result.stderr
    assert not list(tmp_path.glob("h.*"))
    deep = run("handout", "--muscle", "alpha", "--out", str(tmp_path / "new" / "dir" / "h.pdf"), root=mini_root, home=tmp_path)
    assert deep.returncode == 0 and (tmp_path / "new" / "dir" / "h.pdf").exists()  # folders are made as needed


def test_handout_without_guide_warns_and_still_writes(mini_root, tmp_path) -> None:
    (mini_root / "data" / "guide.json").unlink()
    out = run("handout", "--muscle", "alpha", "--out", str(tmp_path / "h.pdf"), root=mini_root, home=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "short built-in texts" in out.stderr
    assert "A trigger point is a tight, tender spot in a muscle." in " ".join(pdf_pages(tmp_path / "h.pdf"))


def test_render_svg(mini_root, tmp_path) -> None:
    out = run("render", "--view", "anterior", "--muscle", "alpha", "--out", str(tmp_path / "f.svg"), "--width", "400",
              root=mini_root, home=tmp_path)
    assert out.returncode == 0, out.stderr
    root = ET.parse(tmp_path / "f.svg").getroot()
    assert len(list(root.iter("{http://www.w3.org/2000/svg}path"))) > 20
    bad = run("render", "--view", "anterior", "--out", str(tmp_path / "f.gif"), root=mini_root, home=tmp_path)
    assert bad.returncode == 2 and ".png or .svg" in bad.stderr
