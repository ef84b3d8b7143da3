"""Accepted issues (store, lapse), merge choices and journal, and the producers' report (CSV, HTML)."""

from __future__ import annotations

import csv
import io
import sqlite3

import pytest

from plugin.core.acceptances import (
    ACCEPTANCE_TABLE,
    AcceptanceBook,
    GeoPackageAcceptanceStore,
    MemoryAcceptanceStore,
)
from plugin.core.i18n import use_language
from plugin.core.merge import (
    BOTH,
    JOURNAL_TABLE,
    KEPT,
    OTHER,
    GeoPackageMergeJournal,
    MergeEntry,
    default_choices,
    merged_record,
    union,
)
from plugin.core.producer_report import CSV_COLUMNS, issues_csv, lieux_of, split_accepted, write_report
from plugin.core.validation import Issue, Report
from plugin.core.validation.codes import ERROR, WARNING


@pytest.fixture(autouse=True)
def english():
    use_language("en")
    yield
    use_language("fr")


@pytest.fixture
def gpkg(tmp_path):
    """A file with the GeoPackage contents table (the stores register their tables in it)."""
    path = tmp_path / "lieux.gpkg"
    connection = sqlite3.connect(path)
    connection.execute(
        "CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT, identifier TEXT, "
        "description TEXT, last_change TEXT, min_x REAL, min_y REAL, max_x REAL, max_y REAL, srs_id INTEGER)"
    )
    connection.commit()
    connection.close()
    return path


def issue(row=1, field="telephone", code="phone-format", value="01 23", severity=ERROR, suggestion=None, id="a"):
    return Issue(row, id, field, code, severity, f"{code} on {value}", value, suggestion)


def test_acceptance_survives_reopening_and_lapses_when_the_value_changes(gpkg):
    book = AcceptanceBook(GeoPackageAcceptanceStore(gpkg))
    phone = issue(value="01 23")
    book.accept(7, phone, "  numéro interne, pas public  ", by="agent")
    assert book.match(7, phone).reason == "numéro interne, pas public"
    connection = sqlite3.connect(gpkg)
    registered = connection.execute("SELECT data_type FROM gpkg_contents WHERE table_name = ?", (ACCEPTANCE_TABLE,))
    assert registered.fetchone() == ("attributes",)

    reopened = AcceptanceBook(GeoPackageAcceptanceStore(gpkg))  # another session
    (acceptance,) = reopened.for_lieu(7)
    assert (acceptance.code, acceptance.field, acceptance.value, acceptance.accepted_by) == (
        "phone-format", "telephone", "01 23", "agent"
    )
    open_issues, accepted, lapsed = reopened.review(7, [phone, issue(field="nom", code="whitespace", value="X ")])
    assert [i.code for i in open_issues] == ["whitespace"] and accepted == [(phone, acceptance)] and lapsed == []

    open_issues, accepted, lapsed = reopened.review(7, [issue(value="01 24")])  # the value was edited
    assert [i.value for i in open_issues] == ["01 24"] and accepted == [] and lapsed == [acceptance]
    assert reopened.match(7, phone) is None
    # lapsed for good: in the table with its date, never applied again (even if the old value came back)
    again = AcceptanceBook(GeoPackageAcceptanceStore(gpkg))
    assert again.for_lieu(7) == [] and again.match(7, phone) is None
    (row,) = connection.execute(f"SELECT valeur, motif, caduque_le FROM {ACCEPTANCE_TABLE}").fetchall()
    assert row[0] == "01 23" and row[1] == "numéro interne, pas public" and row[2]


def test_revoke_and_memory_store():
    book = AcceptanceBook(MemoryAcceptanceStore())
    acceptance = book.accept(1, issue(), "ok")
    assert len(book) == 1 and not book.store.persistent
    book.revoke(acceptance)
    assert len(book) == 0 and book.store.load() == []


def test_duplicate_acceptances_are_per_partner():
    book = AcceptanceBook()
    first = issue(field="id", code="probable-duplicate", value="lieu-b", severity=WARNING)
    second = issue(field="id", code="probable-duplicate", value="lieu-c", severity=WARNING)
    book.accept(1, first, "deux services distincts")
    open_issues, accepted, _ = book.review(1, [first, second])
    assert open_issues == [second] and [pair[0] for pair in accepted] == [first]


KEPT_LIEU = {"id": "a", "nom": "Médiathèque", "telephone": "", "services": "Aide aux démarches administratives",
             "date_maj": "2023-01-05", "site_web": "https://old.example"}
