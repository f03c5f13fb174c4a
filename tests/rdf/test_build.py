"""kg/rdf/build.py over several articles: the corpus graph, the dataset of
per-article graphs and its union all conform to ontologies/shapes.ttl, an
entity named differently in two articles keeps one rdfs:label, and an article
built twice is written once."""

from __future__ import annotations

from dataclasses import replace

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS

from kg.model import (Document, Entity, EntityType, Event, EventType, Mention, MentionKind, Participant,
                      Role, Sentence, Span)
from kg.rdf import iris
from kg.rdf.build import add_document, corpus_dataset, corpus_graph, document_graph
from kg.rdf.namespace import HD

# Two invented articles about the same (invented) Moroccan minister and the
# same American president, each spelt its own way: "إبراهيم الفاسي" /
# "ابراهيم الفاسى", "الأمريكي" / "الأميركي".  Both name Morocco.
FIRST_TEXT = "استقبل الرئيس الأمريكي وزير الخارجية المغربي إبراهيم الفاسي في الرباط."
SECOND_TEXT = "زار ابراهيم الفاسى واشنطن حيث التقى الرئيس الأميركي، وأكد دعم المغرب."

MINISTER = "person:ابراهيم فاسي"
PRESIDENT = "person:رئيس@country:US"
MOROCCO = "country:MA"
RABAT = "city:2538475"


def mention(text: str, words: str, entity_type: EntityType, kind: MentionKind = MentionKind.NAME) -> Mention:
    start = text.index(words)
    return Mention(Span(start, start + len(words)), words, entity_type, kind)


def entity(text: str, entity_id: str, entity_type: EntityType, label: str, *, written: str | None = None,
           role_only: bool = False, wikidata: str | None = None, label_en: str | None = None) -> Entity:
    """An entity with one mention: ``written`` as it stands in ``text`` (default: the label)."""
    written = written or label
    names = () if written == label else (written,)
    kind = MentionKind.ROLE if role_only else MentionKind.NAME
    return Entity(entity_id, entity_type, label, names, (mention(text, written, entity_type, kind),),
                  role_only=role_only, wikidata=wikidata, label_en=label_en)


def document(doc_id: str, text: str, entities: tuple[Entity, ...], events: tuple[Event, ...] = (),
             source: str | None = None) -> Document:
    return Document(text=text, id=doc_id, source=source, sentences=(Sentence(Span(0, len(text)), (0, 0)),),
                    entities=entities, events=events)


def trigger_event(text: str, event_type: EventType, word: str, participants, place: str | None = None) -> Event:
    start = text.index(word)
    return Event("ev1", event_type, Span(start, start + len(word)), Span(0, len(text)),
                 participants=tuple(participants), place=place, evidence=(Span(start, start + len(word)),))


def first_article(morocco_en: str = "Morocco", source: str | None = "first.txt") -> Document:
    text = FIRST_TEXT
    return document("first", text, (
        entity(text, PRESIDENT, EntityType.PERSON, "الرئيس الأمريكي", role_only=True),
        entity(text, MINISTER, EntityType.PERSON, "إبراهيم الفاسي"),
        entity(text, MOROCCO, EntityType.COUNTRY, "المغرب", written="المغربي", wikidata="Q1028",
               label_en=morocco_en),
        entity(text, RABAT, EntityType.CITY, "الرباط", wikidata="Q3551", label_en="Rabat"),
    ), (trigger_event(text, EventType.MEETING, "استقبل",
                      [Participant(PRESIDENT, Role.HOST), Participant(MINISTER, Role.GUEST)], place=RABAT),),
        source=source)


def second_article(morocco_en: str = "Morocco") -> Document:
    text = SECOND_TEXT
    return document("second", text, (
        entity(text, MINISTER, EntityType.PERSON, "ابراهيم الفاسى"),
        entity(text, PRESIDENT, EntityType.PERSON, "الرئيس الأميركي", role_only=True),
        entity(text, MOROCCO, EntityType.COUNTRY, "المغرب", wikidata="Q1028", label_en=morocco_en),
    ), (trigger_event(text, EventType.VISIT, "زار", [Participant(MINISTER, Role.VISITOR)]),),
        source="second.txt")


