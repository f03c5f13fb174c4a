"""One memo for what a word can open, read once per document (kg.extract.openers):
each finder handed its openers must find what it finds asking its own memo."""

from hypothesis import given, settings

from kg.extract.dates import DateLexicon, find_dates
from kg.extract.gazetteer import Gazetteer
from kg.extract.lexicons import Lexicons
from kg.extract.openers import DATE, GAZETTEER, TRIGGER, Openings, between, openings_of, word_openings
from kg.extract.patterns import find_names, phrase_openings
from kg.extract.walker import PHRASE_OPENINGS
from kg.extract.triggers import find_triggers, opens_trigger
from kg.text.segment import segment

from ..strategies import SCALE, news_text

TEXT = ("الرباط في 12 مارس 2024 - استقبل وزير الداخلية المغربي السيد سليم حداد، أمس الثلاثاء، "
        "الأمين العام لمجلس وزراء الداخلية العرب. وبحث الجانبان سبل التعاون، ثم وقعا مذكرة تفاهم.")


def _tokens_and_sentences(text: str):
    return segment(text, 0)


def test_openers_flags_are_each_finders_own_answers():
    tokens, _ = _tokens_and_sentences(TEXT)
    lex, dates, gazetteer = Lexicons.bundled(), DateLexicon.bundled(), Gazetteer.bundled()
    for token in tokens:
        flags = word_openings(token.norm)
        assert flags & PHRASE_OPENINGS == phrase_openings(lex, token.norm)
        assert bool(flags & DATE) == dates.opens_date(token.norm)
        assert bool(flags & GAZETTEER) == gazetteer.lexicon.opens(token.norm)
        assert bool(flags & TRIGGER) == opens_trigger(token.norm)
    openings = Openings.of(tokens)
    by_norm = {t.norm: i for i, t in enumerate(tokens)}
    # what the sample is there to show: each finder has openers, and not every token is one
    assert 0 < len(openings.dates) < len(tokens) and tokens[by_norm["مارس"]] in [tokens[i] for i in openings.dates]
    assert by_norm["استقبل"] in openings.triggers and by_norm["الرباط"] in openings.names
    assert openings.flags[by_norm["وزير"]] & PHRASE_OPENINGS
    # each finder's indices are exactly the tokens with its flag, in order
    for flag, indices in ((DATE, openings.dates), (GAZETTEER, openings.names), (TRIGGER, openings.triggers)):
        assert indices == [i for i, flags in enumerate(openings.flags) if flags & flag]


def test_openers_keys_and_bare_words_are_read_with_the_flags():
    from kg.extract.lexicon import word_key
    tokens, _ = _tokens_and_sentences(TEXT + " ووفد الجلسة")
    openings = Openings.of(tokens)
    assert openings.keys == [word_key(t.text) for t in tokens]
    words = dict(zip((t.text for t in tokens), openings.bare))
    assert words["الداخلية"] == "داخليه" and words["وبحث"] == "بحث"   # no article, no "و"
    assert words["ووفد"] == "وفد" and words["الجلسة"] == "جلسه"


def test_openers_between_picks_one_sentences_indices():
    assert between([1, 4, 7, 9], 4, 9) == [4, 7]
    assert between([1, 4, 7, 9], 10, 20) == [] and between([], 0, 5) == []


def test_openers_are_read_once_per_documents_tokens():
    tokens, _ = _tokens_and_sentences(TEXT)
    other, _ = _tokens_and_sentences("وقع الوزيران اتفاقية في تونس.")
    first = openings_of(tokens)
    assert openings_of(tokens) is first          # every stage of the document: read once
    assert openings_of(other) is not first       # another document's tokens: read anew
    assert openings_of(tokens) == first          # and the first again, equal


def _found_both_ways(text: str):
    """What each finder finds in each sentence asking its own memos, then handed its openers."""
    tokens, sentences = _tokens_and_sentences(text)
    openings = Openings.of(tokens)
    gazetteer = Gazetteer.bundled()
    asked, handed = [], []
    for sentence in sentences:
        first, last = sentence.tokens
        asked.append((find_dates(tokens, first, last, anchor=None),
                      find_triggers(tokens, first, last, set()),
                      gazetteer.find_placed(tokens, first, last),
                      find_names(text, tokens, first, last, [])))
        handed.append((find_dates(tokens, first, last, anchor=None, openers=between(openings.dates, first, last)),
                       find_triggers(tokens, first, last, set(), between(openings.triggers, first, last)),
                       gazetteer.find_placed(tokens, first, last, between(openings.names, first, last)),
                       find_names(text, tokens, first, last, [], openings=openings.flags)))
    return asked, handed


def test_openers_handed_to_the_finders_find_what_their_own_memos_do():
    asked, handed = _found_both_ways(TEXT)
    assert handed == asked
    assert any(dates for dates, *_ in asked) and any(triggers for _, triggers, *_ in asked)


@settings(max_examples=40 * SCALE, deadline=None)
@given(news_text(max_pieces=12))
def test_openers_handed_to_the_finders_find_the_same_in_any_news(text):
    asked, handed = _found_both_ways(text)
    assert handed == asked


def test_openers_of_other_lexicons_are_not_used():
    # openings read for the bundled lexicons say nothing of another date lexicon's
    # words: find_dates then asks that lexicon itself
    tokens, sentences = _tokens_and_sentences(TEXT)
    first, last = sentences[0].tokens
    bundled = DateLexicon.bundled()
    other = DateLexicon(bundled.triggers, bundled.words, bundled.numbers, bundled.hijri_needs_year)
    found = find_dates(tokens, first, last, None, lex=other, openers=[])
    assert found and found == find_dates(tokens, first, last, None)
