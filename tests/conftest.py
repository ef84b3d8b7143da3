"""Shared test fixtures. Pure-Python tests live in tests/unit, QGIS tests in tests/qgis."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parents[1]


def _shared_data() -> Path:
    """../shared/data beside the checkout (also from a git worktree or a CI clone), or MEDNUM_SHARED_DATA."""
    candidates = [os.environ.get("MEDNUM_SHARED_DATA", ""), REPO_ROOT / ".." / "shared" / "data", "/work/shared/data"]
    for candidate in candidates:
        if candidate and Path(candidate).is_dir():
            return Path(candidate).resolve()
    return (REPO_ROOT / ".." / "shared" / "data").resolve()


SHARED_DATA = _shared_data()
SAMPLES = SHARED_DATA / "samples"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def samples() -> Path:
    if not SAMPLES.exists():
        pytest.skip("../shared/data/samples is not available")
    return SAMPLES


@pytest.fixture(scope="session")
def shared_data() -> Path:
    return SHARED_DATA


@pytest.fixture(scope="session")
def schema():
    from plugin.core.schema import load_schema

    return load_schema()


@pytest.fixture()
def english():
    """User texts in the English source language (tests that assert texts; French comes from the .ts)."""
    from plugin.core import i18n

    previous = i18n.current_language()
    i18n.use_language("en")
    yield
    i18n.use_language(previous)


@pytest.fixture(scope="session")
def postgres_cluster():
    """One throw-away PostgreSQL + PostGIS cluster for the whole session (tests/helpers/postgres_cluster.py),
    on a free loopback port, stopped at the end; the tests using it are skipped when the packages are missing."""
    from tests.helpers import postgres_cluster as pg

    reason = pg.missing_reason()
    if reason:
        pytest.skip(reason)
    import shutil
    import tempfile

    # its own folder under the system temp dir: pytest's is private to the user, and as root the server
    # runs as the postgres user
    directory = Path(tempfile.mkdtemp(prefix="mednum-pg-"))
    try:
        cluster = pg.start_cluster(directory)
        try:
            yield cluster
        finally:
            cluster.stop()
    finally:
        shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture()
def pg_schema(postgres_cluster, request) -> str:
    """A fresh PostgreSQL schema name for one test (dropped afterwards): tests share the cluster, not data."""
    import re

    name = "t_" + re.sub(r"[^a-z0-9_]", "_", request.node.name.lower())[:40]
    with postgres_cluster.connect() as connection:
        connection.cursor().execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
    yield name
    with postgres_cluster.connect() as connection:
        connection.cursor().execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
