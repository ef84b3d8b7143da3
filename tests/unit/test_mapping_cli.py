"""``python -m plugin convert FILE --mapping PROFILE`` and ``validate --mapping``: a Hub's file, headless."""

import csv
import json

import pytest

from plugin.core.cli import EXIT_ERRORS, EXIT_OK, EXIT_UNREADABLE, main

pytestmark = pytest.mark.usefixtures("english")

HUB = (
    "USER_ID;Nom de votre structure;SIRET;c_postcode;Ville;Adresse;LAT;LON;Tel;Démarches;MAJ;Notes\n"
    "1;EPN Nord;13002526500013;59000;Lille;1 rue A;50,63;3,06;03 20 00 00 00;Oui;02/04/2026;à rappeler\n"
    "2;EPN Sud;13002526500013;6000;Nice;2 rue B;;;04 93 00 00 00;Non;03/04/2026;\n"
)
PROFILE = {
    "id": {"colonne": "USER_ID"},
    "pivot": {"colonne": "SIRET"},
    "nom": {"colonne": "Nom de votre structure"},
    "commune": {"colonne": "Ville"},
    "code_postal": {"colonne": "c_postcode"},
    "adresse": {"colonne": "Adresse"},
    "latitude": {"colonne": "LAT"},
    "longitude": {"colonne": "LON"},
    "telephone": {"colonne": "Tel"},
    "date_maj": {"colonne": "MAJ"},
    "services": [{"colonnes": ["Démarches"], "termes": ["oui"], "cible": "Aide aux démarches administratives"}],
}


@pytest.fixture
def hub(tmp_path):
    source = tmp_path / "hub.csv"
    source.write_text(HUB, encoding="utf-8")
    profile = tmp_path / "hub.config.json"
    profile.write_text(json.dumps(PROFILE, ensure_ascii=False), encoding="utf-8")
    return source, profile


def test_convert_writes_the_standard_with_kept_columns(hub, tmp_path, capsys):
    source, profile = hub
    before = source.read_bytes()
    out = tmp_path / "lieux.csv"
    code = main(["convert", str(source), "--mapping", str(profile), "--source-name", "hub-nord", "-o", str(out)])
    err = capsys.readouterr().err
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [row["id"] for row in rows] == ["hub-nord_1", "hub-nord_2"]
    assert rows[0]["latitude"] == "50.63" and rows[0]["telephone"] == "+33320000000"
    assert rows[0]["services"] == "Aide aux démarches administratives" and rows[1]["services"] == ""
    assert rows[1]["code_postal"] == "06000" and rows[0]["Notes"] == "à rappeler"
    # the lieu without coordinates is placed at its commune's centre, and the summary says so
    assert 43.6 < float(rows[1]["latitude"]) < 43.8
    assert "commune's centre" in err and "2 lieux written" in err and "Notes" in err
    assert source.read_bytes() == before
    assert code in (EXIT_OK, EXIT_ERRORS)


@pytest.mark.parametrize("suffix", [".json", ".geojson"])
def test_convert_to_json_and_geojson(hub, tmp_path, suffix):
    source, profile = hub
    out = tmp_path / f"lieux{suffix}"
    main(["convert", str(source), "--mapping", str(profile), "-o", str(out), "--geocode", "none"])
    payload = json.loads(out.read_text(encoding="utf-8"))
    items = payload["features"] if suffix == ".geojson" else payload
    assert len(items) == 2


def test_validate_through_a_mapping(hub, capsys):
    source, profile = hub
    code = main(["validate", str(source), "--mapping", str(profile), "--source-name", "hub-nord",
                 "--format", "json"])  # fmt: skip
    report = json.loads(capsys.readouterr().out)
    assert code in (EXIT_OK, EXIT_ERRORS)
    issues = [issue for issue in report["issues"] if issue.get("id") == "hub-nord_2"]
    # the second lieu has no services: it is kept, and the validation says so
    assert any(issue["code"] == "no-services-access" for issue in issues)
    assert not any(issue["code"] == "extra-column" and "Démarches" in issue["message"] for issue in report["issues"])


def test_a_bad_profile_is_a_clear_message(hub, tmp_path, capsys):
    source, _profile = hub
    bad = tmp_path / "bad.config.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["convert", str(source), "--mapping", str(bad), "-o", str(tmp_path / "x.csv")]) == EXIT_UNREADABLE
    err = capsys.readouterr().err
    assert "not valid JSON" in err and "Traceback" not in err


def test_convert_geocodes_with_the_ban_and_keeps_its_answers(hub, tmp_path, httpserver, monkeypatch, capsys):
    from tests.unit.test_mapping_proposal import _ban_csv_answer

    httpserver.expect_request("/search/csv/", method="POST").respond_with_handler(_ban_csv_answer)
    monkeypatch.setenv("MEDNUM_BAN_URL", httpserver.url_for("/"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    source, profile = hub
    out = tmp_path / "lieux.csv"
    main(["convert", str(source), "--mapping", str(profile), "-o", str(out), "--geocode", "ban"])
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    # "2 rue B" gets a low score from the fake BAN: the commune's centre instead, said so
    assert 43.6 < float(rows[1]["latitude"]) < 43.8 and "commune's centre" in capsys.readouterr().err
    cache = json.loads((tmp_path / "cache" / "lieux_mednum" / "ban-cache.json").read_text(encoding="utf-8"))
    assert list(cache) == ["2 rue B 06000 Nice"]
