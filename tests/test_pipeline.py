"""The bundled example end to end: extraction, the graph, its shapes and formats."""

from dataclasses import replace
from io import BytesIO

import pytest
from hypothesis import given, settings, strategies as st
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.model import EventType, Role
from kg.pipeline import STAGES, Pipeline, PipelineError, extract
from kg.rdf.namespace import NIF
from kg.reader import make_document

from .conftest import EXAMPLE, ONTOLOGIES
from .strategies import SCALE, news_text


def by_label(doc, label):
    return next(e for e in doc.entities if e.label == label)


def test_pipeline_example_entities(example_doc):
    labels = {(e.type.value, e.label) for e in example_doc.entities}
    assert {("Person", "كريم الصالحي"), ("Person", "سليم حداد"), ("Country", "المغرب"),
            ("City", "الرباط"), ("Organisation", "مجلس وزراء الداخلية العرب")} <= labels
    assert by_label(example_doc, "المغرب").wikidata == "Q1028"


def test_pipeline_example_events(example_doc):
    minister, guest = by_label(example_doc, "كريم الصالحي").id, by_label(example_doc, "سليم حداد").id
    rabat = by_label(example_doc, "الرباط").id
    events = {e.type: e for e in example_doc.events}
    meeting = events[EventType.MEETING]
    assert (meeting.participants[0].entity, meeting.participants[0].role) == (minister, Role.HOST)
    assert (meeting.participants[1].entity, meeting.participants[1].role) == (guest, Role.GUEST)
    assert (meeting.place, meeting.date) == (rabat, "2024-03-12")  # "اليوم الثلاثاء", from the dateline
    session = events[EventType.CONFERENCE]
    assert session.session == 41 and meeting.part_of == session.id
    visit = events[EventType.VISIT]
    assert [p.entity for p in visit.participants] == [guest]
    assert (visit.start, visit.end) == ("2024-03-11", "2024-03-13")  # "أمس", "تستمر ثلاثة أيام"
    assert {p.entity for p in events[EventType.AGREEMENT].participants} == {minister, guest}
    assert len([e for e in example_doc.events if e.type is EventType.MEETING]) == 1  # headline + body: one


def test_pipeline_example_dateline_gives_publication_date(example_doc):
    assert example_doc.published.isoformat() == "2024-03-12"


def test_pipeline_mentions_point_at_their_text(example_graph):
    text = str(next(example_graph.objects(None, NIF.isString)))
    mentions = list(example_graph.subjects(NIF.anchorOf, None))
    assert mentions
    for mention in mentions:
        begin = int(example_graph.value(mention, NIF.beginIndex))
        end = int(example_graph.value(mention, NIF.endIndex))
        assert text[begin:end] == str(example_graph.value(mention, NIF.anchorOf))


def test_pipeline_graph_conforms_to_shapes(example_graph):
    from pyshacl import validate
    shapes = Graph().parse(ONTOLOGIES / "shapes.ttl")
    conforms, _, report = validate(example_graph, shacl_graph=shapes)
    assert conforms, report


@pytest.mark.parametrize("fmt", ["turtle", "json-ld", "nt", "xml"])
def test_pipeline_graph_round_trips(example_graph, fmt):
    data = example_graph.serialize(format=fmt, encoding="utf-8")
    back = Graph().parse(BytesIO(data), format=fmt)
    if not isomorphic(example_graph, back):
        _, only_in_first, only_in_second = graph_diff(to_isomorphic(example_graph), to_isomorphic(back))
        pytest.fail(f"{fmt} round trip lost {len(only_in_first)} and added {len(only_in_second)} triples")


def test_pipeline_same_input_same_graph(example_doc):
    from kg.api import extract_articles
    from kg.rdf.build import document_graph
    from .conftest import EXAMPLE
    again = document_graph(extract_articles([EXAMPLE])[0])
    assert isomorphic(document_graph(example_doc), again)


def test_pipeline_checks_stage_order():
    events = next(stage for stage in STAGES if stage.name == "events")
    with pytest.raises(PipelineError, match="events needs entities, times"):
        Pipeline([STAGES[0], events])


def test_pipeline_records_every_stage_applied(example_doc):
    from kg.pipeline import _ENTITIES, _EVENTS
    assert example_doc.done == {stage.name for stage in STAGES}
    first = _ENTITIES(replace(example_doc, done=frozenset()))
    assert first.done == {stage.name for stage in _ENTITIES.stages} and "events" not in first.done
    assert _EVENTS(first).done == example_doc.done


