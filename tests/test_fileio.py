"""Writing outputs: whole or not at all, and never over what a user protected."""

import os
import stat

import pytest

from kg.errors import OutputError
from kg.fileio import write_atomically


def test_fileio_writes_new_file_whole(tmp_path):
    out = tmp_path / "graph.ttl"
    write_atomically(out, b"data")
    assert out.read_bytes() == b"data"
    assert list(tmp_path.iterdir()) == [out]


def test_fileio_refuses_read_only_file(tmp_path):
    out = tmp_path / "graph.ttl"
    out.write_bytes(b"kept")
    out.chmod(0o444)
    with pytest.raises(OutputError, match="read-only"):
        write_atomically(out, b"new")
    assert out.read_bytes() == b"kept"
    assert list(tmp_path.iterdir()) == [out]


def test_fileio_replaces_symlink_target_and_keeps_link(tmp_path):
    target = tmp_path / "real" / "graph.ttl"
    target.parent.mkdir()
    target.write_bytes(b"old")
    link = tmp_path / "graph.ttl"
    link.symlink_to(target)
    write_atomically(link, b"new")
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in target.parent.iterdir()) == ["graph.ttl"]


def test_fileio_keeps_the_old_files_mode(tmp_path):
    out = tmp_path / "graph.ttl"
    out.write_bytes(b"old")
    out.chmod(0o640)
    write_atomically(out, b"new")
    assert stat.S_IMODE(out.stat().st_mode) == 0o640 and out.read_bytes() == b"new"


def test_fileio_refuses_a_directory(tmp_path):
    with pytest.raises(OutputError, match="directory"):
        write_atomically(tmp_path, b"new")


@pytest.mark.parametrize("name, message", [("missing/graph.ttl", "no such directory"),
                                           ("file.txt/graph.ttl", "not a directory")])
def test_fileio_check_writable_names_the_problem(tmp_path, name, message):
    from kg.fileio import check_writable
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match=message):
        check_writable(tmp_path / name)


def test_fileio_check_writable_accepts_new_and_writable_files(tmp_path):
    from kg.fileio import check_writable
    check_writable(tmp_path / "new.ttl")
    (tmp_path / "old.ttl").write_bytes(b"x")
    check_writable(tmp_path / "old.ttl")
    (tmp_path / "old.ttl").chmod(0o444)
    with pytest.raises(OutputError, match="read-only"):
        check_writable(tmp_path / "old.ttl")
