"""Long work in a cancellable QgsTask with progress (QGIS never freezes).

``LieuxTask(description, work, on_done)`` runs ``work(progress, is_canceled)`` in a background
thread; ``work`` must not touch widgets, the project or layers of the project. ``on_done(result,
error)`` is called on the main thread when it ends: ``error`` is None, or an exception whose
``message`` (when it has one) is the French text to show; a cancel gives ``error`` = TaskCanceled.
"""

from __future__ import annotations

import traceback
from contextlib import contextmanager
from typing import Any, Callable, Iterator, Optional

from qgis.core import Qgis, QgsApplication, QgsTask

from ..core import gc_pause
from ..core.i18n import translate
from ..toolbelt.cpp_guard import cpp_override
from ..toolbelt.log import PlgLogger

Work = Callable[[Callable[[float], None], Callable[[], bool]], Any]
Done = Callable[[Any, Optional[BaseException]], None]


class TaskCanceledError(Exception):
    def __init__(self):
        self.message = translate("LieuxTask", "Canceled.")
        super().__init__(self.message)


def user_message(error: BaseException) -> str:
    """The French message of a plugin error, or a generic sentence (the traceback goes to the log)."""
    message = getattr(error, "message", None)
    if message:
        return str(message)
    return translate("LieuxTask", "Unexpected error: {error} (details in the log)").format(error=error)


class LieuxTask(QgsTask):
    def __init__(self, description: str, work: Work, on_done: Done | None = None):
        super().__init__(description, QgsTask.Flag.CanCancel)
        self.work = work
        self.on_done = on_done
        self.result: Any = None
        self.error: BaseException | None = None
        self.done = False  # set at the end of finished(); the task manager deletes the C++ task soon after

    @cpp_override(False)
    def run(self) -> bool:
        try:
            self.result = self.work(self.setProgress, self.isCanceled)
        except Exception as error:  # handed to finished() on the main thread
            self.error = error
            if not hasattr(error, "message"):
                PlgLogger.log(traceback.format_exc(), Qgis.MessageLevel.Critical)
            return False
        return not self.isCanceled()

    @cpp_override(None)
    def finished(self, ok: bool) -> None:
        error = self.error
        if not ok and error is None:
            error = TaskCanceledError()
        try:
            if self.on_done is not None:
                self.on_done(self.result if ok else None, error)
        finally:
            self.done = True


def cancel_running(tasks: list[LieuxTask]) -> None:
    """Cancel the tasks that have not finished (the others may already be deleted by the task manager)."""
    for task in tasks:
        if not task.done:
            try:
                task.cancel()
            except RuntimeError:  # deleted meanwhile
                pass
    tasks.clear()


@contextmanager
def collection_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a task builds many objects (an API pull).

    A full collection during a pull of 50,000 lieux scans every object just decoded and holds the GIL for
    40–190 ms at a time: the QGIS main thread, waiting for the GIL, freezes that long (measured by
    ``bench/bench_api.py``). Decoded JSON holds no reference cycles (reference counting frees it), so nothing
    accumulates. The same pause as the validation dock's full pass (:mod:`..core.gc_pause`: nesting counted
    across threads, the collector enabled again when the last pause ends).

    A pull that succeeds freezes what is alive when the collector resumes (``gc.freeze``: the pulled lieux are
    long-lived, they become a layer): without it the first collection after the pause walks every object decoded
    by the pull, holding the GIL 90–180 ms (the longest freezes of QGIS's event loop ``bench_api`` measured)."""
    with gc_pause.paused(freeze=True):
        yield


def start_task(task: LieuxTask) -> LieuxTask:
    QgsApplication.taskManager().addTask(task)
    return task