def test_pipeline_article_text_is_encoded_in_iris():
    from kg.model import EntityType
    from kg.rdf.iris import entity_iri
    iri = entity_iri("person:<script> \"x\"/..", EntityType.PERSON)
    assert all(c not in str(iri) for c in '<>" ') and "/.." not in str(iri)


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_pipeline_dataset_round_trips(example_doc, fmt):
    from rdflib import Dataset
    from kg.rdf.build import corpus_dataset
    dataset = corpus_dataset([example_doc])
    back = Dataset()
    back.parse(BytesIO(dataset.serialize(format=fmt, encoding="utf-8")), format=fmt)
    named = [g for g in back.graphs() if len(g)]
    assert len(named) == 1 and "/article/" in str(named[0].identifier)
    assert isomorphic(named[0], dataset.graph(named[0].identifier))


def test_pipeline_mention_text_keeps_every_other_field():
    from dataclasses import fields

    from kg.model import Document, EntityType, Mention, MentionKind, Span
    from kg.pipeline import _with_text
    mention = Mention(Span(2, 5), "", EntityType.ORGANISATION, MentionKind.ROLE, "key", "source", Span(0, 1))
    assert all(getattr(mention, f.name) != f.default for f in fields(Mention))  # every field set
    assert _with_text(Document(text="للأمن الوطني", id="d"), mention) == replace(mention, text="الأمن")


def _word_memos() -> list[dict]:
    """Every per-word memo the finders keep across sentences and articles."""
    from kg.extract import triggers
    from kg.extract.dates import DateLexicon
    from kg.extract.gazetteer import Gazetteer
    from kg.extract.lexicons import Lexicons
    from kg.extract.openers import word_facts
    lex = Lexicons.bundled()
    lexicons = [Gazetteer.bundled().lexicon, lex.titles, lex.honorifics, lex.org_heads, lex.venue_heads,
                lex.triggers, DateLexicon.bundled().triggers, triggers.trigger_lexicon()]
    return [lex.memo, lex.plainness, triggers._OPENS.__self__, DateLexicon.bundled().openings, word_facts.__self__,
            *(memo for lexicon in lexicons for memo in lexicon._memo.values())]


@settings(max_examples=60 * SCALE, deadline=None)
@given(st.one_of(news_text(max_pieces=12), st.sampled_from([EXAMPLE.read_text(encoding="utf-8")])))
def test_pipeline_reads_the_same_with_its_word_memos_cold(text):
    # The finders skip the tokens whose word is remembered to open nothing (the
    # trigger and date finders pick the others in one pass); with every memo cold
    # they try every token, as a plain loop would, and must find the same.
    doc = make_document(text, "خبر")
    extract(doc)
    warm = extract(doc)
    for memo in _word_memos():
        memo.clear()
    assert extract(doc) == warm



def test_pipeline_freezes_its_loaded_lexicons_out_of_the_collector():
    # after one document every lexicon a stage loads is loaded and stays: it is
    # moved out of the cyclic collector's reach once (kg.pipeline._freeze_resources)
    import gc
    extract(make_document("استقبل الرئيس سليم حداد في الرباط.", "خبر"))
    frozen = gc.get_freeze_count()
    assert frozen > 0
    doc = extract(make_document("وقع الوزيران اتفاقية تعاون في تونس.", "خبر"))
    # not frozen again for every document (the count may fall: a frozen object,
    # such as the first document's own, is still freed when no longer referenced)
    assert doc.events and gc.get_freeze_count() <= frozen


@pytest.mark.parametrize("enabled", [True, False])
def test_pipeline_leaves_the_collector_as_it_found_it(enabled, monkeypatch):
    import gc
    seen = []
    failing = replace(STAGES[0], run=lambda doc: seen.append(gc.isenabled()) or 1 / 0)
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        doc = extract(make_document("وقع الوزيران اتفاقية تعاون في تونس.", "خبر"))
        assert doc.events and gc.isenabled() == enabled
        with pytest.raises(ZeroDivisionError):
            Pipeline((failing,))(make_document("نص.", "خبر"))
        assert seen == [False] and gc.isenabled() == enabled   # resting while it ran, restored after a failure
    finally:
        (gc.enable if was else gc.disable)()
