"""Synthetic Hadath graphs of any size, shaped like the real ones.

A corpus of invented articles: each has a headline, a date, a URL and one
sentence per event; its events (meetings, visits, calls...) take two or three
people drawn with a skewed popularity, a city and sometimes a date after the
article's (a scheduled event).  People hold posts in countries, some are also
known by an English or a transliterated name.  Every node has mentions that
lead to a sentence, so tooltips carry evidence as in a built graph.

Used by the view tests, the browser suite and benchmarks/bench_view.py; no
file of ../shared is read.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV, SDO

from kg.rdf.namespace import HD, ID, NIF

GIVEN = ["سالم", "يوسف", "عبد اللطيف", "محمد", "أحمد", "خالد", "فاطمة", "ليلى", "عمر", "هدى", "مريم", "طارق",
         "ناصر", "سعاد", "إبراهيم", "كريم", "رشيد", "نادية", "حسن", "زينب"]
FAMILY = ["الحارثي", "العمري", "الحموشي", "بنعلي", "الصالحي", "حداد", "المنصوري", "القاسمي", "الزعبي", "التونسي",
          "البدري", "الخطيب", "النجار", "العلوي", "السعدي", "الشامي", "الفاسي", "المصري", "الكعبي", "الرفاعي"]
LATIN_GIVEN = ["Salem", "Youssef", "Abdellatif", "Mohammed", "Ahmed", "Khaled", "Fatima", "Layla", "Omar", "Huda",
               "Maryam", "Tariq", "Nasser", "Souad", "Ibrahim", "Karim", "Rachid", "Nadia", "Hassan", "Zaynab"]
LATIN_FAMILY = ["al-Harthi", "al-Omari", "Hammouchi", "Benali", "al-Salihi", "Haddad", "al-Mansouri", "al-Qasimi",
                "al-Zoubi", "al-Tounsi", "al-Badri", "al-Khatib", "al-Najjar", "al-Alawi", "al-Saadi", "al-Shami",
                "al-Fassi", "al-Masri", "al-Kaabi", "al-Rifai"]
CITIES = ["الرباط", "مسقط", "القاهرة", "عمّان", "تونس", "الدوحة", "بغداد", "بيروت", "الجزائر", "الرياض"]
COUNTRIES = ["المغرب", "عُمان", "مصر", "الأردن", "تونس", "قطر", "العراق", "لبنان", "الجزائر", "السعودية"]
POSTS = ["وزير الخارجية", "وزير الداخلية", "رئيس الوزراء", "المدير العام للأمن الوطني", "سفير"]
EVENT_KINDS = ["Meeting", "Visit", "Call", "Conference", "Agreement"]
ROLES = {"Meeting": ("host", "guest"), "Visit": ("visitor", "participant"), "Call": ("participant", "participant"),
         "Conference": ("organiser", "participant"), "Agreement": ("signatory", "signatory")}
VERBS = {"Meeting": "استقبل", "Visit": "زار", "Call": "اتصل", "Conference": "افتتح", "Agreement": "وقّع"}
FIRST_DAY = date(2023, 1, 1)


def synthetic_graph(nodes: int, seed: int = 1, hostile: str | None = None) -> Graph:
    """A graph whose view has about ``nodes`` nodes.  ``hostile``, when given, is
    written into a person's names, a headline, a sentence and a place name."""
    rng = random.Random(seed)
    graph = Graph()
    people = max(2, int(nodes * 0.36))
    events = max(1, int(nodes * 0.44))
    cities = max(1, min(len(CITIES) * 40, int(nodes * 0.08)))
    countries = max(1, min(len(COUNTRIES) * 8, int(nodes * 0.04)))
    posts = max(1, nodes - people - events - cities - countries)

    country_iris = [_place(graph, "country", number, COUNTRIES) for number in range(countries)]
    city_iris = [_place(graph, "city", number, CITIES) for number in range(cities)]
    post_iris = []
    for number in range(posts):
        post = ID[f"post/p{number}"]
        graph.add((post, RDF.type, HD.Post))
        graph.add((post, RDFS.label, Literal(f"{POSTS[number % len(POSTS)]} {number}", lang="ar")))
        graph.add((post, HD.postIn, country_iris[number % countries]))
        post_iris.append(post)
    person_iris = []
    for number in range(people):
        person = ID[f"person/n{number}"]
        first, last = number % len(GIVEN), (number // len(GIVEN)) % len(FAMILY)
        name = f"{GIVEN[first]} {FAMILY[last]} {number}"
        graph.add((person, RDF.type, HD.Person))
        graph.add((person, RDFS.label, Literal(name, lang="ar")))
        graph.add((person, SKOS.altLabel, Literal(FAMILY[last], lang="ar")))
        if number % 3 == 0:
            graph.add((person, SKOS.prefLabel, Literal(f"{LATIN_GIVEN[first]} {LATIN_FAMILY[last]} {number}", lang="en")))
        if number < posts:
            graph.add((person, HD.holds, post_iris[number]))
        person_iris.append(person)
    if hostile is not None:
        graph.set((person_iris[0], RDFS.label, Literal(hostile, lang="ar")))
        graph.add((person_iris[0], SKOS.altLabel, Literal(hostile + " 2", lang="ar")))
        graph.set((city_iris[0], RDFS.label, Literal(hostile, lang="ar")))

    for number in range(events):
        article = ID[f"article/a{number}"]
        published = FIRST_DAY + timedelta(days=rng.randrange(600))
        kind = EVENT_KINDS[number % len(EVENT_KINDS)]
        # skewed popularity: a few people take part in many events
        who = sorted({min(int(rng.paretovariate(1.2)) - 1, people - 1) if rng.random() < 0.5
                      else rng.randrange(people) for _ in range(rng.choice((2, 2, 3)))})
        if number < people:
            who = sorted({*who, number})  # every person takes part in something
        place = city_iris[min(int(rng.paretovariate(1.0)) - 1, cities - 1)]
        when = published + timedelta(days=rng.choice((-1, 0, 0, 0, 3)))
        headline = f"{VERBS[kind]} {_label(graph, person_iris[who[0]])}"
        sentence_text = f"{VERBS[kind]} " + " و".join(_label(graph, person_iris[n]) for n in who) + \
            f" في {_label(graph, place)}."
        if hostile is not None and number == 0:
            who, headline, sentence_text = sorted({0, *who}), hostile, f"{hostile} {sentence_text}"
        _article(graph, article, headline, published, sentence_text)
        event = ID[f"event/a{number}-1"]
        graph.add((event, RDF.type, HD[kind]))
        graph.add((event, PROV.wasDerivedFrom, article))
        graph.add((event, HD.date, Literal(when.isoformat(), datatype=XSD.date)))
        graph.add((event, HD.place, place))
        graph.add((event, HD.trigger, _mention(graph, article, sentence_text, 0, len(VERBS[kind]))))
        for position, person in enumerate(who):
            role = ROLES[kind][min(position, 1)]
            graph.add((event, HD[role], person_iris[person]))
            graph.add((event, HD.participant, person_iris[person]))
            graph.add((person_iris[person], PROV.wasDerivedFrom, article))
            graph.add((person_iris[person], HD.mention, _mention(graph, article, sentence_text, 1 + position, 2 + position)))
        graph.add((place, HD.mention, _mention(graph, article, sentence_text, len(sentence_text) - 2,
                                                len(sentence_text) - 1)))
    return graph


def _label(graph: Graph, node) -> str:
    return str(graph.value(node, RDFS.label))


def _place(graph: Graph, folder: str, number: int, names: list[str]):
    node = ID[f"{folder}/{number}"]
    graph.add((node, RDF.type, HD.City if folder == "city" else HD.Country))
    suffix = "" if number < len(names) else f" {number // len(names)}"
    graph.add((node, RDFS.label, Literal(names[number % len(names)] + suffix, lang="ar")))
    return node


def _article(graph: Graph, article, headline: str, published: date, sentence_text: str) -> None:
    graph.add((article, RDF.type, HD.Article))
    graph.add((article, SDO.headline, Literal(headline, lang="ar")))
    graph.add((article, SDO.datePublished, Literal(published.isoformat(), datatype=XSD.date)))
    graph.add((article, SDO.url, URIRef(f"https://news.example/{article.split('/')[-1]}")))
    sentence = ID[f"{article.removeprefix(str(ID))}/sentence/0-{len(sentence_text)}"]
    graph.add((sentence, RDF.type, NIF.Sentence))
    graph.add((sentence, NIF.anchorOf, Literal(sentence_text)))
    graph.add((sentence, NIF.beginIndex, Literal(0, datatype=XSD.nonNegativeInteger)))
    graph.add((sentence, NIF.referenceContext, article))


def _mention(graph: Graph, article, sentence_text: str, start: int, end: int):
    mention = ID[f"{article.removeprefix(str(ID))}/mention/{start}-{end}"]
    graph.add((mention, RDF.type, HD.Mention))
    graph.add((mention, NIF.beginIndex, Literal(start, datatype=XSD.nonNegativeInteger)))
    graph.add((mention, NIF.endIndex, Literal(end, datatype=XSD.nonNegativeInteger)))
    graph.add((mention, NIF.referenceContext, article))
    graph.add((mention, NIF.sentence, ID[f"{article.removeprefix(str(ID))}/sentence/0-{len(sentence_text)}"]))
    return mention
