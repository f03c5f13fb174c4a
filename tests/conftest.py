"""Shared fixtures.  Tests that read ../shared (the corpus and gold set) skip
cleanly when it is absent; everything else runs on the project's own example."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLE = ROOT / "examples" / "rabat-meeting.txt"
QUERIES = ROOT / "examples" / "queries"
ONTOLOGIES = ROOT / "ontologies"
SEED_ARTICLE = SHARED / "corpus" / "articles" / "seed-interpol-vienna.txt"
SEED_GOLD = SHARED / "gold" / "dev" / "seed-interpol-vienna.json"


def needs_shared(path: Path):
    return pytest.mark.skipif(not path.exists(), reason=f"{path} is absent (../shared is not checked out here)")


@pytest.fixture(scope="session")
def example_doc():
    from kg.api import extract_articles
    return extract_articles([EXAMPLE])[0]


@pytest.fixture(scope="session")
def example_graph(example_doc):
    from kg.rdf.build import document_graph
    return document_graph(example_doc)


@pytest.fixture(scope="session")
def seed_doc():
    if not SEED_ARTICLE.exists():
        pytest.skip("../shared is absent: the seed article cannot be read")
    from kg.api import extract_articles
    return extract_articles([SEED_ARTICLE], published=date(2023, 12, 1))[0]


@pytest.fixture(scope="session")
def seed_graph(seed_doc):
    from kg.rdf.build import document_graph
    return document_graph(seed_doc)


def pytest_report_header(config):
    # which kg runs: the same tests pass on the source as read by Python and on an
    # installed package compiled by mypyc (.ci/run runs both)
    import kg
    from kg.native import compiled
    return f"kg: {'compiled (mypyc)' if compiled() else 'plain Python'}, from {Path(kg.__file__).parent}"


def pytest_sessionstart(session):
    # KG_REQUIRE_COMPILED=1 (.ci/run's second run): a build that fell back to plain
    # Python would otherwise pass unseen, measuring and testing the wrong code
    from kg.native import compiled
    if os.environ.get("KG_REQUIRE_COMPILED") == "1" and not compiled():
        raise pytest.UsageError("KG_REQUIRE_COMPILED=1 but kg is plain Python: its C build failed or was skipped")
