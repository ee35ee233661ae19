"""The model and the headless CLI commands never load Qt."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import sys
import tpi_viewer, tpi_viewer.model, tpi_viewer.model.loading, tpi_viewer.model.queries, tpi_viewer.cli
from tpi_viewer.model.loading import load_catalog
load_catalog()
loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6'))
print(loaded)
"""


def test_model_and_cli_import_no_qt(mini_root) -> None:
    out = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout


def test_cli_list_loads_no_qt(mini_root) -> None:
    code = "import sys; from tpi_viewer.cli import main; main(['list', '--json']); main(['show', 'alpha']); main(['validate']);" \
           "print([m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))], file=sys.stderr)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stderr.strip().endswith("[]"), out.stderr


def test_lookup_loads_no_qt(mini_root) -> None:
    code = ("import sys; from tpi_viewer.cli import main; main(['lookup', 'upper part', '--json']);"
            "print([m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))], file=sys.stderr)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stderr.strip().endswith("[]"), out.stderr
