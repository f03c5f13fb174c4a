"""Functions of one word, remembered in a dict.

The finders ask the same few questions of every token, again in each rule
("the word without the article", "its stems"), and an article's words recur.
``functools.lru_cache`` answers a word met before in C, but keeps its recency
order on every hit; a dict subclass whose ``__missing__`` computes the answer
costs half as much per hit, and a hit through the bound ``__getitem__`` never
enters Python.  The bound is kept by clearing: hostile input of endless new
words cannot grow the memo without limit, and clearing costs only recomputing.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Final, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

WORDS_KEPT: Final = 1 << 16   # answers kept per function before the memo starts again


class WordMemo(dict):  # type: ignore[type-arg]
    """``memo[word]`` is ``function(word)``, computed once per word."""

    __slots__ = ("function", "bound")

    def __init__(self, function: Callable[[K], V], bound: int = WORDS_KEPT):
        super().__init__()
        self.function = function
        self.bound = bound

    def __missing__(self, word: K) -> V:
        if len(self) >= self.bound:
            self.clear()
        value = self[word] = self.function(word)
        return value


def remembered(function: Callable[[K], V]) -> Callable[[K], V]:
    """Decorator: ``function`` answered through a WordMemo, called as before.
    The result is the memo's bound ``__getitem__`` (its ``__self__`` is the
    memo); the function's docstring stays with its definition."""
    return WordMemo(function).__getitem__


def computed(function: Callable[[K], V]) -> Callable[[K], V]:
    """The function a ``remembered`` one computes with, unremembered (for tests
    that check a remembered answer is the computed one)."""
    memo = getattr(function, "__self__", None)
    if not isinstance(memo, WordMemo):
        raise TypeError(f"{function!r} is not remembered")
    return memo.function
