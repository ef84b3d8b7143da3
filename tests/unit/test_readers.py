"""Readers: every format on the shared samples and on files a Hub agent really meets."""

from __future__ import annotations

import datetime
import json
import sqlite3
import struct
import zipfile
from pathlib import Path

import pytest

from plugin.core.errors import MednumError, ReadError
from plugin.core.readers import gpkg_point, read_table, sniff_delimiter, wkb_point


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


# ------------------------------------------------------------------------------------------ shared samples


def test_exemple_valide_reads_32_columns_by_name(samples, schema):
    table = read_table(samples / "exemple-valide.csv")
    assert table.source_format == "csv" and table.encoding == "utf-8" and table.delimiter == ","
    assert table.header == list(schema.field_names)
    assert len(table.rows) == 1 and table.row_numbers == [1]
    record = table.schema_records(schema)[0]
    assert record["id"] == "structure-1"
    assert record["latitude"] == "43.52609"
    assert record["typologie"] == "TIERS_LIEUX|ASSO"
    assert record["formations_labels"] == "Formé à « Mon Espace Santé »|Arnia/MedNum BFC (Bourgogne-Franche-Comté)"
    assert not (table.blank_rows or table.extra_cells or table.missing_cells or table.duplicate_headers)
    assert table.path == str(samples / "exemple-valide.csv")


def test_semicolon_cp1252_gives_the_same_record(samples, schema):
    reference = read_table(samples / "exemple-valide.csv").schema_records(schema)
    table = read_table(samples / "semicolon_cp1252.csv")
    assert table.encoding == "cp1252" and table.delimiter == ";"
    assert table.schema_records(schema) == reference


def test_reordered_columns_are_matched_by_name(samples, schema):
    reference = read_table(samples / "exemple-valide.csv").schema_records(schema)
    table = read_table(samples / "reordered.csv")
    assert table.header == list(reversed(schema.field_names))
    assert table.schema_records(schema) == reference


def test_bad_header_keeps_the_extra_column(samples, schema):
    table = read_table(samples / "bad_header.csv")
    assert "nom" not in table.header and "horaires" not in table.header
    assert table.extra_columns(schema) == ["colonne_en_trop"]
    assert table.rows[0]["colonne_en_trop"] == "x"
    assert table.schema_records(schema)[0]["nom"] == ""


def test_bad_csv_structure_anomalies(samples):
    table = read_table(samples / "bad.csv")
    # 12 records, then a blank row (13), then a row with one cell too many (14)
    assert table.blank_rows == [13]
    assert table.extra_cells == {14: ["x"]}
    assert table.row_numbers == list(range(1, 13)) + [14]
    assert table.rows[-1]["id"] == "x"
    assert table.rows[2]["latitude"] == "43,52609"  # read as is: fixing is the engine's job


def test_paca_json(samples, schema):
    table = read_table(samples / "hub-du-sud-paca-2023.json")
    assert table.source_format == "json" and len(table.rows) == 646
    assert {"labels_nationaux", "publics_accueillis"} <= set(table.extra_columns(schema))
    first = table.rows[0]
    assert first["id"] == "dora-3d647b3a-a5b6-41f8-8374-ba37c1ff1746"
    assert first["services"].count("|") == 2
    assert all(row.keys() == table.rows[0].keys() for row in table.rows)  # every row has every column
    assert table.row_numbers == list(range(1, 647))


def test_cartographie_carto_shape(shared_data, schema):
    table = read_table(shared_data / "api-samples" / "cartographie-carto-items.json")
    row = table.rows[0]
    assert row["adresse"] == "123 Rue Principale"
    assert (row["code_postal"], row["code_insee"], row["commune"]) == ("75001", "75101", "Paris")
    assert row["date_maj"] == "2025-09-15"
    assert row["latitude"] == "48.8526" and row["longitude"] == "2.3509"
    assert row["services"] == (
        "Aide aux démarches administratives|Maîtrise des outils numériques du quotidien"
        "|Accès internet et matériel informatique"
    )
    assert row["typologie"] == "RFS"
    assert table.extra_columns(schema) == ["mediateurs"]
    assert json.loads(row["mediateurs"])[0]["nom"] == "Desmarais"


