"""kg.text.memo: functions of one word remembered in a bounded dict."""

import pytest

from kg.text.clitics import stems, strip_article
from kg.text.memo import WordMemo, computed, remembered


def test_remembered_computes_each_word_once():
    calls = []

    @remembered
    def length(word):
        calls.append(word)
        return len(word)

    assert [length(w) for w in ("وزير", "في", "وزير", "في")] == [4, 2, 4, 2]
    assert calls == ["وزير", "في"]
    assert computed(length)("الوزير") == 6 and calls == ["وزير", "في", "الوزير"]   # computed again, not kept
    assert length("الوزير") == 6 and calls[-1] == "الوزير"


def test_memo_starts_again_at_its_bound_and_stays_right():
    memo = WordMemo(str.upper, bound=3)
    words = [f"w{n}" for n in range(10)]
    assert [memo[w] for w in words] == [w.upper() for w in words]
    assert len(memo) <= 3
    assert memo["w0"] == "W0"


def test_clitic_functions_are_remembered_and_equal_computed():
    for word in ("الوزير", "وللأمن", "في", "بالعاصمة"):
        assert strip_article(word) == computed(strip_article)(word)
        assert stems(word) == computed(stems)(word)


def test_computed_refuses_a_plain_function():
    with pytest.raises(TypeError):
        computed(len)
