"""Reading articles: untrusted text, odd encodings, JSON Lines records and news pages."""

import codecs
import json
import warnings

import pytest
from rdflib import Graph

from kg.errors import InputError, InputWarning
from kg.reader import decode, make_document, read_html_article, read_jsonl, read_path

ARTICLE = "زيارة رسمية\n\nزار وزير الخارجية، سعيد العلوي، القاهرة أمس في زيارة رسمية."


# Control characters

@pytest.mark.parametrize("control", ["\x01", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x85", "\x9b", "\x00"])
def test_reader_control_characters_become_spaces(control):
    body = f"زار الوزير{control}[31mالقاهرة أمس."
    doc = make_document(body, f"عنوان{control}الخبر")
    assert control not in doc.text
    assert doc.title == "عنوان الخبر"
    assert doc.text[doc.body_start:] == body.replace(control, " ")  # one space each: offsets kept


def test_reader_lone_surrogate_from_json_becomes_a_space():
    [doc] = read_jsonl('{"text": "زار الوزير \\ud800 القاهرة."}', "a.jsonl")
    assert doc.text == "زار الوزير   القاهرة."


def test_reader_control_characters_keep_rdf_xml_parsable(tmp_path):
    from kg.api import build
    article = tmp_path / "a.txt"
    article.write_text("زيارة\x01 رسمية\n\nزار وزير الخارجية،\x0b سعيد العلوي،\x1b القاهرة أمس.", encoding="utf-8")
    out = tmp_path / "graph.rdf"
    build([article], out)
    assert len(Graph().parse(out, format="xml")) > 10


# Encodings

@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-8"])
def test_reader_decodes_unicode_with_a_byte_order_mark(encoding):
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE, "utf-32-le": codecs.BOM_UTF32_LE,
           "utf-32-be": codecs.BOM_UTF32_BE, "utf-8": codecs.BOM_UTF8}[encoding]
    assert decode(bom + ARTICLE.encode(encoding), "a.txt") == ARTICLE


def test_reader_utf16_without_bom_is_binary():
    with pytest.raises(InputError, match="binary"):
        decode(ARTICLE.encode("utf-16-le"), "a.txt")


def test_reader_legacy_arabic_is_read_with_a_warning():
    problems = []
    assert decode(ARTICLE.encode("windows-1256"), "old.txt", problems.append) == ARTICLE
    [warning] = problems
    assert isinstance(warning, InputWarning)
    assert "windows-1256" in warning.message and "old.txt" in warning.message


def test_reader_legacy_arabic_warns_through_warnings_without_a_callback():
    with pytest.warns(InputWarning, match="windows-1256"):
        assert decode(ARTICLE.encode("windows-1256"), "old.txt") == ARTICLE


@pytest.mark.parametrize("data", ["Le ministre est arrivé à Rabat, où il a rencontré son homologue.".encode("latin-1"),
                                  "Bakan Rabat'a geldi ve mevkidaşıyla görüştü.".encode("cp1254")])
def test_reader_undecodable_non_arabic_is_an_input_error(data):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(InputError, match="not UTF-8 text"):
            decode(data, "a.txt")


def test_reader_html_meta_charset_is_respected(tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
                      f'</head><body><h1>زيارة رسمية</h1><p>{ARTICLE.splitlines()[-1]}</p></body></html>'
                      ).encode("windows-1256"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # declared, so not a guess: no warning
        [doc] = read_path(page)
    assert doc.title == "زيارة رسمية" and "سعيد العلوي" in doc.text


# JSON Lines

@pytest.mark.parametrize("record, message", [
    ({"text": "خبر", "published": 20240502}, '"published" must be a string, not a number'),
    ({"text": "خبر", "title": ["a"]}, '"title" must be a string, not an array'),
    ({"text": "خبر", "url": {}}, '"url" must be a string, not an object'),
    ({"text": "خبر", "title": True}, '"title" must be a string, not true or false'),
    ({"text": 5}, 'non-empty "text"'),
    ({"text": "خبر", "published": "2 May"}, "not a date"),
])
def test_reader_jsonl_field_types_are_checked(record, message):
    text = json.dumps({"text": "خبر أول"}) + "\n" + json.dumps(record, ensure_ascii=False) + "\n"
    with pytest.raises(InputError, match=message) as caught:
        list(read_jsonl(text, "news.jsonl"))
    assert "news.jsonl:2" in caught.value.message


def test_reader_jsonl_skips_bad_records_when_told():
    lines = ['{"text": "خبر أول"}', "{not json}", '{"text": "خبر", "url": {}}', "", '{"text": "خبر ثالث"}']
    problems = []
    docs = list(read_jsonl("\n".join(lines), "news.jsonl", problems.append))
    assert [doc.text for doc in docs] == ["خبر أول", "خبر ثالث"]
    assert [p.where for p in problems] == ["news.jsonl:2", "news.jsonl:3"]
    assert all(isinstance(p, InputError) for p in problems)


def test_reader_jsonl_with_no_usable_record_fails():
    with pytest.raises(InputError, match="no usable record"):
        list(read_jsonl("{bad}\n[1]\n", "news.jsonl", lambda problem: None))


def test_reader_jsonl_lines_end_at_newline_only():
    """U+2028 and U+0085 may stand unescaped in a JSON string; they do not end a line."""
    text = json.dumps({"text": "خبر\u2028أول\x85."}, ensure_ascii=False) + "\n{bad}\n"
    with pytest.raises(InputError) as caught:
        list(read_jsonl(text, "news.jsonl"))
    assert caught.value.where == "news.jsonl:2"


# HTML pages

def _page(body: str, head: str = "<title>موقع الأخبار</title>") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


SENTENCE = "زار وزير الخارجية، سعيد العلوي، القاهرة أمس في زيارة رسمية."


@pytest.mark.parametrize("line", ["شارك على فيسبوك تويتر واتساب الآن",
                                  "تابعونا على فيسبوك وتويتر وإنستغرام",
                                  "تابعونا عبر قناتنا على تيليجرام",
                                  "Share on Facebook Twitter WhatsApp"])
def test_reader_html_share_and_follow_lines_are_dropped(line):
    doc = read_html_article(_page(f"<h1>زيارة رسمية</h1><p>{SENTENCE}</p><div>{line}</div>"))
    assert SENTENCE in doc.text and line not in doc.text


@pytest.mark.parametrize("line", ["انتشر الفيديو على مواقع التواصل الاجتماعي أمس",
                                  "حظرت السلطات فيسبوك وتويتر وواتساب في البلاد."])
def test_reader_html_news_about_social_media_is_kept(line):
    doc = read_html_article(_page(f"<h1>زيارة رسمية</h1><p>{SENTENCE}</p><p>{line}</p>"))
    assert line in doc.text


def test_reader_html_prefers_the_article_element():
    page = _page("<div class='top'><h1>اسم الموقع الإخباري</h1><p>أحدث الأخبار العاجلة من كل مكان هنا</p></div>"
                 f"<article><h1>زيارة رسمية إلى القاهرة</h1><h1>عنوان ثان</h1><p>{SENTENCE}</p></article>"
                 "<article><p>خبر قصير آخر في صفحة الموقع</p></article>"
                 "<div class='related'><p>مقالات ذات صلة بالخبر يمكنك قراءتها الآن</p></div>")
    doc = read_html_article(page)
    assert doc.title == "زيارة رسمية إلى القاهرة"
    assert doc.text == f"زيارة رسمية إلى القاهرة\n\n{SENTENCE}"


def test_reader_html_without_article_takes_the_element_with_most_paragraph_text():
    page = _page("<div class='promo'><p>اشترك في النشرة اليومية لتصلك أهم الأخبار</p></div>"
                 f"<div class='story'><h1>زيارة رسمية</h1><p>{SENTENCE}</p><p>{SENTENCE}</p></div>")
    doc = read_html_article(page)
    assert doc.title == "زيارة رسمية" and "النشرة" not in doc.text and doc.text.count(SENTENCE) == 2


def test_reader_html_headline_is_the_first_h1_only():
    doc = read_html_article(_page(f"<h1>زيارة رسمية</h1><p>{SENTENCE}</p><h1>الأكثر قراءة</h1>"))
    assert doc.title == "زيارة رسمية"


def test_reader_html_teaser_articles_do_not_hide_the_story():
    page = _page(f"<div class='story'><h1>زيارة رسمية</h1><p>{SENTENCE}</p><p>{SENTENCE}</p><p>{SENTENCE}</p></div>"
                 "<aside-list><article><p>خبر قصير آخر من الموقع</p></article></aside-list>")
    doc = read_html_article(page)
    assert doc.text.count(SENTENCE) == 3 and "خبر قصير" not in doc.text