def test_standard_record_json(shared_data, schema):
    table = read_table(shared_data / "api-samples" / "standard-record-full.json")
    assert table.extra_columns(schema) == []
    assert len(table.rows) == 1


# ------------------------------------------------------------------------------------------ CSV variants


def test_bom_tab_and_sniffing(tmp_path):
    table = read_table(write(tmp_path / "bom.csv", "\ufeffid;nom\n1;Café\n"))
    assert table.header == ["id", "nom"] and table.encoding == "utf-8-sig" and table.delimiter == ";"
    table = read_table(write(tmp_path / "t.tsv", "id\tnom\tcommune\n1\tA, B; C\tReims\n"))
    assert table.delimiter == "\t" and table.rows[0]["nom"] == "A, B; C"
    # commas inside quoted cells do not fool the sniffer of a semicolon file
    assert sniff_delimiter('id;nom;adresse\n1;"a, b, c, d";"x, y"\n2;z;"1, rue"\n') == ";"


def test_excel_sep_line_names_the_delimiter(tmp_path):
    table = read_table(write(tmp_path / "excel.csv", "sep=;\r\nid;nom,commune\r\n1;A,Reims\r\n"))
    assert table.delimiter == ";" and table.header == ["id", "nom,commune"]
    assert table.rows == [{"id": "1", "nom,commune": "A,Reims"}]


def test_excel_unicode_text_utf16(tmp_path):
    path = tmp_path / "export.txt"
    path.write_bytes("id\tnom\r\n1\tMédiathèque\r\n".encode("utf-16"))
    table = read_table(path)
    assert table.encoding == "utf-16" and table.delimiter == "\t"
    assert table.rows == [{"id": "1", "nom": "Médiathèque"}]


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "mac_roman", "cp850"])
def test_single_byte_encodings(tmp_path, encoding):
    text = "id;nom;commune\n1;Médiathèque de l'Été;Saint-Étienne\n2;Pôle numérique;Besançon\n"
    table = read_table(write(tmp_path / "f.csv", text, encoding))
    assert table.rows[0]["nom"] == "Médiathèque de l'Été"
    assert table.rows[1]["commune"] == "Besançon"


def test_mixed_utf8_and_cp1252_lines(tmp_path):
    data = "id,nom\n1,Café\n".encode() + "2,Médiathèque\n".encode("cp1252") + "3,Été\n".encode()
    (tmp_path / "mixed.csv").write_bytes(data)
    table = read_table(tmp_path / "mixed.csv")
    assert [row["nom"] for row in table.rows] == ["Café", "Médiathèque", "Été"]
    assert table.encoding == "utf-8+cp1252" and table.notes


def test_multiline_cells_and_row_numbers(tmp_path):
    text = 'id,presentation_detail,nom\n1,"ligne 1\nligne 2\r\nligne 3",A\n\n2,x,B\n,,\n3,y,C\n\n\n'
    table = read_table(write(tmp_path / "m.csv", text))
    assert table.rows[0]["presentation_detail"] == "ligne 1\nligne 2\r\nligne 3"
    assert [row["id"] for row in table.rows] == ["1", "2", "3"]
    assert table.row_numbers == [1, 3, 5]
    assert table.blank_rows == [2, 4]  # the empty lines at the end of the file are not rows


def test_missing_and_extra_cells(tmp_path):
    table = read_table(write(tmp_path / "c.csv", "id,nom,commune\n1,A\n2,B,Reims,en trop,\n"))
    assert table.missing_cells == {1: 1}
    assert table.rows[0] == {"id": "1", "nom": "A", "commune": ""}
    assert table.extra_cells == {2: ["en trop", ""]}
    assert table.rows[1] == {"id": "2", "nom": "B", "commune": "Reims"}


