"""kg.extract.lexicon: the closed word classes of function_words.tsv."""

from __future__ import annotations

import re
from importlib import resources

import pytest

import kg.extract.lexicon as lexicon_module
from kg.errors import ResourceError
from kg.extract.lexicon import PhraseLexicon, function_word, function_word_as_written, function_words, read_tsv
from kg.text.segment import tokenize

_ROLE_LINE = re.compile(r"^#\s{2,}([a-z_]+(?:,\s*[a-z_]+)*):")   # "#   two_days, days: a duration ..."


def _documented_roles() -> set[str]:
    text = resources.files("kg.extract.resources").joinpath("function_words.tsv").read_text(encoding="utf-8")
    return {role.strip() for line in text.splitlines() if (found := _ROLE_LINE.match(line))
            for role in found.group(1).split(",")}


def test_lexicon_every_function_word_role_is_explained_in_the_header():
    used = {row[1] for row in read_tsv("function_words.tsv", 2)}
    assert used - _documented_roles() == set()


def test_lexicon_function_words_matched_by_affix_are_word_keys():
    # the event frames match these as a word's start or end, so they must be keys already
    assert function_words("nominal_appointment") == {"تعيين", "انتخاب", "تنصيب", "تولي", "اختيار", "تكليف"}
    assert function_words("visit_noun") == {"زياره"}


def test_lexicon_function_word_is_the_one_word_of_its_role():
    assert function_word("with") == "مع"
    assert function_word("ministry_head") == "وزاره"   # a word key: normalised
    assert {function_word("with")} == function_words("with")


@pytest.mark.parametrize("role", ["demonstrative", "no_such_role"])   # four words; none
def test_lexicon_function_word_refuses_a_role_without_exactly_one_word(role):
    with pytest.raises(ResourceError):
        function_word(role)
    with pytest.raises(ResourceError):
        function_word_as_written(role)


def test_lexicon_function_word_as_written_is_not_normalised():
    # searched in an article's raw text, or written out as a mention's text
    assert function_word_as_written("saudi_title") == "خادم الحرمين"
    assert function_word("saudi_title") == "خادم حرمين"   # its key: normalised, the article stripped
    assert function_word_as_written("kingdom") == "المملكة"


# -- the per-word memo of PhraseLexicon: remembering must not change an answer ----------------

_PLACES = [("العاصمة الرباط", "capital"), ("مجلس الأمن", "council"), ("مجلس", "head")]


@pytest.mark.parametrize("text", ["وبالعاصمة الرباط اليوم", "انعقد مجلس الأمن ثم المجلس", "لا شيء هنا"])
def test_lexicon_answers_the_same_with_the_memo_warm(text):
    tokens = tokenize(text)
    lexicon = PhraseLexicon(_PLACES)
    cold = [lexicon.match_at(tokens, i) for i in range(len(tokens))]
    warm = [lexicon.match_at(tokens, i) for i in range(len(tokens))]
    assert cold == warm
    assert list(lexicon.finditer(tokens)) == [m for m in _longest_first(cold) if m is not None]


@pytest.mark.parametrize("clitics", [True, False])
def test_lexicon_opens_every_word_a_match_starts_on(clitics):
    tokens = tokenize("وبالعاصمة الرباط التقى مجلس الأمن والعاصمة")
    lexicon = PhraseLexicon(_PLACES)
    for index, token in enumerate(tokens):
        if lexicon.match_at(tokens, index, clitics=clitics) is not None:
            assert lexicon.opens(token.norm, clitics)
    assert [lexicon.opens(t.norm, clitics) for t in tokens] == [PhraseLexicon(_PLACES).opens(t.norm, clitics)
                                                                for t in tokens]   # warm as cold


def test_lexicon_memo_is_bounded(monkeypatch):
    monkeypatch.setattr(lexicon_module, "MEMO_SIZE", 3)
    lexicon = PhraseLexicon(_PLACES)
    for word in ["أ", "ب", "ت", "ث", "ج", "ح", "خ"]:
        lexicon.opens(word)
    assert all(len(memo) <= 3 for memo in lexicon._memo.values())
    assert lexicon.opens("مجلس")


def _longest_first(matches):
    """What finditer yields, read off the matches at every token."""
    index = 0
    while index < len(matches):
        if matches[index] is None:
            index += 1
            continue
        yield matches[index]
        index = matches[index].end
