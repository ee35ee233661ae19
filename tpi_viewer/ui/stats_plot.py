"""Progress over time: reviews per day as bars, the share remembered per day as a line (0-100 %)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QLabel, QStackedLayout, QWidget

from tpi_viewer.model.study import DayStats
from tpi_viewer.ui import style

DAY = 86400.0
RETENTION_COLOUR = QColor("#1b7a3a")
EMPTY_TEXT = ("No reviews yet.\n\nTake a quiz or the daily review (Study menu): "
              "your reviews per day and how much you remembered appear here.")


def day_x(day: date) -> float:
    """A day's plot position: local noon as a Unix time, so each bar sits in the middle of its day."""
    return datetime(day.year, day.month, day.day, 12).timestamp()


class DayAxis(pg.AxisItem):
    """Dates under the bars: one tick per day (or per few days when zoomed out), at each day's noon."""

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:
        days = max((maxVal - minVal) / DAY, 1.0)
        room = max(size / 70.0, 1.0)  # about 70 pixels per label
        step = next((s for s in (1, 2, 7, 14, 28, 56) if days / s <= room), 91)
        first = datetime.fromtimestamp(minVal).date()
        start = day_x(first)
        ticks = []
        x = start
        while x <= maxVal + DAY:
            if x >= minVal:
                ticks.append(x)
            x = day_x(datetime.fromtimestamp(x + step * DAY).date())  # by dates: daylight saving shifts hours
        return [(step * DAY, ticks)]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [datetime.fromtimestamp(v).strftime("%d %b") for v in values]


def _tick_step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500):
        if top / step <= 8:
            return step
    return 1000


class ReviewPlot(QWidget):
    """Two plots sharing a date axis, or a message while there is nothing to plot."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty = QLabel(EMPTY_TEXT)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont(self.empty.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.empty.setFont(font)
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setBackground(style.BACKGROUND)
        self.counts = self.graphics.addPlot(row=0, col=0, axisItems={"bottom": DayAxis("bottom")})
        self.retention = self.graphics.addPlot(row=1, col=0, axisItems={"bottom": DayAxis("bottom")})
        self.retention.setXLink(self.counts)
        self.counts.setTitle("Reviews per day", color=style.LABEL_TEXT, size="12pt")
        self.retention.setTitle("Remembered per day: share of the day's reviews rated Good or Easy",
                                color=style.LABEL_TEXT, size="12pt")
        self.counts.setLabel("left", "Reviews")
        self.retention.setLabel("left", "Remembered", units="%")
        self.retention.getAxis("left").enableAutoSIPrefix(False)
        tick_font = QFont(self.font())
        tick_font.setPointSizeF(max(10.0, tick_font.pointSizeF()))
        for plot in (self.counts, self.retention):
            plot.setMenuEnabled(False)
            plot.setMouseEnabled(x=True, y=False)
            plot.showGrid(x=False, y=True, alpha=0.25)
            plot.hideButtons()
            for name in ("left", "bottom"):
                axis = plot.getAxis(name)
                axis.setStyle(tickFont=tick_font)
                axis.setTextPen(pg.mkPen(style.LABEL_TEXT))
                axis.setPen(pg.mkPen(style.SIDE_TEXT))
            plot.getAxis("left").setWidth(64)  # the same width keeps the two date axes aligned
        self.retention.setYRange(-6, 106, padding=0)  # room for the 0 and 100 labels at the ends
        self.retention.getAxis("left").setTickSpacing(25, 25)
        self.bars: pg.BarGraphItem | None = None
        self.line = pg.PlotDataItem([], [], pen=pg.mkPen(RETENTION_COLOUR, width=2.5), symbol="o", symbolSize=9,
                                    symbolBrush=RETENTION_COLOUR, symbolPen=pg.mkPen("w"), antialias=True)
        self.retention.addItem(self.line)
        self._stack = QStackedLayout(self)
        self._stack.addWidget(self.empty)
        self._stack.addWidget(self.graphics)

    @property
    def is_empty(self) -> bool:
        return self._stack.currentWidget() is self.empty

    def set_stats(self, days: Sequence[DayStats]) -> None:
        """Plot one bar per day (days without reviews as empty bars) and a point per day with reviews."""
        if self.bars is not None:
            self.counts.removeItem(self.bars)
            self.bars = None
        if not days:
            self.line.setData([], [])
            self._stack.setCurrentWidget(self.empty)
            return
        xs = [day_x(d.day) for d in days]
        self.bars = pg.BarGraphItem(x=xs, height=[d.reviews for d in days], width=0.7 * DAY,
                                    brush=style.HIGHLIGHT_FILL, pen=pg.mkPen(style.HIGHLIGHT_LINE))
        self.counts.addItem(self.bars)
        kept = [(x, 100.0 * d.retention) for x, d in zip(xs, days) if d.retention is not None]
        self.line.setData([x for x, _ in kept], [y for _, y in kept])
        top = max(d.reviews for d in days)
        step = _tick_step(top)
        self.counts.getAxis("left").setTickSpacing(step, step)
        self.counts.setYRange(-0.05 * max(top, 1), max(top, 1) * 1.12, padding=0)
        span = max(xs[-1] - xs[0], 6 * DAY)  # at least a week, so a first day does not fill the plot
        self.counts.setXRange(xs[-1] - span - 0.6 * DAY, xs[-1] + 0.6 * DAY, padding=0)
        self._stack.setCurrentWidget(self.graphics)

    def bar_count(self) -> int:
        """How many day bars are drawn."""
        return 0 if self.bars is None else len(self.bars.opts["x"])

    def point_count(self) -> int:
        """How many retention points are drawn."""
        x, _ = self.line.getData()
        return 0 if x is None else len(x)
