"""The filter groups of the orientation journey, declared once and built from the schema.

Each group is one list field of the standard; its options are the schema's allowed values (the
typologie codes come from the bundled reference list, with their labels), followed by the values
found in the data that the standard does not know ("hors standard"), so that a non-conformant file
can still be filtered on what it holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from ..records import split_list
from ..reference import typologies
from ..schema import Schema, load_schema

SERVICES = "services"
TYPOLOGIE = "typologie"

# (schema field, Processing parameter) in the order the dock shows them.
GROUP_DECLARATIONS: tuple[tuple[str, str], ...] = (
    (SERVICES, "SERVICES"),
    ("publics_specifiquement_adresses", "PUBLICS"),
    ("prise_en_charge_specifique", "PRISE_EN_CHARGE"),
    ("frais_a_charge", "FRAIS"),
    ("modalites_acces", "MODALITES_ACCES"),
    ("modalites_accompagnement", "MODALITES_ACCOMPAGNEMENT"),
    ("dispositif_programmes_nationaux", "DISPOSITIFS"),
    (TYPOLOGIE, "TYPOLOGIE"),
    ("itinerance", "ITINERANCE"),
)

GROUP_FIELDS: tuple[str, ...] = tuple(name for name, _ in GROUP_DECLARATIONS)


@dataclass(frozen=True)
class FilterOption:
    value: str  # the value as stored in the records
    label: str  # what the user reads (the value itself, or a typologie code's label)
    standard: bool  # False for a value found in the data that the standard does not allow


@dataclass(frozen=True)
class FilterGroup:
    field: str
    parameter: str
    title: str
    options: tuple[FilterOption, ...]

    def option(self, value: str) -> FilterOption | None:
        for option in self.options:
            if option.value == value:
                return option
        return None

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(option.value for option in self.options)


def cell_items(value: str | None) -> list[str]:
    """The items of a list cell, trimmed (``"a| b"`` holds "a" and "b")."""
    return [item.strip() for item in split_list(value) if item.strip()]


def value_positions(records: Iterable[Mapping[str, str]], field: str) -> dict[str, list[int]]:
    """For each item found in a list field, the positions of the records holding it (each cell split once)."""
    items_of: dict[str, tuple[str, ...]] = {}
    positions: dict[str, list[int]] = {}
    for i, record in enumerate(records):
        cell = record.get(field) or ""
        if not cell:
            continue
        items = items_of.get(cell)
        if items is None:
            items = items_of[cell] = tuple(dict.fromkeys(cell_items(cell)))
        for item in items:
            positions.setdefault(item, []).append(i)
    return positions


def build_groups(
    records: Sequence[Mapping[str, str]] = (),
    schema: Schema | None = None,
    typologie_labels: Mapping[str, str] | None = None,
    positions: Mapping[str, Mapping[str, Sequence[int]]] | None = None,
) -> tuple[FilterGroup, ...]:
    """The filter groups: standard options first, then values found in ``records`` (most frequent first).

    The typologie options are the codes of the bundled reference list (``typologie_labels`` replaces it),
    shown with their labels and ordered by label. ``positions`` (from :func:`value_positions`) saves reading
    the records again.
    """
    schema = schema or load_schema()
    groups = []
    for field, parameter in GROUP_DECLARATIONS:
        spec = schema.field(field)
        if field == TYPOLOGIE:
            labels = dict(typologies() if typologie_labels is None else typologie_labels)
            standard = sorted(labels, key=lambda code: labels[code].casefold())
        else:
            labels = {}
            standard = list(spec.enum)
        options = [FilterOption(value, labels.get(value, value), True) for value in standard]
        known = set(standard)
        found = positions[field] if positions is not None else value_positions(records, field)
        extra = [(value, len(where)) for value, where in found.items() if value not in known]
        extra.sort(key=lambda item: (-item[1], item[0]))
        options.extend(FilterOption(value, value, False) for value, _ in extra)
        groups.append(FilterGroup(field, parameter, spec.title, tuple(options)))
    return tuple(groups)
