"""Pure converters from the sources' payloads to records in the standard's own form (no Qt, no network).

* :mod:`.data_inclusion` — data·inclusion v1 structure + its numérique services → one lieu;
* :mod:`.dora` — DORA v2 structure + its numérique services → one lieu;
* :mod:`.cartographie` — Cartographie nationale PostgREST ``/carto`` item → one lieu.

Mappings are the ones documented in ``docs/reference/apis.md`` (tables as data in each module).
"""

from .common import Converted, record_hash

__all__ = ["Converted", "record_hash"]
