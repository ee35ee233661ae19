"""My notes and favourite for the muscle in the panel, saved to the user's store as you type."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tpi_viewer.store import Store

SAVE_DELAY_MS = 600  # typing pauses this long before a note is written (each write is a transaction)


class PersonalPanel(QWidget):
    """A note box and a favourite toggle; writes go to the store, never patient identifiers."""

    favourites_changed = Signal(set)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.muscle_id: str | None = None
        self.favourite = QPushButton("☆ Favourite")
        self.favourite.setCheckable(True)
        self.status = QLabel()
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("My notes on this muscle (kept on this computer; no patient names)")
        self.note.setMaximumHeight(110)
        top = QHBoxLayout()
        top.addWidget(QLabel("<b>My notes</b>"))
        top.addStretch(1)
        top.addWidget(self.status)
        top.addWidget(self.favourite)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.note)
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.note.textChanged.connect(self._on_text_changed)
        self.favourite.toggled.connect(self._on_favourite_toggled)
        self.show_muscle(None)

    def favourite_ids(self) -> set[str]:
        return {f.muscle for f in self.store.favourites.list()}

    def show_muscle(self, muscle_id: str | None) -> None:
        """Save the note being edited, then show the note and star of another muscle."""
        self.flush()
        self.muscle_id = muscle_id
        self.setEnabled(muscle_id is not None)
        note = self.store.notes.get(muscle_id) if muscle_id else None
        self.note.blockSignals(True)
        self.note.setPlainText(note.text if note else "")
        self.note.blockSignals(False)
        self.favourite.blockSignals(True)
        self.favourite.setChecked(bool(muscle_id) and muscle_id in self.store.favourites)
        self.favourite.setText("★ Favourite" if self.favourite.isChecked() else "☆ Favourite")
        self.favourite.blockSignals(False)
        self.status.clear()

    def reload(self) -> None:
        """Show what the store holds now (after an import): note, star and the starred list."""
        self._dirty = False
        self.show_muscle(self.muscle_id)
        self.favourites_changed.emit(self.favourite_ids())

    def flush(self) -> None:
        """Write a pending note now (also on muscle change and when the window closes)."""
        self._timer.stop()
        if not self._dirty or self.muscle_id is None:
            return
        self._dirty = False
        text = self.note.toPlainText()
        if text.strip():
            self.store.notes.set(self.muscle_id, text)
        else:
            self.store.notes.delete(self.muscle_id)
        self.status.setText("saved")

    def _on_text_changed(self) -> None:
        self._dirty = True
        self.status.setText("…")
        self._timer.start()

    def _on_favourite_toggled(self, on: bool) -> None:
        if self.muscle_id is None:
            return
        if on:
            self.store.favourites.add(self.muscle_id)
        else:
            self.store.favourites.remove(self.muscle_id)
        self.favourite.setText("★ Favourite" if on else "☆ Favourite")
        self.favourites_changed.emit(self.favourite_ids())
