"""The reference data the rules read, from :mod:`plugin.core.reference` (files in ``resources/reference/``).

``bundled_geography()`` is the object the territorial rules query (the reference module itself: communes by
INSEE and postal code, centroids, name keys, France's plausibility boxes); ``bundled_typologies()`` the
typologie vocabulary (code → label). Either is ``None`` when its file is missing, and the rules that need it
are then skipped rather than failing.
"""

from __future__ import annotations

from functools import lru_cache

from .. import reference
from ..resources import resource_path


@lru_cache(maxsize=1)
def bundled_geography():
    return reference if resource_path("reference", "communes.csv").exists() else None


@lru_cache(maxsize=1)
def bundled_typologies() -> dict | None:
    return dict(reference.typologies()) if resource_path("reference", "typologies.csv").exists() else None
