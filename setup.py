"""Copies data/ and assets/ into the wheel as tpi_viewer/_data (found by tpi_viewer.paths)."""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SHIPPED = ("data", "assets")


class BuildPyWithData(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the checkout's data/ and assets/ directly
        target = Path(self.build_lib) / "tpi_viewer" / "_data"
        for name in SHIPPED:
            shutil.copytree(ROOT / name, target / name, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("previews", "*.svg", "staging"))


setup(cmdclass={"build_py": BuildPyWithData})
