"""Remembers data that passed validation (by content hash) and loads body maps per view."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from collections.abc import Iterator, Mapping
from pathlib import Path

from tpi_viewer import __version__
from tpi_viewer.model.bodymap import BodyMap, load_body_map

_KEEP = 8


def cache_file() -> Path:
    """Where validated fingerprints are kept: the platformdirs cache dir, or TPI_VIEWER_CACHE_DIR."""
    override = os.environ.get("TPI_VIEWER_CACHE_DIR")
    if override:
        return Path(override) / "validated.json"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("tpi-viewer", appauthor=False)) / "validated.json"


def fingerprint(muscles_file: Path, schema_file: Path, maps_dir: Path) -> str | None:
    """SHA-256 over the program version and every data file's name and bytes; None if unreadable."""
    digest = hashlib.sha256(__version__.encode())
    try:
        files = [muscles_file, schema_file, *sorted(maps_dir.glob("*.json"))]
        for path in files:
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    except OSError:
        return None
    return digest.hexdigest()


def _known() -> list[str]:
    try:
        data = json.loads(cache_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [s for s in data if isinstance(s, str)] if isinstance(data, list) else []


def is_known_valid(stamp: str) -> bool:
    return stamp in _known()


def remember_valid(stamp: str) -> None:
    """Record a validated fingerprint (best effort: a read-only cache only costs speed)."""
    path = cache_file()
    stamps = [s for s in _known() if s != stamp][-(_KEEP - 1):] + [stamp]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(stamps), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass


def load_parsed(stamp: str, name: str) -> object | None:
    """What was parsed from files with this fingerprint before, or None (any problem: parse again)."""
    try:
        with open(cache_file().with_name(f"{stamp[:24]}-{name}.pickle"), "rb") as f:
            return pickle.load(f)
    except Exception:  # noqa: BLE001  (a stale or unreadable cache only costs speed)
        return None


def save_parsed(stamp: str, name: str, value: object) -> None:
    """Remember a parse result for this fingerprint; drop results of other fingerprints."""
    folder = cache_file().parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.pickle"):
            if not old.name.startswith(stamp[:24]):
                old.unlink(missing_ok=True)
        tmp = folder / f"{stamp[:24]}-{name}.tmp"
        tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, folder / f"{stamp[:24]}-{name}.pickle")
    except OSError:
        pass


class LazyBodyMaps(Mapping[str, BodyMap]):
    """View id -> body map, each parsed on first use (all were validated before) or read from the cache."""

    def __init__(self, maps_dir: Path, view_ids: tuple[str, ...], stamp: str | None = None) -> None:
        self._paths = {v: maps_dir / f"{v}.json" for v in view_ids if (maps_dir / f"{v}.json").exists()}
        self._loaded: dict[str, BodyMap] = {}
        self._stamp = stamp

    def __getitem__(self, view: str) -> BodyMap:
        if view not in self._loaded:
            cached = load_parsed(self._stamp, f"map-{view}") if self._stamp else None
            if isinstance(cached, BodyMap):
                self._loaded[view] = cached
            else:
                self._loaded[view] = load_body_map(self._paths[view])
                if self._stamp:
                    save_parsed(self._stamp, f"map-{view}", self._loaded[view])
        return self._loaded[view]

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)

    def __contains__(self, view: object) -> bool:
        return view in self._paths
