import dataclasses
import inspect
import itertools
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.model import (Document, Entity, EntityType, Event, Mention, Participant, Post, PostMention, Sentence, Span,
                      TimeExpr, Token, trusted_span, trusted_token)
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


# -- records whose __init__ writes their slots directly (writes_slots) -------------------------

def _written_directly():
    from kg.extract.lexicon import Match
    return [Span, Token, Sentence, Mention, PostMention, TimeExpr, Post, Entity, Participant, Event, Match]


def _built_plainly(cls, *args):
    """The record as the generated __init__ builds it: each field set through
    object.__setattr__, defaults filled in, then __post_init__."""
    record = object.__new__(cls)
    for item, value in itertools.zip_longest(dataclasses.fields(cls), args, fillvalue=dataclasses.MISSING):
        object.__setattr__(record, item.name, item.default if value is dataclasses.MISSING else value)
    if hasattr(cls, "__post_init__"):
        record.__post_init__()
    return record


@pytest.mark.parametrize("cls", _written_directly(), ids=lambda cls: cls.__name__)
def test_model_records_written_directly_keep_the_generated_signature(cls):
    # the fields in order, the same defaults, positional or by keyword
    parameters = list(inspect.signature(cls).parameters.values())
    assert [(p.name, p.default, p.kind) for p in parameters] == [
        (f.name, inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default,
         inspect.Parameter.POSITIONAL_OR_KEYWORD) for f in dataclasses.fields(cls)]


_VALUES = st.one_of(st.none(), st.integers(), st.text(max_size=5), st.sampled_from(list(EntityType)))


@pytest.mark.parametrize("cls", [cls for cls in _written_directly() if cls is not Span], ids=lambda cls: cls.__name__)
@given(data=st.data())
def test_model_records_written_directly_equal_the_generated_ones(cls, data):
    required = sum(f.default is dataclasses.MISSING for f in dataclasses.fields(cls))
    args = data.draw(st.lists(_VALUES, min_size=required, max_size=len(dataclasses.fields(cls))))
    built, plain = cls(*args), _built_plainly(cls, *args)
    assert type(built) is cls and built == plain and repr(built) == repr(plain)
    assert pickle.loads(pickle.dumps(built)) == plain
    assert dataclasses.replace(built) == plain
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(built, dataclasses.fields(cls)[0].name, None)


@given(st.integers(-3, 9), st.integers(-3, 9))
def test_model_span_written_directly_still_validates(start, end):
    if 0 <= start <= end:
        assert Span(start, end) == _built_plainly(Span, start, end) and hash(Span(start, end)) == hash((start, end))
    else:
        with pytest.raises(ValueError):
            Span(start, end)


def test_model_bound_members_are_the_members_they_are_named_for():
    # kg.model binds the enum members by unpacking each enum in order: a member
    # added or moved must not give a name another member
    import kg.model as model
    for enum in (model.EntityType, model.MentionKind, model.EventType, model.Role):
        for member in enum:
            bound = member.name if enum is not model.MentionKind else f"{member.name}_MENTION"
            assert getattr(model, bound) is member, bound
