"""Writers: conformant CSV / JSON / GeoJSON, atomic, round-trips with the readers, source protected."""

from __future__ import annotations

import json
import os
import stat

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plugin.core.errors import MednumError, WriteError
from plugin.core.readers import read_table
from plugin.core.writers import point_geometry, write_records, write_table


def test_csv_is_the_standard_form(tmp_path, schema):
    records = [
        {"nom": 'La "Quincaillerie", Reims', "id": "1", "services": ["A", "B"], "latitude": 43.5, "autre": "x"},
        {"id": "2", "presentation_detail": "ligne 1\nligne 2", "code_postal": "04000"},
    ]
    path = write_records(tmp_path / "out.csv", records, schema)
    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8").split("\r\n")
    assert lines[0] == ",".join(schema.field_names)  # schema order, unquoted, extra columns dropped
    assert '"La ""Quincaillerie"", Reims"' in lines[1]
    table = read_table(path)
    assert table.rows[0]["services"] == "A|B" and table.rows[0]["latitude"] == "43.5"
    assert table.rows[1]["presentation_detail"] == "ligne 1\nligne 2"
    assert table.rows[1]["code_postal"] == "04000"


def test_extra_columns_are_appended(tmp_path, schema):
    path = write_records(tmp_path / "out.csv", [{"id": "1", "mediateurs": "[]"}], schema, extra=["mediateurs", "id"])
    assert read_table(path).header == list(schema.field_names) + ["mediateurs"]


def test_round_trip_exemple_valide(samples, tmp_path, schema):
    source = read_table(samples / "exemple-valide.csv")
    for extension in (".csv", ".json", ".geojson"):
        written = write_table(tmp_path / f"copie{extension}", source, schema)
        again = read_table(written)
        assert again.rows == source.rows, extension
        assert again.header == source.header
        assert not again.derived_columns


def test_round_trip_cp1252_semicolon_to_conformant_csv(samples, tmp_path, schema):
    source = read_table(samples / "semicolon_cp1252.csv")
    again = read_table(write_table(tmp_path / "conforme.csv", source, schema))
    assert (again.encoding, again.delimiter) == ("utf-8", ",")
    assert again.rows == source.rows


@pytest.mark.parametrize("extension", [".csv", ".json", ".geojson"])
def test_round_trip_paca_keeps_every_column(samples, tmp_path, schema, extension):
    source = read_table(samples / "hub-du-sud-paca-2023.json")
    again = read_table(write_table(tmp_path / f"paca{extension}", source, schema))
    assert len(again.rows) == 646
    assert again.schema_records(schema) == source.schema_records(schema)
    extras = source.extra_columns(schema)
    assert again.extra_columns(schema) == extras
    assert [[row[name] for name in extras] for row in again.rows] == [
        [row[name] for name in extras] for row in source.rows
    ]


def test_geojson_geometry(tmp_path, schema):
    records = [
        {"id": "1", "latitude": "43.52609", "longitude": "5.41423"},
        {"id": "2", "latitude": "43,5", "longitude": "5.4"},  # not a number: null geometry, value kept
        {"id": "3", "latitude": "", "longitude": ""},
        {"id": "4", "latitude": "543", "longitude": "5"},  # out of range
    ]
    path = write_records(tmp_path / "l.geojson", records, schema)
    collection = json.loads(path.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    geometries = [feature["geometry"] for feature in collection["features"]]
    assert geometries == [{"type": "Point", "coordinates": [5.41423, 43.52609]}, None, None, None]
    assert collection["features"][1]["properties"]["latitude"] == "43,5"
    assert point_geometry({"latitude": "nan", "longitude": "1"}) is None


def test_json_is_an_array_of_string_records(tmp_path, schema):
    path = write_records(tmp_path / "l.json", [{"id": "1", "services": ["A", "B"], "latitude": 1.5}], schema)
    payload = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(payload, list) and list(payload[0]) == list(schema.field_names)
    assert payload[0]["services"] == "A|B" and payload[0]["latitude"] == "1.5" and payload[0]["nom"] == ""


def test_format_option_overrides_extension(tmp_path, schema):
    path = write_records(tmp_path / "export.dat", [{"id": "1"}], schema, fmt="json")
    assert json.loads(path.read_text(encoding="utf-8"))[0]["id"] == "1"
    with pytest.raises(WriteError) as info:
        write_records(tmp_path / "export.dat", [{"id": "1"}], schema)
    assert info.value.code == "unknown-format"


def test_source_file_is_protected(samples, tmp_path, schema):
    copy = tmp_path / "lieux.csv"
    copy.write_bytes((samples / "exemple-valide.csv").read_bytes())
    before = copy.read_bytes()
    table = read_table(copy)
    with pytest.raises(WriteError) as info:
        write_table(copy, table, schema)
    assert info.value.code == "overwrite-source" and isinstance(info.value, MednumError)
    assert copy.read_bytes() == before
    write_table(copy, table, schema, overwrite_source=True)  # explicitly asked
    assert read_table(copy).rows == table.rows


def test_atomic_write_leaves_the_previous_file_on_failure(tmp_path, schema):
    target = tmp_path / "out.csv"
    target.write_text("ancien contenu", encoding="utf-8")

    def broken():
        yield {"id": "1"}
        raise OSError(28, "No space left on device")

    with pytest.raises(WriteError) as info:
        write_records(target, broken(), schema)
    assert info.value.code == "unwritable" and "No space left" in info.value.message
    assert target.read_text(encoding="utf-8") == "ancien contenu"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]  # no temporary file left behind


def test_new_file_permissions_follow_the_umask(tmp_path, schema):
    path = write_records(tmp_path / "new.csv", [], schema)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask


def test_write_errors(tmp_path, schema):
    with pytest.raises(WriteError) as info:
        write_records(tmp_path / "absent" / "out.csv", [], schema)
    assert info.value.code == "no-folder"
    (tmp_path / "dir.csv").mkdir()
    with pytest.raises(WriteError) as info:
        write_records(tmp_path / "dir.csv", [], schema)
    assert info.value.code == "is-directory"
    if os.geteuid() != 0:  # root ignores permissions
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        with pytest.raises(WriteError) as info:
            write_records(locked / "out.csv", [], schema)
        assert info.value.code == "permission"


CELL = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")) | st.sampled_from('\n\r",;|\t'), max_size=40)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(
        st.fixed_dictionaries(
            {"id": CELL.filter(str.strip)},
            optional={"nom": CELL, "adresse": CELL, "presentation_detail": CELL, "services": CELL},
        ),
        min_size=1,
        max_size=8,
    ),
    extension=st.sampled_from([".csv", ".json", ".geojson"]),
)
def test_round_trip_of_generated_records(tmp_path, schema, rows, extension):
    again = read_table(write_records(tmp_path / f"gen{extension}", rows, schema))
    expected = [{name: row.get(name, "") for name in schema.field_names} for row in rows]
    assert again.schema_records(schema) == expected
