"""The legend under the canvas: line styles and patterns, never colour alone."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from tpi_viewer.ui import style

DISCLAIMER = "Reference only, not a diagnostic tool. Trigger point sites are typical, not exact."


class Legend(QWidget):
    """Swatches for the selected muscle, the three zone kinds, trigger points and deep muscles."""

    ENTRIES = ("drawing", "muscle", "local", "essential", "spillover", "trigger_point", "deep")
    TEXTS = {
        "muscle": "Selected muscle",
        "local": style.ZONE_LABELS["local"],
        "essential": style.ZONE_LABELS["essential"],
        "spillover": style.ZONE_LABELS["spillover"],
        "trigger_point": "Trigger point (typical site)",
        "deep": "Deep muscle (under others)",
        "drawing": "Where it hurts (the drawing)",
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._show_spillover = True
        self._show_drawing = False
        font = QFont(self.font())
        font.setPointSizeF(max(10.0, font.pointSizeF()))
        self.setFont(font)
        self.setAutoFillBackground(True)

    def set_show_spillover(self, show: bool) -> None:
        self._show_spillover = show
        self.update()

    def set_show_drawing(self, show: bool) -> None:
        if show != self._show_drawing:
            self._show_drawing = show
            self.updateGeometry()
            self.update()

    def _entries(self) -> list[str]:
        hidden = {"spillover"} if not self._show_spillover else set()
        hidden |= {"drawing"} if not self._show_drawing else set()
        return [e for e in self.ENTRIES if e not in hidden]

    def _layout(self, width: int) -> list[tuple[str, QRectF]]:
        fm = self.fontMetrics()
        x, y, row_h = 8.0, 6.0, fm.height() + 8.0
        out = []
        for entry in self._entries():
            w = 34 + fm.horizontalAdvance(self.TEXTS[entry]) + 18
            if x + w > width and x > 8:
                x, y = 8.0, y + row_h
            out.append((entry, QRectF(x, y, w, row_h)))
            x += w
        return out

    def heightForWidth(self, width: int) -> int:
        rows = {r.top() for _, r in self._layout(width)}
        return int((len(rows) + 1) * (self.fontMetrics().height() + 8) + 8)

    def hasHeightForWidth(self) -> bool:
        return True

    def sizeHint(self) -> QSize:
        return QSize(600, self.heightForWidth(600))

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), style.BACKGROUND)
        layout = self._layout(self.width())
        for entry, rect in layout:
            swatch = QRectF(rect.left(), rect.top() + 3, 28, rect.height() - 10)
            style.draw_swatch(p, entry, swatch)
            p.setPen(style.LABEL_TEXT)
            p.drawText(QRectF(swatch.right() + 6, rect.top(), rect.width() - 34, rect.height() - 4),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, self.TEXTS[entry])
        bottom = (max(r.bottom() for _, r in layout) if layout else 0) + 2
        p.setPen(style.SIDE_TEXT)
        p.drawText(QRectF(8, bottom, self.width() - 16, self.height() - bottom), Qt.AlignmentFlag.AlignLeft, DISCLAIMER)
        p.end()

