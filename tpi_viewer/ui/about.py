"""The About text: what tpi-viewer is and is not, data version, attribution."""

from __future__ import annotations

from html import escape

from tpi_viewer import __version__, paths
from tpi_viewer.model.catalog import Catalog


def about_html(catalog: Catalog) -> str:
    attribution = paths.body_maps_dir() / "ATTRIBUTION.md"
    credit = ""
    if attribution.exists():
        lines = [ln.strip() for ln in attribution.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
        credit = "<br>".join(escape(ln) for ln in lines[:4])
    return (
        f"<h3>tpi-viewer {escape(__version__)}</h3>"
        "<p>An offline anatomy reference for trigger point injection: body maps, referred pain "
        "zones, trigger point sites, related conditions, injection safety notes and sources.</p>"
        "<p><b>tpi-viewer is a reference, not a diagnostic tool.</b> Trigger points are a debated "
        "concept: no laboratory or imaging test confirms them, and examiners finding them by hand "
        "often disagree. The referral maps are typical clinical patterns, not laws.</p>"
        "<p>Each statement in the side panel cites numbered public sources; markers show where the sources are "
        "uncertain, come only from therapist or clinic pages, or are inferred from standard anatomy. "
        "Source links open in your web browser; tpi-viewer itself never connects to the network.</p>"
        f"<p>Data version {escape(catalog.data_version)}, reviewed {escape(catalog.reviewed)}.</p>"
        "<p><b>Found an error?</b> Use Help → Report a problem: it copies the muscle, the field and the data "
        "version to the clipboard for an e-mail or an issue.</p>"
        f"<p><b>Body maps:</b><br>{credit}</p>"
    )
