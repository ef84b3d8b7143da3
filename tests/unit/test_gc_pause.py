"""The collector's pause around a full validation pass (plugin/core/gc_pause.py)."""

from __future__ import annotations

import gc

import pytest

from plugin.core import gc_pause


@pytest.fixture(autouse=True)
def collector():
    gc.enable()
    yield
    gc.enable()
    gc.unfreeze()


def test_paused_while_a_pass_runs_then_frozen_after_success():
    frozen = gc.get_freeze_count()
    token = gc_pause.pause()
    assert not gc.isenabled() and gc_pause.is_paused()
    state = [[number] for number in range(1000)]  # a long-lived state built by the pass
    gc_pause.resume(token, freeze=True)
    assert gc.isenabled() and not gc_pause.is_paused()
    assert gc.get_freeze_count() >= frozen + len(state)
    gc_pause.unfreeze()
    assert gc.get_freeze_count() == 0


def test_a_failed_pass_freezes_nothing_and_resume_is_idempotent():
    token = gc_pause.pause()
    gc_pause.resume(token, freeze=False)
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.disable()  # someone else's pause: a second resume with the same token must not enable the collector
    gc_pause.resume(token, freeze=True)
    assert not gc.isenabled() and gc.get_freeze_count() == 0


def test_nested_pauses_resume_when_the_last_ends():
    first = gc_pause.pause()
    second = gc_pause.pause()  # a new pass started while the first is being canceled
    gc_pause.resume(first, freeze=False)
    assert not gc.isenabled()
    gc_pause.resume(second, freeze=True)
    assert gc.isenabled() and gc.get_freeze_count() > 0


def test_a_pass_ending_during_a_pull_freezes_when_the_pull_ends():
    """An API pull (another thread, ``with paused()``) and a full pass overlap: the collector stays paused
    until both end, and the pass's state is frozen then."""
    import threading

    token = gc_pause.pause()
    inside, release, results = threading.Event(), threading.Event(), []

    def pull():
        with gc_pause.paused():
            inside.set()
            release.wait(5)
            results.append(gc.isenabled())

    thread = threading.Thread(target=pull)
    thread.start()
    inside.wait(5)
    gc_pause.resume(token, freeze=True)  # the pass ends first
    assert not gc.isenabled() and gc.get_freeze_count() == 0
    release.set()
    thread.join(5)
    assert results == [False]
    assert gc.isenabled() and gc.get_freeze_count() > 0


def test_paused_block_that_raises_resumes_without_freezing():
    with pytest.raises(ValueError):
        with gc_pause.paused(freeze=True):
            assert not gc.isenabled()
            raise ValueError
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_a_collector_disabled_by_someone_else_stays_disabled():
    gc.disable()
    token = gc_pause.pause()
    gc_pause.resume(token, freeze=True)
    assert not gc.isenabled() and gc.get_freeze_count() == 0


def test_a_validation_inside_a_pause_leaves_the_collector_paused():
    """The engine's batch pause nests in a longer one (the dock's tree build): it used to re-enable the collector."""
    from plugin.core.validation import validate_records
    from tests.unit.validation.helpers import VALID

    assert gc.isenabled()
    token = gc_pause.pause()
    try:
        validate_records([dict(VALID)])
        assert not gc.isenabled() and gc_pause.is_paused()
    finally:
        gc_pause.resume(token, freeze=False)
    assert gc.isenabled()
