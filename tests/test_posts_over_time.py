"""Posts over time: each article stamps the posts it names with its date, so the
corpus graph answers who held a post when, and which posts a person held."""

from dataclasses import replace
from datetime import date

import pytest

from kg.pipeline import extract_corpus
from kg.rdf.build import corpus_graph
from kg.reader import make_document

from .conftest import QUERIES

ARTICLES = [
    ("استقبل وزير الشؤون الخارجية التونسي سامي العلوي اليوم سفير فرنسا.", date(2017, 3, 8)),
    ("التقى وزير الخارجية التونسي سامي العلوي بنظيره الجزائري.", date(2017, 6, 1)),
    ("استقبل وزير الخارجية التونسي نبيل القاسمي اليوم ضيفه.", date(2019, 1, 5)),
    ("استقبل الأمين العام لمجلس وزراء الداخلية العرب سليم حداد اليوم وفدا.", date(2024, 3, 12)),
    ("قال الأمين العام لمجلس وزراء الداخلية العرب سليم حداد إن التعاون مثمر.", date(2024, 5, 2)),
]


@pytest.fixture(scope="module")
def graph():
    docs = [replace(make_document(body, "خبر"), published=day) for body, day in ARTICLES]
    return corpus_graph(extract_corpus(docs))


def rows(graph, name):
    return [tuple(str(value) for value in row) for row in graph.query((QUERIES / name).read_text(encoding="utf-8"))]


def test_posts_over_time_holder_at_a_date(graph):
    assert rows(graph, "post-holder-at-date.rq") == [("سامي العلوي", "وزير الشؤون الخارجية التونسي", "2017-03-08")]


def test_posts_over_time_posts_of_a_person(graph):
    found = rows(graph, "posts-of-person.rq")
    assert found == [("الأمين العام لمجلس وزراء الداخلية العرب", "مجلس وزراء الداخلية العرب",
                      "2024-03-12", "2024-05-02", "2")]
