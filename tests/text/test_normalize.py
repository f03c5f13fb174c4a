from hypothesis import given, strategies as st

import pytest

from kg.text.normalize import name_key, normalize_for_matching, normalize_with_offsets, readable_name

ARABIC = st.text(alphabet=st.sampled_from(
    list("ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإىةئؤ") + ["\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u0640",
                                                  "\ufefb", "\u200f", "\u202e", "٣", "۴", " ", "،", ".", "a"]),
    max_size=60)


@pytest.mark.parametrize("raw, expected", [
    ("عبّــر", "عبر"),                    # shadda and tatweel dropped
    ("أإآٱ", "اااا"),                     # hamza-carrying alefs to bare alef
    ("مصطفى", "مصطفي"),                   # alef maqsura to ya
    ("الدورة", "الدوره"),                 # ta marbuta to ha
    ("٢٠٢٣", "2023"),                     # Arabic-Indic digits
    ("\ufefb", "لا"),                     # lam-alef ligature split
    ("فيي\u200fنا", "فيينا"),             # bidi mark inside a word
])
def test_normalize_examples(raw, expected):
    assert normalize_for_matching(raw) == expected
    assert normalize_with_offsets(raw).text == expected


@given(ARABIC)
def test_normalize_offsets_point_at_the_source_character(text):
    normalised = normalize_with_offsets(text)
    assert len(normalised.offsets) == len(normalised.text) + 1
    assert normalised.offsets[-1] == len(text)
    assert list(normalised.offsets) == sorted(normalised.offsets)
    for index, char in enumerate(normalised.text):
        source = text[normalised.offsets[index]]
        assert char in normalize_for_matching(source)


@given(st.lists(ARABIC, max_size=4).map("".join))
def test_normalize_reads_a_long_text_as_its_characters(text):
    # words are remembered, longer texts translated each time: one fold either way
    assert normalize_for_matching(text) == "".join(normalize_for_matching(char) for char in text)
    assert normalize_for_matching(text) == normalize_with_offsets(text).text


@given(ARABIC)
def test_normalize_is_idempotent(text):
    once = normalize_for_matching(text)
    assert normalize_for_matching(once) == once


@pytest.mark.parametrize("a, b", [
    ("للأنتربول", "الإنتربول"),
    ("المنظمة الدولية للشرطة الجنائية-أنتربول", "منظمة دولية شرطة جنائية انتربول"),
    ("بالرباط", "الرباط"),
])
def test_name_key_matches_guide_normalisation(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("surface, label", [
    ("دونالد #ترمب", "دونالد ترمب"),
    ("#عبد_الله_الثاني", "عبد الله الثاني"),
    ("عبد_الله_الثاني", "عبد الله الثاني"),   # a mention that starts after the mark
    ("#سد_النهضة_", "سد النهضة"),
    ("سامر  الحلبي", "سامر  الحلبي"),           # a name without a hashtag stays as written
    ("#", "#"),
])
def test_normalize_readable_name_drops_hashtag_marks(surface, label):
    assert readable_name(surface) == label


@given(st.text(alphabet="ابتثجحخد #_ "))
def test_normalize_readable_name_keeps_the_name_key(text):
    assert name_key(readable_name(text)) == name_key(text)
