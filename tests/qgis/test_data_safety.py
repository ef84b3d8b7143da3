"""Data safety of the working GeoPackage (issue 13): imports replace a file only when they succeed, text that
cannot be stored is replaced and reported, exports keep every lieu, GeoPackage inputs are read without a trace."""

from __future__ import annotations

import json
import sqlite3

import pytest

from plugin.qgis.import_export import import_lieux
from plugin.qgis.working_layer import ImportCanceledError


def _lieux(n: int) -> list[dict[str, str]]:
    return [{"id": f"lieu-{i}", "nom": f"Lieu {i}", "commune": "Reims", "code_postal": "51100",
             "adresse": f"{i} rue de Vesle", "pivot": "43493312300029", "date_maj": "2025-01-10",
             "latitude": "49.25", "longitude": "4.03"} for i in range(n)]


def _count(gpkg) -> int:
    with sqlite3.connect(f"file:{gpkg}?mode=ro", uri=True) as connection:
        return connection.execute("SELECT count(*) FROM lieux").fetchone()[0]


@pytest.fixture
def existing_gpkg(tmp_path):
    source = tmp_path / "lieux.json"
    source.write_text(json.dumps(_lieux(199)), encoding="utf-8")
    gpkg = tmp_path / "travail.gpkg"
    import_lieux(source, gpkg)
    assert _count(gpkg) == 199
    return gpkg


def test_a_cancelled_import_leaves_the_existing_geopackage_as_it_was(existing_gpkg, tmp_path):
    before = existing_gpkg.read_bytes()
    other = tmp_path / "autres.json"
    other.write_text(json.dumps(_lieux(12_000)), encoding="utf-8")
    calls = {"n": 0}

    def cancel_while_writing():
        calls["n"] += 1
        return calls["n"] > 1  # the first check passes (reading), the writing is cancelled

    with pytest.raises(ImportCanceledError):
        import_lieux(other, existing_gpkg, is_canceled=cancel_while_writing)
    assert existing_gpkg.read_bytes() == before and _count(existing_gpkg) == 199
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


def test_a_lone_surrogate_is_replaced_and_reported_not_an_empty_geopackage(existing_gpkg, tmp_path):
    source = tmp_path / "surrogate.json"
    source.write_text('[{"id": "x", "nom": "\\ud800", "commune": "Reims\\udc00"}]', encoding="utf-8")
    summary = import_lieux(source, existing_gpkg)
    assert _count(existing_gpkg) == 1 and summary.lieux == 1
    with sqlite3.connect(f"file:{existing_gpkg}?mode=ro", uri=True) as connection:
        assert connection.execute("SELECT nom, commune FROM lieux").fetchone() == ("\ufffd", "Reims\ufffd")
    details = summary.details()
    assert "U+D800" in details and "2" in details  # the user is told how many values were replaced
