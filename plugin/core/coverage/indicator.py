"""Per-commune values joined by INSEE code: an indicator (e.g. the Indice de Fragilité Numérique) or the
commune of a boundary polygon. Codes are read as INSEE codes (a lost leading zero restored, an arrondissement
counted in its city); values as numbers (decimal comma tolerated)."""

from __future__ import annotations

import math
from typing import Iterable, Sequence

from ..reference import name_key
from .locate import _current

# Field names that usually hold a commune's INSEE code (compared without case, accents, punctuation)
INSEE_FIELD_NAMES = ("code_insee", "insee_com", "insee", "codgeo", "code_commune", "code_com", "com", "depcom")


def guess_insee_field(names: Sequence[str]) -> str | None:
    """The field of ``names`` that most likely holds INSEE codes (None when none looks like it)."""
    keys = {name_key(name).replace(" ", "_"): name for name in names}
    for candidate in INSEE_FIELD_NAMES:
        if candidate in keys:
            return keys[candidate]
    return None


def insee_code(value: object) -> str | None:
    """An INSEE code from a cell ("4070", 4070, "04070 " → "04070"; arrondissement → city)."""
    if value is None:
        return None
    if isinstance(value, float):
        if math.isnan(value) or value != int(value):
            return None
        value = int(value)
    text = str(value).strip().upper()
    if len(text) == 4 and text.isdigit():
        text = text.zfill(5)
    if len(text) != 5:
        return None
    return _current(text)


def number_value(value: object) -> float | None:
    """A numeric cell as a float (``"12,5"`` → 12.5); None when empty or not a number."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return None if math.isnan(value) else float(value)
    text = str(value).strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "").replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        return None
    return None if math.isnan(number) else number


def indicator_values(pairs: Iterable[tuple[object, object]]) -> tuple[dict[str, float], int]:
    """{INSEE code: value} from (code, value) cells, and how many rows were skipped (no code or no number).
    A code given twice keeps its first value."""
    values: dict[str, float] = {}
    skipped = 0
    for code_cell, value_cell in pairs:
        code, value = insee_code(code_cell), number_value(value_cell)
        if code is None or value is None:
            skipped += 1
        else:
            values.setdefault(code, value)
    return values, skipped
