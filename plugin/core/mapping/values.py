"""Value rules of the list and enum fields, as mednum-cli applies them (pure Python).

A field's rule is a list of choices ``{"colonnes": [...], "termes": [...], "sauf": [...], "cible": "<value>"}``.
For each choice and each of its columns, the target is added when the cell contains one of the ``termes``
(case-insensitive substring) and none of the ``sauf`` (compared case-insensitively: mednum-cli compares the
lower-cased cell with ``sauf`` as written, so a capitalised ``sauf`` never excludes anything there); without
``termes``, any non-empty cell matches; without ``colonnes``, the target is a constant. Targets are kept once,
in the order of the choices.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .source import cell_of


@dataclass(frozen=True)
class Choice:
    columns: tuple[str, ...] | None
    terms: tuple[str, ...] | None  # lower-cased
    excluded: tuple[str, ...]  # lower-cased
    target: str

    @classmethod
    def from_config(cls, item: Mapping[str, Any]) -> Choice | None:
        target = item.get("cible")
        if target is None or target == "":
            return None
        columns = item.get("colonnes")
        terms = item.get("termes")
        return cls(
            columns=tuple(str(c) for c in columns) if isinstance(columns, list) else None,
            terms=tuple(str(t).lower() for t in terms) if isinstance(terms, list) else None,
            excluded=tuple(str(s).lower() for s in item.get("sauf") or () if str(s)),
            target=str(target),
        )

    def matches(self, cell: str) -> bool:
        """Whether a cell (any case) selects this choice's target."""
        if not cell:
            return False
        if self.terms is None:
            return True
        lowered = cell.lower()
        if not any(term in lowered for term in self.terms):
            return False
        return not any(word in lowered for word in self.excluded)


def compile_choices(rule: Any) -> list[Choice]:
    if not isinstance(rule, list):
        return []
    return [choice for choice in (Choice.from_config(item) for item in rule if isinstance(item, dict)) if choice]


def values_of_row(choices: Sequence[Choice], row: Mapping[str, str]) -> list[str]:
    """The targets a row gets from the choices, each once, in choice order."""
    found: dict[str, None] = {}
    for choice in choices:
        if choice.target in found:
            continue
        if choice.columns is None:
            found[choice.target] = None
            continue
        for column in choice.columns:
            if choice.matches(cell_of(row, column)):  # type: ignore[arg-type]
                found[choice.target] = None
                break
    return list(found)


def values_of_cell(choices: Sequence[Choice], column: str, cell: str) -> list[str]:
    """The targets one cell of ``column`` gives (the value table of the dialog)."""
    return list(
        dict.fromkeys(c.target for c in choices if c.columns is not None and column in c.columns and c.matches(cell))
    )


def rule_columns(rule: Any) -> list[str]:
    """The columns a field's value rules read, in order."""
    return list(dict.fromkeys(column for choice in compile_choices(rule) for column in choice.columns or ()))


def rules_from_table(
    table: Mapping[tuple[str, str], Sequence[str]], allowed: Sequence[str] = (), fold: Callable[[str], str] = str.lower
) -> list[dict[str, Any]]:
    """Value rules from a value table ``{(column, source value): [standard values]}``.

    One choice per (column, standard value): its ``termes`` are the source values that give it; a source value
    that is contained in another source value of the same column which does not give this target is excluded
    with ``sauf`` (``Gratuit`` vs ``Gratuit sous condition``), so that the substring rule of the grammar gives
    back exactly the table.
    """
    by_target: dict[tuple[str, str], list[str]] = {}
    values_by_column: dict[str, list[str]] = {}
    for (column, value), targets in table.items():
        values_by_column.setdefault(column, []).append(value)
        for target in targets:
            by_target.setdefault((column, target), []).append(value)
    rules = []
    for (column, target), values in by_target.items():
        terms = list(dict.fromkeys(values))
        excluded = []
        for other in values_by_column[column]:
            if other in terms or target in table.get((column, other), ()):
                continue
            if any(fold(term) in fold(other) for term in terms):
                excluded.append(other)
        choice: dict[str, Any] = {"colonnes": [column], "termes": terms}
        if excluded:
            choice["sauf"] = excluded
        choice["cible"] = target
        rules.append(choice)
    return rules
