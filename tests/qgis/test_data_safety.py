"""Data safety of the working GeoPackage (issue 13): imports replace a file only when they succeed, text that
cannot be stored is replaced and reported, exports keep every lieu, GeoPackage inputs are read without a trace."""

from __future__ import annotations

import json
import sqlite3

import pytest

from plugin.qgis.import_export import import_lieux
from plugin.qgis.working_layer import ImportCanceledError


def _lieux(n: int) -> list[dict[str, str]]:
    # lieux ~5 km apart: thousands of distinct lieux at one point would keep the import's background
    # validation comparing every pair for minutes after the test (the collector paused all along)
    return [{"id": f"lieu-{i}", "nom": f"Lieu {i}", "commune": "Reims", "code_postal": "51100",
             "adresse": f"{i} rue de Vesle", "pivot": "43493312300029", "date_maj": "2025-01-10",
             "latitude": f"{44 + (i % 100) * 0.05:.4f}", "longitude": f"{1 + (i // 100) * 0.05:.4f}"}
            for i in range(n)]


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


# ------------------------------------------------------------------------------------------------ item 4
@pytest.fixture()
def mednum_provider(qgis_processing):
    from qgis.core import QgsApplication

    from plugin.processing.provider import MednumProvider

    provider = MednumProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    yield provider
    QgsApplication.processingRegistry().removeProvider(provider)


@pytest.fixture
def cnfs_csv(tmp_path):
    """A file whose columns have other names than the standard's (a CNFS-like export): 40 lieux."""
    path = tmp_path / "cnfs.csv"
    lines = ["Nom de la structure;Ville;Code postal"] + [f"Structure {i};Ajaccio;20000" for i in range(40)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_export_refuses_lieux_without_any_standard_value_with_their_count(cnfs_csv, tmp_path, mednum_provider):
    import processing
    from qgis.core import QgsProcessingException

    out = tmp_path / "export.csv"
    with pytest.raises(QgsProcessingException) as info:
        processing.run("mednum:export", {"INPUT": str(cnfs_csv), "OUTPUT": str(out)})
    assert "40" in str(info.value) and not out.exists()
    gpkg = tmp_path / "travail.gpkg"
    processing.run("mednum:import", {"INPUT": str(cnfs_csv), "OUTPUT": str(gpkg)})
    for source in (str(gpkg), ):
        with pytest.raises(QgsProcessingException) as info:
            processing.run("mednum:export", {"INPUT": source, "OUTPUT": str(out)})
        assert "40" in str(info.value) and not out.exists()


def test_export_of_the_source_columns_keeps_every_lieu(cnfs_csv, tmp_path, mednum_provider, qgis_new_project):
    import processing
    from qgis.core import QgsProject, QgsVectorLayer

    from plugin.core.readers import read_table
    from plugin.qgis.working_layer import gpkg_uri

    gpkg = tmp_path / "travail.gpkg"
    processing.run("mednum:import", {"INPUT": str(cnfs_csv), "OUTPUT": str(gpkg)})
    layer = QgsVectorLayer(gpkg_uri(gpkg), "lieux", "ogr")
    QgsProject.instance().addMapLayer(layer)
    for name, source in (("fichier", str(cnfs_csv)), ("gpkg", str(gpkg)), ("couche", layer.id())):
        out = tmp_path / f"export-{name}.csv"
        result = processing.run("mednum:export", {"INPUT": source, "SOURCE_COLUMNS": True, "OUTPUT": str(out)})
        table = read_table(out)
        assert result["LIEUX"] == 40 and table.row_count == 40, name
        assert table.header[32:] == ["Nom de la structure", "Ville", "Code postal"], name
        assert table.rows[7]["Nom de la structure"] == "Structure 7", name
    layer.startEditing()  # unsaved edits: the source columns still come along, matched by fid
    layer.changeAttributeValue(next(layer.getFeatures()).id(), layer.fields().indexOf("nom"), "Nommé")
    out = tmp_path / "export-edite.csv"
    result = processing.run("mednum:export", {"INPUT": layer.id(), "SOURCE_COLUMNS": True, "OUTPUT": str(out)})
    table = read_table(out)
    assert result["LIEUX"] == 40 and table.rows[0]["nom"] == "Nommé" and table.rows[0]["Ville"] == "Ajaccio"
    layer.rollBack()


def test_export_refuses_a_partly_empty_layer_and_names_the_lieux(tmp_path, mednum_provider):
    import processing
    from qgis.core import QgsProcessingException

    source = tmp_path / "gironde.json"
    lieux = _lieux(30)
    for index in (3, 17):
        lieux[index] = {key: "" for key in lieux[index]}
        lieux[index]["autre"] = "gardé"  # not a blank row of the source: kept aside at the import
    source.write_text(json.dumps(lieux), encoding="utf-8")
    gpkg = tmp_path / "gironde.gpkg"
    import_lieux(source, gpkg)
    with pytest.raises(QgsProcessingException) as info:
        processing.run("mednum:export", {"INPUT": str(gpkg), "OUTPUT": str(tmp_path / "x.geojson")})
    message = str(info.value)
    assert " 2 " in message and "30" in message and "4, 18" in message


# ------------------------------------------------------------------------------------------------ item 5
def test_the_validate_issues_table_written_as_csv_is_defused(tmp_path, mednum_provider):
    import processing

    from tests.unit.test_data_safety import FORMULAS, assert_no_formula

    source = tmp_path / "formules.csv"
    quoted = ['"' + f.replace('"', '""').replace("\n", " ") + '"' for f in FORMULAS]
    lines = ["id,nom,commune,telephone"] + [",".join([q] * 4) for q in quoted]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "anomalies.csv"
    result = processing.run("mednum:validate", {"INPUT": str(source), "OUTPUT": str(out)})
    assert result["ERRORS"] > 0
    text = out.read_text(encoding="utf-8-sig")
    assert assert_no_formula(text) > 100 and "'=HYPERLINK(" in text


def test_the_push_report_csv_is_defused(tmp_path):
    from plugin.api.push import FieldChange, PushItem, PushReport
    from plugin.qgis.api_session import write_report
    from tests.unit.test_data_safety import FORMULAS, assert_no_formula

    report = PushReport("carto-v0", "p1")
    for formula in FORMULAS:
        report.items.append(PushItem(formula, formula, None, {"nom": formula}, [FieldChange("nom", formula, formula)],
                                     message=formula, errors=[formula]))
    write_report(report, tmp_path / "envoi.csv")
    assert assert_no_formula((tmp_path / "envoi.csv").read_text(encoding="utf-8")) >= 7 * 2 * len(FORMULAS)
