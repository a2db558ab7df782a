"""Run workspace work in the task runner on a connection of its own (SQLite stays per thread)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ddcheck.ui.context import AppContext
from ddcheck.ui.tasks import TaskHandle

WorkspaceJob = Callable[[Any, Callable[[float], None], Callable[[], bool]], Any]


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
    workspace folder once more and closes it afterwards. A workspace without a folder (a test
    double) runs the job at once on the UI thread; then None is returned.
    """
    workspace = ctx.workspace
    opener = getattr(type(workspace), "open", None)
    folder = getattr(getattr(workspace, "paths", None), "root", None)
    if opener is None or folder is None:
        try:
            result = job(workspace, lambda _share: None, lambda: False)
        except Exception as error:
            on_failed(error)
        else:
            on_done(result)
        return None
    user, catalog = getattr(workspace, "user", None), workspace.catalog

    def work(progress: Callable[[float], None], cancelled: Callable[[], bool]) -> Any:
        own = opener(folder, user=user, catalog=catalog)
        try:
            return job(own, progress, cancelled)
        finally:
            own.close()

    return ctx.tasks.start(work, on_done=on_done, on_failed=on_failed, on_progress=on_progress)
