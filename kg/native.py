"""What compiling the extraction with mypyc asks of the source, and whether it was.

The finders are mixins, several read into one class (``FrameFiller``,
``SentenceWalker``).  mypyc compiles a class of several bases only where all
but one are traits: ``trait`` marks them.  mypyc reads the marker as
mypy_extensions' own; run as plain Python it leaves the class as it is, so the
package needs mypy_extensions only to be built, not to run.

``compiled()`` tells which the interpreter runs: the same code, read by CPython
from source or as mypyc's extension modules (setup.py).  Both give the same
documents; the compiled one in 70-75% of the time.
"""

from __future__ import annotations

from importlib.machinery import EXTENSION_SUFFIXES
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mypy_extensions import trait
else:
    def trait(cls):
        return cls


def compiled() -> bool:
    """Whether the extraction runs as compiled extension modules (mypyc)."""
    from kg import pipeline   # (compiled with the finders, or not at all)
    return (pipeline.__file__ or "").endswith(tuple(EXTENSION_SUFFIXES))
