"""The only mutable UI state: selection, view, side, mirror and display toggles."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from tpi_viewer.model.types import SideChoice


class ViewerState(QObject):
    """Widgets listen to this object; they never call each other."""

    selection_changed = Signal(list)
    view_changed = Signal(str)
    side_changed = Signal(str)
    mirror_changed = Signal(bool)
    display_changed = Signal()
    drawing_changed = Signal(list)
    drawing_mode_changed = Signal(str)

    def __init__(self, view: str = "anterior", side: SideChoice = "both") -> None:
        super().__init__()
        self._selection: list[str] = []
        self._view = view
        self._side: SideChoice = side
        self._mirror = False
        self._show_spillover = True
        self._show_labels = True
        self._show_zones = True  # off: the selected muscles without their pain zones (a quiz question)
        self.focus_selection = True  # zoom to the selected muscles and their zones
        self._drawing: list[tuple[str, str | None]] = []  # (region id, side or None for both sides)
        self._drawing_mode = "off"  # off | paint | erase

    @property
    def selection(self) -> list[str]:
        return list(self._selection)

    @property
    def current(self) -> str | None:
        """The most recently selected muscle (shown in the panel)."""
        return self._selection[-1] if self._selection else None

    def select(self, muscle_id: str, additive: bool = False) -> None:
        """Select one muscle, or with `additive` add it (or move it to the end) of the list."""
        if additive:
            new = [m for m in self._selection if m != muscle_id] + [muscle_id]
        else:
            new = [muscle_id]
        self.set_selection(new)

    def toggle(self, muscle_id: str) -> None:
        """Ctrl-click: add a muscle, or remove it when it is already selected."""
        if muscle_id in self._selection:
            self.set_selection([m for m in self._selection if m != muscle_id])
        else:
            self.set_selection(self._selection + [muscle_id])

    def set_selection(self, ids: list[str]) -> None:
        ids = list(dict.fromkeys(ids))
        if ids != self._selection:
            self._selection = ids
            self.selection_changed.emit(list(ids))

    def clear_selection(self) -> None:
        self.set_selection([])

    @property
    def view(self) -> str:
        return self._view

    def set_view(self, view: str) -> None:
        if view != self._view:
            self._view = view
            self.view_changed.emit(view)

    @property
    def side(self) -> SideChoice:
        return self._side

    def set_side(self, side: SideChoice) -> None:
        if side not in ("left", "right", "both"):
            raise ValueError(f"unknown side {side!r}")
        if side != self._side:
            self._side = side
            self.side_changed.emit(side)

    @property
    def mirror(self) -> bool:
        return self._mirror

    def set_mirror(self, mirror: bool) -> None:
        if mirror != self._mirror:
            self._mirror = mirror
            self.mirror_changed.emit(mirror)

    @property
    def show_spillover(self) -> bool:
        return self._show_spillover

    def set_show_spillover(self, show: bool) -> None:
        if show != self._show_spillover:
            self._show_spillover = show
            self.display_changed.emit()

    @property
    def show_labels(self) -> bool:
        return self._show_labels

    def set_show_labels(self, show: bool) -> None:
        if show != self._show_labels:
            self._show_labels = show
            self.display_changed.emit()

    @property
    def show_zones(self) -> bool:
        return self._show_zones

    def set_show_zones(self, show: bool) -> None:
        if show != self._show_zones:
            self._show_zones = show
            self.display_changed.emit()

    # ----- the pain drawing ("where does it hurt") -------------------------------------
    @property
    def drawing(self) -> list[tuple[str, str | None]]:
        return list(self._drawing)

    def set_drawing(self, areas: list[tuple[str, str | None]]) -> None:
        areas = list(dict.fromkeys(areas))
        if areas != self._drawing:
            self._drawing = areas
            self.drawing_changed.emit(list(areas))

    def mark(self, region: str, side: str | None) -> None:
        """Add an area (a side of None covers both sides)."""
        if (region, side) not in self._drawing and (region, None) not in self._drawing:
            self.set_drawing(self._drawing + [(region, side)])

    def unmark(self, region: str, side: str | None) -> None:
        """Remove an area; removing one side of a both-sides area keeps the other side."""
        areas = [a for a in self._drawing if a != (region, side)]
        if side is not None and (region, None) in areas:
            other = "left" if side == "right" else "right"
            areas = [a for a in areas if a != (region, None)] + [(region, other)]
        if side is None:
            areas = [a for a in areas if a[0] != region]
        self.set_drawing(areas)

    @property
    def drawing_mode(self) -> str:
        return self._drawing_mode

    def set_drawing_mode(self, mode: str) -> None:
        if mode not in ("off", "paint", "erase"):
            raise ValueError(f"unknown drawing mode {mode!r}")
        if mode != self._drawing_mode:
            self._drawing_mode = mode
            self.drawing_mode_changed.emit(mode)