def node(entity_id: str, entity_type: EntityType) -> URIRef:
    return iris.entity_iri(entity_id, entity_type)


def union_of(dataset: Dataset) -> Graph:
    union = Graph()
    for subject, predicate, value, _ in dataset.quads((None, None, None, None)):
        union.add((subject, predicate, value))
    return union


def named_graphs(dataset: Dataset) -> list[Graph]:
    return [graph for graph in dataset.graphs() if len(graph)]


def entity_nodes(graph: Graph) -> set[URIRef]:
    return {subject for entity_type in EntityType for subject in graph.subjects(RDF.type, HD[entity_type.value])}


def assert_one_label_each(graph: Graph) -> None:
    nodes = entity_nodes(graph)
    assert nodes
    for subject in nodes:
        labels = list(graph.objects(subject, RDFS.label))
        assert len(labels) == 1 and labels[0].language == "ar", (subject, labels)
        english = [label for label in graph.objects(subject, SKOS.prefLabel) if label.language == "en"]
        assert len(english) <= 1, (subject, english)


def arabic(text: str) -> Literal:
    return Literal(text, lang="ar")


# ---------------------------------------------------------------- one graph


@pytest.fixture
def corpus() -> Graph:
    return corpus_graph([first_article(), second_article()])


def test_build_corpus_graph_conforms_to_shapes(corpus, shacl_validate):
    report = shacl_validate(corpus)
    assert report.conforms, report.text


def test_build_corpus_graph_keeps_one_label_per_entity(corpus):
    assert_one_label_each(corpus)


def test_build_corpus_graph_keeps_the_first_label_and_demotes_the_later_one(corpus):
    minister, president = node(MINISTER, EntityType.PERSON), node(PRESIDENT, EntityType.PERSON)
    assert corpus.value(minister, RDFS.label) == arabic("إبراهيم الفاسي")
    assert arabic("ابراهيم الفاسى") in set(corpus.objects(minister, SKOS.altLabel))
    assert corpus.value(president, RDFS.label) == arabic("الرئيس الأمريكي")
    assert arabic("الرئيس الأميركي") in set(corpus.objects(president, SKOS.altLabel))


def test_build_label_is_never_also_an_alternative_label(corpus):
    for subject in entity_nodes(corpus):
        assert not set(corpus.objects(subject, RDFS.label)) & set(corpus.objects(subject, SKOS.altLabel))


def test_build_keeps_one_english_label_when_articles_disagree(shacl_validate):
    graph = corpus_graph([first_article("Morocco"), second_article("Kingdom of Morocco")])
    morocco = node(MOROCCO, EntityType.COUNTRY)
    assert [v for v in graph.objects(morocco, SKOS.prefLabel) if v.language == "en"] == [Literal("Morocco", lang="en")]
    assert shacl_validate(graph).conforms


def test_build_gazetteer_label_replaces_one_written_for_an_unknown_entity():
    """An article that did not recognise Morocco wrote its own spelling; the
    gazetteer's canonical name, from a later article, becomes the label."""
    text = "وأكد دعم المملكة المغربية."
    unknown = document("third", text, (entity(text, MOROCCO, EntityType.COUNTRY, "المملكة المغربية"),))
    graph = corpus_graph([unknown, second_article()])
    morocco = node(MOROCCO, EntityType.COUNTRY)
    assert list(graph.objects(morocco, RDFS.label)) == [arabic("المغرب")]
    assert set(graph.objects(morocco, SKOS.altLabel)) == {arabic("المملكة المغربية")}
    # the transliteration follows the label
    assert [v for v in graph.objects(morocco, SKOS.prefLabel) if v.language == "ar-Latn"] == [
        Literal("al-Mghrb", lang="ar-Latn")]