def test_duplicate_and_blank_headers_keep_every_value(tmp_path, schema):
    table = read_table(write(tmp_path / "d.csv", "id,nom,,nom,nom (2)\n1,A,x,B,C\n"))
    assert table.header == ["id", "nom", "", "nom", "nom (2)"]
    assert table.duplicate_headers == {"nom": [2, 4]}
    assert table.blank_headers == [3]
    assert table.columns == ["id", "nom", "colonne_3", "nom (2)_", "nom (2)"]
    assert table.rows[0] == {"id": "1", "nom": "A", "colonne_3": "x", "nom (2)_": "B", "nom (2)": "C"}
    assert table.extra_columns(schema) == ["colonne_3", "nom (2)_", "nom (2)"]


def test_replacement_characters_are_flagged(tmp_path):
    table = read_table(write(tmp_path / "r.csv", "id,nom\n1,M\ufffddiath\ufffdque\n2,ok\n"))
    assert table.lossy_cells == [(1, "nom")]


def test_unterminated_quote_is_a_truncated_file(tmp_path):
    with pytest.raises(ReadError) as info:
        read_table(write(tmp_path / "t.csv", 'id,nom\n1,A\n2,"B\n3,C\n'))
    assert info.value.code == "truncated"
    assert "3" in info.value.message  # the line where the quote opens


def test_irregular_quoting_is_read_leniently(tmp_path):
    table = read_table(write(tmp_path / "q.csv", 'id,nom\n1,"A"B\n'))
    assert table.rows[0]["nom"] == "AB" and table.notes


def test_header_only_file_has_no_rows(tmp_path):
    table = read_table(write(tmp_path / "h.csv", "id,nom\n"))
    assert table.header == ["id", "nom"] and table.rows == []


def test_huge_cells_are_read(tmp_path):
    table = read_table(write(tmp_path / "big.csv", "id,presentation_detail\n1," + "x" * 300_000 + "\n"))
    assert len(table.rows[0]["presentation_detail"]) == 300_000


def test_unknown_extension_is_sniffed(tmp_path):
    assert read_table(write(tmp_path / "lieux.data", "id;nom\n1;A\n")).source_format == "csv"
    assert read_table(write(tmp_path / "lieux", '[{"id": "1"}]')).source_format == "json"


# ------------------------------------------------------------------------------------------ XLSX


def make_workbook(path: Path, rows: list[list], extra_sheet: bool = False) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Lieux"
    for row in rows:
        sheet.append(row)
    if extra_sheet:
        workbook.create_sheet("Autre").append(["id", "nom"])
        workbook["Autre"].append(["z", "Z"])
    workbook.save(path)
    return path


def test_xlsx_cells_become_the_standard_strings(tmp_path):
    path = make_workbook(
        tmp_path / "lieux.xlsx",
        [
            ["id", "code_postal", "latitude", "date_maj", "maj", "actif", "nom"],
            ["a", 4000, 43.52609, datetime.date(2024, 4, 2), datetime.datetime(2024, 4, 2, 10, 30), True, "Été"],
            [],
            ["b", 13001.0, 5, datetime.datetime(2024, 4, 2), None, False, None, "en trop"],
            [],
            [],
        ],
    )
    table = read_table(path)
    assert table.source_format == "xlsx" and table.layer == "Lieux"
    assert table.rows[0] == {
        "id": "a",
        "code_postal": "4000",  # a code typed as a number stays as typed: the engine suggests 04000
        "latitude": "43.52609",
        "date_maj": "2024-04-02",
        "maj": "2024-04-02T10:30:00",
        "actif": "true",
        "nom": "Été",
    }
    assert table.rows[1]["code_postal"] == "13001" and table.rows[1]["date_maj"] == "2024-04-02"
    assert table.rows[1]["nom"] == ""
    assert table.row_numbers == [1, 3]
    assert table.blank_rows == [2]  # trailing empty rows are formatting, not blank rows
    assert table.extra_cells == {3: ["en trop"]}


def test_xlsx_named_sheet(tmp_path):
    path = make_workbook(tmp_path / "s.xlsx", [["id"], ["a"]], extra_sheet=True)
    assert read_table(path, layer="Autre").rows == [{"id": "z", "nom": "Z"}]
    with pytest.raises(ReadError) as info:
        read_table(path, layer="Nope")
    assert info.value.code == "unknown-layer" and "Lieux" in info.value.message


