"""Run slow work (the PDF export) on a worker thread with progress, cancel and callbacks."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class Cancelled(Exception):
    """Raised inside a task when the user cancelled it."""


class _Bridge(QObject):
    progress = Signal(float)
    done = Signal(object)
    failed = Signal(object)


class TaskHandle:
    """A running task: cancel it, or ask whether it finished."""

    def __init__(self) -> None:
        self.cancel_event = threading.Event()
        self.finished = False
        self.bridge = _Bridge()

    def cancel(self) -> None:
        """Ask the task to stop at its next progress report."""
        self.cancel_event.set()

    @property
    def cancelled(self) -> bool:
        """Return whether cancel was asked for."""
        return self.cancel_event.is_set()


TaskFn = Callable[[Callable[[float], None], Callable[[], bool]], Any]


class _Runnable(QRunnable):
    def __init__(self, fn: TaskFn, handle: TaskHandle) -> None:
        super().__init__()
        self._fn = fn
        self._handle = handle

    def run(self) -> None:
        handle = self._handle
        try:
            result = self._fn(handle.bridge.progress.emit, handle.cancel_event.is_set)
        except BaseException as error:
            handle.bridge.failed.emit(error)
        else:
            handle.bridge.done.emit(result)


class TaskRunner:
    """Start plain-Python functions on a thread pool; callbacks arrive on the UI thread."""

    def __init__(self, pool: QThreadPool | None = None) -> None:
        self._pool = pool or QThreadPool()
        self._running: set[TaskHandle] = set()

    def start(
        self,
        fn: TaskFn,
        *,
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None],
        on_progress: Callable[[float], None] | None = None,
    ) -> TaskHandle:
        """Run `fn(progress, cancelled)` in the background and report back."""
        handle = TaskHandle()
        self._running.add(handle)

        def finish(callback: Callable[[Any], None]) -> Callable[[Any], None]:
            def call(value: Any) -> None:
                handle.finished = True
                self._running.discard(handle)
                callback(value)

            return call

        handle.bridge.done.connect(finish(on_done))
        handle.bridge.failed.connect(finish(on_failed))
        if on_progress is not None:
            handle.bridge.progress.connect(on_progress)
        self._pool.start(_Runnable(fn, handle))
        return handle

    def wait(self, msecs: int = 30000) -> bool:
        """Wait for every task to finish (used when closing)."""
        return self._pool.waitForDone(msecs)
