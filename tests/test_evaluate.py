"""The scorer of GUIDE section 5, rule by rule, on hand-made gold files and
hand-built graphs (invented names), and the `kg eval` command around it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import InputError
from kg.evaluate import gold_article, gold_files, load_gold, score, score_article
from kg.rdf.namespace import HD, WD

from .conftest import EXAMPLE

EX = Namespace("http://example.org/")
runner = CliRunner()


# ---------------------------------------------------------------- builders

def entity(graph: Graph, name: str, type_name: str, label: str, *alt: str, wikidata: str | None = None):
    node = EX[name]
    graph.add((node, RDF.type, HD[type_name]))
    graph.add((node, RDFS.label, Literal(label, lang="ar")))
    for form in alt:
        graph.add((node, SKOS.altLabel, Literal(form, lang="ar")))
    if wikidata:
        graph.add((node, OWL.sameAs, WD[wikidata]))
    return node


def event(graph: Graph, name: str, type_name: str, participants=(), place=None, **dates):
    node = EX[name]
    graph.add((node, RDF.type, HD[type_name]))
    for participant in participants:
        graph.add((node, HD.participant, participant))
    if place is not None:
        graph.add((node, HD.place, place))
    for prop, value in dates.items():
        datatype = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}[len(value)]
        graph.add((node, HD[prop], Literal(value, datatype=datatype)))
    return node


def gold(entities=(), events=()) -> dict:
    return {"article": "corpus/articles/x.txt", "published": "2024-03-12",
            "entities": list(entities), "events": list(events)}


def ent(entity_id: str, type_name: str, *names: str, wikidata: str | None = None) -> dict:
    return {"id": entity_id, "type": type_name, "names": list(names), "wikidata": wikidata}


def ev(event_id: str, type_name: str, participants=(), place=None, **fields) -> dict:
    return {"id": event_id, "type": type_name, "participants": list(participants), "place": place, **fields}


def counts(level) -> tuple[int, int, int]:
    total = level.total
    return total.tp, total.fp, total.fn


# Two people, a ministry, a country and two cities, all invented.
WARDANI = ent("wardani", "Person", "سليم الورداني", "الورداني")
QURMUZI = ent("qurmuzi", "Person", "نادية القرمزي")
PORTS = ent("ports", "Organisation", "وزارة الموانئ")
ZUMURRUD = ent("zumurrud", "Country", "زمردستان", "الزمردية", wikidata="Q4242")
NADA = ent("nada", "City", "مدينة الندى")
RAMLA = ent("ramla", "City", "رملة الشرقية")


@pytest.fixture
def people():
    """A graph with the two people, the country and both cities, predicted correctly."""
    graph = Graph()
    entity(graph, "wardani", "Person", "سليم الورداني", "الورداني")
    entity(graph, "qurmuzi", "Person", "نادية القرمزي")
    entity(graph, "zumurrud", "Country", "زمردستان", wikidata="Q4242")
    entity(graph, "nada", "City", "مدينة الندى")
    entity(graph, "ramla", "City", "رملة الشرقية")
    return graph


GOLD_PEOPLE = [WARDANI, QURMUZI, ZUMURRUD, NADA, RAMLA]


# ---------------------------------------------------------------- entities

@pytest.mark.parametrize("label", [
    "سليم الورداني",            # as written
    "سليمٌ الوردانى",           # diacritics, final ya written as alif maqsura
    "سليم «الورداني»",          # punctuation
    "سليم ـ الورداني",          # tatweel and spacing
])
def test_evaluate_entity_exact_after_normalisation(label):
    graph = Graph()
    entity(graph, "p", "Person", label)
    assert counts(score(graph, gold([WARDANI])).entities) == (1, 0, 0)


def test_evaluate_entity_alt_label_matches():
    graph = Graph()
    entity(graph, "p", "Person", "الوزير", "الورداني")
    assert counts(score(graph, gold([WARDANI])).entities) == (1, 0, 0)


@pytest.mark.parametrize("label, matches", [
    ("هيئة الموانئ البحرية", True),                   # 3 shared words of 4: Jaccard 0.75
    ("هيئة الموانئ البحرية الكبرى الجديدة", True),    # 4 of 5: 0.8
    ("الهيئة الكبرى للموانئ البحرية", True),          # the same words in another order, ال/لل removed: 1.0
    ("هيئة الموانئ", False),                          # 2 of 4: 0.5
    ("هيئة الموانئ البحرية الصغرى", False),           # 3 of 5: 0.6
])
def test_evaluate_entity_jaccard_threshold(label, matches):
    authority = ent("authority", "Organisation", "هيئة الموانئ البحرية الكبرى")
    graph = Graph()
    entity(graph, "o", "Organisation", label)
    expected = (1, 0, 0) if matches else (0, 1, 1)
    assert counts(score(graph, gold([authority])).entities) == expected


def test_evaluate_entity_type_must_agree():
    graph = Graph()
    entity(graph, "c", "City", "زمردستان")
    assert counts(score(graph, gold([ZUMURRUD])).entities) == (0, 1, 1)


def test_evaluate_entity_one_to_one():
    graph = Graph()
    entity(graph, "a", "Person", "سليم الورداني")
    entity(graph, "b", "Person", "الورداني")
    assert counts(score(graph, gold([WARDANI])).entities) == (1, 1, 0)
    one = Graph()
    entity(one, "a", "Person", "سليم الورداني")
    twins = [WARDANI, ent("wardani-2", "Person", "سليم الورداني")]
    assert counts(score(one, gold(twins)).entities) == (1, 0, 1)


def test_evaluate_entity_exact_name_before_jaccard():
    """A first-found scorer gives the council's node to the union (Jaccard 0.75,
    listed first) and misses both; best first gives it to the council (equal name)."""
    union = ent("union", "Organisation", "اتحاد الموانئ العربية")
    council = ent("council", "Organisation", "مجلس اتحاد الموانئ العربية")
    graph = Graph()
    entity(graph, "council", "Organisation", "مجلس اتحاد الموانئ العربية")
    result = score_article(graph, gold([union, council]))
    assert counts(result.scores.entities) == (1, 0, 1)
    assert [(f.kind, f.text) for f in result.findings] == [("missed", "اتحاد الموانئ العربية")]


def test_evaluate_entity_best_similarity_not_first_found():
    """Two predicted nodes match the gold name; the exact one (listed second) wins."""
    person = ent("qurmuzi", "Person", "نادية فؤاد القرمزي", wikidata="Q77")
    graph = Graph()
    entity(graph, "a1", "Person", "نادية فؤاد القرمزي الصغرى")  # Jaccard 0.75
    entity(graph, "a2", "Person", "نادية فؤاد القرمزي", wikidata="Q77")
    scores = score(graph, gold([person]))
    assert counts(scores.entities) == (1, 1, 0)
    assert (scores.linking.total.hits, scores.linking.total.total) == (1, 1)


# ---------------------------------------------------------------- events

def test_evaluate_event_shares_a_matched_participant(people):
    event(people, "m", "Meeting", [EX.wardani], EX.nada, date="2024-03-11")
    meeting = ev("e1", "Meeting", ["wardani", "qurmuzi"], "nada", date="2024-03-11")
    assert counts(score(people, gold(GOLD_PEOPLE, [meeting])).events) == (1, 0, 0)


def test_evaluate_event_type_must_agree(people):
    event(people, "v", "Visit", [EX.wardani, EX.qurmuzi], EX.nada)
    meeting = ev("e1", "Meeting", ["wardani", "qurmuzi"], "nada")
    scores = score(people, gold(GOLD_PEOPLE, [meeting]))
    assert counts(scores.events) == (0, 1, 1)
    assert scores.events.by_type["Visit"].fp == 1 and scores.events.by_type["Meeting"].fn == 1


def test_evaluate_event_needs_a_matched_participant(people):
    """Sharing a place and date is not enough when the gold event has participants,
    nor is a participant that no gold entity matched."""
    stranger = entity(people, "stranger", "Person", "كريم البستاني")
    event(people, "m", "Meeting", [stranger], EX.nada, date="2024-03-11")
    meeting = ev("e1", "Meeting", ["wardani"], "nada", date="2024-03-11")
    assert counts(score(people, gold(GOLD_PEOPLE, [meeting])).events) == (0, 1, 1)


def test_evaluate_events_one_to_one_best_first(people):
    """Both predictions share al-Wardani with the first gold meeting; the one that
    also shares al-Qurmuzi takes it, the other goes to the second meeting."""
    port = entity(people, "ports", "Organisation", "وزارة الموانئ")
    event(people, "m1", "Meeting", [EX.wardani, port], EX.ramla)
    event(people, "m2", "Meeting", [EX.wardani, EX.qurmuzi], EX.nada)
    meetings = [ev("e1", "Meeting", ["wardani", "qurmuzi"], "nada"),
                ev("e2", "Meeting", ["wardani", "ports"], "ramla")]
    scores = score(people, gold(GOLD_PEOPLE + [PORTS], meetings))
    assert counts(scores.events) == (2, 0, 0)
    assert counts(scores.arguments) == (6, 0, 0)


def test_evaluate_event_without_participants_by_place_and_date(people):
    event(people, "c", "Conference", [], EX.nada, date="2024-05")
    same = ev("e1", "Conference", [], "nada", date="2024-05")
    other_date = ev("e1", "Conference", [], "nada", date="2024-06")
    assert counts(score(people, gold(GOLD_PEOPLE, [same])).events) == (1, 0, 0)
    assert counts(score(people, gold(GOLD_PEOPLE, [other_date])).events) == (0, 1, 1)


def test_evaluate_optional_event_found_is_not_counted(people):
    event(people, "v", "Visit", [EX.wardani], EX.nada, date="2024-03-11")
    visit = ev("e1", "Visit", ["wardani"], "ramla", optional=True)
    scores = score(people, gold(GOLD_PEOPLE, [visit]))
    assert counts(scores.events) == (0, 0, 0)
    assert counts(scores.arguments) == (0, 0, 0)


def test_evaluate_optional_event_missed_is_not_counted(people):
    visit = ev("e1", "Visit", ["wardani"], "ramla", date="2024-03-11", optional=True)
    result = score_article(people, gold(GOLD_PEOPLE, [visit]))
    assert counts(result.scores.events) == (0, 0, 0)
    assert counts(result.scores.arguments) == (0, 0, 0)
    assert not [f for f in result.findings if f.level != "entity"]


def test_evaluate_required_event_before_optional_on_a_tie(people):
    event(people, "m", "Meeting", [EX.wardani], EX.nada)
    meetings = [ev("e1", "Meeting", ["wardani"], "nada", optional=True), ev("e2", "Meeting", ["wardani"], "nada")]
    assert counts(score(people, gold(GOLD_PEOPLE, meetings)).events) == (1, 0, 0)


# ---------------------------------------------------------------- arguments

def test_evaluate_arguments_of_a_matched_event(people):
    """Right: al-Wardani and the date; wrong: al-Qurmuzi's stand-in and the place;
    missed: al-Qurmuzi and the gold place."""
    stranger = entity(people, "stranger", "Person", "كريم البستاني")
    event(people, "m", "Meeting", [EX.wardani, stranger], EX.ramla, date="2024-03-11")
    meeting = ev("e1", "Meeting", ["wardani", "qurmuzi"], "nada", date="2024-03-11")
    result = score_article(people, gold(GOLD_PEOPLE, [meeting]))
    assert counts(result.scores.arguments) == (2, 2, 2)
    arguments = sorted((f.kind, f.text) for f in result.findings if f.level == "argument")
    assert arguments == [("false alarm", "participant: كريم البستاني"), ("false alarm", "place: رملة الشرقية"),
                         ("missed", "participant: نادية القرمزي"), ("missed", "place: مدينة الندى")]


def test_evaluate_arguments_of_unmatched_events(people):
    """Every argument of an unmatched prediction is a false alarm, every argument of
    an unmatched gold event a miss; date, start and end are one argument each."""
    event(people, "v", "Visit", [EX.wardani], EX.nada, startDate="2024-03-10", endDate="2024-03-12")
    call = ev("e1", "Call", ["wardani", "qurmuzi"], None, date="2024-03-11")
    scores = score(people, gold(GOLD_PEOPLE, [call]))
    assert counts(scores.arguments) == (0, 4, 3)
    assert scores.arguments.by_type["Visit"].fp == 4 and scores.arguments.by_type["Call"].fn == 3


def test_evaluate_unmatched_gold_entity_is_a_missed_argument(people):
    """A gold participant that no predicted entity matched still counts as an argument."""
    meeting = ev("e1", "Meeting", ["wardani", "ports"], None)
    event(people, "m", "Meeting", [EX.wardani])
    scores = score(people, gold(GOLD_PEOPLE + [PORTS], [meeting]))
    assert counts(scores.arguments) == (1, 0, 1)


@pytest.mark.parametrize("predicted, expected", [
    ({"date": "2024-03"}, (1, 0, 0)),                 # equal as written
    ({"date": "2024-03-01"}, (0, 1, 1)),              # the same month, written otherwise
    ({"startDate": "2024-03"}, (0, 1, 1)),            # the same value in another slot
    ({"date": "2024-03", "endDate": "2024-04"}, (1, 1, 0)),
])
def test_evaluate_dates_equal_as_written(people, predicted, expected):
    event(people, "m", "Meeting", [EX.wardani], **predicted)
    meeting = ev("e1", "Meeting", ["wardani"], None, date="2024-03")
    scores = score(people, gold(GOLD_PEOPLE, [meeting]))
    participant = (1, 0, 0)
    assert counts(scores.arguments) == tuple(a + b for a, b in zip(participant, expected))


# ---------------------------------------------------------------- linking

def test_evaluate_linking_share_of_matched_entities_with_a_gold_item():
    graph = Graph()
    entity(graph, "z", "Country", "زمردستان", wikidata="Q4242")          # right item
    entity(graph, "n", "City", "مدينة الندى", wikidata="Q1")            # wrong item
    entity(graph, "r", "City", "رملة الشرقية", wikidata="Q5")          # gold has none: not counted
    entities = [ZUMURRUD, ent("nada", "City", "مدينة الندى", wikidata="Q9"), RAMLA,
                ent("lost", "City", "وادي السراب", wikidata="Q8")]  # unmatched: not counted
    linking = score(graph, gold(entities)).linking
    assert (linking.total.hits, linking.total.total, linking.value) == (1, 2, 0.5)
    assert (linking.by_type["Country"].hits, linking.by_type["City"].total) == (1, 1)


# ---------------------------------------------------------------- reading only the graph

def test_evaluate_reads_arabic_labels_only():
    """skos:prefLabel@en and labels in other languages are not names (GUIDE section 4)."""
    graph = Graph()
    node = EX.p
    graph.add((node, RDF.type, HD.Person))
    graph.add((node, RDFS.label, Literal("Salim al-Wardani", lang="en")))
    graph.add((node, SKOS.prefLabel, Literal("سليم الورداني", lang="ar")))
    assert counts(score(graph, gold([WARDANI])).entities) == (0, 1, 1)


# ---------------------------------------------------------------- gold files

def write_gold(folder: Path, name: str, content) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content if isinstance(content, str) else json.dumps(content, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("content, message", [
    ("{not json", "cannot read gold file"),
    ("[]", "must be a JSON object"),
    ({"article": "a.txt", "entities": []}, '"events"'),
    (gold([ent("x", "Planet", "زحل")]), "unknown type"),
    (gold([WARDANI], [ev("e1", "Meeting", ["nobody"])]), "unknown entity"),
    (gold([ent("x", "City", "زحل", wikidata="zuhal")]), "wikidata"),
    (gold([WARDANI, WARDANI]), "same id"),
    (gold([WARDANI], [ev("e1", "Meeting", ["wardani"], date=2024)]), '"date"'),
])
def test_evaluate_malformed_gold_names_the_file(tmp_path, content, message):
    path = write_gold(tmp_path, "bad.json", content)
    with pytest.raises(InputError) as raised:
        load_gold(path)
    assert message in raised.value.message and str(path) in raised.value.message
    assert "\n" not in raised.value.message


def test_evaluate_article_is_relative_to_the_folder_holding_gold(tmp_path):
    article = tmp_path / "corpus" / "articles" / "x.txt"
    article.parent.mkdir(parents=True)
    article.write_text("عنوان\n\nنص", encoding="utf-8")
    path = write_gold(tmp_path / "gold" / "dev", "x.json", gold())
    assert gold_article(path, load_gold(path)) == article
    missing = write_gold(tmp_path / "gold" / "dev", "y.json", gold() | {"article": "corpus/articles/y.txt"})
    with pytest.raises(InputError, match="article is missing"):
        gold_article(missing, load_gold(missing))


@pytest.mark.parametrize("reach", ["../outside.txt", "/etc/hostname", "corpus/../../outside.txt"])
def test_evaluate_article_may_not_reach_out_of_the_shared_folder(tmp_path, reach):
    shared = tmp_path / "shared"
    (tmp_path / "outside.txt").write_text("عنوان\n\nنص", encoding="utf-8")
    path = write_gold(shared / "gold" / "dev", "x.json", gold() | {"article": reach})
    with pytest.raises(InputError, match="outside its shared folder"):
        gold_article(path, load_gold(path))


def test_evaluate_directory_scanned_for_json_sorted(tmp_path):
    for name in ("b.json", "a.json", "notes.txt"):
        write_gold(tmp_path, name, gold())
    assert [p.name for p in gold_files([tmp_path])] == ["a.json", "b.json"]
    with pytest.raises(InputError, match="no such gold file"):
        gold_files([tmp_path / "absent.json"])


# ---------------------------------------------------------------- kg eval

@pytest.fixture
def shared(tmp_path):
    """A shared folder with one article and its gold file: two entities, one meeting."""
    article = tmp_path / "corpus" / "articles" / "x.txt"
    article.parent.mkdir(parents=True)
    article.write_text("عنوان\n\nنص", encoding="utf-8")
    meeting = ev("e1", "Meeting", ["wardani", "qurmuzi"], "nada", date="2024-03-11")
    write_gold(tmp_path / "gold" / "dev", "x.json", gold([WARDANI, QURMUZI, NADA], [meeting]))
    return tmp_path


@pytest.fixture
def built(monkeypatch):
    """`kg eval` with a hand-built graph in place of the pipeline's: al-Qurmuzi
    is missed, a stranger found, the meeting found without its date."""
    calls = []

    def extract_articles(paths, published=None):
        calls.append((list(paths), published))
        return []

    def corpus_graph(docs):
        graph = Graph()
        entity(graph, "wardani", "Person", "سليم الورداني")
        entity(graph, "nada", "City", "مدينة الندى")
        entity(graph, "stranger", "Person", "كريم البستاني")
        event(graph, "m", "Meeting", [EX.wardani], EX.nada)
        return graph

    monkeypatch.setattr("kg.api.extract_articles", extract_articles)
    monkeypatch.setattr("kg.api.corpus_graph", corpus_graph)
    return calls


def test_eval_cli_json_numbers(shared, built):
    result = runner.invoke(app, ["eval", str(shared / "gold" / "dev"), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    total = report["total"]
    assert report["articles"] == 1
    assert (total["entities"]["tp"], total["entities"]["fp"], total["entities"]["fn"]) == (2, 1, 1)
    assert total["entities"]["precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert (total["events"]["tp"], total["events"]["fp"], total["events"]["fn"]) == (1, 0, 0)
    assert (total["arguments"]["tp"], total["arguments"]["fp"], total["arguments"]["fn"]) == (2, 0, 2)
    assert total["arguments"]["by_type"]["Meeting"]["recall"] == 0.5
    # the article was read from the folder holding gold/, with the gold file's date
    assert built == [([shared / "corpus" / "articles" / "x.txt"], date(2024, 3, 12))]


def test_eval_cli_prints_a_table(shared, built):
    result = runner.invoke(app, ["eval", str(shared / "gold" / "dev" / "x.json")])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "1 gold article(s)" in lines[0]
    assert lines[2].split() == ["level", "|", "P", "|", "R", "|", "F1", "|", "TP", "|", "FP", "|", "FN"]
    assert [line.split("|")[0].strip() for line in lines[4:7]] == ["entities", "events", "arguments"]
    assert lines[4].split("|")[1:] == [" 0.667 ", " 0.667 ", " 0.667 ", "  2 ", "  1 ", "  1"]
    assert "entities by type" in result.stdout and "arguments by event type" in result.stdout


def test_eval_cli_details_show_misses(shared, built):
    result = runner.invoke(app, ["eval", str(shared / "gold" / "dev"), "--details"])
    assert result.exit_code == 0, result.output
    details = result.stdout.split("# ", 1)[1]
    assert "missed entity" in details and "نادية القرمزي" in details
    assert "false alarm entity" in details and "كريم البستاني" in details
    assert "missed argument" in details and "date: 2024-03-11" in details


def test_eval_cli_malformed_gold_is_one_line_and_exit_2(tmp_path):
    path = write_gold(tmp_path / "gold", "broken.json", '{"article": ')
    result = runner.invoke(app, ["eval", str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith("kg: error: cannot read gold file") and str(path) in result.stderr
    assert result.stderr.count("\n") == 1


def test_eval_cli_missing_article_is_exit_2(tmp_path):
    path = write_gold(tmp_path / "gold", "x.json", gold())
    result = runner.invoke(app, ["eval", str(path)])
    assert result.exit_code == 2 and "article is missing" in result.stderr


def test_eval_cli_runs_the_pipeline(tmp_path):
    """End to end on the bundled example: the real pipeline builds the graph."""
    article = tmp_path / "corpus" / "articles" / EXAMPLE.name
    article.parent.mkdir(parents=True)
    article.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    write_gold(tmp_path / "gold", "example.json", gold() | {"article": f"corpus/articles/{EXAMPLE.name}"})
    result = runner.invoke(app, ["eval", str(tmp_path / "gold"), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["total"]["entities"]["tp"] == 0 and report["total"]["entities"]["fp"] > 0