def test_truncated_xlsx(tmp_path):
    path = make_workbook(tmp_path / "ok.xlsx", [["id", "nom"], ["1", "A"]])
    data = path.read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(data[: len(data) // 2])
    with pytest.raises(ReadError) as info:
        read_table(tmp_path / "cut.xlsx")
    assert info.value.code == "corrupt"


def test_zip_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "notes.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "bonjour")
    with pytest.raises(ReadError) as info:
        read_table(path)
    assert info.value.code == "corrupt"


# ------------------------------------------------------------------------------------------ JSON / GeoJSON


def test_json_lists_envelopes_and_json_api(tmp_path):
    records = [{"id": "1", "services": ["A", "B"], "latitude": 43.5, "code_postal": 4000, "itinerance": None}]
    table = read_table(write(tmp_path / "a.json", json.dumps(records)))
    assert table.rows == [{"id": "1", "services": "A|B", "latitude": "43.5", "code_postal": "4000", "itinerance": ""}]
    table = read_table(write(tmp_path / "b.json", json.dumps({"items": records, "total": 1, "page": 1})))
    assert table.rows[0]["services"] == "A|B"
    jsonapi = {"data": [{"type": "structure", "id": "s1", "attributes": {"nom": "N", "services": ["X"]}}]}
    assert read_table(write(tmp_path / "c.json", json.dumps(jsonapi))).rows == [
        {"id": "s1", "nom": "N", "services": "X"}
    ]


def test_json_blank_records_and_union_header(tmp_path):
    table = read_table(write(tmp_path / "u.json", json.dumps([{"id": "1"}, {}, {"nom": "B", "id": "2"}])))
    assert table.header == ["id", "nom"]
    assert table.rows == [{"id": "1", "nom": ""}, {"nom": "B", "id": "2"}]
    assert table.blank_rows == [2] and table.row_numbers == [1, 3]


@pytest.mark.parametrize(
    "text, code",
    [
        ('[{"id": "1", "nom": "A"}, {"id": "2", "no', "invalid-json"),
        ('{"hello": {"a": 1}}', "not-records"),
        ('[{"id": "1"}, 3]', "not-records"),
        ('"just a string"', "not-records"),
        ("[" * 100_000 + "]" * 100_000, "too-deep"),
    ],
)
def test_bad_json(tmp_path, text, code):
    with pytest.raises(ReadError) as info:
        read_table(write(tmp_path / "bad.json", text))
    assert info.value.code == code


def test_geojson_point_gives_coordinates(tmp_path):
    collection = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"id": "1", "nom": "A"},
                "geometry": {"type": "Point", "coordinates": [5.4, 43.5]},
            },
            {
                "type": "Feature",
                "properties": {"id": "2", "latitude": "44", "longitude": "4"},
                "geometry": {"type": "Point", "coordinates": [5.4, 43.5]},
            },
            {"type": "Feature", "id": "f3", "properties": {"nom": "C"}, "geometry": None},
            {
                "type": "Feature",
                "properties": {"id": "4"},
                "geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1]]},
            },
        ],
    }
    table = read_table(write(tmp_path / "l.geojson", json.dumps(collection)))
    assert table.source_format == "geojson"
    assert table.rows[0]["latitude"] == "43.5" and table.rows[0]["longitude"] == "5.4"
    assert table.rows[1]["latitude"] == "44"  # the properties win over the geometry
    assert table.rows[2]["id"] == "f3" and table.rows[2]["latitude"] == ""
    assert table.derived_columns == ["latitude", "longitude"]
    assert set(table.header) == {"id", "nom", "latitude", "longitude"}
    assert len(table.notes) == 2  # one non-point geometry, one feature id used


def test_geojson_in_another_crs_keeps_properties_only(tmp_path):
    collection = {
        "type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2154"}},
        "features": [
            {
                "type": "Feature",
                "properties": {"id": "1"},
                "geometry": {"type": "Point", "coordinates": [650000, 6860000]},
            }
        ],
    }
    table = read_table(write(tmp_path / "l93.geojson", json.dumps(collection)))
    assert "latitude" not in table.rows[0] and table.notes


