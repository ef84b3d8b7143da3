"""Live re-validation: after an edit, re-check only the changed lieux and those whose status depends on them.

The validation dock holds one :class:`IncrementalValidator` for the working layer::

    live = IncrementalValidator(schema)
    delta = live.load({fid: record for fid, record in …})          # full pass (batch speed)
    delta = live.update(changed={fid: record}, deleted=[fid2])      # after each edit: a few ms
    for key, issues in delta.changed.items(): …                     # replace that lieu's issues
    for key in delta.deleted: …                                     # forget that lieu

Keys are the records' identities in the caller (QGIS feature ids); each issue's ``row`` is its record's key.
Rules that compare records with each other (the uniqueness of ``id``; a duplicate detector) are
:class:`CrossRecordRule` objects: they keep their own index, say which records an edit affects, and give the
issues of a record. Pass extra ones with ``cross_rules=[…]`` (e.g. the dock's duplicate rule).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Hashable, Iterable, Mapping, Protocol

from .. import gc_pause
from ..i18n import language
from ..schema import Schema, load_schema
from .engine import ValidationOptions, Validator, _extract, _text, validator_for
from .issues import Issue, Report

Key = Hashable
Record = Mapping[str, Any]


class CrossRecordRule(Protocol):
    """A rule whose verdict on a record depends on other records."""

    def reset(self, records: Mapping[Key, Record]) -> None:
        """Index all records (full pass)."""

    def update(self, changed: Mapping[Key, Record], deleted: Iterable[Key]) -> set:
        """Re-index after an edit; return the keys whose issues may have changed (changed ones included)."""

    def issues(self, key: Key) -> list[Issue]:
        """The rule's current issues for one record."""

    def flagged(self) -> set:
        """Optional: the keys that currently have issues of this rule (speeds up ``load``)."""


class UniqueRule:
    """The schema's ``unique`` constraint (``id``): every record sharing a value is flagged."""

    def __init__(self, validator: Validator, field_name: str):
        self.validator = validator
        self.field = field_name
        self._value_of: dict[Key, str] = {}
        self._keys_of: dict[str, set] = {}
        self._ids: dict[Key, str] = {}

    def _add(self, key: Key, record: Record) -> str:
        value = _text(record.get(self.field))
        self._value_of[key] = value
        self._ids[key] = _text(record.get(self.validator.primary_key))
        if value != "":
            self._keys_of.setdefault(value, set()).add(key)
        return value

    def _remove(self, key: Key) -> str | None:
        value = self._value_of.pop(key, None)
        self._ids.pop(key, None)
        if value:
            keys = self._keys_of.get(value)
            if keys is not None:
                keys.discard(key)
                if not keys:
                    del self._keys_of[value]
        return value

    def reset(self, records: Mapping[Key, Record]) -> None:
        self._value_of.clear()
        self._keys_of.clear()
        self._ids.clear()
        for key, record in records.items():
            self._add(key, record)

    def update(self, changed: Mapping[Key, Record], deleted: Iterable[Key]) -> set:
        affected: set = set()
        values: set = set()
        for key in deleted:
            values.add(self._remove(key))
        for key, record in changed.items():
            values.add(self._remove(key))
            values.add(self._add(key, record))
            affected.add(key)
        for value in values:
            if value:
                affected |= self._keys_of.get(value, set())
        return affected

    def flagged(self) -> set:
        return {key for keys in self._keys_of.values() if len(keys) > 1 for key in keys}

    def issues(self, key: Key) -> list[Issue]:
        value = self._value_of.get(key, "")
        if not value:
            return []
        count = len(self._keys_of.get(value, ()))
        if count < 2:
            return []
        return [self.validator.unique_issue(self.field, value, count, key, self._ids.get(key, ""))]


@dataclass
class Delta:
    """What an update changed: the complete current issues of each affected record, and the deleted keys."""

    changed: dict = field(default_factory=dict)
    deleted: set = field(default_factory=set)

    @property
    def keys(self) -> set:
        return set(self.changed) | self.deleted


