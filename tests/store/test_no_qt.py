"""The store and the quiz logic load no Qt and never touch the network."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CHECK = """
import sys
sys.modules["socket"] = None  # any network access (or library that could do it) now fails to import
import tpi_viewer.store, tpi_viewer.model.quiz, tpi_viewer.model.study
from tpi_viewer.model.loading import load_catalog
from tpi_viewer.model.quiz import questions
from tpi_viewer.store import Store

catalog = load_catalog()
asked = questions(catalog, seed=1)
with Store.open() as store:
    store.notes.set("alpha", "note")
    store.study.ensure(q.id for q in asked)
    store.study.review(asked[0].id, score=asked[0].score([]))
    store.import_document(store.export_document(), "replace")
    store.study.stats()
loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6'))
print(len(asked), loaded)
"""


def test_store_and_quiz_import_no_qt_and_no_network(mini_root: Path, data_dir: Path) -> None:
    out = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    count, loaded = out.stdout.strip().split(" ", 1)
    assert int(count) > 0 and loaded == "[]", out.stdout
    assert (data_dir / "user-data.sqlite3").is_file()
