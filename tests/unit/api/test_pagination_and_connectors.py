"""Pagination envelopes and pull connectors against the fake server."""

from __future__ import annotations

import pytest

from plugin.api import errors
from plugin.api.connectors import make_connector
from plugin.api.pagination import iter_data_inclusion, iter_dora, iter_postgrest, parse_content_range
from plugin.api.territory import Territory, departement_of, resolve_territory

DEP13 = Territory("departement", "13", "Bouches-du-Rhône")


def _ids(pages):
    return [item["id"] for page in pages for item in page.items]


def test_data_inclusion_pages_add_up(fake, di_client):
    pages = list(iter_data_inclusion(di_client, "structures", [("code_departement", "13")], size=10))
    expected = [s["id"] for s in fake.di_structures if s["code_insee"].startswith("13")]
    assert _ids(pages) == expected and pages[-1].total == len(expected)
    assert [p.number for p in pages] == list(range(1, len(pages) + 1))


def test_data_inclusion_truncated_page(fake, di_client):
    fake.inject("/api/v1/structures", kind="truncate", on_page=2)
    with pytest.raises(errors.PaginationError) as info:
        list(iter_data_inclusion(di_client, "structures", size=10))
    assert "2" in info.value.message


def test_data_inclusion_total_that_moves(fake, di_client):
    fake.inject("/api/v1/structures", kind="drift", on_page=3)
    with pytest.raises(errors.PaginationError):
        list(iter_data_inclusion(di_client, "structures", size=10))


def test_dora_follows_next(fake, dora_client):
    pages = list(iter_dora(dora_client, "structures/", page_size=7))
    assert _ids(pages) == [s["id"] for s in fake.dora_structures]
    assert all(entry["headers"]["Authorization"].startswith("Token ") for entry in fake.log)


def test_dora_truncated_and_drift(fake, dora_client):
    fake.inject("/api/v2/structures/", kind="truncate", on_page=2)
    with pytest.raises(errors.PaginationError):
        list(iter_dora(dora_client, "structures/", page_size=7))
    fake.inject("/api/v2/structures/", kind="drift", on_page=2)
    with pytest.raises(errors.PaginationError):
        list(iter_dora(dora_client, "structures/", page_size=7))


def test_postgrest_content_range_and_416(fake, carto_client):
    pages = list(iter_postgrest(carto_client, "carto", [("order", "id.asc")], limit=8))
    assert len(_ids(pages)) == len(fake.carto) == 32
    assert all(entry["headers"].get("Prefer") == "count=exact" for entry in fake.log)
    assert parse_content_range("0-23/12345") == (0, 23, 12345)
    assert parse_content_range("*/0") == (None, None, 0)


def test_postgrest_416_before_the_announced_total_is_a_mismatch(fake, carto_client):
    fake.inject("/carto", kind="status", status=416, on_page=2, body={"message": "Requested range not satisfiable"})
    with pytest.raises(errors.PaginationError):
        list(iter_postgrest(carto_client, "carto", limit=8))


def test_postgrest_truncated(fake, carto_client):
    fake.inject("/carto", kind="truncate", on_page=2)
    with pytest.raises(errors.PaginationError):
        list(iter_postgrest(carto_client, "carto", limit=8))


def test_data_inclusion_pull_departement(fake, di_client):
    progress = []
    result = make_connector("data-inclusion", di_client, page_size=10).pull(DEP13, lambda p, m: progress.append(p))
    ids = {lieu.record["id"] for lieu in result.lieux}
    assert "dora--sans-numerique" not in ids  # no numérique service: not a lieu
    assert ids == {s["id"] for s in fake.di_structures if s["code_insee"].startswith("13")} - {"dora--sans-numerique"}
    services_calls = fake.requests_to("/api/v1/services")
    assert all(call["query"]["thematiques"] == ["numerique"] for call in services_calls)
    assert all(call["query"]["code_departement"] == ["13"] for call in services_calls)
    assert progress == sorted(progress) and progress[-1] == 100.0
    assert all(lieu.record["services"] for lieu in result.lieux)


def test_data_inclusion_pull_commune(fake, di_client):
    result = make_connector("data-inclusion", di_client).pull(Territory("commune", "13004", "Arles"))
    assert {lieu.record["code_insee"] for lieu in result.lieux} == {"13004"}
    assert fake.requests_to("/api/v1/structures")[0]["query"]["code_commune"] == ["13004"]


def test_epci_pull_filters_client_side(fake, di_client, carto_client):
    epci = Territory("epci", "200054807", "Métropole Aix-Marseille-Provence", frozenset({"13055", "13001"}))
    result = make_connector("data-inclusion", di_client).pull(epci)
    assert {lieu.record["code_insee"] for lieu in result.lieux} == {"13055", "13001"}
    carto = make_connector("carto", carto_client).pull(epci)
    assert {lieu.record["code_insee"] for lieu in carto.lieux} == {"13055", "13001"}


def test_dora_pull_filters_territory_client_side(fake, dora_client):
    result = make_connector("dora", dora_client, page_size=15).pull(Territory("departement", "2A"))
    assert {lieu.record["code_insee"] for lieu in result.lieux} == {"2A004"}
    assert all(lieu.record["id"].startswith("dora--") for lieu in result.lieux)
    assert all("code_insee" not in call["query"] for call in fake.log)  # DORA v2 has no filter


def test_carto_pull_and_fetch_current(fake, carto_client):
    connector = make_connector("carto", carto_client, page_size=3)
    result = connector.pull(DEP13)
    assert len(result.lieux) == len([i for i in fake.carto.values() if i["adresse"]["code_insee"].startswith("13")])
    assert fake.log[0]["query"]["adresse->>code_insee"] == ["like.13*"]
    wanted = [result.lieux[0].remote_id, "absent"]
    current = connector.fetch_current(wanted)
    assert list(current) == [result.lieux[0].remote_id]


def test_territory_codes():
    assert departement_of("97411") == "974" and departement_of("2A004") == "2A"
    assert resolve_territory("13", lookup=None).kind == "departement"
    assert resolve_territory("2a", lookup=None).code == "2A"
    assert resolve_territory("13055", lookup=None).kind == "commune"
    with pytest.raises(errors.ConfigurationError):
        resolve_territory("ABC", lookup=None)
    metropole = resolve_territory("200054807", lookup=None)  # an EPCI, from the bundled reference
    assert metropole.kind == "epci" and "13055" in metropole.communes
    with pytest.raises(errors.ConfigurationError):
        resolve_territory("123456789", lookup=None)  # a SIREN that is no EPCI
    assert Territory("departement", "2A").contains("", "20000")
