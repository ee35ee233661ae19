"""The headless CLI: exit codes, JSON shapes, messages on stderr, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from PIL import Image


def run(*args: str, env_root: Path) -> subprocess.CompletedProcess[str]:
    import os

    env = {**os.environ, "TPI_VIEWER_RESOURCES": str(env_root)}
    env.pop("DISPLAY", None)
    env.pop("QT_QPA_PLATFORM", None)
    return subprocess.run([sys.executable, "-m", "tpi_viewer", *args], capture_output=True, text=True, env=env, timeout=120)


def test_list_json(mini_root) -> None:
    out = run("list", "--json", env_root=mini_root)
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert [m["id"] for m in doc] == ["alpha", "beta", "gamma"]
    assert set(doc[0]) >= {"id", "name", "latin", "views"}


def test_list_text(mini_root) -> None:
    out = run("list", env_root=mini_root)
    assert out.returncode == 0
    assert "alpha" in out.stdout and "Musculus alpha" in out.stdout


def test_show_json_shape(mini_root) -> None:
    out = run("show", "alpha", "--json", env_root=mini_root)
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    for key in ("id", "name", "latin", "local_zone", "referred_zones", "trigger_points", "conditions", "safety", "sources"):
        assert key in doc
    assert set(doc["referred_zones"]) >= {"essential", "spillover"}
    assert doc["sources"][0]["url"].startswith("https://")
    assert doc["referred_zones"]["essential"][0]["regions"] == ["lower"]


def test_show_text_mentions_reference(mini_root) -> None:
    out = run("show", "beta", env_root=mini_root)
    assert out.returncode == 0
    assert "Beta" in out.stdout and "not a diagnostic tool" in out.stdout


def test_unknown_muscle_exits_2_with_near_match(mini_root) -> None:
    out = run("show", "alpah", env_root=mini_root)
    assert out.returncode == 2
    assert "unknown muscle 'alpah'" in out.stderr and "alpha" in out.stderr
    assert "Traceback" not in out.stderr and out.stdout == ""


def test_validate_ok_and_bad(mini_root, tmp_path) -> None:
    ok = run("validate", env_root=mini_root)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    bad = tmp_path / "bad.json"
    doc = json.loads((mini_root / "data" / "muscles.json").read_text())
    doc["muscles"][0]["conditions"] = ["nope"]
    del doc["muscles"][1]["name"]
    bad.write_text(json.dumps(doc))
    out = run("validate", str(bad), env_root=mini_root)
    assert out.returncode == 2
    lines = out.stdout.strip().splitlines()
    assert lines == [f"{bad}: $.muscles[1]: 'name' is missing (required)"]
    doc["muscles"][1]["name"] = "Beta"
    bad.write_text(json.dumps(doc))
    out = run("validate", str(bad), env_root=mini_root)
    assert out.stdout.strip().splitlines() == [f"{bad}: $.muscles[0].conditions[0]: unknown condition 'nope'"]


def test_validate_malformed_file(mini_root, tmp_path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text("{")
    out = run("validate", str(bad), env_root=mini_root)
    assert out.returncode == 2 and "broken.json: $: not valid JSON" in out.stdout
    assert "Traceback" not in out.stderr


def test_render_writes_png_offscreen(mini_root, tmp_path) -> None:
    target = tmp_path / "out" / "front.png"
    out = run("render", "--view", "anterior", "--muscle", "alpha", "--side", "right", "--out", str(target), "--width", "400", env_root=mini_root)
    assert out.returncode == 0, out.stderr
    with Image.open(target) as image:
        assert image.width == 400
        assert image.height > 500
        colors = image.convert("RGB").getcolors(1 << 20)
    assert any(b > 140 and b > r + 60 for _, (r, g, b) in colors), "no highlight colour in the render"


def test_render_unknown_view_and_muscle(mini_root, tmp_path) -> None:
    out = run("render", "--view", "anteror", "--out", str(tmp_path / "x.png"), env_root=mini_root)
    assert out.returncode == 2 and "unknown view 'anteror'" in out.stderr and "anterior" in out.stderr
    out = run("render", "--view", "anterior", "--muscle", "gama", "--out", str(tmp_path / "x.png"), env_root=mini_root)
    assert out.returncode == 2 and "unknown muscle 'gama'" in out.stderr


def test_bad_data_exits_2_for_every_command(mini_root) -> None:
    (mini_root / "data" / "muscles.json").write_text('{"schema_version": 1}')
    for args in (("list",), ("show", "alpha"), ("render", "--view", "anterior", "--out", "x.png")):
        out = run(*args, env_root=mini_root)
        assert out.returncode == 2, args
        assert "muscles.json: $: 'data_version' is missing (required)" in out.stderr
        assert "Traceback" not in out.stderr


def test_usage_errors_exit_2(mini_root) -> None:
    out = run("render", env_root=mini_root)
    assert out.returncode == 2 and "required" in out.stderr
    out = run("frobnicate", env_root=mini_root)
    assert out.returncode == 2


def test_show_anatomy_only_entry(mini_root) -> None:
    out = run("show", "gamma", env_root=mini_root)
    assert out.returncode == 0 and "Anatomy only" in out.stdout
    doc = json.loads(run("show", "gamma", "--json", env_root=mini_root).stdout)
    assert doc["content"] == "anatomy_only" and doc["local_zone"] is None and doc["trigger_points"] == []


def test_conditions_json(mini_root) -> None:
    out = run("conditions", "--json", env_root=mini_root)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == [{"id": "neck_pain", "name": "Neck pain", "lay_name": "sore neck",
                                       "synonyms": [], "muscles": ["alpha", "beta"]}]


def test_guide_pages(mini_root) -> None:
    out = run("guide", env_root=mini_root)
    assert out.returncode == 0 and "patient_what_is_tpi" in out.stdout
    doc = json.loads(run("guide", "clinician_contraindications", "--json", env_root=mini_root).stdout)
    assert doc[0]["sections"][0]["items"][0] == {"text": "Recent aspirin use.", "evidence": "uncertain", "debated": True,
                                                  "sources": ["https://example.org/a"]}
    bad = run("guide", "patient_aftercre", env_root=mini_root)
    assert bad.returncode == 2 and "unknown guide page" in bad.stderr


def test_lookup_json_and_refusal(mini_root) -> None:
    out = run("lookup", "upper part", "--json", env_root=mini_root)
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["regions"] == ["upper"]
    assert [m["id"] for m in doc["muscles"]] == ["beta", "alpha"]
    assert set(doc["muscles"][0]) >= {"id", "name", "score", "reasons"}
    out = run("lookup", "elbow", env_root=mini_root)
    assert out.returncode == 2 and "no region matches 'elbow'" in out.stderr and "Traceback" not in out.stderr
