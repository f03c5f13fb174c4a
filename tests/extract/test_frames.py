from hypothesis import given
from hypothesis import strategies as st

from kg.extract.frames import FrameFiller
from kg.model import Document, Entity, EntityType, Mention, Span


def _naive_in_range(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    """The definition: every pair of mentions of the range compared."""
    inside = [m for m in sorted(mentions, key=lambda m: m.span) if start <= m.span.start < end and m.span.end <= end]
    return [m for m in inside if not any(o is not m and o.span.contains(m.span) and o.span != m.span
                                         for o in inside)]


def _filler(spans: list[tuple[int, int]]) -> tuple[FrameFiller, list[Mention]]:
    mentions = [Mention(Span(a, a + n), f"m{i}", EntityType.PERSON, source=str(i)) for i, (a, n) in enumerate(spans)]
    entities = tuple(Entity(f"e{i}", EntityType.PERSON, m.text, (), (m,)) for i, m in enumerate(mentions))
    return FrameFiller(Document(text="x" * 80, id="d", entities=entities)), mentions


@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 12)), max_size=25),
       st.integers(0, 50), st.integers(0, 60))
def test_frames_in_range_keeps_the_outermost_mentions(spans, start, end):
    filler, mentions = _filler(spans)
    assert filler.in_range(start, end) == _naive_in_range(mentions, start, end)


def test_frames_in_range_keeps_mentions_of_the_same_span_and_drops_nested_ones():
    filler, mentions = _filler([(0, 10), (2, 3), (12, 4), (12, 4), (12, 2), (30, 5), (33, 5)])
    assert [m.source for m in filler.in_range(0, 40)] == ["0", "2", "3", "5", "6"]
    assert [m.source for m in filler.in_range(1, 40)] == ["1", "2", "3", "5", "6"]


@given(st.lists(st.tuples(st.integers(0, 70), st.integers(1, 8)), max_size=20),
       st.lists(st.integers(1, 79), max_size=6, unique=True), st.data())
def test_frames_last_actor_found_when_asked_is_that_of_the_last_sentence_naming_one(spans, cuts, data):
    # last_actor is looked for only when a frame asks, from the sentences read
    # since it last asked; asked after any sentence, it is what reading each
    # sentence and keeping its first person would give
    from kg.model import Sentence
    filler, mentions = _filler(spans)
    bounds = [0, *sorted(cuts), 80]
    sentences = [Sentence(Span(a, b), (0, 0)) for a, b in zip(bounds, bounds[1:])]
    expected = None
    for sentence in sentences:
        filler.remember_actor(sentence)
        persons = _naive_in_range(mentions, sentence.span.start, sentence.span.end)
        if persons:
            expected = filler.entity_of(persons[0]).id
        if data.draw(st.booleans()):
            assert filler.last_actor == expected
    assert filler.last_actor == expected


@given(st.integers(0, 60), st.integers(0, 60))
def test_frames_keys_in_are_the_words_in_without_their_offsets(start, end):
    # keys_in serves the tests whether a stretch holds one of a few words
    # (isdisjoint, in C); it must be words_in's words exactly, in order
    from kg.text.segment import segment
    text = "التقى الوزير، بالرئيس في الرباط. وبحث الجانبان التعاون!"
    tokens, sentences = segment(text, 0)
    filler = FrameFiller(Document(text=text, id="d", tokens=tokens, sentences=sentences))
    assert filler.keys_in(start, end) == [word for _, word in filler.words_in(start, end)]
    from kg.extract.lexicon import word_key
    assert filler.keys_in(0, len(text))[:3] == [word_key(w) for w in ("التقى", "الوزير", "،")]
    assert filler.keys_in(0, len(text))[1] == "وزير"   # normalised, without the article

