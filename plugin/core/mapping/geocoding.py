"""Coordinates for the mapped lieux that have none (pure Python; the HTTP is injected).

1. When online: the Base Adresse Nationale's batch endpoint (``POST /search/csv/``: a CSV of addresses in, the
   same CSV with ``latitude``, ``longitude``, ``result_score``, ``result_label``… out). The request is sent by an
   injected ``send_csv(csv_bytes) -> csv_bytes`` — :meth:`plugin.api.ban.BanGeocoder.geocode_csv`, over the QGIS
   network stack inside QGIS, ``requests`` headless. A result below the score threshold is not used; answers are
   cached by address (a re-import of next month's file asks only for the new addresses).
2. Otherwise (offline, no answer, low score): the centroid of the lieu's commune from the bundled reference
   (INSEE code, else commune name + postal code), recorded as approximate — never silently.

Each placed lieu is recorded as a :class:`~plugin.core.mapping.apply.Transformation` (``geocoded-ban`` or
``commune-centroid``), so the import summary lists it.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..coordinates import format_coordinate, points_of_columns
from ..i18n import translate
from .apply import CENTROID, GEOCODED, MappingResult, Transformation

DEFAULT_SCORE_THRESHOLD = 0.6
BATCH_SIZE = 5000  # addresses per request (the public endpoint accepts files of a few MB)

SendCsv = Callable[[bytes], bytes]


def _t(text: str) -> str:
    return translate("Mapping", text)


def default_cache_path() -> Path:
    """Where the command line keeps the BAN's answers: ``$XDG_CACHE_HOME/lieux_mednum/ban-cache.json``."""
    import os

    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "lieux_mednum" / "ban-cache.json"


@dataclass
class GeocodingCache:
    """Answers of the BAN by address query: ``{query: [lon, lat, score, label]}`` (``[]`` = no answer)."""

    answers: dict[str, list] = field(default_factory=dict)
    path: Path | None = None

    @classmethod
    def load(cls, path: str | Path | None) -> GeocodingCache:
        if not path:
            return cls()
        path = Path(path)
        try:
            answers = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            answers = {}
        return cls(answers if isinstance(answers, dict) else {}, path)

    def save(self) -> None:
        if self.path is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(json.dumps(self.answers, ensure_ascii=False), encoding="utf-8")
        except OSError:
            pass  # a cache that cannot be written is only slower next time


@dataclass
class GeocodingReport:
    geocoded: int = 0
    approximate: int = 0
    unplaced: int = 0
    asked: int = 0  # addresses sent to the BAN (not in the cache)
    error: str = ""  # the BAN's failure, in French, when it could not be reached

    def lines(self) -> list[str]:
        lines = []
        if self.geocoded:
            lines.append(_t("{n} lieux geocoded from their address (Base Adresse Nationale)").format(n=self.geocoded))
        if self.approximate:
            lines.append(
                _t("{n} lieux placed at their commune's centre: approximate positions to check").format(
                    n=self.approximate
                )
            )
        if self.unplaced:
            lines.append(_t("{n} lieux without coordinates (no address or commune found)").format(n=self.unplaced))
        if self.error:
            lines.append(_t("Geocoding unavailable: {reason}").format(reason=self.error))
        return lines


def address_query(record: dict[str, str]) -> str:
    return " ".join(part for part in (record.get("adresse", ""), record.get("code_postal", ""),
                                      record.get("commune", "")) if part).strip()  # fmt: skip


def batch_csv(queries: list[tuple[str, str, str]]) -> bytes:
    """The CSV sent to ``/search/csv/``: one row per address (``q``, ``postcode``, ``citycode``)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["q", "postcode", "citycode"])
    writer.writerows(queries)
    return out.getvalue().encode("utf-8")


def parse_batch_answer(data: bytes) -> list[list]:
    """``[lon, lat, score, label]`` (or ``[]``) per row of the BAN's CSV answer, in order."""
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig", errors="replace")))
    answers = []
    for row in reader:
        try:
            answers.append([float(row["longitude"]), float(row["latitude"]), float(row.get("result_score") or 0),
                            row.get("result_label") or ""])  # fmt: skip
        except (KeyError, TypeError, ValueError):
            answers.append([])
    return answers