class IncrementalValidator:
    """Per-record issues kept up to date edit after edit (see the module documentation)."""

    def __init__(
        self,
        schema: Schema | None = None,
        options: ValidationOptions | None = None,
        cross_rules: Iterable[CrossRecordRule] = (),
    ):
        self.schema = schema or load_schema()
        self.options = options or ValidationOptions()
        self.validator = validator_for(self.schema, self.options)
        self.cross_rules: list[CrossRecordRule] = [
            UniqueRule(self.validator, name) for name in self.validator.unique_fields
        ] + list(cross_rules)
        self.duplicates = None  # the DuplicateIndex when options.duplicates is set (partners of a lieu)
        if self.options.duplicates is not None and self.options.quality:
            from .duplicates import DuplicateIndex, DuplicateSettings

            settings = self.options.duplicates
            self.duplicates = DuplicateIndex(settings if isinstance(settings, DuplicateSettings) else None)
            self.cross_rules.append(self.duplicates)
        self._records: dict[Key, Record] = {}
        self._own: dict[Key, list[Issue]] = {}

    # ── state ───────────────────────────────────────────────────────────────────────────────────────────

    def __len__(self) -> int:
        return len(self._records)

    def __contains__(self, key: object) -> bool:
        return key in self._records

    def keys(self):
        """The keys of the records held (a live view)."""
        return self._records.keys()

    def record(self, key: Key) -> Record | None:
        return self._records.get(key)

    def issues_for(self, key: Key) -> list[Issue]:
        """Every current issue of one record (its own and the cross-record ones)."""
        if key not in self._records:
            return []
        issues = list(self._own.get(key, ()))
        for rule in self.cross_rules:
            issues.extend(rule.issues(key))
        if len(issues) > 1:
            self.validator.sort(issues)
        return issues

    def issues(self) -> list[Issue]:
        out: list[Issue] = []
        for key in self._records:
            out.extend(self.issues_for(key))
        return out

    def report(self) -> Report:
        return Report(rows=len(self._records), issues=self.issues(), schema_version=self.schema.version)

    # ── passes ──────────────────────────────────────────────────────────────────────────────────────────

    def _check(self, records: Mapping[Key, Record]) -> dict[Key, list[Issue]]:
        """Own issues (every rule but the cross-record ones) of the records that have some."""
        keys = list(records)
        columns = _extract(list(records.values()), {name: name for name in self.schema.field_names})
        ids = [_text(value) for value in columns[self.schema.primary_key]]
        found: dict[Key, list[Issue]] = {}
        with language(self.options.language), gc_pause.paused():
            for issue in self.validator.validate_columns(columns, keys, ids, unique=False):
                found.setdefault(issue.row, []).append(issue)
        return found

    def load(self, records: Mapping[Key, Record]) -> Delta:
        """Validate every record (replacing any previous state); the delta lists every record."""
        self._records = {key: dict(record) for key, record in records.items()}
        self._own = self._check(self._records)
        changed: dict[Key, list[Issue]] = dict.fromkeys(self._records, ())
        with language(self.options.language), gc_pause.paused():
            for rule in self.cross_rules:
                rule.reset(self._records)
            concerned = set(self._own)
            for rule in self.cross_rules:
                flagged = getattr(rule, "flagged", None)
                concerned |= flagged() if flagged is not None else set(self._records)
            for key in concerned:
                changed[key] = self.issues_for(key)
        return Delta(changed={key: list(issues) for key, issues in changed.items()})

    def update(self, changed: Mapping[Key, Record] | None = None, deleted: Iterable[Key] = ()) -> Delta:
        """Re-validate the changed (or added) records, forget the deleted ones, and refresh those whose
        cross-record status depends on them. Returns the complete current issues of every affected record."""
        changed = {key: dict(record) for key, record in (changed or {}).items()}
        deleted = {key for key in deleted if key in self._records and key not in changed}
        for key in deleted:
            del self._records[key]
            self._own.pop(key, None)
        self._records.update(changed)
        for key in changed:
            self._own.pop(key, None)
        self._own.update(self._check(changed))
        affected: set = set(changed)
        with language(self.options.language):
            for rule in self.cross_rules:
                affected |= rule.update(changed, deleted)
            affected -= deleted
            return Delta(
                changed={key: self.issues_for(key) for key in affected if key in self._records}, deleted=deleted
            )