# ------------------------------------------------------------------------------------------ GeoPackage


def gpkg_blob(x: float, y: float, envelope: bool = True) -> bytes:
    flags = 0x01 | (0x02 if envelope else 0)
    header = b"GP" + bytes([0, flags]) + struct.pack("<i", 4326)
    if envelope:
        header += struct.pack("<4d", x, x, y, y)
    return header + struct.pack("<BIdd", 1, 1, x, y)


def make_gpkg(path: Path, rows: list[tuple], srs_id: int = 4326, attributes_table: bool = False) -> Path:
    connection = sqlite3.connect(path)
    connection.executescript(
        """
        CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT, srs_id INTEGER PRIMARY KEY, organization TEXT,
            organization_coordsys_id INTEGER, definition TEXT, description TEXT);
        CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT, identifier TEXT);
        CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT, geometry_type_name TEXT,
            srs_id INTEGER, z TINYINT, m TINYINT);
        CREATE TABLE lieux (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom BLOB, id TEXT, nom TEXT,
            code_postal TEXT, latitude REAL, longitude REAL);
        """
    )
    connection.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84', 4326, 'EPSG', 4326, '', '')")
    connection.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('RGF93', 2154, 'EPSG', 2154, '', '')")
    if attributes_table:
        connection.execute("CREATE TABLE notes (fid INTEGER PRIMARY KEY, texte TEXT)")
        connection.execute("INSERT INTO notes (texte) VALUES ('bonjour')")
        connection.execute("INSERT INTO gpkg_contents VALUES ('notes', 'attributes', 'notes')")
    connection.execute("INSERT INTO gpkg_contents VALUES ('lieux', 'features', 'lieux')")
    connection.execute("INSERT INTO gpkg_geometry_columns VALUES ('lieux', 'geom', 'POINT', ?, 0, 0)", (srs_id,))
    connection.executemany(
        "INSERT INTO lieux (geom, id, nom, code_postal, latitude, longitude) VALUES (?,?,?,?,?,?)", rows
    )
    connection.commit()
    connection.close()
    return path


def test_geopackage_attributes_and_points(tmp_path):
    path = make_gpkg(
        tmp_path / "travail.gpkg",
        [
            (gpkg_blob(5.41423, 43.52609), "structure-1", "Anonymal", "51100", None, None),
            (gpkg_blob(1.0, 2.0, envelope=False), "s2", "B", "04000", 45.5, 4.25),
            (None, "s3", "C", None, None, None),
        ],
        attributes_table=True,
    )
    before = path.read_bytes()
    table = read_table(path)
    assert table.source_format == "gpkg" and table.layer == "lieux"
    assert table.header == ["id", "nom", "code_postal", "latitude", "longitude"]  # no fid, no geometry blob
    assert table.rows[0] == {
        "id": "structure-1",
        "nom": "Anonymal",
        "code_postal": "51100",
        "latitude": "43.52609",
        "longitude": "5.41423",
    }
    assert table.rows[1]["latitude"] == "45.5"  # the attribute columns win over the geometry
    assert table.rows[2]["latitude"] == "" and table.rows[2]["code_postal"] == ""
    assert read_table(path, layer="notes").rows == [{"texte": "bonjour"}]
    assert path.read_bytes() == before  # opened read-only


def test_geopackage_rows_are_numbered_by_feature_id(tmp_path):
    path = make_gpkg(tmp_path / "fid.gpkg", [(None, f"s{i}", "N", "13001", None, None) for i in range(1, 5)])
    connection = sqlite3.connect(path)
    connection.execute("DELETE FROM lieux WHERE fid = 2")
    connection.commit()
    connection.close()
    table = read_table(path)
    assert [row["id"] for row in table.rows] == ["s1", "s3", "s4"]
    assert table.row_numbers == [1, 3, 4]  # what QGIS's attribute table shows


def test_geopackage_in_lambert93_does_not_use_the_geometry(tmp_path):
    path = make_gpkg(tmp_path / "l93.gpkg", [(gpkg_blob(650000, 6860000), "1", "A", "75001", None, None)], srs_id=2154)
    table = read_table(path)
    assert table.rows[0]["latitude"] == "" and table.notes


