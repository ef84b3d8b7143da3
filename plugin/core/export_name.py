"""The file name the standard recommends for a published file of lieux (pure Python).

The standard's README ("Recommandations pour le nommage des fichiers")::

    AAAAMMJJ_idProducteur_lieux-de-mediation-numerique_territoire.csv

* ``AAAAMMJJ``: the date the file is created (no separators);
* ``idProducteur``: the producer's SIREN (or SIRET / RNA) — the plugin setting "Producer identifier"; without
  it, the SIREN of the lieu whose name is the collecting structure most lieux give in ``source`` (a Hub that
  lists itself); else that ``source`` name, lower-case ASCII (:func:`producer_needs_setting` says so);
* ``territoire``: the territory's name without accents (the standard's example: ``RegionSud``) — the plugin
  setting "Territory"; else the commune, département or région every lieu shares, else ``France``.

:func:`available_path` never lets an export replace a file silently: an existing name gets ``_2``, ``_3``…
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path

DATASET_WORD = "lieux-de-mediation-numerique"
FORMAT_EXTENSIONS = {"csv": ".csv", "json": ".json", "geojson": ".geojson"}
COUNTRY = "France"
_SIREN_LIKE = re.compile(r"^(\d{9}|\d{14})$")
_RNA = re.compile(r"^W\d{9}$", re.IGNORECASE)


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text or "")
    return decomposed.encode("ascii", "ignore").decode("ascii")


def slug(text: str) -> str:
    """Lower-case ASCII words joined with "-" (accents and punctuation dropped)."""
    return re.sub(r"[^a-z0-9]+", "-", _ascii(text).lower()).strip("-")


def territory_name(text: str) -> str:
    """A territory's name as the standard writes it in file names: ASCII words run together, each capitalised
    (« Région Sud » → ``RegionSud``, « Provence-Alpes-Côte d'Azur » → ``ProvenceAlpesCoteDAzur``)."""
    words = re.split(r"[^A-Za-z0-9]+", _ascii(text))
    return "".join(word[:1].upper() + word[1:] for word in words if word)


def producer_identifier(text: str) -> str:
    """The producer part of the name: a SIREN, SIRET or RNA number as such (spaces dropped), else a slug."""
    compact = re.sub(r"[\s.\-]", "", text or "")
    if _SIREN_LIKE.match(compact) or _RNA.match(compact):
        return compact.upper()
    return slug(text)


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
    """The name of the commune, else the département, else the région every located lieu shares; else France."""
    from . import reference

    records = list(records)
    codes = {(r.get("code_insee") or "").strip().upper() for r in records}
    codes.discard("")
    if len(codes) == 1 and all((r.get("code_insee") or "").strip() for r in records):
        commune = reference.commune(next(iter(codes)))
        if commune is not None:
            return territory_name(commune.nom)
    departements = {d for d in (departement_of(r) for r in records) if d}
    if len(departements) == 1:
        found = reference.departement(departements.pop())
        if found is not None:
            return territory_name(found.nom)
    regions = {getattr(reference.departement(d), "region", None) for d in departements}
    if len(regions) == 1 and None not in regions:
        found = reference.region(regions.pop())
        if found is not None:
            return territory_name(found.nom)
    return COUNTRY


def _most_common_source(records: list[Mapping[str, str]]) -> str:
    counts = Counter((r.get("source") or "").strip() for r in records)
    counts.pop("", None)
    return counts.most_common(1)[0][0] if counts else ""


def default_producer(records: Iterable[Mapping[str, str]]) -> str:
    """Without the setting: the SIREN of the lieu named as the collecting structure, else its name's slug."""
    from .schema import fold

    records = list(records)
    source = _most_common_source(records)
    if not source:
        return "producteur"
    key = fold(source)
    for record in records:
        pivot = re.sub(r"\s", "", record.get("pivot") or "")
        if fold(record.get("nom") or "") == key and re.match(r"^\d{14}$", pivot) and set(pivot) != {"0"}:
            return pivot[:9]
    return slug(source)


def producer_needs_setting(producer_id: str, records: Iterable[Mapping[str, str]]) -> bool:
    """Whether the name falls back on a name instead of the producer's SIREN (the user should set it)."""
    return not producer_id.strip() and not _SIREN_LIKE.match(default_producer(records))


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
    producer = producer_identifier(producer_id) or default_producer(records)
    place = territory_name(territory) or default_territory(records)
    return f"{day.strftime('%Y%m%d')}_{producer}_{DATASET_WORD}_{place}{FORMAT_EXTENSIONS.get(fmt, '.csv')}"


def available_path(path: str | Path) -> Path:
    """``path`` when no file has that name, else the first free ``stem_2.ext``, ``stem_3.ext``…"""
    path = Path(path)
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}_{n}{path.suffix}")
    return candidate
