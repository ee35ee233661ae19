"""The shipped catalogue: valid, complete for the core muscles, free of known wrong claims."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.wrong_claims import WRONG_CLAIMS
from tpi_viewer import paths
from tpi_viewer.model.loading import check_catalog_file

CORE = ["masseter", "temporalis", "scm_sternal", "scm_clavicular", "upper_trapezius", "middle_trapezius",
        "lower_trapezius", "levator_scapulae", "quadratus_lumborum", "piriformis"]
BEST_VIEW = {"masseter": "head_lateral", "temporalis": "head_lateral", "scm_sternal": "head_lateral",
             "scm_clavicular": "head_lateral", "upper_trapezius": "posterior", "middle_trapezius": "posterior",
             "lower_trapezius": "posterior", "levator_scapulae": "posterior", "quadratus_lumborum": "posterior",
             "piriformis": "posterior"}


def test_shipped_file_is_valid() -> None:
    assert check_catalog_file(paths.muscles_path()) == []


@pytest.mark.parametrize("muscle_id", CORE)
def test_core_muscle_is_complete(catalog, muscle_id: str) -> None:
    m = catalog.muscle(muscle_id)
    assert m.views[0] == BEST_VIEW[muscle_id]
    assert m.name and m.latin and m.lay_name
    assert m.trigger_points and m.essential_zones and m.safety and m.symptoms and m.conditions
    assert m.spillover_zones or m.spillover_note
    assert all(s.url.startswith(("https://", "http://")) for s in m.sources)
    assert any(s.authority in ("primary", "secondary") for s in m.sources)
    for zone in m.zones:
        assert zone.lay_text and zone.text and zone.sources
    body_map = catalog.body_maps[m.views[0]]
    assert {s.side for s in body_map.muscle_shapes(muscle_id)} >= ({body_map.shows_side} if body_map.shows_side else {"right", "left"})


def _texts() -> list[tuple[str, str]]:
    from tpi_viewer.ui.legend import DISCLAIMER
    from tpi_viewer.ui.panel_html import empty_html

    root = Path(__file__).resolve().parents[1]
    out = [("muscles.json", paths.muscles_path().read_text(encoding="utf-8")),
           ("guide.json", (paths.resource_root() / "data" / "guide.json").read_text(encoding="utf-8")),
           ("legend", DISCLAIMER), ("panel", empty_html()), ("README", (root / "README.md").read_text(encoding="utf-8"))]
    out += [(p.name, p.read_text(encoding="utf-8")) for p in (root / "tpi_viewer").rglob("*.py")]
    return out


@pytest.mark.parametrize("claim", sorted(WRONG_CLAIMS))
def test_no_wrong_claim_anywhere(claim: str) -> None:
    pattern = re.compile(WRONG_CLAIMS[claim], re.IGNORECASE)
    hits = [name for name, text in _texts() if pattern.search(text)]
    assert hits == [], f"{claim!r} appears in {hits}"


def test_wrong_claim_patterns_do_catch_the_claims() -> None:
    samples = ["A general anaesthetic is given", "the masticator muscle", "lumbar quadriceps", "upper trapezium",
               "referred pain follows a dermatome", "piriformis is a hip flexor"]
    for sample in samples:
        assert any(re.search(p, sample, re.IGNORECASE) for p in WRONG_CLAIMS.values()), sample


def test_every_muscle_cites_its_statements() -> None:
    doc = json.loads(paths.muscles_path().read_text(encoding="utf-8"))
    for m in doc["muscles"]:
        ids = {s["id"] for s in m["sources"]}
        if m.get("content") == "anatomy_only":
            assert not {"attachments", "local_zone", "safety", "symptoms"} & set(m), m["id"]
            continue
        cited = set()
        for key in ("attachments", "location", "position"):
            cited |= set(m[key]["sources"])
        for zone in [m["local_zone"], *m["referred_zones"]["essential"], *m["referred_zones"]["spillover"]]:
            cited |= set(zone["sources"])
        assert cited <= ids and cited, m["id"]



@pytest.mark.parametrize("query, expected", [
    # semispinalis capitis also refers to the temple (a band around the head, strongest at the temple:
    # Verywell Health and The Wellness Digest pages cited in its record); it ties with upper trapezius
    # on the region match and sorts before it by name
    ("temple", {"temporalis", "upper_trapezius", "semispinalis_capitis"}),
    ("SCM", {"scm_sternal", "scm_clavicular"}),
    ("QL", {"quadratus_lumborum"}),
    ("tinitus", {"masseter"}),  # typo of tinnitus
    ("quadratus lumborum", {"quadratus_lumborum"}),
])
def test_search_finds_what_clinicians_type(catalog, query: str, expected: set[str]) -> None:
    from tpi_viewer.model.queries import search_muscles

    found = [m.id for m in search_muscles(catalog, query)]
    assert expected <= set(found[: len(expected) + 2]), found


@pytest.mark.parametrize("query, expected", [("low back pain", "quadratus_lumborum"), ("headache", "upper_trapezius"),
                                             ("jaw pain", "masseter"), ("buttock", "piriformis")])
def test_search_by_complaint_lists_the_classic_muscle(catalog, query: str, expected: str) -> None:
    from tpi_viewer.model.queries import search_muscles

    assert expected in [m.id for m in search_muscles(catalog, query)]


def test_views_are_derived_from_the_geometry(catalog) -> None:
    """A muscle's views are exactly the views that draw it (tools/catalog/add_anatomy_entries.py --sync-views)."""
    for muscle in catalog.muscles:
        drawn = {v for v in catalog.view_ids if catalog.body_maps[v].muscle_shapes(muscle.id)}
        assert set(muscle.views) == drawn, muscle.id


