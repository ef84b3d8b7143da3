"""Python's cyclic garbage collector around a full validation pass (QGIS never freezes).

A full pass of the validation dock over 50,000 lieux leaves some 400,000 tracked container objects alive
(records, issues, duplicate index, rows of the tree). CPython's collector (3.11, not incremental) walks every
tracked object of the process at each full collection while holding the GIL: 300–450 ms on the 50,000-lieux
layer. While the pass grows the heap a full collection comes every 25 % of growth, whichever thread triggers
it; when the task's thread triggers it the main thread waits for the GIL all the same, and QGIS freezes.

So, for a full pass:

* :func:`pause` disables the collector while the pass runs (reference counting still frees memory: the state
  built is acyclic; ``tests/qgis/test_validation_dock.py`` checks that replacing it leaves no cycle behind);
* :func:`resume` re-enables it at the end and, after a pass that succeeded, moves the objects alive to the
  permanent generation (``gc.freeze``): later collections no longer walk the 50,000 lieux' state, and the
  objects built during the pass are not walked at once when the collector resumes either;
* :func:`unfreeze` gives them back to the collector when the state goes away (the dock leaves the layer).

Objects in the permanent generation are still freed by reference counting; only a reference cycle among them
waits until :func:`unfreeze`. Pauses nest (a pass started while another is being canceled): the collector
resumes when the last one ends, and only if it was enabled when the first one began.
"""

from __future__ import annotations

import gc

_active: set[object] = set()
_disabled_by_us = False


def pause() -> object:
    """Disable the collector until :func:`resume` is called with the returned token."""
    global _disabled_by_us
    if not _active and gc.isenabled():
        gc.disable()
        _disabled_by_us = True
    token = object()
    _active.add(token)
    return token


def resume(token: object | None, freeze: bool) -> None:
    """End a pause (calling it again with the same token does nothing); ``freeze``: the pass succeeded, its
    state is long-lived."""
    global _disabled_by_us
    if token not in _active:
        return
    _active.discard(token)
    if _active or not _disabled_by_us:
        return
    _disabled_by_us = False
    if freeze:
        gc.freeze()
    gc.enable()


def paused() -> bool:
    return bool(_active)


def unfreeze() -> None:
    """Give the frozen objects back to the collector (a long-lived state is being dropped)."""
    if gc.get_freeze_count():
        gc.unfreeze()
