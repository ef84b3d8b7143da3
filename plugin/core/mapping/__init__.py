"""Import mappings: a Hub's own file → records of the standard (pure Python, no Qt/QGIS).

A mapping profile is a configuration of the ANCT's ETL tool mednum-cli (``assets/input/<source>/<source>.config.json``
in anct-cartographie-nationale/mednum-cli), read and written as it is; our own additions live under the key
``lieux_mednum``, which mednum-cli ignores. One module per job:

* :mod:`.profile` — load, check and save a profile (the grammar);
* :mod:`.source` — read a source file into rows keyed by column (nested JSON keys as dotted paths);
* :mod:`.values` — the value rules of the list and enum fields (``colonnes``/``termes``/``sauf``/``cible``);
* :mod:`.hours_fr` — French free-text opening hours → the OpenStreetMap syntax of ``horaires``;
* :mod:`.lambert` — Lambert-93 → WGS 84 (closed form; pyproj when installed);
* :mod:`.apply` — rows + profile → lieux, every record kept in input order, every change recorded;
* :mod:`.proposal` — a proposed profile from a header and its values (rapidfuzz);
* :mod:`.store` — the profiles saved in the user folder and in the project, matched against a header;
* :mod:`.geocoding` — coordinates for the lieux without: BAN batch geocoding, else the commune's centroid.
"""

from .apply import MappingResult, Transformation, apply_mapping, convert_table
from .profile import PROFILE_EXTRA_KEY, Profile, ProfileError, load_profile, save_profile
from .source import read_source

__all__ = [
    "PROFILE_EXTRA_KEY",
    "MappingResult",
    "Profile",
    "ProfileError",
    "Transformation",
    "apply_mapping",
    "convert_table",
    "load_profile",
    "read_source",
    "save_profile",
]