# Textbook patterns from clinical_facts.md (Travell & Simons as summarised there), every body area.
@pytest.mark.parametrize("areas, expected_first", [
    (["temple"], {"temporalis", "upper_trapezius"}),                                      # head
    (["forehead"], {"scm_clavicular"}),
    (["jaw joint", "inside the ear"], {"masseter", "medial_pterygoid"}),
    (["neck shoulder angle", "medial scapular border"], {"levator_scapulae"}),            # neck / upper back
    (["front of shoulder"], {"infraspinatus", "pectoralis_major"}),                        # shoulder
    (["outer shoulder"], {"supraspinatus"}),
    (["lateral elbow"], {"supraspinatus", "extensor_carpi_radialis_longus"}),              # arm
    (["pectoral"], {"pectoralis_major"}),                                                  # chest
    # abdomen (not in clinical_facts.md): heartburn-like upper abdominal pain from the upper rectus
    # abdominis and the costal-margin external oblique (webmanmed/NAMTPT and therapist summaries of
    # Travell & Simons, cited in both records)
    (["upper abdomen"], {"rectus_abdominis", "external_oblique"}),
    (["sacroiliac"], {"quadratus_lumborum", "gluteus_medius", "piriformis"}),              # low back
    (["iliac crest", "greater trochanter"], {"quadratus_lumborum"}),                       # hip
    (["buttock"], {"piriformis", "gluteus_medius", "gluteus_minimus"}),
    (["front of knee"], {"rectus_femoris"}),                                               # thigh
    (["outer thigh"], {"gluteus_minimus"}),
    (["heel"], {"soleus"}),                                                                # leg
    (["calf"], {"gastrocnemius", "soleus"}),
])
def test_lookup_puts_the_textbook_muscles_first(catalog, areas: list[str], expected_first: set[str]) -> None:
    from tpi_viewer.model.lookup import rank, resolve_region

    found = rank(catalog, [(resolve_region(catalog, a), None) for a in areas])
    best = found[0].score
    top = {c.muscle.id for c in found if c.score == best}  # equal scores share first place
    assert expected_first <= top, [(c.muscle.id, c.score) for c in found[:6]]


def test_every_drawn_muscle_has_an_entry(catalog) -> None:
    drawn = set().union(*(catalog.body_maps[v].muscle_ids for v in catalog.view_ids))
    assert drawn <= set(catalog.muscle_ids), sorted(drawn - set(catalog.muscle_ids))


def test_guide_has_every_page_for_patients_and_clinicians() -> None:
    from tpi_viewer.model.guide import load_guide

    guide = load_guide()
    ids = {p.id for p in guide.pages}
    assert {"patient_what_is_tpi", "patient_before", "patient_procedure", "patient_aftercare", "patient_expected_course",
            "patient_warning_signs", "clinician_background", "clinician_indications", "clinician_contraindications",
            "clinician_procedure", "clinician_injectates", "clinician_complications", "clinician_evidence"} <= ids
    assert all(s.url.startswith(("https://", "http://")) for s in guide.sources)
    text = " ".join(i.text for p in guide.pages for s in p.sections for i in s.items).lower()
    assert "awake" in text  # the truth stated positively: no general anaesthesia
    debated = [i for p in guide.pages for s in p.sections for i in s.items if i.debated]
    assert debated, "debated contraindications are marked"


def test_lookup_by_painful_side_finds_crossing_referrals(catalog) -> None:
    """Left forehead pain: the clavicular SCM refers to the forehead on both sides, so either SCM may cause it."""
    from tpi_viewer.model.lookup import rank

    found = {(c.muscle.id, c.side) for c in rank(catalog, [("forehead", "left")])}
    assert ("scm_clavicular", "left") in found or ("scm_clavicular", "right") in found
    ipsilateral_only = rank(catalog, [("temple", "left")])
    assert {c.side for c in ipsilateral_only if c.muscle.id == "temporalis"} == {"left"}
