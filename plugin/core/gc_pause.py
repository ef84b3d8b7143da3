"""Python's cyclic garbage collector paused while a task builds many objects (QGIS never freezes).

CPython's collector (3.11, not incremental) walks every tracked object of the process at each full collection
while holding the GIL. While a task grows the heap (a full validation pass, an API pull) a full collection comes
every 25 % of growth, whichever thread triggers it; when the task's thread triggers it the main thread waits for
the GIL all the same, and QGIS freezes: 300–450 ms at a time for the validation dock's full pass over 50,000
lieux, which leaves some 400,000 tracked objects alive (records, issues, duplicate index, rows of the tree).

* :func:`pause` disables the collector until the matching :func:`resume` (reference counting still frees
  memory: what these tasks build is acyclic; ``tests/qgis/test_validation_dock.py`` checks that replacing the
  dock's state leaves no cycle behind). :func:`paused` is the same as a context manager.
* ``resume(token, freeze=True)`` — a full pass that succeeded: its state is long-lived, so the objects alive are
  moved to the permanent generation (``gc.freeze``) when the collector resumes; later collections no longer walk
  them, nor are the objects built meanwhile walked at once when it resumes.
* :func:`unfreeze` gives them back to the collector when the state goes away (the dock leaves the layer).

The batch validation (``validate_table``, ``validate_records``, the duplicates index, the incremental
validator) pauses through :func:`paused` too, so a validation run inside a longer pause (the dock building its
tree, an API pull) no longer turns the collector back on when it ends. Pure Python (no Qt).

Objects in the permanent generation are still freed by reference counting; only a reference cycle among them
waits until :func:`unfreeze`. Pauses nest and may come from any thread (a pass started while another is being
canceled, a pull during a pass): the collector resumes when the last one ends, and only if it was enabled when
the first one began.
"""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from typing import Iterator

_lock = threading.Lock()
_active: set[object] = set()
_disabled_by_us = False
_freeze_wanted = False


def pause() -> object:
    """Disable the collector until :func:`resume` is called with the returned token."""
    global _disabled_by_us
    token = object()
    with _lock:
        if not _active and gc.isenabled():
            gc.disable()
            _disabled_by_us = True
        _active.add(token)
    return token


def resume(token: object | None, freeze: bool) -> None:
    """End a pause (calling it again with the same token does nothing); ``freeze``: the pass succeeded, its
    state is long-lived."""
    global _disabled_by_us, _freeze_wanted
    with _lock:
        if token not in _active:
            return
        _active.discard(token)
        _freeze_wanted = _freeze_wanted or freeze
        if _active:
            return
        if _disabled_by_us:
            if _freeze_wanted:
                gc.freeze()
            gc.enable()
        _disabled_by_us = _freeze_wanted = False


@contextmanager
def paused(freeze: bool = False) -> Iterator[None]:
    """The collector paused for the ``with`` block (resumed, without freezing, if it raises)."""
    token = pause()
    try:
        yield
    except BaseException:
        resume(token, freeze=False)
        raise
    resume(token, freeze)


def is_paused() -> bool:
    return bool(_active)


def unfreeze() -> None:
    """Give the frozen objects back to the collector (a long-lived state is being dropped)."""
    if gc.get_freeze_count():
        gc.unfreeze()