def test_geopackage_written_by_ogr(tmp_path):
    ogr = pytest.importorskip("osgeo.ogr")
    osr = pytest.importorskip("osgeo.osr")
    path = tmp_path / "ogr.gpkg"
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    layer = source.CreateLayer("lieux_mednum", srs, ogr.wkbPoint)
    for name in ("id", "nom"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetField("id", "a")
    feature.SetField("nom", "Médiathèque")
    feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT (2.3509 48.8526)"))
    layer.CreateFeature(feature)
    source = None  # close
    table = read_table(path)
    assert table.rows == [{"id": "a", "nom": "Médiathèque", "latitude": "48.8526", "longitude": "2.3509"}]


def test_wkb_decoding_edge_cases():
    assert wkb_point(struct.pack(">BIdd", 0, 1, 1.5, 2.5), 0) == (1.5, 2.5)  # big endian
    assert wkb_point(struct.pack("<BII", 1, 0x20000001, 4326) + struct.pack("<dd", 3.0, 4.0), 0) == (3.0, 4.0)  # EWKB
    multipoint = struct.pack("<BII", 1, 4, 1) + struct.pack("<BIdd", 1, 1, 7.0, 8.0)
    assert wkb_point(multipoint, 0) == (7.0, 8.0)
    assert wkb_point(struct.pack("<BI", 1, 3), 0) is None  # polygon
    assert gpkg_point(b"GP\x00\x11" + struct.pack("<i", 4326)) is None  # empty flag
    assert gpkg_point(b"GP\x00\x03" + b"\x00" * 10) is None  # truncated


def test_sqlite_that_is_not_a_geopackage(tmp_path):
    connection = sqlite3.connect(tmp_path / "plain.gpkg")
    connection.execute("CREATE TABLE t (a TEXT)")
    connection.commit()
    connection.close()
    with pytest.raises(ReadError) as info:
        read_table(tmp_path / "plain.gpkg")
    assert info.value.code == "not-geopackage"


# ------------------------------------------------------------------------------------------ refusals


def test_refusals_have_codes_and_messages(tmp_path):
    cases = {
        "not-found": tmp_path / "absent.csv",
        "is-directory": tmp_path,
        "empty": write(tmp_path / "empty.csv", ""),
        "binary": tmp_path / "random.csv",
        "unsupported-format": tmp_path / "old.xls",
        "corrupt": write(tmp_path / "fake.gpkg", "id,nom\n"),
    }
    (tmp_path / "random.csv").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    for code, path in cases.items():
        with pytest.raises(ReadError) as info:
            read_table(path)
        assert info.value.code == code, path
        assert isinstance(info.value, MednumError) and info.value.message and info.value.path == str(path)


def test_whitespace_only_file_is_empty(tmp_path):
    with pytest.raises(ReadError) as info:
        read_table(write(tmp_path / "blank.csv", "\ufeff \r\n\r\n"))
    assert info.value.code == "empty"


def test_too_large_is_refused_before_reading(tmp_path):
    path = write(tmp_path / "big.csv", "id,nom\n" + "1,A\n" * 1000)
    with pytest.raises(ReadError) as info:
        read_table(path, max_bytes=1000)
    assert info.value.code == "too-large"


def test_file_that_would_not_fit_in_memory_is_refused(tmp_path, monkeypatch):
    from plugin.core import readers

    path = write(tmp_path / "big.csv", "id,nom\n" + ("1," + "A" * 1000 + "\n") * 20_000)  # 20 MB
    monkeypatch.setattr(readers.detection, "available_memory_mb", lambda: 100.0)
    with pytest.raises(ReadError) as info:
        read_table(path)
    assert info.value.code == "too-large" and "100" in info.value.message
    monkeypatch.setattr(readers.detection, "available_memory_mb", lambda: None)  # unknown: read it
    assert len(read_table(path).rows) == 20_000


def test_special_file_is_refused():
    with pytest.raises(ReadError) as info:
        read_table("/dev/null")
    assert info.value.code == "not-a-file"
