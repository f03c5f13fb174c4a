"""Reading articles: untrusted text, odd encodings, JSON Lines records and news pages."""


import pytest
from rdflib import Graph

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
