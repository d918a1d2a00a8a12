"""Worker processes for ``--jobs``: each with a pipe of its own, so that no exit can hang.

The standard library's pools share one result pipe among their workers. A
worker killed while it writes a result (the out-of-memory killer, ``kill``)
leaves half a message in that pipe, and the pool's reader waits forever for
the rest: about one batch in ten hung when a worker was killed. Here each
worker has its own pipe: a worker that dies can only cut its own message
short, its end of the pipe closes with it, and the parent sees end-of-file or
the worker's exit and stops the batch with ``BrokenProcessPool``.

Tasks go to idle workers only (one task in flight per worker), so a large task
never waits in a pipe while its worker writes a large result back: neither
side can block the other. Workers ignore SIGINT (the parent decides what an
interrupt means) and end on SIGTERM; every way out of the pool ends them.
"""
from __future__ import annotations

import gc
import itertools
import signal
import traceback
from collections import deque
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import Connection, wait
from typing import Any, Callable

# How long a worker may take to leave after being asked to, before it is terminated.
_JOIN_SECONDS = 5.0
TASKS_PER_COLLECTION = 32  # tasks a worker runs between two full collections (see ``_work``)


class WorkerPool:
    """``jobs`` processes running ``function(*task)`` for each submitted task; results are
    collected by ticket. Use as a context manager."""

    def __init__(self, jobs: int, context: Any, function: Callable[..., Any],
                 initializer: Callable[..., None], initargs: tuple[Any, ...]):
        self._workers: list[tuple[Any, Connection]] = []
        self._busy: dict[int, int] = {}  # worker index -> ticket it is working on
        self._queue: deque[tuple[int, tuple[Any, ...]]] = deque()
        self._done: dict[int, Any] = {}
        self._next_ticket = 0
        try:
            for _ in range(jobs):
                parent_end, child_end = context.Pipe(duplex=True)
                process = context.Process(target=_work, args=(child_end, function, initializer, initargs),
                                          daemon=True)
                process.start()
                child_end.close()  # the worker's end lives in the worker only: its death closes it
                self._workers.append((process, parent_end))
        except BaseException:
            self.terminate()
            raise

    def __enter__(self) -> "WorkerPool":
        return self

    def __exit__(self, exc_type: Any, *rest: Any) -> None:
        if exc_type is None:
            self.close()
        else:
            self.terminate()

    def submit(self, *task: Any) -> int:
        """Queue ``task``; the ticket to ask for its result."""
        ticket = self._next_ticket
        self._next_ticket += 1
        self._queue.append((ticket, task))
        self._dispatch()
        return ticket

    def result(self, ticket: int) -> Any:
        """The result of ``ticket``, waiting for it (and keeping the other workers fed)."""
        while ticket not in self._done:
            self._collect()
        return self._done.pop(ticket)

    def _dispatch(self) -> None:
        for index, (_, connection) in enumerate(self._workers):
            if not self._queue:
                return
            if index not in self._busy:
                ticket, task = self._queue.popleft()
                try:
                    connection.send(task)
                except OSError:
                    raise BrokenProcessPool("a --jobs worker process died before the batch ended") from None
                self._busy[index] = ticket

    def _collect(self) -> None:
        """Wait until a busy worker answers or dies."""
        if not self._busy:
            raise RuntimeError("no task is running: the ticket was never submitted")
        watched: dict[Any, int] = {}
        for index in self._busy:
            process, connection = self._workers[index]
            watched[connection] = index
            watched[process.sentinel] = index
        for ready in wait(list(watched)):
            index = watched[ready]
            if index not in self._busy:
                continue  # both its pipe and its sentinel were ready
            process, connection = self._workers[index]
            try:
                status, value = connection.recv()
            except (EOFError, OSError) as exc:
                raise BrokenProcessPool(f"a --jobs worker process died before the batch ended "
                                        f"(exit code {process.exitcode})") from exc
            if status == "error":
                raise RuntimeError(f"a --jobs worker process failed:\n{value}")
            self._done[self._busy.pop(index)] = value
        self._dispatch()

    def close(self) -> None:
        """Ask every worker to leave, then wait for them (terminating stragglers)."""
        for _, connection in self._workers:
            try:
                connection.send(None)
            except OSError:
                continue  # already gone
        self._join()

    def terminate(self) -> None:
        """End every worker now (an interrupt, a dead worker, a caller who stopped reading)."""
        for process, _ in self._workers:
            if process.exitcode is None:
                process.terminate()
        self._join()

    def _join(self) -> None:
        for process, connection in self._workers:
            process.join(_JOIN_SECONDS)
            if process.exitcode is None:
                process.kill()
                process.join()
            connection.close()
        self._workers = []
        self._busy.clear()


def _work(connection: Connection, function: Callable[..., Any], initializer: Callable[..., None],
          initargs: tuple[Any, ...]) -> None:
    """A worker's loop: tasks in, ``("ok", result)`` or ``("error", traceback)`` out, until
    ``None`` or the parent's end closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent handles it
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a forked worker would inherit the parent's handler
    initializer(*initargs)
    # The cyclic garbage collector paused, with a full collection every TASKS_PER_COLLECTION
    # tasks, as ``batch`` scores in one process: each result is sent and dropped, so reference
    # counting frees it, where a collection would scan it while it is alive.
    gc.disable()
    for count in itertools.count(1):
        try:
            task = connection.recv()
        except EOFError:
            return
        if task is None:
            return
        try:
            reply = ("ok", function(*task))
        except Exception:  # a bug in scoring: crossed to the parent, which raises it (not swallowed)
            reply = ("error", traceback.format_exc())
        connection.send(reply)
        del reply
        if count % TASKS_PER_COLLECTION == 0:
            gc.collect()
