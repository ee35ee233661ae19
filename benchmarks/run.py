"""Start-up and selection latency of tpi-viewer against bare Qt windows, in one run.

Also the reverse lookup of a five-region pain drawing over the whole catalogue (target <= 2 ms).
Each start-up is a fresh process timed from launch until its window has painted (the body
map's viewport for tpi-viewer). Medians of several runs. Targets: first paint <= 1.2x the bare
PySide6+pyqtgraph window; selection (click to painted) <= 16 ms.

    python benchmarks/run.py [--runs N] [--json]
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_FIRST_PAINT = r"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
KIND = sys.argv[1]
if KIND == "bare_qt":
    window = QMainWindow(); target = window
elif KIND == "bare_qt_pyqtgraph":
    import pyqtgraph as pg
    window = QMainWindow(); glw = pg.GraphicsLayoutWidget(); glw.addViewBox(); window.setCentralWidget(glw)
    target = glw.viewport()
else:
    from PySide6.QtCore import QSettings
    from tpi_viewer.model.loading import load_catalog
    from tpi_viewer.ui.main_window import MainWindow
    window = MainWindow(load_catalog(), QSettings(sys.argv[2], QSettings.Format.IniFormat))
    target = window.canvas.view.viewport()
class FirstPaint(QObject):
    def eventFilter(self, obj, ev):
        if obj is target and ev.type() == QEvent.Type.Paint:
            print("painted", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
f = FirstPaint(); app.installEventFilter(f)
window.resize(1280, 800); window.show()
app.exec()
"""

_SELECT = r"""
import sys, time, statistics
from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from tpi_viewer.model.loading import load_catalog
from tpi_viewer.ui.main_window import MainWindow
app = QApplication(sys.argv)
catalog = load_catalog()
window = MainWindow(catalog, QSettings(sys.argv[1], QSettings.Format.IniFormat))
window.resize(1280, 800); window.show()
for _ in range(20): app.processEvents()
canvas = window.canvas; viewport = canvas.view.viewport()
painted = []
class Watch(QObject):
    def eventFilter(self, obj, ev):
        if obj is viewport and ev.type() == QEvent.Type.Paint: painted.append(time.perf_counter())
        return False
w = Watch(); app.installEventFilter(w)
times = []
for view in ("posterior", "head_lateral", "anterior"):
    if view not in catalog.body_maps: continue
    window.state.set_view(view); window.state.clear_selection()
    for _ in range(10): app.processEvents()
    shapes = [s for s in catalog.body_maps[view].muscles if s.muscle in catalog.muscle_ids and s.visible and s.side == "right"]
    for shape in shapes * 3:
        canvas.fit(); app.processEvents()
        pos = canvas.to_widget(shape.label).toPoint()
        painted.clear(); window.state.clear_selection(); app.processEvents(); painted.clear()
        start = time.perf_counter()
        QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
        while not painted and time.perf_counter() - start < 1.0:
            app.processEvents()
        if painted and window.state.selection:
            times.append((painted[0] - start) * 1000)
print("%r %d" % (statistics.median(times) if times else -1.0, len(times)))
"""


def lookup_latency(repeats: int = 300) -> float:
    """Median ms to rank the whole catalogue against a five-region drawing (no Qt involved)."""
    sys.path.insert(0, str(ROOT))
    from tpi_viewer.model.loading import load_catalog
    from tpi_viewer.model.lookup import rank

    catalog = load_catalog()
    drawing = [("temple", "right"), ("back_of_neck", "right"), ("neck_shoulder_angle", "right"),
               ("medial_scapular_border", "right"), ("occiput", "right")]
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        rank(catalog, drawing)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def first_paint(kind: str, settings: Path) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", _FIRST_PAINT, kind, str(settings)], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, env=_env())
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.wait(timeout=60)
    if line.strip() != "painted":
        raise RuntimeError(f"{kind}: the window never painted")
    return elapsed


def select_latency(settings: Path) -> float:
    out = subprocess.run([sys.executable, "-c", _SELECT, str(settings)], capture_output=True, text=True, env=_env(), timeout=300)
    median, count = out.stdout.split()[-2:]
    if int(count) == 0:
        raise RuntimeError("no selection was measured: " + out.stderr[-500:])
    return float(median)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    settings = Path(os.environ.get("TMPDIR", "/tmp")) / "tpi-viewer-bench.ini"
    kinds = ("bare_qt", "bare_qt_pyqtgraph", "tpi_viewer")
    samples: dict[str, list[float]] = {k: [] for k in kinds}
    # An installed wheel is byte-compiled by pip, and ./dev compiles the editable checkout; do the
    # same here so a PYTHONDONTWRITEBYTECODE environment does not bill source compilation to us.
    compileall.compile_dir(str(ROOT / "tpi_viewer"), quiet=1)
    first_paint("tpi_viewer", settings)  # warm the file cache
    for _ in range(args.runs):
        for kind in kinds:  # interleaved, so drift hits all three alike
            samples[kind].append(first_paint(kind, settings))
    result = {
        "first_paint_s": statistics.median(samples["tpi_viewer"]),
        "bare_qt_first_paint_s": statistics.median(samples["bare_qt"]),
        "bare_qt_pyqtgraph_first_paint_s": statistics.median(samples["bare_qt_pyqtgraph"]),
        "select_ms_median": select_latency(settings),
        "lookup_ms_median": lookup_latency(),
    }
    ratio = result["first_paint_s"] / result["bare_qt_pyqtgraph_first_paint_s"]
    if args.json:
        print(json.dumps(result))
    else:
        print(f"first paint, tpi-viewer:            {result['first_paint_s']:.3f} s")
        print(f"first paint, bare PySide6:           {result['bare_qt_first_paint_s']:.3f} s")
        print(f"first paint, bare PySide6+pyqtgraph: {result['bare_qt_pyqtgraph_first_paint_s']:.3f} s")
        print(f"  ratio to PySide6+pyqtgraph:        {ratio:.2f} (target <= 1.20) {'OK' if ratio <= 1.2 else 'OVER'}")
        print(f"selection, click to painted:         {result['select_ms_median']:.1f} ms (target <= 16) "
              f"{'OK' if result['select_ms_median'] <= 16 else 'OVER'}")
        print(f"lookup, five-region drawing:         {result['lookup_ms_median']:.2f} ms (target <= 2) "
              f"{'OK' if result['lookup_ms_median'] <= 2 else 'OVER'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
