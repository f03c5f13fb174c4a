"""Query evaluation in worker processes, each with the store open read-only,
killed and replaced when a query runs past the timeout.

pyoxigraph evaluates a query in Rust without releasing control to Python, and
has no way to cancel it: a thread running a cross join runs until it ends
(minutes, hours), holding a CPU, whatever the server answers the client.  A
process can be killed.  So each worker is a process holding its own read-only
open of the store (``kg.store.open_store(location, read_only=True)``: no lock,
any number of readers) and one pipe; the server sends it one task at a time
and waits for the answer at most ``timeout`` seconds, then SIGKILLs it and
starts another.

Workers are forked from a fork server (multiprocessing "forkserver") that has
already imported the store code, so a replacement is ready in tens of
milliseconds where a spawned interpreter takes a second; forking the server
process itself is unsafe (it runs threads).  Everything a task costs runs in
the worker and so under the timeout: parsing (rdflib), evaluation,
serialisation, counting and cutting rows, building a graph view.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection

from kg.errors import KgError, StoreError
from kg.serve import tasks

# The fork server imports these once; each worker then starts with them loaded.
_PRELOAD = ["kg.serve.tasks", "kg.store", "kg.store.local", "kg.store.remote", "kg.viz"]
READY_TIMEOUT = 60.0


class Busy(Exception):
    """Every worker stayed busy for as long as a request may wait."""


class TimedOut(Exception):
    """A task ran past its timeout; its worker was killed."""


class WorkerDied(Exception):
    """A worker ended in the middle of a task (a crash, the OOM killer)."""


@dataclass(eq=False)  # compared and hashed by identity: one per process
class _Worker:
    process: multiprocessing.process.BaseProcess
    connection: Connection


class WorkerPool:
    """``size`` worker processes over the store at ``location``; ``run`` gives
    one a task and waits for the answer (see the module docstring)."""

    def __init__(self, location: str, *, size: int, timeout: float, opener: Callable | None = None):
        self.location = location
        self.size = size
        self.timeout = timeout
        self._opener = opener
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(_PRELOAD)
        self._idle: queue.SimpleQueue[_Worker] = queue.SimpleQueue()
        self._live: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        self.replaced = 0  # workers killed on a timeout or found dead, for the logs and tests
        try:
            for worker in [self._start() for _ in range(size)]:
                self._wait_ready(worker)
                self._idle.put(worker)
        except BaseException:
            self.close()
            raise

    def run(self, task: tuple, timeout: float | None = None) -> tasks.Reply:
        """The worker's reply to ``task``; Busy when no worker comes free within
        the timeout, TimedOut when the task takes longer, WorkerDied."""
        timeout = self.timeout if timeout is None else timeout
        try:  # waiting for a worker is bounded too, but the task then gets its whole time
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise Busy() from None
        try:
            worker.connection.send(task)
            if not worker.connection.poll(timeout):
                self._replace(worker)
                raise TimedOut()
            reply = worker.connection.recv()
        except (EOFError, OSError, BrokenPipeError) as error:
            self._replace(worker)
            raise WorkerDied() from error
        self._idle.put(worker)
        return reply

    def close(self) -> None:
        """Stop every worker (the ones in a task too); idempotent."""
        with self._lock:
            self._closed = True
            workers, self._live = list(self._live), set()
        for worker in workers:
            _stop(worker)

    # ------------------------------------------------------------------ helpers

    def _start(self) -> _Worker:
        ours, theirs = self._context.Pipe()
        process = self._context.Process(target=_serve_tasks, args=(self.location, theirs, self._opener),
                                        name="kg-serve-worker", daemon=True)
        process.start()
        theirs.close()
        worker = _Worker(process, ours)
        with self._lock:
            self._live.add(worker)
        return worker

    def _wait_ready(self, worker: _Worker) -> None:
        """The worker's first message says whether it opened the store."""
        try:
            if not worker.connection.poll(READY_TIMEOUT):
                raise StoreError(f"a query worker did not open the store within {READY_TIMEOUT:.0f} s",
                                 self.location)
            message = worker.connection.recv()
        except (EOFError, OSError) as error:
            raise StoreError("a query worker ended before it opened the store", self.location) from error
        if message[0] != "ready":
            raise StoreError(message[1])

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` and start another in the background, so the request
        that timed out is answered at once."""
        with self._lock:
            self._live.discard(worker)
            closed = self._closed
            self.replaced += 1
        _stop(worker)
        if not closed:
            threading.Thread(target=self._add_worker, name="kg-serve-replace", daemon=True).start()

    def _add_worker(self) -> None:
        worker = self._start()
        try:
            self._wait_ready(worker)
        except StoreError as error:  # the store went away or broke while serving: said once, pool shrinks
            print(f"kg: warning: {error.message}; serving with one query worker fewer", file=sys.stderr)
            with self._lock:
                self._live.discard(worker)
            _stop(worker)
            return
        with self._lock:
            if self._closed:
                _stop(worker)
                return
        self._idle.put(worker)


def _stop(worker: _Worker) -> None:
    worker.connection.close()
    if worker.process.is_alive():
        worker.process.kill()
    worker.process.join(5)


def _serve_tasks(location: str, connection: Connection, opener: Callable | None) -> None:
    """A worker's life: open the store, say so, then answer tasks until the pipe closes."""
    # Ctrl-C reaches the whole process group: the server stops its workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if opener is None:
        from kg.store import open_store as opener
    try:
        store = opener(location, read_only=True)
    except KgError as error:
        connection.send(("error", error.message))
        return
    connection.send(("ready",))
    seen = store_signature(location)
    try:
        while True:
            try:
                task = connection.recv()
            except (EOFError, OSError, KeyboardInterrupt):
                return
            now = store_signature(location)
            if now != seen:
                fresh = _reopened(location, opener)
                if fresh is not None:
                    store.close()
                    store, seen = fresh, now
            connection.send(tasks.perform(store, task))
    finally:
        store.close()


def store_signature(location: str) -> tuple | None:
    """What changes when a writer adds to a local store: the name, size and
    modification time of each of its files (RocksDB appends to its log and
    adds table files).  None for a remote store, which is always current."""
    try:
        with os.scandir(location) as entries:
            files = [(entry.name, entry.stat()) for entry in entries if entry.is_file()]
        return tuple(sorted((name, stat.st_size, stat.st_mtime_ns) for name, stat in files))
    except OSError:
        return None


def _reopened(location: str, opener: Callable):
    """A read-only store sees what was written when it was opened: after
    ``kg ingest`` wrote more, open it again, so the endpoint serves new
    articles without a restart.  None when the open races the writer (RocksDB
    can be mid-compaction): the old snapshot serves and the next query tries
    again."""
    try:
        return opener(location, read_only=True)
    except KgError:
        return None
