"""Loading and every kind of validation problem, each naming file, JSON path and problem."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from tests import fixture_data
from tpi_viewer.model.errors import DataError
from tpi_viewer.model.loading import check_catalog_file, load_catalog


def _problems(root: Path, data: dict[str, Any]) -> list[str]:
    path = root / "data" / "muscles.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return [str(p) for p in check_catalog_file(path)]


def _data() -> dict[str, Any]:
    return copy.deepcopy(fixture_data.MUSCLES)


def test_loads_muscles_zones_and_maps(mini_catalog) -> None:
    alpha = mini_catalog.muscle("alpha")
    assert alpha.name == "Alpha"
    assert alpha.local_zone.regions == ("upper",)
    assert [z.kind for z in alpha.zones] == ["local", "essential", "spillover"]
    assert mini_catalog.view_ids == ("anterior",)
    assert mini_catalog.regions["upper"].synonyms == ("top",)
    assert alpha.source_number("src_a") == 1


def test_malformed_json_names_file_and_line(mini_root: Path) -> None:
    path = mini_root / "data" / "muscles.json"
    path.write_text('{"schema_version": 1,\n "muscles": [}', encoding="utf-8")
    problems = [str(p) for p in check_catalog_file(path)]
    assert len(problems) == 1
    assert str(path) in problems[0] and "not valid JSON" in problems[0] and "line 2" in problems[0]


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataError) as info:
        load_catalog(tmp_path / "nope.json")
    assert "file not found" in str(info.value)


def test_schema_error_has_json_path(mini_root: Path) -> None:
    data = _data()
    del data["muscles"][1]["latin"]
    data["muscles"][0]["local_zone"]["laterality"] = "sideways"
    problems = _problems(mini_root, data)
    assert any("$.muscles[1]: 'latin' is missing (required)" in p for p in problems), problems
    assert any("$.muscles[0].local_zone.laterality" in p and "sideways" in p for p in problems), problems


def test_source_url_must_be_a_url(mini_root: Path) -> None:
    data = _data()
    data["muscles"][0]["sources"][0]["url"] = "Travell and Simons"
    problems = _problems(mini_root, data)
    assert any("$.muscles[0].sources[0].url" in p for p in problems), problems


def test_duplicate_muscle_id(mini_root: Path) -> None:
    data = _data()
    data["muscles"][1]["id"] = "alpha"
    assert any("$.muscles[1].id: duplicate muscle id 'alpha'" in p for p in _problems(mini_root, data))


def test_unknown_region_suggests_near_match(mini_root: Path) -> None:
    data = _data()
    data["muscles"][0]["referred_zones"]["essential"][0]["regions"] = ["lowr"]
    problems = _problems(mini_root, data)
    assert any("$.muscles[0].referred_zones.essential[0].regions[0]: unknown region 'lowr'" in p and "lower" in p for p in problems), problems


def test_unknown_source_condition_and_trigger_point(mini_root: Path) -> None:
    data = _data()
    data["muscles"][0]["safety"][0]["sources"] = ["src_b"]
    data["muscles"][0]["conditions"] = ["nek_pain"]
    data["muscles"][0]["local_zone"]["trigger_points"] = ["tp9"]
    problems = _problems(mini_root, data)
    assert any("$.muscles[0].safety[0].sources[0]: unknown source 'src_b'" in p for p in problems), problems
    assert any("$.muscles[0].conditions[0]: unknown condition 'nek_pain'" in p and "neck_pain" in p for p in problems), problems
    assert any("$.muscles[0].local_zone.trigger_points[0]: unknown trigger point 'tp9'" in p for p in problems), problems


def test_view_must_exist_and_have_geometry(mini_root: Path) -> None:
    data = _data()
    data["muscles"][0]["views"] = ["anterior", "posterior"]
    data["muscles"][1]["id"] = "delta"
    problems = _problems(mini_root, data)
    assert any("$.muscles[0].views[1]: no body map for view 'posterior'" in p for p in problems), problems
    assert any("$.muscles[1].views[0]: view 'anterior' has no geometry for muscle 'delta'" in p for p in problems), problems


def test_spillover_needs_a_note_when_empty(mini_root: Path) -> None:
    data = _data()
    del data["muscles"][1]["referred_zones"]["spillover_note"]
    assert any("$.muscles[1].referred_zones: no spillover zone" in p for p in _problems(mini_root, data))


def test_missing_asset_is_reported(mini_root: Path) -> None:
    (mini_root / "assets" / "body_maps" / "regions.json").unlink()
    problems = [str(p) for p in check_catalog_file(mini_root / "data" / "muscles.json")]
    assert any("regions.json" in p and "file not found" in p for p in problems), problems


def test_broken_body_map_names_its_path(mini_root: Path) -> None:
    path = mini_root / "assets" / "body_maps" / "anterior.json"
    doc = json.loads(path.read_text())
    doc["muscles"][0]["label"] = "middle"
    path.write_text(json.dumps(doc))
    problems = [str(p) for p in check_catalog_file(mini_root / "data" / "muscles.json")]
    assert any("anterior.json: $.muscles[0].label: expected a point" in p for p in problems), problems


def test_validation_is_remembered_by_content_and_redone_on_change(mini_root: Path, tmp_path: Path, monkeypatch) -> None:
    import subprocess
    import sys

    monkeypatch.setenv("TPI_VIEWER_CACHE_DIR", str(tmp_path / "cache"))

    code = ("import sys; from tpi_viewer.model.loading import load_catalog; c = load_catalog(); "
            "print('jsonschema' in sys.modules, c.body_maps['anterior'].view)")
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert first.stdout.split() == ["True", "anterior"]
    assert second.stdout.split() == ["False", "anterior"]  # known-valid data is not re-validated
    data = _data()
    data["muscles"][0]["conditions"] = ["nope"]
    (mini_root / "data" / "muscles.json").write_text(json.dumps(data))
    third = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert third.returncode != 0 and "unknown condition 'nope'" in third.stderr


def test_clinical_fields_required_unless_anatomy_only(mini_root: Path) -> None:
    data = _data()
    del data["muscles"][0]["safety"]
    assert any("$.muscles[0]: 'safety' is missing (required)" in p for p in _problems(mini_root, data))
    data = _data()
    data["muscles"][2]["symptoms"] = [{"text": "Aches.", "sources": ["src_a"]}]
    assert any("$.muscles[2]" in p for p in _problems(mini_root, data)), "anatomy-only entries carry no clinical claims"
