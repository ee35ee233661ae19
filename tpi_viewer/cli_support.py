"""What the `tpi-viewer` subcommands share: exit codes, usage errors, the catalogue, id checks."""

from __future__ import annotations

from typing import Any

EXIT_OK, EXIT_USAGE = 0, 2


class UsageError(Exception):
    """A wrong id, view or argument: exit 2 with a clear message."""


def catalog() -> Any:
    """The shipped catalogue (validated once per content hash)."""
    from tpi_viewer.model.loading import load_catalog

    return load_catalog()


def check_muscle(catalog: Any, muscle_id: str) -> None:
    """A UsageError with a did-you-mean when the muscle id is unknown."""
    if muscle_id not in catalog.muscle_ids:
        from tpi_viewer.model.matching import did_you_mean

        raise UsageError(f"unknown muscle '{muscle_id}'{did_you_mean(muscle_id, catalog.muscle_ids)} (see 'tpi-viewer list')")
