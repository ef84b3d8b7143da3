"""What every rule shares: the finding it returns, the validation context, value quoting."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ...i18n import translate
from ...schema import Schema
from ..codes import render

SHORT = 60


class Finding(NamedTuple):
    """A rule's verdict on one cell: code, rendered message, safe suggestion, and the value it is about.

    ``value`` is ``None`` when the finding is about the cell as a whole (the usual case).
    """

    code: str
    message: str
    suggestion: str | None = None
    value: str | None = None


class FieldFinding(NamedTuple):
    """A finding of a row or cross-record rule, which names the field it is attached to."""

    field: str
    finding: Finding


def shorten(value: str, limit: int = SHORT) -> str:
    """A value for a message: line breaks shown as spaces, cut with an ellipsis."""
    text = " ".join(str(value).split()) if ("\n" in value or "\r" in value or "\t" in value) else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quote_items(items) -> str:
    quoted = translate("Validation", "“{item}”")  # « … » in French
    return ", ".join(quoted.format(item=shorten(item, 40)) for item in items)


def finding(
    code: str, suggestion: str | None = None, value: str | None = None, about: str | None = None, **params: Any
) -> Finding:
    """A finding with its message rendered; ``value`` fills the message's ``{value}`` (shortened).

    ``about`` is the value the issue is about when it is not the cell itself (row rules: ``"lat, long"``).
    """
    if "value" not in params and value is not None:
        params["value"] = shorten(value)
    return Finding(code, render(code, **params), suggestion, about)


@dataclass
class Context:
    """The validation context given to rule builders: schema, options, today, reference data."""

    schema: Schema
    today: dt.date
    max_age_days: int = 730
    centroid_distance_km: float = 30.0
    centroid_distance_km_by_departement: dict = field(default_factory=dict)
    geography: Any = None  # plugin.core.reference (or an object with its functions); None: no reference data
    typologies: frozenset | None = None
    typologie_labels: dict = field(default_factory=dict)
    quality: bool = True
