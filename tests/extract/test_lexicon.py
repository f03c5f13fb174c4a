"""kg.extract.lexicon: the closed word classes of function_words.tsv."""

from __future__ import annotations

import re
from importlib import resources

from kg.extract.lexicon import function_words, read_tsv

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
    assert function_words("nominal_appointment") == {"تعيين", "انتخاب", "تنصيب"}
    assert function_words("visit_noun") == {"زياره"}
