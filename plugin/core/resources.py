"""Paths of the data files the plugin ships in resources/ (pure Python)."""

from __future__ import annotations

from pathlib import Path

PLUGIN_ROOT = Path(__file__).resolve().parents[2]
RESOURCES = PLUGIN_ROOT / "resources"
I18N = PLUGIN_ROOT / "i18n"


def resource_path(*parts: str) -> Path:
    """Return the path of a file under resources/."""
    return RESOURCES.joinpath(*parts)