def test_build_entities_are_shared_across_articles(corpus):
    minister = node(MINISTER, EntityType.PERSON)
    assert set(corpus.objects(minister, PROV.wasDerivedFrom)) == {
        iris.article_iri("first"), iris.article_iri("second")}
    assert len(set(corpus.objects(minister, HD.mention))) == 2


# ---------------------------------------------------------------- the same article twice


def test_build_same_article_twice_is_written_once(shacl_validate):
    once = document_graph(first_article())
    twice = corpus_graph([first_article(), first_article(source="copy-of-first.txt")])
    assert set(twice) == set(once)
    assert list(twice.objects(iris.article_iri("first"), HD.sourceFile)) == [Literal("first.txt")]
    report = shacl_validate(twice)
    assert report.conforms, report.text


def test_build_add_document_skips_an_article_the_graph_holds():
    graph = document_graph(first_article())
    size = len(graph)
    add_document(graph, replace(first_article(), source="elsewhere.txt"))
    assert len(graph) == size


def test_build_same_article_twice_in_a_dataset_is_written_once(shacl_validate):
    dataset = corpus_dataset([first_article(), second_article(), first_article(source="copy-of-first.txt")])
    assert len(named_graphs(dataset)) == 2
    assert list(dataset.graph(iris.article_iri("first")).objects(iris.article_iri("first"), HD.sourceFile)) == [
        Literal("first.txt")]
    report = shacl_validate(union_of(dataset))
    assert report.conforms, report.text


# ---------------------------------------------------------------- a dataset of per-article graphs


@pytest.fixture
def dataset() -> Dataset:
    return corpus_dataset([first_article(), second_article()])


def test_build_dataset_has_one_named_graph_per_article(dataset):
    assert {graph.identifier for graph in named_graphs(dataset)} == {
        iris.article_iri("first"), iris.article_iri("second")}


@pytest.mark.parametrize("article", ["first", "second"])
def test_build_dataset_each_named_graph_conforms_to_shapes(dataset, shacl_validate, article):
    graph = dataset.graph(iris.article_iri(article))
    report = shacl_validate(graph)
    assert report.conforms, report.text
    assert_one_label_each(graph)


def test_build_dataset_union_conforms_to_shapes(dataset, shacl_validate):
    union = union_of(dataset)
    report = shacl_validate(union)
    assert report.conforms, report.text
    assert_one_label_each(union)


def test_build_dataset_union_is_the_corpus_graph(dataset, corpus):
    assert set(union_of(dataset)) == set(corpus)


def test_build_dataset_later_article_carries_the_label_and_its_own_spelling(dataset):
    second = dataset.graph(iris.article_iri("second"))
    minister = node(MINISTER, EntityType.PERSON)
    assert list(second.objects(minister, RDFS.label)) == [arabic("إبراهيم الفاسي")]
    assert arabic("ابراهيم الفاسى") in set(second.objects(minister, SKOS.altLabel))


# ---------------------------------------------------------------- the same, through the pipeline
# Two invented articles as `kg build DIR` reads them: the minister spelt
# "إبراهيم الفاسي" then "ابراهيم الفاسى", Morocco and Tunisia in both.

PIPELINE_ARTICLES = (
    ("وزير الداخلية المغربي يستقبل نظيره التونسي",
     "استقبل وزير الداخلية المغربي إبراهيم الفاسي، اليوم الثلاثاء بالرباط، وزير الداخلية التونسي. "
     "وبحث الجانبان التعاون الأمني بين المغرب وتونس."),
    ("الفاسي يزور تونس",
     "قام وزير الداخلية ابراهيم الفاسى بزيارة إلى تونس أمس. وأكد الوزير أن المغرب يدعم التعاون."),
)


