"""Builds the extraction as compiled extension modules with mypyc, where it can.

The text, extraction and linking modules (kg/text, kg/extract, kg/link and the
pipeline) are compiled to C by mypyc and then by the machine's C compiler: the
same code runs in 70-75% of the time (benchmarks/bench_extract.py).  It
takes a C compiler and about two minutes once, at install.  Where either is
missing, or with HADATH_PURE_PYTHON=1 in the environment, the package installs
as plain Python and gives the same documents, only slower.

An editable install (pip install -e .) stays plain Python: compiled modules
would shadow the source being edited.  Everything else is in pyproject.toml.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext
from setuptools.errors import CCompilerError, ExecError, PlatformError

ROOT = Path(__file__).resolve().parent
COMPILED = ["kg/text", "kg/extract", "kg/link"]   # every module of these, not their subfolders
OPT_LEVEL = "3"


class OptionalBuildExt(build_ext):
    """A failed C build installs plain Python, with a warning: none of the
    compiled modules is kept, since each needs the others' shared library."""

    def run(self):
        try:
            super().run()
        except (CCompilerError, ExecError, PlatformError) as error:
            for extension in self.extensions:
                Path(self.get_ext_fullpath(extension.name)).unlink(missing_ok=True)
            self.warn(f"hadath: the compiled extraction could not be built ({error}); installing plain Python")


def compiled_modules() -> list[str]:
    paths = [path for folder in COMPILED for path in sorted((ROOT / folder).glob("*.py"))
             if path.name != "__init__.py"]
    return [str(path.relative_to(ROOT)) for path in paths] + ["kg/pipeline.py"]


def extensions() -> list:
    if os.environ.get("HADATH_PURE_PYTHON") or "editable_wheel" in sys.argv:
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        return []
    try:
        return mypycify(compiled_modules(), opt_level=OPT_LEVEL, multi_file=True)
    except SystemExit as error:   # how mypyc reports a module it cannot compile
        print(f"hadath: mypyc could not compile the extraction ({error}); installing plain Python",
              file=sys.stderr)
        return []


setup(ext_modules=extensions(), cmdclass={"build_ext": OptionalBuildExt})
