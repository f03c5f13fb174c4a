import pytest
from hypothesis import given, strategies as st

from kg.text.clitics import readings, stems, strip_article
from kg.text.segment import segment, sentence_spans, tokenize
from kg.text.memo import computed


def test_segment_keeps_appositions_in_one_sentence():
    text = "استقبل الوزير، كريم الصالحي، ضيفه. ثم غادر؟ نعم"
    spans = sentence_spans(text)
    assert [text[s.start:s.end] for s in spans] == ["استقبل الوزير، كريم الصالحي، ضيفه.", "ثم غادر؟", "نعم"]


def test_segment_does_not_split_numbers():
    text = "بلغ النمو 3.5 في المائة هذا العام."
    assert len(sentence_spans(text)) == 1


def test_segment_does_not_split_an_acronym_written_with_dots():
    text = "وقال لشبكة سي.بي.إس إن المحادثات جيدة. وغادر الوفد."
    assert [text[s.start:s.end] for s in sentence_spans(text)] == [
        "وقال لشبكة سي.بي.إس إن المحادثات جيدة.", "وغادر الوفد."]
    # a full stop with its space missing still ends a sentence
    text = "ووصل الوفد إلى تونس.وقال الوزير إن الزيارة مهمة."
    assert len(sentence_spans(text)) == 2


def test_segment_headline_is_its_own_sentence():
    text = "عنوان الخبر.. وتتمته\n\nالجملة الأولى. الجملة الثانية."
    tokens, sentences = segment(text, text.index("الجملة"))
    assert sentences[0].is_headline and text[sentences[0].span.start:sentences[0].span.end] == "عنوان الخبر.. وتتمته"
    assert [s.is_headline for s in sentences] == [True, False, False]
    assert all(text[t.span.start:t.span.end] == t.text for t in tokens)


def test_tokenize_keeps_harakat_inside_words():
    tokens = tokenize("عبّــر، ٢٠٢٣")
    assert [t.text for t in tokens] == ["عبّــر", "،", "٢٠٢٣"]
    assert [t.norm for t in tokens] == ["عبر", "،", "2023"]


@pytest.mark.parametrize("text, words", [
    ("قال الرئيس نبيل #العمراني، أمس", ["قال", "الرئيس", "نبيل", "العمراني", "،", "أمس"]),
    ("زار #سد_النهضة", ["زار", "سد", "النهضة"]),             # a hashtag's words, each a token
    ("ملف_العمل", ["ملف_العمل"]),                              # no hashtag: one word
    ("العدد # 5 و#", ["العدد", "#", "5", "و", "#"]),   # a mark before no word is punctuation
])
def test_tokenize_skips_a_hashtag_mark_glued_to_a_word(text, words):
    assert [t.text for t in tokenize(text)] == words


@pytest.mark.parametrize("word, reading", [
    ("وللامن", (3, "الامن")),      # و + ل + (ا)ل
    ("بالرباط", (1, "الرباط")),
    ("فيينا", (0, "فيينا")),
    ("ولمراقبه", (2, "مراقبه")),
])
def test_clitic_readings(word, reading):
    assert reading in readings(word)


def test_clitic_stems_keep_the_unsplit_reading_first():
    assert stems("بغداد")[0] == (0, "بغداد")


@pytest.mark.parametrize("word, stripped", [
    ("الرباط", "رباط"), ("الامن", "امن"), ("الي", "الي"), ("ال", "ال"), ("رباط", "رباط"), ("", ""),
])
def test_clitic_strip_article_remembered_equals_computed(word, stripped):
    assert strip_article(word) == computed(strip_article)(word) == stripped
    assert strip_article(word) == stripped   # the remembered answer


def test_tokenize_gives_the_tokens_built_the_checked_way():
    from kg.model import Span, Token
    from kg.text.normalize import normalize_for_matching
    text = "استقبل الرئيسُ، الرئيسَ في فيينا. الرئيس"
    for _ in range(2):  # the second pass reads the remembered normal forms
        tokens = tokenize(text)
        assert tokens == [Token(Span(t.span.start, t.span.end), text[t.span.start:t.span.end],
                                normalize_for_matching(text[t.span.start:t.span.end])) for t in tokens]
    assert [t.text for t in tokens] == ["استقبل", "الرئيسُ", "،", "الرئيسَ", "في", "فيينا", ".", "الرئيس"]


_PLAIN_SENTENCE_END = r"(?<!\d)[.!?؟…](?!\d)[.!?؟…\"'”»)]*|\n+"   # the definition, as plainly as it reads


@given(st.text(alphabet="ب٣3.!?؟…\n \"'”»)", max_size=40))
def test_segment_sentence_ends_are_the_plain_definitions(text):
    # _SENTENCE_END opens on a character class and asks afterwards which kind of
    # end it opened (for speed): its matches must be the plain pattern's
    import re
    from kg.text.segment import _SENTENCE_END
    assert [m.span() for m in _SENTENCE_END.finditer(text)] == [m.span() for m in re.finditer(_PLAIN_SENTENCE_END, text)]
    assert [m.span() for m in _SENTENCE_END.finditer(text, 2, 30)] == \
        [m.span() for m in re.compile(_PLAIN_SENTENCE_END).finditer(text, 2, 30)]