@pytest.fixture(scope="module")
def pipeline_docs() -> list[Document]:
    from kg.pipeline import extract
    from kg.reader import make_document
    return [extract(make_document(body, title)) for title, body in PIPELINE_ARTICLES]


def test_build_pipeline_corpus_graph_conforms_to_shapes(pipeline_docs, shacl_validate):
    graph = corpus_graph(pipeline_docs)
    report = shacl_validate(graph)
    assert report.conforms, report.text
    assert_one_label_each(graph)
    (minister,) = {e.id for doc in pipeline_docs for e in doc.entities if "الفاسي" in e.label}
    node_ = iris.entity_iri(minister, EntityType.PERSON)
    assert list(graph.objects(node_, RDFS.label)) == [arabic("إبراهيم الفاسي")]
    assert arabic("ابراهيم الفاسى") in set(graph.objects(node_, SKOS.altLabel))


def test_build_pipeline_dataset_conforms_to_shapes(pipeline_docs, shacl_validate):
    dataset = corpus_dataset(pipeline_docs)
    for graph in (*named_graphs(dataset), union_of(dataset)):
        report = shacl_validate(graph)
        assert report.conforms, report.text
        assert_one_label_each(graph)


# ---------------------------------------------------------------- mention offsets through the pipeline
# tests/test_pipeline.py checks text[begin:end] == anchorOf, which holds by
# construction.  Here the expected words and offsets are worked out from the
# text by hand, on an invented article whose words normalisation changes in
# length: a tatweel (U+0640) in the headline's "المغرب", harakat on the
# trigger and the name, a lam-alef ligature (U+FEFC) in "بنغلاديش", and clitics
# glued to names ("وبالرباط", "للأمن الوطني").

TATWEEL = "\u0640"
LAM_ALEF = "\ufefc"
MOROCCO_DRAWN = f"المغ{TATWEEL * 3}رب"
BANGLADESH_LIGATURE = f"بنغ{LAM_ALEF}ديش"
OFFSETS_TITLE = f"{MOROCCO_DRAWN} و{BANGLADESH_LIGATURE} يبحثان التعاون الأمني"
OFFSETS_BODY = (f"اِستقبَلَ المديرُ العام للأمن الوطني سَمير الوَدغيري، اليوم الثلاثاء وبالرباط، سفيرَ {BANGLADESH_LIGATURE}. "
                "وقال الودغيري إن التعاون بين المغرب وبنغلاديش مهم.")


@pytest.fixture(scope="module")
def offsets_doc() -> Document:
    from kg.pipeline import extract
    from kg.reader import make_document
    return extract(make_document(OFFSETS_BODY, OFFSETS_TITLE))


@pytest.fixture(scope="module")
def offsets_graph(offsets_doc) -> Graph:
    return document_graph(offsets_doc)


def at(text: str, words: str, after: str = "") -> tuple[str, int, int]:
    """(words, begin, end) for ``words`` where ``after + words`` first stands in ``text``."""
    begin = text.index(after + words) + len(after)
    return words, begin, begin + len(words)


def anchors(graph: Graph, subject: URIRef, predicate: URIRef = HD.mention) -> set[tuple[str, int, int]]:
    from kg.rdf.namespace import NIF
    return {(str(graph.value(m, NIF.anchorOf)), int(graph.value(m, NIF.beginIndex)), int(graph.value(m, NIF.endIndex)))
            for m in graph.objects(subject, predicate)}


def entity_node(doc: Document, entity_type: EntityType, label: str) -> URIRef:
    (found,) = [e for e in doc.entities if e.type is entity_type and e.label == label]
    return iris.entity_iri(found.id, found.type)


def test_build_offsets_text_is_headline_then_body(offsets_doc):
    assert offsets_doc.text == OFFSETS_TITLE + "\n\n" + OFFSETS_BODY


