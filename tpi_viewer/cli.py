"""The `tpi-viewer` command: no arguments opens the window; subcommands run headless."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from tpi_viewer.cli_figures import cmd_handout, cmd_render
from tpi_viewer.cli_support import EXIT_OK, EXIT_USAGE, UsageError, catalog as _catalog, check_muscle as _check_muscle
from tpi_viewer.model.errors import DataError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"tpi-viewer: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="tpi-viewer", description="Trigger point anatomy reference. With no command, opens the window.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    p = sub.add_parser("list", help="list the muscles")
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p = sub.add_parser("show", help="show one muscle")
    p.add_argument("id", help="muscle id, e.g. masseter")
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p = sub.add_parser("lookup", help="where does it hurt: muscles whose referred pain explains the areas")
    p.add_argument("regions", nargs="+", metavar="REGION", help="a region id, name or synonym (quote multi-word names)")
    p.add_argument("--side", choices=("left", "right"), help="the side of the body that hurts")
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p = sub.add_parser("guide", help="the trigger point injection guide: list its pages, or print one")
    p.add_argument("page", nargs="?", help="page id, e.g. patient_aftercare")
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p = sub.add_parser("conditions", help="list the conditions with their muscles")
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p = sub.add_parser("views", help="list the views with their muscles and regions")
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p = sub.add_parser("validate", help="check a muscles.json file (default: the shipped one)")
    p.add_argument("path", nargs="?", type=Path, help="muscles.json to check")
    p = sub.add_parser("render", help="draw a view to PNG, as the window draws it")
    p.add_argument("--view", required=True, help="view id, e.g. anterior")
    p.add_argument("--muscle", action="append", default=[], metavar="ID", help="select a muscle (repeatable)")
    p.add_argument("--side", choices=("left", "right", "both"), default="both")
    p.add_argument("--mirror", action="store_true", help="mirror view instead of facing the patient")
    p.add_argument("--whole", action="store_true", help="show the whole view instead of zooming to the muscles")
    p.add_argument("--out", required=True, type=Path, metavar="FILE.png|FILE.svg", help="PNG pixels or SVG vector, by suffix")
    p.add_argument("--width", type=int, default=1000, metavar="PX")
    p.add_argument("--scale", type=float, default=1.0, metavar="N", help="PNG pixels per layout pixel, 1 to 4 (sharper slides)")
    p = sub.add_parser("handout", help="a patient handout (PDF or PNG) for muscles and a side")
    p.add_argument("--muscle", action="append", required=True, metavar="ID", help="a muscle id (repeatable)")
    p.add_argument("--side", choices=("left", "right", "both"), default="both")
    p.add_argument("--paper", choices=("a4", "letter"), help="default: as set in Preferences, else a4")
    p.add_argument("--clinic", metavar="NAME", help="default: as set in Preferences")
    p.add_argument("--out", required=True, type=Path, metavar="FILE.pdf|FILE.png")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from tpi_viewer.app import main as app_main

        return app_main()
    try:
        return COMMANDS[args.command](args)
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return EXIT_USAGE
    except UsageError as exc:
        print(f"tpi-viewer: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"tpi-viewer: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # noqa: BLE001  (a bug must still not show users a traceback)
        print(f"tpi-viewer: internal error: {type(exc).__name__}: {exc}. Please report it with the command you ran.",
              file=sys.stderr)
        return 1


def _emit(doc: Any) -> None:
    json.dump(doc, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def cmd_list(args: argparse.Namespace) -> int:
    from tpi_viewer.model.serialize import muscle_summary

    catalog = _catalog()
    muscles = sorted(catalog.muscles, key=lambda m: m.name.lower())
    if args.json:
        _emit([muscle_summary(m) for m in muscles])
    else:
        width = max(len(m.id) for m in muscles)
        for m in muscles:
            print(f"{m.id:<{width}}  {m.name}  ({m.latin})")
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from tpi_viewer.model.serialize import muscle_dict

    catalog = _catalog()
    _check_muscle(catalog, args.id)
    doc = muscle_dict(catalog, catalog.muscle(args.id))
    if args.json:
        _emit(doc)
        return EXIT_OK
    print(f"{doc['name']} ({doc['latin']})\n  in plain words: {doc['lay_name']}\n  views: {', '.join(doc['views'])}")
    if doc["content"] == "anatomy_only":
        print("\nAnatomy only: the clinical content of this muscle has not been written yet.")
        print("\ntpi-viewer is a reference, not a diagnostic tool.")
        return EXIT_OK
    print(f"\nLocal pain: {doc['local_zone']['text']}")
    for kind in ("essential", "spillover"):
        for z in doc["referred_zones"][kind]:
            print(f"{kind.capitalize()} referred pain: {z['text']} [{', '.join(z['regions'])}]")
    if doc["referred_zones"]["spillover_note"]:
        print(f"Spillover: {doc['referred_zones']['spillover_note']}")
    print("\nTrigger points:")
    for t in doc["trigger_points"]:
        print(f"  - {t['name']}: {t['description']}")
    print("\nRelated conditions: " + ", ".join(c["name"] for c in doc["conditions"]))
    print("\nInjection safety:")
    for s in doc["safety"]:
        print(f"  - {s['text']}")
    print("\nSources:")
    for s in doc["sources"]:
        print(f"  [{s['number']}] {s['title']} {s['url']}")
    print("\ntpi-viewer is a reference, not a diagnostic tool.")
    return EXIT_OK


def cmd_lookup(args: argparse.Namespace) -> int:
    from tpi_viewer.model.lookup import RegionNotFound, rank, resolve_region

    catalog = _catalog()
    try:
        regions = list(dict.fromkeys(resolve_region(catalog, phrase) for phrase in args.regions))
    except RegionNotFound as exc:
        raise UsageError(str(exc)) from None
    found = rank(catalog, [(r, args.side) for r in regions])  # the side is where it hurts; the trigger point may be on either
    doc = {
        "regions": regions,
        "muscles": [{"id": c.muscle.id, "name": c.muscle.name, "score": c.score, "side": c.side,
                     "reasons": list(c.reasons), "red_flags": [s.text for s in c.muscle.red_flags]} for c in found],
    }
    if args.json:
        _emit(doc)
        return EXIT_OK
    names = ", ".join(catalog.regions[r].name for r in regions)
    print(f"Muscles whose referred pain reaches: {names}" + (f" ({args.side} side)" if args.side else ""))
    for i, c in enumerate(found, start=1):
        where = f" ({c.side} side)" if c.side else ""
        print(f"{i:2}. {c.muscle.name}{where} {c.score:.2f}: {'; '.join(c.reasons)}")
    if not found:
        print("  no muscle in the catalogue refers pain there")
    print("\nA reasoning aid, not a diagnosis: rule out the red flags listed with each muscle first.")
    return EXIT_OK


def cmd_guide(args: argparse.Namespace) -> int:
    from tpi_viewer.model.guide import load_guide

    guide = load_guide()
    pages = list(guide.pages)
    if args.page:
        if args.page not in [p.id for p in pages]:
            from tpi_viewer.model.matching import did_you_mean

            raise UsageError(f"unknown guide page '{args.page}'{did_you_mean(args.page, [p.id for p in pages])}")
        pages = [guide.page(args.page)]
    if args.json:
        _emit([{"id": p.id, "audience": p.audience, "title": p.title,
                "sections": [{"heading": s.heading, "items": [
                    {"text": i.text, "evidence": i.evidence, "debated": i.debated,
                     "sources": [guide.sources[guide.source_number(x) - 1].url for x in i.sources]} for i in s.items]}
                    for s in p.sections]} for p in pages])
    elif not args.page:
        for p in pages:
            print(f"{p.id:<32} {p.audience:<9} {p.title}")
    else:
        page = pages[0]
        print(page.title)
        for section in page.sections:
            print(f"\n{section.heading}")
            for i in section.items:
                print(f"  - {i.text} [{', '.join(str(guide.source_number(x)) for x in i.sources)}]")
        print("\nSources:")
        for source in guide.sources:
            print(f"  [{guide.source_number(source.id)}] {source.title} {source.url}")
    return EXIT_OK


def cmd_conditions(args: argparse.Namespace) -> int:
    from tpi_viewer.model.queries import condition_muscles

    catalog = _catalog()
    docs = [
        {"id": c.id, "name": c.name, "lay_name": c.lay_name, "synonyms": list(c.synonyms),
         "muscles": [m.id for m in condition_muscles(catalog, c.id)]}
        for c in sorted(catalog.conditions, key=lambda c: c.name.lower())
    ]
    if args.json:
        _emit(docs)
    else:
        for d in docs:
            print(f"{d['name']}: {', '.join(d['muscles']) or '(no muscles yet)'}")
    return EXIT_OK


def cmd_views(args: argparse.Namespace) -> int:
    from tpi_viewer.model.views import VIEW_NAMES

    catalog = _catalog()
    docs = []
    for view in catalog.view_ids:
        body_map = catalog.body_maps[view]
        docs.append({
            "id": view,
            "name": VIEW_NAMES[view],
            "title": body_map.title,
            "muscles": sorted(m for m in body_map.muscle_ids if m in catalog.muscle_ids),
            "context_muscles": sorted(m for m in body_map.muscle_ids if m not in catalog.muscle_ids),
            "regions": sorted(body_map.region_ids),
        })
    if args.json:
        _emit(docs)
    else:
        for d in docs:
            print(f"{d['id']:<15} {d['name']}: {len(d['muscles'])} muscles, {len(d['regions'])} regions")
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    from tpi_viewer import paths
    from tpi_viewer.model.loading import check_catalog_file

    path = args.path or paths.muscles_path()
    problems = check_catalog_file(path)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) in {path}", file=sys.stderr)
        return EXIT_USAGE
    print(f"{path}: valid", file=sys.stderr)
    return EXIT_OK


COMMANDS = {"list": cmd_list, "show": cmd_show, "lookup": cmd_lookup, "guide": cmd_guide, "conditions": cmd_conditions, "views": cmd_views, "validate": cmd_validate, 
            "render": cmd_render, "handout": cmd_handout}
