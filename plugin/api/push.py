"""Push: send the lieux created or changed since the pull to a write endpoint, journaled, conflicts held back.

1. :func:`plan_push` compares each lieu of the layer with its *base record* (sync table): unchanged lieux are
   skipped, changed ones get a per-field diff, lieux with validation errors are listed with their errors and
   never sent.
2. :func:`run_push` fetches the remote version of every changed lieu again from its origin source; if it changed
   since the pull (newer ``date_maj`` or a different hash, our own last push excepted) the lieu is held back as a
   conflict with the remote version beside it. The others go to the :class:`PushTarget` in batches; each lieu is
   journaled ``pending`` before it is sent and ``accepted``/``rejected``/``failed`` after the answer, and an
   accepted lieu's pushed record becomes its new base: pushing twice sends nothing the second time, and a push
   that stops half-way (network, cancel) is resumed by the next one.

Push targets sit behind :class:`PushTarget`: :class:`CartographieV0Target` (``PATCH /lieux-inclusion-numerique``,
``x-api-key``, array of standard records) and :class:`DoraStructureTarget` (DORA's own API, camelCase
``PATCH /structures/{slug}/`` with a user token).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Iterable, Mapping, Protocol, Sequence

from ..core.converters.common import date_part, record_hash
from ..core.errors import MednumError
from ..core.i18n import translate
from ..core.records import Record
from ..core.schema import Schema, load_schema
from ..core.sync import SyncEntry, SyncStore
from .connectors import CONNECTORS, Connector
from .errors import ApiError, CancelledError, UnprocessableError
from .http import ApiClient

# statuses of a lieu in a push report
TO_SEND, INVALID, CONFLICT, ACCEPTED, REJECTED, FAILED, UP_TO_DATE, DRY_RUN, PENDING = (
    "to-send", "invalid", "conflict", "accepted", "rejected", "failed", "up-to-date", "dry-run", "pending"
)


@dataclass
class FieldChange:
    field: str
    before: str
    after: str


@dataclass
class PushItem:
    lieu_id: str
    nom: str
    before: Record | None  # the base record (None: created locally)
    after: Record
    changes: list[FieldChange]
    origin: SyncEntry | None = None
    status: str = TO_SEND
    message: str = ""
    errors: list[str] = field(default_factory=list)
    remote: Record | None = None  # the remote version (conflicts)
    http_status: int | None = None
    response_body: str = ""

    @property
    def created(self) -> bool:
        return self.before is None

    def remote_differences(self) -> list[FieldChange]:
        """Side by side: fields where the remote version differs from the local one (before = remote)."""
        if self.remote is None:
            return []
        return [
            FieldChange(name, self.remote.get(name, ""), value)
            for name, value in self.after.items()
            if name in self.remote and (self.remote.get(name, "") or "") != (value or "")
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.lieu_id,
            "nom": self.nom,
            "status": self.status,
            "created": self.created,
            "message": self.message,
            "errors": self.errors,
            "changes": [asdict(c) for c in self.changes],
            "remote_differences": [asdict(c) for c in self.remote_differences()],
            "http_status": self.http_status,
            "response_body": self.response_body,
        }


@dataclass
class PushReport:
    target: str
    push_id: str
    dry_run: bool = False
    items: list[PushItem] = field(default_factory=list)
    unchanged: int = 0
    error: str = ""  # the failure that stopped the push (the rest stays pending)

    def by_status(self, status: str) -> list[PushItem]:
        return [item for item in self.items if item.status == status]

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {"unchanged": self.unchanged}
        for item in self.items:
            counts[item.status] = counts.get(item.status, 0) + 1
        return counts

    def summary(self) -> str:
        counts = self.counts()
        text = translate(
            "Push",
            "{accepted} sent and accepted, {rejected} refused, {conflict} held back (changed remotely), {invalid} "
            "with validation errors, {pending} still to send, {unchanged} unchanged."
        ).format(
            accepted=counts.get(ACCEPTED, 0) + counts.get(UP_TO_DATE, 0), rejected=counts.get(REJECTED, 0),
            conflict=counts.get(CONFLICT, 0), invalid=counts.get(INVALID, 0),
            pending=counts.get(PENDING, 0) + counts.get(FAILED, 0) + counts.get(TO_SEND, 0) + counts.get(DRY_RUN, 0),
            unchanged=counts["unchanged"],
        )
        if self.dry_run:
            text = translate("Push", "Dry run, nothing sent: {n} lieu(x) would be sent. ").format(
                n=counts.get(DRY_RUN, 0)
            ) + text
        if self.error:
            text += " " + self.error
        return text

    def to_dict(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "push_id": self.push_id,
            "dry_run": self.dry_run,
            "counts": self.counts(),
            "summary": self.summary(),
            "error": self.error,
            "lieux": [item.to_dict() for item in self.items],
        }


# ------------------------------------------------------------------------------------------ targets
@dataclass
class SendOutcome:
    lieu_id: str
    accepted: bool
    http_status: int | None
    response_body: str
    message: str = ""


class PushTarget(Protocol):
    key: str
    label: str
    mirrors: tuple[str, ...]  # pull sources that serve back what this target accepts

    def send(self, records: Sequence[Record]) -> list[SendOutcome]:
        """Send records; return one outcome per record; raise ApiError when the whole request failed."""
        ...


def compact(record: Mapping[str, str]) -> dict[str, str]:
    """A standard record as the write API expects it: empty fields left out."""
    return {name: value for name, value in record.items() if value not in (None, "")}


class CartographieV0Target:
    """Cartographie nationale API v0: ``PATCH /lieux-inclusion-numerique`` (upsert), ``x-api-key``."""

    key = "carto-v0"
    label = "Cartographie nationale"
    mirrors = ("carto",)
    path = "lieux-inclusion-numerique"
    success_statuses = (200,)  # the documented answer of an accepted PATCH (apis.md §5.3)

    def __init__(self, client: ApiClient, batch_size: int = 50) -> None:
        self.client = client
        self.batch_size = batch_size
        client.token_env = "MEDNUM_CARTO_V0_TOKEN"

    def send(self, records: Sequence[Record]) -> list[SendOutcome]:
        outcomes: list[SendOutcome] = []
        for start in range(0, len(records), self.batch_size):
            outcomes += self._send_batch(list(records[start : start + self.batch_size]), retry_rest=True)
        return outcomes

    def _send_batch(self, batch: list[Record], retry_rest: bool) -> list[SendOutcome]:
        try:
            response = self.client.request("PATCH", self.path, json_body=[compact(r) for r in batch],
                                           expect=self.success_statuses)
        except UnprocessableError as error:
            named = _details_by_lieu(error.details, batch)
            outcomes = [
                SendOutcome(r["id"], False, 422, error.body, named[r["id"]]) for r in batch if r["id"] in named
            ]
            rest = [r for r in batch if r["id"] not in named]
            if not named:  # the server did not say which lieu: the whole batch is refused
                return [SendOutcome(r["id"], False, 422, error.body, error.message) for r in batch]
            if rest and retry_rest:
                outcomes += self._send_batch(rest, retry_rest=False)
            elif rest:
                outcomes += [SendOutcome(r["id"], False, 422, error.body, error.message) for r in rest]
            return outcomes
        body = response.text(4000)
        return [SendOutcome(r["id"], True, response.status, body) for r in batch]


def _details_by_lieu(details: Sequence[tuple[str, str]], batch: Sequence[Record]) -> dict[str, str]:
    named: dict[str, str] = {}
    ids = [r["id"] for r in batch]
    for key, message in details:
        if key in ids:
            lieu_id = key
        elif key.isdigit() and int(key) < len(ids):
            lieu_id = ids[int(key)]
        else:
            continue
        named[lieu_id] = f"{named[lieu_id]}; {message}" if lieu_id in named else message
    return named


# standard field → DORA structure field (camelCase private API, apis.md §1.6)
DORA_STRUCTURE_FIELDS = {
    "nom": "name", "adresse": "address1", "complement_adresse": "address2", "code_postal": "postalCode",
    "commune": "city", "code_insee": "cityCode", "telephone": "phone", "courriels": "email", "site_web": "url",
    "presentation_resume": "shortDesc", "presentation_detail": "fullDesc", "horaires": "openingHours",
    "fiche_acces_libre": "accesslibreUrl", "latitude": "latitude", "longitude": "longitude",
}


class DoraStructureTarget:
    """DORA's own API: ``PATCH /structures/{slug}/`` in camelCase with a user token (one request per lieu).

    The slug is the lieu's ``lien_source`` tail kept in the extras at the pull, or given by ``slug_of``.
    """

    key = "dora-structures"
    label = "DORA"
    mirrors = ("dora",)
    success_statuses = (200,)  # Django REST framework's answer to an accepted PATCH

    def __init__(self, client: ApiClient, slug_of: Callable[[Record], str]) -> None:
        self.client = client
        self.slug_of = slug_of

    @staticmethod
    def body(record: Mapping[str, str]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, target in DORA_STRUCTURE_FIELDS.items():
            value = record.get(name, "") or ""
            if name == "courriels":
                value = value.split("|")[0]
            elif name == "site_web":
                value = value.split("|")[0]
            if name in ("latitude", "longitude"):
                out[target] = float(value) if value else None
            else:
                out[target] = value
        return out

    def send(self, records: Sequence[Record]) -> list[SendOutcome]:
        outcomes = []
        for record in records:
            slug = self.slug_of(record)
            try:
                response = self.client.request("PATCH", f"structures/{slug}/", json_body=self.body(record),
                                               expect=self.success_statuses)
            except UnprocessableError as error:
                outcomes.append(SendOutcome(record["id"], False, 422, error.body, error.message))
                continue
            outcomes.append(SendOutcome(record["id"], True, response.status, response.text(4000)))
        return outcomes


# ------------------------------------------------------------------------------------------ plan
Validate = Callable[[Record], list[str]]


def default_validator(schema: Schema | None = None) -> Validate:
    """Errors (not warnings) of a record, from the validation engine (``check_record``)."""
    schema = schema or load_schema()
    try:
        from ..core.validation import check_record  # the engine (issue 2)
    except ImportError:  # engine not installed in this build: the schema's own constraints still apply
        return lambda record: schema_errors(record, schema)

    def validate(record: Record) -> list[str]:
        return [f"{issue.field}: {issue.message}" for issue in check_record(record, schema)
                if getattr(issue, "severity", "error") == "error"]

    return validate


def schema_errors(record: Mapping[str, str], schema: Schema) -> list[str]:
    """The Table Schema constraints alone (required, pattern, enum values of list fields)."""
    import re

    errors = []
    for spec in schema.fields:
        value = record.get(spec.name, "") or ""
        if not value:
            if spec.required:
                errors.append(f"{spec.name}: " + translate("Push", "required value missing"))
            continue
        if spec.enum:
            bad = [v for v in value.split("|") if v not in spec.enum]
            if bad:
                errors.append(f"{spec.name}: " + translate("Push", "value(s) not allowed: {values}").format(
                    values=", ".join(bad)))
        elif spec.pattern and not re.search(spec.pattern, value):
            errors.append(f"{spec.name}: " + translate("Push", "« {value} » does not match the expected format").format(
                value=value))
    return errors


def diff_records(before: Mapping[str, str] | None, after: Mapping[str, str], names: Iterable[str]) -> list[FieldChange]:
    before = before or {}
    return [
        FieldChange(name, before.get(name, "") or "", after.get(name, "") or "")
        for name in names
        if (before.get(name, "") or "") != (after.get(name, "") or "")
    ]


def plan_push(
    records: Sequence[Record],
    store: SyncStore,
    target: str,
    schema: Schema | None = None,
    validate: Validate | None = None,
    dry_run: bool = False,
) -> PushReport:
    """Which lieux to send (changed since the pull, or created), with their diff; invalid ones listed apart."""
    schema = schema or load_schema()
    validate = validate or default_validator(schema)
    entries = store.entries()
    report = PushReport(target, store.new_push_id(), dry_run)
    names = schema.field_names
    for record in records:
        lieu_id = record.get("id", "") or ""
        entry = entries.get(lieu_id)
        before = entry.base_record if entry else None
        changes = diff_records(before, record, names)
        if not changes:
            report.unchanged += 1
            continue
        item = PushItem(lieu_id, record.get("nom", ""), before, dict(record), changes, entry)
        errors = validate(record) if lieu_id else [translate("Push", "id: a lieu without id cannot be sent")]
        if errors:
            item.status = INVALID
            item.errors = errors
            item.message = translate("Push", "Not sent: {n} validation error(s).").format(n=len(errors))
        report.items.append(item)
    return report


# ------------------------------------------------------------------------------------------ preview, then send
# statuses of a previewed lieu that a send acts on (sent, or recorded as already up to date at the source)
SENDABLE = (TO_SEND, DRY_RUN, UP_TO_DATE, PENDING, FAILED)


class PlanChangedError(MednumError):
    """The lieux changed between the preview and the send: nothing was sent."""

    default_code = "push-plan-changed"

    def __init__(self, lieu_ids: Sequence[str]) -> None:
        self.lieu_ids = list(lieu_ids)
        shown = ", ".join(self.lieu_ids[:5]) + (" …" if len(self.lieu_ids) > 5 else "")
        super().__init__(translate(
            "Push",
            "Nothing was sent: {n} lieu(x) changed since the preview ({ids}). Check the new preview, then send again."
        ).format(n=len(self.lieu_ids), ids=shown))


def plan_differences(shown: PushReport, fresh: PushReport) -> list[str]:
    """Ids of the lieux a fresh plan would treat differently from the plan shown (content or validity)."""

    def state(report: PushReport) -> dict[str, tuple[bool, dict[str, str]]]:
        return {item.lieu_id: (item.status == INVALID, dict(item.after)) for item in report.items}

    before, now = state(shown), state(fresh)
    return sorted(lieu_id for lieu_id in before.keys() | now.keys() if before.get(lieu_id) != now.get(lieu_id))


def confirm_shown_plan(shown: PushReport, fresh: PushReport) -> PushReport:
    """The fresh plan, checked against the one shown: what is sent is exactly what was shown.

    Raises :class:`PlanChangedError` when a lieu changed since the preview; the lieux the preview held back
    (conflicts) stay held back, whatever a new check would say.
    """
    changed = plan_differences(shown, fresh)
    if changed:
        raise PlanChangedError(changed)
    held = {item.lieu_id: item for item in shown.items if item.status == CONFLICT}
    for item in fresh.items:
        previous = held.get(item.lieu_id)
        if previous is not None:
            item.status, item.message, item.remote = CONFLICT, previous.message, previous.remote
    fresh.dry_run = False
    return fresh


# ------------------------------------------------------------------------------------------ run
def _carried(source: str) -> tuple[str, ...] | None:
    connector = CONNECTORS.get(source)
    return connector.carried_fields if connector else None


def _remote_changed(entry: SyncEntry, remote_hash: str, remote_date: str) -> bool:
    known_hashes = {h for h in (entry.remote_hash, entry.pushed_hash) if h}
    known_date = max(date_part(entry.remote_date_maj), date_part(entry.pushed_date_maj))
    return remote_hash not in known_hashes or (bool(remote_date) and remote_date > known_date)


def check_conflicts(
    items: Sequence[PushItem], connectors: Mapping[str, Connector], cancelled: Callable[[], bool] = lambda: False
) -> None:
    """Fetch the remote version of each item with an origin; hold back those changed remotely since the pull."""
    by_source: dict[str, list[PushItem]] = {}
    for item in items:
        if item.status == TO_SEND and item.origin is not None:
            by_source.setdefault(item.origin.source, []).append(item)
    for source, group in by_source.items():
        if cancelled():
            raise CancelledError()
        connector = connectors.get(source)
        if connector is None:
            for item in group:
                item.status = CONFLICT
                item.message = translate(
                    "Push", "Held back: the current version at {source} could not be checked (source not configured)."
                ).format(source=source)
            continue
        current = connector.fetch_current([item.origin.remote_id for item in group])
        for item in group:
            remote = current.get(item.origin.remote_id)
            fields = connector.carried_fields
            if remote is None:
                item.status = CONFLICT
                item.message = translate("Push", "Held back: the lieu no longer exists at {source}.").format(
                    source=connector.label
                )
                continue
            item.remote = remote.record
            remote_hash = record_hash(remote.record, fields)
            if remote_hash == record_hash(item.after, fields):
                item.status = UP_TO_DATE  # the remote already has exactly this version (an earlier push)
                item.message = translate("Push", "Already up to date at the source.")
                continue
            if _remote_changed(item.origin, remote_hash, date_part(remote.remote_date_maj)):
                item.status = CONFLICT
                item.message = translate(
                    "Push",
                    "Held back: changed at {source} since the pull (remote date_maj {remote}, pulled {pulled}). "
                    "Compare both versions, then pull again to start from the remote one."
                ).format(source=connector.label, remote=remote.remote_date_maj or "?",
                         pulled=item.origin.remote_date_maj or "?")


def run_push(
    report: PushReport,
    target: PushTarget,
    store: SyncStore,
    connectors: Mapping[str, Connector],
    progress: Callable[[float, str], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    batch_size: int = 50,
) -> PushReport:
    """Check conflicts, then send (unless dry run) and journal; never raises for a lieu-level problem."""
    progress = progress or (lambda p, m: None)
    try:
        progress(5.0, translate("Push", "Checking the remote versions…"))
        check_conflicts(report.items, connectors, cancelled)
    except ApiError as error:
        report.error = error.message
        for item in report.by_status(TO_SEND):
            item.status = PENDING
            item.message = translate("Push", "Not sent: the remote version could not be checked.")
        return report
    for item in report.by_status(UP_TO_DATE):
        _accept(store, target, report, item, None, "", journal=not report.dry_run)
    to_send = report.by_status(TO_SEND)
    if report.dry_run:
        for item in to_send:
            item.status = DRY_RUN
            item.message = translate("Push", "Would be sent.")
        return report
    sent = 0
    for start in range(0, len(to_send), batch_size):
        batch = to_send[start : start + batch_size]
        if cancelled():
            report.error = CancelledError().message
            break
        fids = {
            item.lieu_id: store.journal(report.push_id, target.key, item.lieu_id, item.before, item.after, PENDING)
            for item in batch
        }
        try:
            outcomes = {o.lieu_id: o for o in target.send([item.after for item in batch])}
        except ApiError as error:
            report.error = error.message
            for item in batch:
                item.status, item.message = FAILED, error.message
                store.update_journal([fids[item.lieu_id]], FAILED, error.status, error.body, error.message)
            break
        for item in batch:
            outcome = outcomes.get(item.lieu_id)
            if outcome is None:
                continue  # stays pending in the journal: the next push sends it again
            item.http_status, item.response_body = outcome.http_status, outcome.response_body
            if outcome.accepted:
                _accept(store, target, report, item, fids[item.lieu_id], outcome.response_body)
            else:
                item.status, item.message = REJECTED, outcome.message
                store.update_journal([fids[item.lieu_id]], REJECTED, outcome.http_status, outcome.response_body,
                                     outcome.message)
        sent += len(batch)
        progress(10 + 90 * sent / max(len(to_send), 1),
                 translate("Push", "{sent}/{total} lieux sent").format(sent=sent, total=len(to_send)))
    for item in report.by_status(TO_SEND):
        item.status = PENDING
        item.message = translate("Push", "Not sent yet: the next push will send it.")
    return report


def _accept(store: SyncStore, target: PushTarget, report: PushReport, item: PushItem, fid: int | None,
            body: str, journal: bool = True) -> None:
    source = item.origin.source if item.origin else (target.mirrors[0] if target.mirrors else target.key)
    fields = _carried(source)
    pushed_hash = record_hash(item.after, fields) if fields else record_hash(item.after)
    if item.status != UP_TO_DATE:
        item.status = ACCEPTED
        item.message = translate("Push", "Accepted by {target}.").format(target=target.label)
    if fid is not None:
        store.update_journal([fid], ACCEPTED, item.http_status, body, item.message)
    elif journal:
        store.journal(report.push_id, target.key, item.lieu_id, item.before, item.after, UP_TO_DATE, None, "",
                      item.message)
    if not report.dry_run:
        store.record_pushed(item.lieu_id, item.after, source, pushed_hash)