def test_build_offsets_city_after_two_clitics(offsets_doc, offsets_graph):
    """"وبالرباط": the mention is "الرباط", without و and ب."""
    rabat = entity_node(offsets_doc, EntityType.CITY, "الرباط")
    begin = offsets_doc.text.index("وبالرباط") + 2
    assert anchors(offsets_graph, rabat) == {("الرباط", begin, begin + 6)}


def test_build_offsets_country_with_tatweel_keeps_it(offsets_doc, offsets_graph):
    morocco = entity_node(offsets_doc, EntityType.COUNTRY, "المغرب")
    assert anchors(offsets_graph, morocco) == {
        (MOROCCO_DRAWN, 0, 9),  # 6 letters and 3 tatweels, opening the headline
        at(offsets_doc.text, "المغرب", after="بين "),
    }


def test_build_offsets_country_with_a_ligature_counts_it_as_one_character(offsets_doc, offsets_graph):
    bangladesh = entity_node(offsets_doc, EntityType.COUNTRY, "بنغلاديش")
    headline = at(offsets_doc.text, BANGLADESH_LIGATURE, after="و")
    assert headline == (BANGLADESH_LIGATURE, len(MOROCCO_DRAWN) + 2, len(MOROCCO_DRAWN) + 9)  # 7, not 8, characters
    assert anchors(offsets_graph, bangladesh) == {
        headline,
        at(offsets_doc.text, BANGLADESH_LIGATURE, after="سفيرَ "),
        at(offsets_doc.text, "بنغلاديش", after="المغرب و"),
    }


def test_build_offsets_organisation_after_the_preposition_lam(offsets_doc, offsets_graph):
    """"للأمن الوطني" is ل + (ا)ل + أمن: the mention starts after both lams, and
    its surface form gets the article back."""
    organisation = entity_node(offsets_doc, EntityType.ORGANISATION, "الأمن الوطني")
    begin = offsets_doc.text.index("للأمن الوطني") + 2
    assert anchors(offsets_graph, organisation) == {("أمن الوطني", begin, begin + len("أمن الوطني"))}
    (found,) = [m for m in offsets_doc.mentions if m.span.start == begin]
    assert found.text == "الأمن الوطني"


def test_build_offsets_person_with_harakat_and_its_short_form(offsets_doc, offsets_graph):
    person = entity_node(offsets_doc, EntityType.PERSON, "سَمير الوَدغيري")
    assert anchors(offsets_graph, person) == {
        at(offsets_doc.text, "سَمير الوَدغيري", after="الوطني "),
        at(offsets_doc.text, "الودغيري", after="وقال "),
    }


def test_build_offsets_trigger_with_harakat(offsets_doc, offsets_graph):
    (meeting,) = [e for e in offsets_doc.events if e.type is EventType.MEETING]
    trigger = "اِستقبَلَ"  # 6 letters, 3 harakat
    begin = len(OFFSETS_TITLE) + 2
    assert anchors(offsets_graph, iris.event_iri(offsets_doc.id, meeting.id), HD.trigger) == {
        (trigger, begin, begin + 9)}


def test_build_offsets_graph_conforms_to_shapes(offsets_graph, shacl_validate):
    report = shacl_validate(offsets_graph)
    assert report.conforms, report.text


def with_identity(doc: Document, entity_id: str, *rules: str) -> Document:
    return replace(doc, entities=tuple(replace(e, identity=rules) if e.id == entity_id else e for e in doc.entities))


