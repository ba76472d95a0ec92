"""Run a parse in a warm worker process with a hard time limit and a memory bound.

A hostile file can hang or crash a native reader (PDFium, zlib); in a worker the cost is
the worker, which is killed and replaced, and the caller gets a typed 4xx error.
"""

from __future__ import annotations

import logging
import multiprocessing
import resource
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.context import ForkContext, ForkServerContext, SpawnContext
from typing import TYPE_CHECKING, Any

from resumeforge.documents.errors import CorruptFile, ParseMemoryExceeded, ParseTimeout
from resumeforge.errors import ProblemError, ServiceUnavailable

if TYPE_CHECKING:
    from resumeforge.documents.parsing.service import ParsedDocument
    from resumeforge.documents.parsing.sniff import MediaType

log = logging.getLogger(__name__)
_PRELOAD = ["resumeforge.documents.parsing.service"]
# How long a new worker may take to start (fork, import the readers) on a starved machine.
# The parse's own limit runs only once the worker is ready, so a slow start is never blamed
# on the file; a worker that cannot start at all is the server's fault (503), not the file's.
_START_TIMEOUT_SECONDS = 60.0
_READY = "ready"


@dataclass(frozen=True, slots=True)
class ParseJob:
    data: bytes
    media_type: MediaType
    max_pages: int
    ocr_enabled: bool
    ocr_timeout: float


def _serve(connection: Connection, memory_mb: int) -> None:
    """The worker's loop: parse each job it is sent, answer with the result or the error."""
    # The word list is read before the limit: a shared library mapped under it may not fit
    # in what a forked child of a large process has left.
    from resumeforge.documents.parsing.hyphens import load_word_list

    load_word_list()
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from resumeforge.documents.parsing.service import parse_in_process

    connection.send((_READY, None))
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return
        try:
            connection.send(("ok", parse_in_process(job)))
        except ProblemError as error:
            connection.send(("error", (type(error), error.detail, error.extra)))
        except MemoryError:
            connection.send(("error", (ParseMemoryExceeded, None, {})))
        except Exception as error:  # a reader failing on a malformed file is a bad file
            log.warning("parser failed on a document: %s", type(error).__name__)
            connection.send(
                (
                    "error",
                    (CorruptFile, f"The file could not be read ({type(error).__name__}).", {}),
                )
            )


def _process_context() -> ForkContext | ForkServerContext:
    """Fork when this process has one thread (a command-line run): the child starts in
    milliseconds with the readers already imported. With threads about (the server), a
    fork could copy a lock held by another thread, so a preloaded fork server starts it."""
    if threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)
    return context


class _Worker:
    def __init__(
        self, memory_mb: int, context: ForkContext | ForkServerContext | SpawnContext | None = None
    ) -> None:
        context = context or _process_context()
        self.memory_mb = memory_mb
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, memory_mb), daemon=True)
        self.process.start()
        child.close()
        self.ready = False

    def run(self, job: ParseJob, timeout: float) -> tuple[str, Any]:
        """Send one job and wait for its answer; kill the worker on timeout or crash. The
        time limit starts when the worker is ready, not when it was started."""
        self._wait_until_ready()
        try:
            self.connection.send(job)
            if not self.connection.poll(timeout):
                self.stop()
                raise ParseTimeout(f"Reading the document took longer than {timeout:g} s.")
            answer: tuple[str, Any] = self.connection.recv()
            return answer
        except (EOFError, OSError, BrokenPipeError):
            self.stop()
            raise CorruptFile("The document made the reader fail.") from None

    def _wait_until_ready(self) -> None:
        if self.ready:
            return
        try:
            started = self.connection.poll(_START_TIMEOUT_SECONDS) and self.connection.recv()
        except (EOFError, OSError):
            started = False
        if not started:
            self.stop()
            raise ServiceUnavailable("The document reader could not start; try again shortly.")
        self.ready = True

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.connection.close()


_idle: list[_Worker] = []
_idle_lock = threading.Lock()
# At most this many parser processes run at once (PARSE_WORKERS, set by start_workers).
_slots = threading.BoundedSemaphore(4)
_pool_size = 4


def _take_worker(memory_mb: int) -> _Worker:
    with _idle_lock:
        while _idle:
            worker = _idle.pop()
            if worker.process.is_alive() and worker.memory_mb == memory_mb:
                return worker
            worker.stop()
    return _Worker(memory_mb)


def _return_worker(worker: _Worker) -> None:
    with _idle_lock:
        _idle.append(worker)


def start_workers(count: int = 1, *, memory_mb: int, pool_size: int | None = None) -> None:
    """Pre-fork workers so the first parse does not pay for starting one (call at start-up);
    `pool_size` bounds how many parse at once, so memory_mb x pool_size is the worst case."""
    global _slots, _pool_size
    if pool_size is not None and pool_size != _pool_size:
        _slots, _pool_size = threading.BoundedSemaphore(pool_size), pool_size
    for _ in range(min(count, _pool_size)):
        _return_worker(_Worker(memory_mb))


def stop_workers() -> None:
    with _idle_lock:
        workers, _idle[:] = list(_idle), []
    for worker in workers:
        worker.stop()


def run_isolated(job: ParseJob, *, timeout: float, memory_mb: int) -> ParsedDocument:
    """`parse_in_process(job)` in a worker; its typed errors are re-raised here."""
    with _slots:
        worker = _take_worker(memory_mb)
        status, payload = worker.run(job, timeout)  # on failure the worker is already gone
        _return_worker(worker)
    if status == "ok":
        result: ParsedDocument = payload
        return result
    error_type, detail, extra = payload
    raise error_type(detail, **extra)
