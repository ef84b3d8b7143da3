"""The reference data the rules read: communes (postal codes, centroids) and the typologie list.

They come from ``plugin/core/reference.py`` (compact copies shipped in ``resources/reference/``); loaded
once per process. When the reference data is absent the territorial and typologie rules are skipped.
"""

from __future__ import annotations

from functools import lru_cache

from .rules.geography import Gazetteer


@lru_cache(maxsize=1)
def bundled_gazetteer() -> Gazetteer | None:
    try:
        from .. import reference
    except ImportError:
        return None
    return Gazetteer.from_rows(reference.commune_rows())


@lru_cache(maxsize=1)
def bundled_typologies() -> dict | None:
    try:
        from .. import reference
    except ImportError:
        return None
    return dict(reference.typologies())
