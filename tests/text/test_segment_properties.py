"""Tokens and sentences stay inside the text, in order and without overlap,
whatever the text: news-like text with invisible and control characters, or
any Unicode string."""

import re
import unicodedata

from hypothesis import given, settings, strategies as st

from kg.model import Span, Token
from kg.text.normalize import HASHTAG, normalize_for_matching
from kg.text.segment import _INVISIBLE, _SENTENCE_END, _TOKEN, _WORD_CHARS, segment, sentence_spans, tokenize

from ..strategies import SCALE, any_text

EXAMPLES = settings(max_examples=300 * SCALE, deadline=None)
_SKIPPED = re.compile(rf"[\s{_INVISIBLE}]")  # what may lie between tokens
_HASHTAG_MARK = re.compile(rf"{HASHTAG}(?=[{_WORD_CHARS}])")  # and a hashtag's mark before a word,
_HASHTAG_WORDS = re.compile(rf"(?<={HASHTAG})[{_WORD_CHARS}{_INVISIBLE}]+")  # and the underscores joining its words


# the token pattern's plain form: no lookahead for a space, runs that may give back characters
_PLAIN_TOKEN = re.compile(f"[{_WORD_CHARS}]+(?:[{_INVISIBLE}]+[{_WORD_CHARS}]+)*"
                          f"|(?!{HASHTAG}[{_WORD_CHARS}])[^{_WORD_CHARS}\\s{_INVISIBLE}]")


def test_segment_invisible_class_is_exactly_the_format_characters():
    # written as ranges of consecutive characters (the engine's fast form): not
    # one character more or less than those of category Cf it names
    invisible = re.compile(f"[{_INVISIBLE}]")
    for code in (*range(0x10000), *range(0xE0000, 0xE0080)):
        assert bool(invisible.fullmatch(chr(code))) == (unicodedata.category(chr(code)) == "Cf"), hex(code)


@EXAMPLES
@given(any_text())
def test_segment_token_pattern_matches_as_its_plain_form(text):
    assert [m.span() for m in _TOKEN.finditer(text)] == [m.span() for m in _PLAIN_TOKEN.finditer(text)]


@EXAMPLES
@given(any_text())
def test_segment_tokens_equal_those_built_the_checked_way(text):
    # tokenize writes the slots itself (kg.model.trusted_token inlined): the tokens
    # must be ordinary, validated ones, hashed and ordered alike
    tokens = tokenize(text)
    checked = [Token(Span(t.span.start, t.span.end), t.text, t.norm) for t in tokens]
    assert tokens == checked and [hash(t) for t in tokens] == [hash(t) for t in checked]
    assert all(type(t) is Token and type(t.span) is Span for t in tokens)


@EXAMPLES
@given(any_text())
def test_segment_tokens_cover_every_visible_character_once(text):
    tokens = tokenize(text)
    covered = [False] * len(text)
    previous_end = 0
    for token in tokens:
        assert previous_end <= token.span.start < token.span.end <= len(text)
        assert text[token.span.start:token.span.end] == token.text
        assert token.norm == normalize_for_matching(token.text)
        assert not _SKIPPED.fullmatch(token.text[0]) and not _SKIPPED.fullmatch(token.text[-1])
        covered[token.span.start:token.span.end] = [True] * len(token.text)
        previous_end = token.span.end
    marks = {match.start() for match in _HASHTAG_MARK.finditer(text)} | {
        match.start() + offset for match in _HASHTAG_WORDS.finditer(text)
        for offset, char in enumerate(match.group()) if char == "_"}
    assert all(is_covered or _SKIPPED.fullmatch(char) or index in marks
               for index, (char, is_covered) in enumerate(zip(text, covered)))


@EXAMPLES
@given(any_text(), st.data())
def test_segment_sentence_spans_are_trimmed_and_in_order(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    previous_end = start
    for span in sentence_spans(text, start, end):
        assert previous_end <= span.start < span.end <= end
        chunk = text[span.start:span.end]
        assert chunk == chunk.strip() and any(char.isalnum() for char in chunk)
        previous_end = span.end


def _sentence_spans_by_definition(text, start, end):
    """sentence_spans' definition: cut after each sentence end, trim, keep what holds a letter or digit."""
    cuts = [start, *(match.end() for match in _SENTENCE_END.finditer(text, start, end)), end]
    spans = []
    for first, last in zip(cuts, cuts[1:]):
        chunk = text[first:last]
        left, right = len(chunk) - len(chunk.lstrip()), len(chunk.rstrip())
        if right > left and any(char.isalnum() for char in chunk):
            spans.append(Span(first + left, first + right))
    return spans


@EXAMPLES
@given(any_text(), st.data())
def test_segment_sentence_spans_equal_their_definition(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert sentence_spans(text, start, end) == _sentence_spans_by_definition(text, start, end)


@EXAMPLES
@given(any_text(), st.data())
def test_segment_sentences_partition_their_tokens(text, data):
    body_start = data.draw(st.integers(0, len(text)))
    tokens, sentences = segment(text, body_start)
    expected_first = 0
    previous_end = 0
    for number, sentence in enumerate(sentences):
        first, last = sentence.tokens
        assert first == expected_first and first < last <= len(tokens)
        assert previous_end <= sentence.span.start < sentence.span.end <= len(text)
        assert sentence.span.start == tokens[first].span.start and sentence.span.end == tokens[last - 1].span.end
        assert sentence.is_headline == (number == 0 and sentence.span.end <= body_start and body_start > 0)
        expected_first, previous_end = last, sentence.span.end
    assert expected_first == len(tokens)
    assert sum(sentence.is_headline for sentence in sentences) <= 1