OTHER_LIEU = {"id": "b", "nom": "Médiathèque Jules Verne", "telephone": "+33491000000",
              "services": "Maîtrise des outils numériques du quotidien", "date_maj": "2024-03-01",
              "site_web": ""}


def test_merge_preselects_the_most_recent_value_and_loses_nothing():
    choices = default_choices(KEPT_LIEU, OTHER_LIEU)
    assert choices == {
        "id": KEPT,  # the kept lieu keeps its id
        "nom": OTHER,  # the other lieu is more recent
        "telephone": OTHER,  # only one filled in
        "services": OTHER,
        "date_maj": OTHER,
        "site_web": KEPT,  # the more recent lieu has none: not lost
    }
    merged = merged_record(KEPT_LIEU, OTHER_LIEU, {**choices, "services": BOTH})
    assert merged["id"] == "a" and merged["nom"] == "Médiathèque Jules Verne" and merged["site_web"]
    assert merged["services"] == (
        "Aide aux démarches administratives|Maîtrise des outils numériques du quotidien"
    )
    assert union("a|b", "b|c") == "a|b|c"


def test_merge_journal_table(gpkg):
    journal = GeoPackageMergeJournal(gpkg)
    journal.write([MergeEntry(3, "a", 9, "b", OTHER_LIEU, KEPT_LIEU, {"nom": OTHER}, merged_by="agent")])
    (entry,) = GeoPackageMergeJournal(gpkg).load()
    assert (entry.kept_fid, entry.kept_id, entry.removed_fid, entry.removed_id) == (3, "a", 9, "b")
    assert entry.removed_record == OTHER_LIEU and entry.kept_before == KEPT_LIEU and entry.choices == {"nom": OTHER}
    connection = sqlite3.connect(gpkg)
    assert connection.execute("SELECT data_type FROM gpkg_contents WHERE table_name = ?", (JOURNAL_TABLE,)).fetchone()


def sample_report():
    issues = [
        issue(1, "telephone", "phone-format", "01 23 45 67 89", ERROR, "+33123456789", id="a"),
        issue(1, "date_maj", "date-old", "2020-01-01", WARNING, id="a"),
        issue(2, "presentation_resume", "formula-injection", "=HYPERLINK()", WARNING, id="b"),
        issue(3, "id", "probable-duplicate", "a", WARNING, id="c"),
    ]
    return Report(rows=3, issues=issues, source="lieux.csv", schema_version="1.0.2")


def test_accepted_issues_are_set_apart():
    book = AcceptanceBook()
    report = sample_report()
    book.accept(12, report.issues[1], "fermé l'été, date connue")
    open_report, accepted = split_accepted(report, book, lieu_of_row=lambda row: {1: 12, 2: 13, 3: 14}[row])
    assert [i.code for i in open_report.issues] == ["phone-format", "formula-injection", "probable-duplicate"]
    assert accepted == [(report.issues[1], "fermé l'été, date connue")]
    assert len(book) == 1  # reading for a report never lapses anything


def test_issues_csv():
    report = sample_report()
    lieux = lieux_of([{"nom": "Médiathèque", "commune": "Reims"}, {"nom": "Mairie", "commune": "Épernay"}])
    text = issues_csv(report, lieux, accepted=[(issue(3, "nom", "whitespace", "X "), "voulu")])
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert rows[0]["nom"] == "Médiathèque" and rows[0]["suggestion"] == "'+33123456789"  # shown, not computed
    assert rows[0]["rule"] == "Telephone not in international format" and rows[0]["status"] == "open"
    assert rows[2]["value"] == "'=HYPERLINK()"  # a spreadsheet shows it, never runs it
    assert rows[-1]["status"] == "accepted" and rows[-1]["reason"] == "voulu"


def test_write_report_html_and_csv(tmp_path):
    report = sample_report()
    lieux = lieux_of([{"nom": "Médiathèque", "commune": "Reims"}, {"nom": "Mairie", "commune": "Épernay"}])
    html = write_report(tmp_path / "rapport.html", report, lieux, [(issue(3, "nom", "whitespace", "X "), "voulu")])
    text = html.read_text(encoding="utf-8")
    for expected in ("Summary by rule", "Summary by commune", "Reims", "Lieux with the most issues", "+33123456789",
                     "Accepted issues", "voulu", "probable-duplicate"):
        assert expected in text, expected
    csv_path = write_report(tmp_path / "rapport.csv", report, lieux)
    assert csv_path.read_bytes().startswith(b"\xef\xbb\xbfrow,id,nom")
    from plugin.core.errors import WriteError

    with pytest.raises(WriteError):
        write_report(tmp_path / "rapport.pdf", report)

