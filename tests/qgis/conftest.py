"""QGIS test fixtures: the repository imported as the installed package ``lieux_mednum``."""

from __future__ import annotations

import importlib
import sys

import pytest


@pytest.fixture(scope="session")
def plugin_package(tmp_path_factory, repo_root):
    """The repo imported as ``lieux_mednum`` (a symlink in a temporary plugins folder, as make install does)."""
    plugins_dir = tmp_path_factory.mktemp("plugins")
    (plugins_dir / "lieux_mednum").symlink_to(repo_root, target_is_directory=True)
    sys.path.insert(0, str(plugins_dir))
    try:
        yield importlib.import_module("lieux_mednum")
    finally:
        sys.path.remove(str(plugins_dir))
