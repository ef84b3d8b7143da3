"""The API pull's garbage-collector pause: what a successful pull built is frozen when the collector resumes (the
first collection would otherwise walk every decoded object while holding the GIL: QGIS froze 90–180 ms)."""

from __future__ import annotations

import gc

import pytest


def test_a_pull_that_succeeds_freezes_what_it_built():
    from plugin.core import gc_pause
    from plugin.qgis.tasks import collection_paused

    gc_pause.unfreeze()
    assert gc.isenabled()
    with collection_paused():
        assert not gc.isenabled()
        built = [{"id": str(n)} for n in range(1000)]  # what a pull decodes
    assert gc.isenabled() and gc.get_freeze_count() >= len(built)
    gc_pause.unfreeze()
    with pytest.raises(RuntimeError), collection_paused():
        raise RuntimeError("a failed pull")
    assert gc.isenabled() and gc.get_freeze_count() == 0  # nothing frozen after a failure