def commune_centroid(record: dict[str, str]) -> tuple[float, float] | None:
    """(lon, lat) of the lieu's commune from the bundled reference: INSEE code, else name (+ postal code)."""
    from .. import reference

    code = (record.get("code_insee") or "").strip()
    if code:
        point = reference.centroid(code)
        if point:
            return point
    name, postal = (record.get("commune") or "").strip(), (record.get("code_postal") or "").strip()
    by_postal = reference.communes_by_postal_code(postal) if postal else ()
    if len(by_postal) > 1:  # Paris 19e: the arrondissement rather than the city
        by_postal = tuple(c for c in by_postal if c.type == "ARM") or by_postal
    if len(by_postal) == 1 and (not name or reference.name_key(name) == reference.name_key(by_postal[0].nom)):
        return reference.centroid(by_postal[0].code_insee)  # the postal code names the commune
    candidates = reference.communes_named(name) if name else ()
    if postal:
        if candidates:
            both = [c for c in candidates if c in by_postal]
            candidates = tuple(both) or candidates
        elif len(by_postal) == 1:
            candidates = by_postal
    if len(candidates) >= 1:  # homonyms without a postal code: the most populated (approximate, and said so)
        ranked = sorted(candidates, key=lambda c: -(c.population or 0))
        return reference.centroid(ranked[0].code_insee)
    return None


def place_lieux(
    result: MappingResult,
    send_csv: SendCsv | None = None,
    cache: GeocodingCache | None = None,
    threshold: float = DEFAULT_SCORE_THRESHOLD,
    is_canceled: Callable[[], bool] | None = None,
) -> GeocodingReport:
    """Fill the coordinates of the records without a valid point (in place); record each one placed."""
    report = GeocodingReport()
    cache = cache or GeocodingCache()
    columns = result.columns
    latitudes, longitudes = columns["latitude"], columns["longitude"]
    missing = [index for index, point in enumerate(points_of_columns(latitudes, longitudes)) if point is None]
    if not missing:
        return report
    fields = ("adresse", "code_postal", "commune", "code_insee")

    def record_of(index: int) -> dict[str, str]:
        return {name: columns[name][index] for name in fields}

    queries = {index: address_query(record_of(index)) for index in missing}
    if send_csv is not None:
        first_of: dict[str, int] = {}
        for index, query in queries.items():
            if query and columns["adresse"][index] and query not in cache.answers:
                first_of.setdefault(query, index)
        to_ask = list(first_of)
        try:
            for start in range(0, len(to_ask), BATCH_SIZE):
                if is_canceled and is_canceled():
                    break
                chunk = to_ask[start : start + BATCH_SIZE]
                rows = []
                for query in chunk:
                    record = record_of(first_of[query])
                    rows.append((query, record["code_postal"], record["code_insee"]))
                answers = parse_batch_answer(send_csv(batch_csv(rows)))
                for query, answer in zip(chunk, answers + [[]] * (len(chunk) - len(answers))):
                    cache.answers[query] = answer
                report.asked += len(chunk)
        except Exception as error:  # noqa: BLE001 — offline, proxy, timeout: the centroids below, and the reason
            report.error = getattr(error, "message", "") or str(error)
        cache.save()
    changes: list[Transformation] = []
    for index in missing:
        answer = cache.answers.get(queries[index]) or []
        point = None
        kind = CENTROID
        if len(answer) >= 3 and answer[2] >= threshold:
            point, kind = (answer[0], answer[1]), GEOCODED
        else:
            point = commune_centroid(record_of(index))
        if point is None:
            report.unplaced += 1
            continue
        before = f"{latitudes[index]} {longitudes[index]}".strip()
        latitudes[index], longitudes[index] = format_coordinate(point[1]), format_coordinate(point[0])
        after = f"{latitudes[index]} {longitudes[index]}"
        if kind == GEOCODED:
            report.geocoded += 1
            after += f" ({answer[3]}, score {answer[2]:.2f})"
        else:
            report.approximate += 1
        changes.append(Transformation(result.row_numbers[index], "latitude", kind, before, after))
    result.columns_changed()
    result.transformations = sorted(result.transformations + changes, key=lambda change: change[0])
    result.notes.extend(report.lines())
    return report
