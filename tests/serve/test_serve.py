"""The runner: loopback by default, a warning for any other address, a port
in use refused in one line."""

from __future__ import annotations

import inspect

import pytest

import kg.serve
from kg.errors import InputError
from kg.serve import bind, is_loopback, serve


def test_serve_binds_loopback_by_default():
    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"
    listener = bind("127.0.0.1", 0)
    try:
        assert listener.getsockname()[0] == "127.0.0.1"
    finally:
        listener.close()


@pytest.mark.parametrize("host, loopback", [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                            ("[::1]", True), ("127.1.2.3", True), ("0.0.0.0", False),
                                            ("192.168.1.5", False), ("example.org", False)])
def test_serve_is_loopback(host, loopback):
    assert is_loopback(host) is loopback


def test_serve_port_in_use_is_an_input_error():
    taken = bind("127.0.0.1", 0)
    try:
        with pytest.raises(InputError, match="--port"):
            bind("127.0.0.1", taken.getsockname()[1])
    finally:
        taken.close()


@pytest.mark.parametrize("host, warned", [("127.0.0.1", False), ("0.0.0.0", True)])
def test_serve_warns_for_a_non_loopback_host(monkeypatch, capsys, host, warned):
    import uvicorn
    monkeypatch.setattr(kg.serve, "create_app", lambda location, **limits: object())
    monkeypatch.setattr(uvicorn.Server, "run", lambda self, sockets=None: None)
    serve("/nowhere", host=host, port=0)
    err = capsys.readouterr().err
    assert ("kg: warning: serving on 0.0.0.0" in err) is warned
    assert "kg: serving /nowhere at http://" in err
