"""Normalisation keeps an exact map back to the original text, whatever the text.

Extends tests/text/test_normalize.py from a small alphabet to news-like text
with ligatures, three sets of digits, invisible and control characters, and to
any Unicode string.
"""

import re
import unicodedata

from hypothesis import given, settings, strategies as st

from kg.text.normalize import name_key, normalize_for_matching, normalize_with_offsets, readable_name
from kg.text.memo import computed

from ..strategies import SCALE, any_text

EXAMPLES = settings(max_examples=300 * SCALE, deadline=None)


@EXAMPLES
@given(any_text())
def test_normalize_offsets_are_valid_and_monotone(text):
    normalised = normalize_with_offsets(text)
    offsets = normalised.offsets
    assert len(offsets) == len(normalised.text) + 1 and offsets[-1] == len(text)
    assert all(0 <= a <= b for a, b in zip(offsets, offsets[1:]))
    assert all(offset < len(text) for offset in offsets[:-1])
    for index, char in enumerate(normalised.text):
        assert char in normalize_for_matching(text[offsets[index]])


@EXAMPLES
@given(any_text())
def test_normalize_both_forms_agree_and_are_idempotent(text):
    folded = normalize_for_matching(text)
    assert normalize_with_offsets(text).text == folded
    assert normalize_for_matching(folded) == folded


@EXAMPLES
@given(any_text())
def test_normalize_drops_every_invisible_character(text):
    assert not any(unicodedata.category(char) == "Cf" for char in normalize_for_matching(text))


@EXAMPLES
@given(any_text(), st.data())
def test_normalize_original_span_lies_in_the_text(text, data):
    normalised = normalize_with_offsets(text)
    start = data.draw(st.integers(0, len(normalised.text)))
    end = data.draw(st.integers(start, len(normalised.text)))
    first, last = normalised.original_span(start, end)
    assert 0 <= first <= last <= len(text)
    if start < end:  # the original stretch folds to at least the normalised one
        assert normalised.text[start:end] in normalize_for_matching(text[first:last])


@EXAMPLES
@given(any_text())
def test_normalize_name_key_is_one_spaced_line(text):
    key = name_key(text)
    assert key == key.strip() and "  " not in key and "\n" not in key


def _readable_name_by_words(text: str) -> str:
    """readable_name's plain definition: every word rebuilt from its hashtag parts."""
    def readable(word: re.Match) -> str:
        parts = word.group().removeprefix("#").split("_")
        return " ".join(part for part in parts if part) or word.group()
    return re.sub(r"\S+", readable, text)


@EXAMPLES
@given(any_text())
def test_normalize_readable_name_equals_its_plain_definition(text):
    # readable_name returns a text without "#" or "_" as it is, without the word pass
    assert readable_name(text) == _readable_name_by_words(text)


@EXAMPLES
@given(any_text())
def test_normalize_name_key_remembered_equals_computed(text):
    assert name_key(text) == computed(name_key)(text) == name_key(text)