@pytest.mark.parametrize("build", [corpus_graph, corpus_dataset])
def test_build_records_why_two_spellings_are_one_person(build, shacl_validate):
    """Each article that cross-article identity joined says which names it used and by which rule."""
    docs = [with_identity(first_article(), MINISTER, "spelling-variant"),
            with_identity(second_article(), MINISTER, "spelling-variant")]
    graph = build(docs)
    union = Graph()
    for quad in graph.quads((None, None, None, None)) if isinstance(graph, Dataset) else graph:
        union.add(quad[:3])
    minister = node(MINISTER, EntityType.PERSON)
    evidence = {article: node_ for node_ in union.objects(minister, HD.identityEvidence)
                for article in union.objects(node_, PROV.wasDerivedFrom)}
    assert set(evidence) == {iris.article_iri("first"), iris.article_iri("second")}
    assert set(union.objects(evidence[iris.article_iri("first")], HD.surfaceForm)) == {arabic("إبراهيم الفاسي")}
    assert set(union.objects(evidence[iris.article_iri("second")], HD.surfaceForm)) == {arabic("ابراهيم الفاسى")}
    assert {str(r) for e in evidence.values() for r in union.objects(e, HD.identityRule)} == {"spelling-variant"}
    assert shacl_validate(union).conforms


def test_build_entity_without_identity_rule_has_no_evidence():
    graph = corpus_graph([first_article()])
    assert not list(graph.objects(node(MINISTER, EntityType.PERSON), HD.identityEvidence))


def test_build_every_entity_and_post_has_one_latin_label(corpus):
    for subject in {*corpus.subjects(RDF.type, HD.Person), *corpus.subjects(RDF.type, HD.Country),
                    *corpus.subjects(RDF.type, HD.Post)}:
        latin = [v for v in corpus.objects(subject, SKOS.prefLabel) if v.language == "ar-Latn"]
        assert len(latin) == 1 and latin[0].isascii(), subject


# ---------------------------------------------------------------- readable event labels


def test_build_event_has_an_english_label_of_its_type_and_participants(corpus, shacl_validate):
    """"Meeting: …": the type in English and each participant's English name, else its transliteration."""
    doc = first_article()
    graph = corpus_graph([doc])
    event = iris.event_iri("first", "ev1")
    (label,) = graph.objects(event, SKOS.prefLabel)
    president, minister = (next(v for v in graph.objects(node(e, EntityType.PERSON), SKOS.prefLabel)
                                if v.language == "ar-Latn") for e in (PRESIDENT, MINISTER))
    assert label == Literal(f"Meeting: {president} \u2013 {minister}", lang="en")
    assert shacl_validate(graph).conforms


def test_build_event_label_prefers_the_english_name():
    text = "استقبل الملك ضيفه."
    king = entity(text, "person:k", EntityType.PERSON, "الملك", label_en="King K")
    doc = document("k", text, (king,), (trigger_event(text, EventType.MEETING, "استقبل", [Participant("person:k")]),))
    graph = document_graph(doc)
    assert list(graph.objects(iris.event_iri("k", "ev1"), SKOS.prefLabel)) == [Literal("Meeting: King K", lang="en")]


def test_build_event_without_participants_is_labelled_by_its_type():
    text = "انعقد المؤتمر."
    doc = document("c", text, (), (trigger_event(text, EventType.HOSTING_AWARD, "المؤتمر", []),))
    graph = document_graph(doc)
    assert list(graph.objects(iris.event_iri("c", "ev1"), SKOS.prefLabel)) == [Literal("Hosting award", lang="en")]


def test_build_labels_read_a_hashtag_as_words_and_anchors_keep_it():
    from kg.pipeline import extract
    from kg.reader import make_document
    from kg.rdf.namespace import NIF
    text = "قال الوزير #سامر_الحلبي إن الخطة جاهزة، وأضاف سامر الحلبي أن التنفيذ يبدأ غدا."
    graph = document_graph(extract(make_document(text, "خبر")))
    [person] = [n for n in entity_nodes(graph) if (n, RDF.type, HD.Person) in graph]
    assert set(graph.objects(person, RDFS.label)) == {Literal("سامر الحلبي", lang="ar")}
    assert set(graph.objects(person, SKOS.altLabel)) == set()   # not a second form "سامر_الحلبي"
    anchors = {str(graph.value(m, NIF.anchorOf)) for m in graph.objects(person, HD.mention)}
    assert "سامر_الحلبي" in anchors
