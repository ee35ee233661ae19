"""The `tpi-viewer` subcommands that draw with Qt (offscreen without a display): render, handout."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from tpi_viewer.cli_support import EXIT_OK, UsageError
from tpi_viewer.cli_support import catalog as _catalog
from tpi_viewer.cli_support import check_muscle as _check_muscle


def cmd_render(args: argparse.Namespace) -> int:
    catalog = _catalog()
    if args.view not in catalog.body_maps:
        from tpi_viewer.model.matching import did_you_mean

        raise UsageError(f"unknown view '{args.view}'{did_you_mean(args.view, catalog.view_ids)}; views: {', '.join(catalog.view_ids)}")
    for muscle_id in args.muscle:
        _check_muscle(catalog, muscle_id)
    if not 100 <= args.width <= 8000:
        raise UsageError("--width must be between 100 and 8000 pixels")
    if not 1 <= args.scale <= 4:
        raise UsageError("--scale must be between 1 and 4")
    if args.out.suffix.lower() not in (".png", ".svg"):
        raise UsageError(f"--out {args.out}: write a .png or .svg file")
    app = _qt_app()
    from tpi_viewer.export.figure import render_file

    out = render_file(catalog, args.view, args.muscle, args.side, args.out, args.width, args.mirror, args.whole, args.scale)
    print(f"wrote {out}", file=sys.stderr)
    del app
    return EXIT_OK


def _qt_app() -> Any:
    """A QApplication named like the window's (same QSettings); offscreen when there is no display."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["tpi-viewer"])
    app.setOrganizationName("tpi-viewer")
    app.setApplicationName("tpi-viewer")
    return app


def cmd_handout(args: argparse.Namespace) -> int:
    catalog = _catalog()
    for muscle_id in args.muscle:
        _check_muscle(catalog, muscle_id)
    if args.out.suffix.lower() not in (".pdf", ".png"):
        raise UsageError(f"--out {args.out}: write a .pdf or .png file")
    app = _qt_app()
    from PySide6.QtCore import QSettings

    from tpi_viewer.export.handout import Handout, load_patient_guide, preferences

    clinic, paper = preferences(QSettings())
    guide, problem = load_patient_guide()
    if guide is None:
        print(f"tpi-viewer: the guide is not usable ({problem}); the handout uses short built-in texts", file=sys.stderr)
    handout = Handout.build(catalog, args.muscle, args.side, clinic if args.clinic is None else args.clinic, guide)
    print(f"wrote {handout.write(args.out, args.paper or paper)}", file=sys.stderr)
    del app
    return EXIT_OK
