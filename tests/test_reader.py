"""Reading articles: untrusted text, odd encodings, JSON Lines records and news pages."""

import json

import pytest
from rdflib import Graph

from kg.errors import InputError
from kg.reader import make_document, read_jsonl

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
