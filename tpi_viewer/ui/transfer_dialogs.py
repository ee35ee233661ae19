"""File > Export / Import my notes and progress: one JSON file; merge or replace; errors in plain words."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QAbstractButton,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from tpi_viewer.store import Store, StoreError, TransferError
from tpi_viewer.store.store import ImportMode

FILTER = "tpi-viewer data (*.json);;All files (*)"
MAX_PROBLEMS = 8
MERGE_TEXT = ("Merge keeps everything you have and adds what the file holds: the newer of two notes on a muscle "
              "wins, sets with the same name gain the missing muscles, study progress keeps the latest review.")
REPLACE_TEXT = ("Replace makes your data exactly what the file holds: notes, favourites, sets and study progress "
                "that are not in the file are removed.")


# The three ways these dialogs talk to the user, as module functions so tests can stand in for the user.
def ask_save_path(parent: QWidget | None, suggested: Path) -> Path | None:
    """Where to export (None: cancelled)."""
    name, _ = QFileDialog.getSaveFileName(parent, "Export my notes and progress", str(suggested), FILTER)
    return Path(name) if name else None


def ask_open_path(parent: QWidget | None) -> Path | None:
    """Which file to import (None: cancelled)."""
    name, _ = QFileDialog.getOpenFileName(parent, "Import my notes and progress", str(Path.home()), FILTER)
    return Path(name) if name else None


def run_box(box: QMessageBox) -> QAbstractButton | None:
    """Show a message box and wait; the button the user pressed."""
    box.exec()
    return box.clickedButton()


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, details: str = "") -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    if details:
        box.setInformativeText(details)
    box.setObjectName("transfer_message")
    return box


def _tell(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, details: str = "") -> None:
    box = _box(parent, icon, title, text, details)
    box.addButton(QMessageBox.StandardButton.Ok)
    run_box(box)


def _status(parent: QWidget | None, text: str) -> None:
    if isinstance(parent, QMainWindow):
        parent.statusBar().showMessage(text, 10000)


def problems_text(exc: StoreError, file: Path) -> str:
    """The file, then each problem as 'JSON path: problem' (a few at most), for the error box."""
    lines = [f"File: {file}"]
    if isinstance(exc, TransferError):
        lines.append("")
        for p in exc.problems[:MAX_PROBLEMS]:
            lines.append(f"• At {p.path}: {p.message}")
        if len(exc.problems) > MAX_PROBLEMS:
            lines.append(f"• … and {len(exc.problems) - MAX_PROBLEMS} more problem(s)")
    else:
        lines.append(f"Problem: {exc.message}")
    return "\n".join(lines)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def counts_text(doc: dict[str, Any]) -> str:
    """'3 notes, 2 favourites, 1 set and 5 study cards' for an export document."""
    study = doc.get("study") or {}
    parts = [_plural(len(doc.get("notes") or []), "note"), _plural(len(doc.get("favourites") or []), "favourite"),
             _plural(len(doc.get("sets") or []), "set"), _plural(len(study.get("cards") or []), "study card")]
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def export_user_data(parent: QWidget | None, store: Store) -> None:
    """Ask for a file and write everything in the store to it; a message box if that fails."""
    suggested = Path.home() / f"tpi-viewer-my-data-{datetime.now():%Y-%m-%d}.json"
    path = ask_save_path(parent, suggested)
    if path is None:
        return
    if not path.suffix:
        path = path.with_suffix(".json")
    try:
        store.export_file(path)
    except (OSError, StoreError) as exc:
        problem = exc.message if isinstance(exc, StoreError) else (exc.strerror or str(exc))
        _tell(parent, QMessageBox.Icon.Warning, "Export failed", "Your notes and progress could not be exported.",
              f"File: {path}\nProblem: {problem}")
        return
    _status(parent, f"Your notes and progress were exported to {path}")


def ask_mode(parent: QWidget | None, file: Path) -> ImportMode | None:
    """Merge or replace, each explained (None: cancelled)."""
    box = _box(parent, QMessageBox.Icon.Question, "Import my notes and progress",
               f"How should {file.name} be imported?", f"{MERGE_TEXT}\n\n{REPLACE_TEXT}")
    merge = box.addButton("Merge with mine", QMessageBox.ButtonRole.AcceptRole)
    replace = box.addButton("Replace mine…", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(merge)
    clicked = run_box(box)
    return "merge" if clicked is merge else "replace" if clicked is replace else None


def confirm_replace(parent: QWidget | None, file: Path, backup: Path) -> bool:
    """Replace removes data: say so, say where the safety copy is, and default to No."""
    box = _box(parent, QMessageBox.Icon.Warning, "Replace your data?",
               f"Replace all your notes, favourites, sets and study progress with those in {file.name}?",
               f"{REPLACE_TEXT}\n\nA copy of your data as it is now will be saved first to:\n{backup}")
    yes = box.addButton("Replace", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return run_box(box) is yes


def import_user_data(parent: QWidget | None, store: Store) -> bool:
    """Ask for a file and how to import it, then import in one transaction; True when something was imported.

    A file with problems changes nothing: the box names the file, each JSON path and the problem.
    """
    path = ask_open_path(parent)
    if path is None:
        return False
    mode = ask_mode(parent, path)
    if mode is None:
        return False
    if mode == "replace":
        backup = store.path.with_name(f"before-import-{datetime.now():%Y%m%d-%H%M%S}.json")
        if not confirm_replace(parent, path, backup):
            return False
        try:
            store.export_file(backup)  # a way back if the file was the wrong one
        except (OSError, StoreError) as exc:
            problem = exc.message if isinstance(exc, StoreError) else (exc.strerror or str(exc))
            _tell(parent, QMessageBox.Icon.Warning, "Nothing was imported",
                  "Your data is unchanged: the safety copy could not be written.", f"File: {backup}\nProblem: {problem}")
            return False
    try:
        store.import_file(path, mode)
    except StoreError as exc:
        _tell(parent, QMessageBox.Icon.Warning, "Nothing was imported",
              f"{path.name} could not be imported; your data is unchanged.", problems_text(exc, path))
        return False
    try:
        what = counts_text(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, AttributeError):  # the file changed since: the import itself succeeded
        what = "the file's data"
    how = "merged with your own" if mode == "merge" else "in place of your own"
    _status(parent, f"Imported {what} from {path.name}.")
    _tell(parent, QMessageBox.Icon.Information, "Import finished",
          f"Imported {what} from {path.name}, {how}.", f"File: {path}")
    return True
