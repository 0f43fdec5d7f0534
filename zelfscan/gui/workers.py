"""Run slow work (PDF rendering, later key derivation) off the GUI thread through one helper.

The window must never freeze, and widgets may only be touched on the GUI thread, so results
travel back by a queued signal. Tests inject a synchronous pool so they need no waiting.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class Pool(Protocol):
    def start(self, runnable: QRunnable) -> None: ...


class SyncPool:
    """Runs the job at once on the calling thread: for tests (picard's FakeThreadPool)."""

    def start(self, runnable: QRunnable) -> None:
        runnable.run()


_default_pool: Pool | None = None
_pending: set[_Relay] = set()


def set_default_pool(pool: Pool | None) -> None:
    """Replace the pool used when none is passed (``None``: the global QThreadPool)."""
    global _default_pool
    _default_pool = pool


def current_default_pool() -> Pool | None:
    """The pool set with :func:`set_default_pool` (tests: a synchronous one), if any."""
    return _default_pool


class _Relay(QObject):
    """Lives on the GUI thread; its signals are emitted by the worker and delivered queued."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(
        self, on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]
    ) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self.done.connect(self._deliver_done)
        self.failed.connect(self._deliver_error)

    @Slot(object)
    def _deliver_done(self, result: object) -> None:
        _pending.discard(self)
        self._on_done(result)

    @Slot(object)
    def _deliver_error(self, exc: object) -> None:
        _pending.discard(self)
        self._on_error(exc if isinstance(exc, BaseException) else RuntimeError(str(exc)))


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # handed to on_error on the GUI thread
            log.info("background job failed: %s", type(exc).__name__)
            self._deliver(self._relay.failed, exc)
        else:
            self._deliver(self._relay.done, result)

    @staticmethod
    def _deliver(signal: Any, value: object) -> None:
        """Emit, unless the app is already gone: a job that ends while the interpreter shuts
        down (the window closed during a background render) has nobody left to tell."""
        try:
            signal.emit(value)
        except RuntimeError:  # the relay's Qt object was deleted at exit
            log.debug("background job ended after its receiver was gone")


def run_in_background(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    pool: Pool | None = None,
) -> None:
    """Run ``fn()`` on a worker thread, then ``on_done(result)`` or ``on_error(exc)`` on the GUI.

    Never touch widgets in ``fn``: collect plain values before calling, and show results in
    ``on_done``. Exceptions in ``fn`` never escape; they go to ``on_error``.
    """
    relay = _Relay(on_done, on_error)
    _pending.add(relay)  # keep it alive until a result is delivered
    target = pool or _default_pool or QThreadPool.globalInstance()
    target.start(_Job(fn, relay))
