"""Run workspace work in the task runner on a connection of its own (SQLite stays per thread)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ddcheck.ui.context import AppContext
from ddcheck.ui.tasks import TaskHandle

if TYPE_CHECKING:
    from ddcheck.services.port import WorkspacePort

WorkspaceJob = Callable[["WorkspacePort", Callable[[float], None], Callable[[], bool]], Any]


def run_on_workspace(
    ctx: AppContext,
    job: WorkspaceJob,
    *,
    on_done: Callable[[Any], None],
    on_failed: Callable[[BaseException], None],
    on_progress: Callable[[float], None] | None = None,
) -> TaskHandle | None:
    """Run `job(workspace, progress, cancelled)` in the background on its own workspace connection.

    The app's workspace connection belongs to the UI thread, so the worker opens the same
    workspace folder once more and closes it afterwards. A workspace held in memory (a test
    double: its `worker_opener` is None) runs the job at once on the UI thread and returns None.
    """
    workspace = ctx.attached_workspace()
    opener = workspace.worker_opener()
    if opener is None:
        try:
            result = job(workspace, lambda _share: None, lambda: False)
        except Exception as error:
            on_failed(error)
        else:
            on_done(result)
        return None

    def work(progress: Callable[[float], None], cancelled: Callable[[], bool]) -> Any:
        own = opener()
        try:
            return job(own, progress, cancelled)
        finally:
            own.close()

    return ctx.tasks.start(work, on_done=on_done, on_failed=on_failed, on_progress=on_progress)
