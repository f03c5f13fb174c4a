"""Sharded output for bulk loading, and the cluster recipe of the README run on
this machine: the shards together are the graph one file would hold."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg import api
from kg.errors import InputError, OutputError
from kg.rdf.iris import article_iri

ARTICLES = {
    "visit.txt": "الرباط - استقبل وزير الخارجية المغربي ناصر بوريطة اليوم الاثنين بالرباط "
                 "وزير الخارجية الموريتاني في إطار زيارة عمل يقوم بها للمملكة.",
    "talks.txt": "القاهرة - بحث وزير الخارجية المصري مع نظيره الأردني في القاهرة يوم الأحد "
                 "سبل تعزيز التعاون الثنائي بين البلدين.",
    "accord.txt": "تونس - وقعت تونس والجزائر أمس الثلاثاء في العاصمة تونس اتفاقية للتعاون "
                  "في مجال النقل البري.",
    "forum.txt": "الدوحة - افتتح أمير دولة قطر اليوم في الدوحة أعمال منتدى الدوحة بمشاركة "
                 "وزراء ومسؤولين من عدة دول.",
}


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        headline = text.split(" - ", 1)[1].split(" ", 3)[:3]
        (folder / name).write_text(" ".join(headline) + "\n\n" + text, encoding="utf-8")
    return folder


def _load(paths) -> Dataset:
    dataset = Dataset()
    for path in paths:
        dataset.parse(str(path), format="nquads")
    return dataset


def _graphs(dataset: Dataset) -> dict[str, Graph]:
    return {str(g.identifier): g for g in dataset.graphs() if len(g)}


def test_shards_hold_each_article_once_and_equal_one_build(corpus, tmp_path):
    names, docs = api.build_shards([corpus], tmp_path / "out", 3)
    assert [n.name for n in names] == [f"part-0000{i}-of-00003.nq" for i in range(3)]
    whole, _ = api.build([corpus], tmp_path / "whole.trig")
    sharded = _graphs(_load(names))
    single = _graphs(whole)
    assert sharded.keys() == single.keys() == {str(article_iri(d.id)) for d in docs}
    for iri, graph in single.items():
        assert isomorphic(sharded[iri], graph), iri
    # each article's quads are in exactly the shard its id hashes to
    for doc in docs:
        holding = [n for n in names if str(article_iri(doc.id)) in n.read_text(encoding="utf-8")]
        assert holding == [names[api.shard_of(doc.id, 3)]]


def test_shards_are_deterministic_and_every_shard_is_written(corpus, tmp_path):
    first, _ = api.build_shards([corpus], tmp_path / "a", 8)
    second, _ = api.build_shards([corpus], tmp_path / "b", 8)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    assert all(p.exists() for p in first)
    assert sum(1 for p in first if p.stat().st_size) <= len(ARTICLES)


def test_shards_refuse_bad_targets(corpus, tmp_path):
    with pytest.raises(InputError, match="at least 1"):
        api.build_shards([corpus], tmp_path / "out", 0)
    blocker = tmp_path / "file"
    blocker.write_text("kept", encoding="utf-8")
    with pytest.raises(OutputError, match="not a directory"):
        api.build_shards([corpus], blocker, 2)
    assert blocker.read_text(encoding="utf-8") == "kept"


def test_cli_build_shards(corpus, tmp_path):
    from typer.testing import CliRunner

    from kg.cli import app
    out = tmp_path / "shards"
    result = CliRunner().invoke(app, ["build", str(corpus), "--shards", "2", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(_graphs(_load(sorted(out.glob("*.nq"))))) == len(ARTICLES)
    result = CliRunner().invoke(app, ["build", str(corpus), "--shards", "2", "-o", "-"])
    assert result.exit_code == 2 and "give a directory" in result.output


def test_partition_nquads_is_the_partition_graph(corpus):
    paths = sorted(corpus.iterdir())[:2]
    text = api.partition_nquads(paths)
    dataset = Dataset()
    dataset.parse(data=text, format="nquads")
    assert len(_graphs(dataset)) == 2
    assert api.partition_nquads(paths) == text  # the same partition always gives the same text


def test_dask_recipe_from_the_readme(corpus, tmp_path):
    """The README's recipe, with dask's multiprocessing scheduler standing in for a cluster."""
    dask_bag = pytest.importorskip("dask.bag", reason="dask is not installed (pip install '.[dask]')")
    files = sorted(str(p) for p in corpus.iterdir())
    bag = dask_bag.from_sequence(files, npartitions=2)
    parts = bag.map_partitions(lambda paths: [api.partition_nquads(list(paths))])
    written = parts.to_textfiles(str(tmp_path / "dask" / "part-*.nq"), scheduler="processes", num_workers=2)
    assert len(written) == 2
    graphs = _graphs(_load(written))
    assert len(graphs) == len(ARTICLES)
    whole = _graphs(api.build([corpus], tmp_path / "whole.trig")[0])
    # identity is resolved per partition; each article's own graph is the same here
    for iri, graph in whole.items():
        assert isomorphic(graphs[iri], graph), iri
