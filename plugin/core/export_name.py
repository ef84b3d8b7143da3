"""The file name the standard recommends for a published file of lieux (pure Python).

``YYYY-MM-DD_idProducteur_lieux-de-mediation-numerique_territoire.csv``: the date of the export,
the producer's identifier (its SIREN, set in the plugin settings; else the collecting structure
most records name in `source`), and the territory covered (set in the settings; else the
département when all lieux share one, else "france").
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping

DATASET_WORD = "lieux-de-mediation-numerique"
FORMAT_EXTENSIONS = {"csv": ".csv", "json": ".json", "geojson": ".geojson"}


def slug(text: str) -> str:
    """Lower-case ASCII words joined with "-" (accents and punctuation dropped)."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def departement_of(record: Mapping[str, str]) -> str | None:
    """The département code of a lieu, from its INSEE code, else its postal code."""
    insee = (record.get("code_insee") or "").strip().upper()
    if re.match(r"^(97\d|2[AB]|\d\d)", insee):
        return insee[:3] if insee.startswith("97") else insee[:2]
    postal = (record.get("code_postal") or "").strip()
    if re.match(r"^\d{5}$", postal):
        if postal.startswith("97"):
            return postal[:3]
        if postal.startswith("20"):  # Corse: 200xx/201xx → 2A, 202xx/206xx → 2B
            return "2A" if postal[:3] in ("200", "201") else "2B"
        return postal[:2]
    return None


def default_territory(records: Iterable[Mapping[str, str]]) -> str:
    """The département code when every located lieu shares one, else "france"."""
    departements = {d for d in (departement_of(r) for r in records) if d}
    if len(departements) == 1:
        return departements.pop().lower()
    return "france"


def default_producer(records: Iterable[Mapping[str, str]]) -> str:
    counts = Counter(slug(r.get("source") or "") for r in records)
    counts.pop("", None)
    return counts.most_common(1)[0][0] if counts else "producteur"


def suggested_export_name(
    records: Iterable[Mapping[str, str]],
    producer_id: str = "",
    territory: str = "",
    fmt: str = "csv",
    day: dt.date | None = None,
) -> str:
    """The recommended file name for ``records`` exported as ``fmt`` (csv, json or geojson)."""
    records = list(records)
    day = day or dt.date.today()
    producer = slug(producer_id) or default_producer(records)
    place = slug(territory) or default_territory(records)
    return f"{day.isoformat()}_{producer}_{DATASET_WORD}_{place}{FORMAT_EXTENSIONS.get(fmt, '.csv')}"
