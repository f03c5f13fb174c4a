"""kg.native: the extraction runs compiled (an installed package, setup.py) or as
plain Python (the source), wholly one or the other."""

from __future__ import annotations

import importlib
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import kg
from kg.native import compiled

ROOT = Path(kg.__file__).parent
COMPILED_FOLDERS = ("text", "extract", "link")


def _compiled_set() -> list[str]:
    names = [f"kg.{folder}.{path.stem}" for folder in COMPILED_FOLDERS
             for path in sorted((ROOT / folder).glob("*.py")) if path.name != "__init__.py"]
    return names + ["kg.pipeline"]


def test_native_modules_are_all_compiled_or_none():
    # setup.py compiles these together or keeps none of them (each needs the shared library)
    kinds = {name: importlib.import_module(name).__file__.endswith(tuple(EXTENSION_SUFFIXES))
             for name in _compiled_set()}
    assert len(kinds) > 30
    assert set(kinds.values()) == {compiled()}, kinds


def test_native_every_mixin_of_the_finders_is_a_trait_or_their_one_base():
    # mypyc compiles a class of several bases only where all but the first are traits:
    # a mixin added without @trait would fail the C build (and fall back to plain Python)
    from kg.extract.events import EventFinder
    from kg.extract.frames import FrameFiller
    from kg.extract.patterns import SentenceWalker
    for cls in (EventFinder, FrameFiller, SentenceWalker):
        mixins = [base for base in cls.__mro__[1:] if base is not object and base is not FrameFiller]
        for mixin in mixins:
            source = ROOT.joinpath(*mixin.__module__.split(".")[1:]).with_suffix(".py")   # shipped beside its build
            text = source.read_text(encoding="utf-8")
            assert f"@trait\nclass {mixin.__name__}" in text, f"{mixin.__name__} is mixed into {cls.__name__} without @trait"
