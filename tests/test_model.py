import dataclasses
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.model import Document, Span, Token, trusted_span, trusted_token
from kg.text.segment import segment


def test_model_span_validates_what_users_make():
    with pytest.raises(ValueError):
        Span(5, 3)
    with pytest.raises(ValueError):
        Span(-1, 3)


def test_model_trusted_span_is_an_ordinary_span():
    fast, checked = trusted_span(3, 9), Span(3, 9)
    assert type(fast) is Span
    assert fast == checked and hash(fast) == hash(checked) and repr(fast) == repr(checked)
    assert sorted([trusted_span(4, 5), trusted_span(3, 9), Span(3, 4)]) == [Span(3, 4), Span(3, 9), Span(4, 5)]
    assert len(fast) == 6 and pickle.loads(pickle.dumps(fast)) == checked
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.start = 0  # type: ignore[misc]


def test_model_trusted_token_is_an_ordinary_token():
    fast, checked = trusted_token(0, 4, "فيينا", "فيينا"), Token(Span(0, 4), "فيينا", "فيينا")
    assert type(fast) is Token
    assert fast == checked and hash(fast) == hash(checked) and repr(fast) == repr(checked)
    assert dataclasses.replace(fast, norm="x") == Token(Span(0, 4), "فيينا", "x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.text = ""  # type: ignore[misc]


@given(st.text(alphabet="ab .،\n", max_size=40),
       st.lists(st.tuples(st.integers(0, 45), st.integers(0, 6)), max_size=6))
def test_model_covered_tokens_are_those_overlapping_a_span(text, spans):
    tokens, _ = segment(text, 0)
    doc = Document(text=text, id="d", tokens=tokens)
    spans = [Span(a, a + n) for a, n in spans]
    assert doc.covered_tokens(spans) == {i for i, t in enumerate(tokens) for s in spans if t.span.overlaps(s)}


def test_model_replace_document_equals_dataclasses_replace(example_doc):
    from kg.model import replace_document
    for changes in ({}, {"events": ()}, {"entities": (), "mentions": ()}, {"done": frozenset({"x"})}):
        fast, plain = replace_document(example_doc, **changes), dataclasses.replace(example_doc, **changes)
        assert type(fast) is type(plain) and fast == plain and repr(fast) == repr(plain)
        assert pickle.loads(pickle.dumps(fast)) == plain
    with pytest.raises(TypeError):
        replace_document(example_doc, no_such_field=1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        replace_document(example_doc).text = ""  # type: ignore[misc]


def test_model_replace_document_forgets_token_offsets_of_other_tokens(example_doc):
    from kg.model import replace_document
    assert example_doc.token_starts  # computed, and kept by a stage that keeps the tokens
    assert replace_document(example_doc, events=()).token_starts == example_doc.token_starts
    fewer = replace_document(example_doc, tokens=example_doc.tokens[1:])
    assert fewer.token_starts == [t.span.start for t in example_doc.tokens[1:]]
    assert fewer.token_ends == [t.span.end for t in example_doc.tokens[1:]]


def test_model_is_place_names_the_place_types():
    from kg.model import EntityType
    assert {t for t in EntityType if t.is_place} == {EntityType.COUNTRY, EntityType.CITY, EntityType.VENUE}
