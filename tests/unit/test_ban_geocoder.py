"""Address search through the BAN API, against a loopback server speaking the BAN contract."""

from __future__ import annotations

import socket

import pytest

from plugin.api.ban import BAN_URL_ENV, BanGeocoder, ban_base_url, places_from_ban
from plugin.api.errors import ApiError, ConnectionRefusedApiError, MalformedResponseError, ServerError

BAN_ANSWER = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [5.372, 43.2931]},
            "properties": {
                "label": "12 Rue de la République 13002 Marseille",
                "score": 0.91,
                "type": "housenumber",
                "citycode": "13202",
                "postcode": "13002",
            },
        },
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [5.38, 43.3]},
            "properties": {
                "label": "Rue de la République 13001 Marseille",
                "score": 0.95,
                "type": "street",
                "citycode": "13201",
                "postcode": "13001",
            },
        },
        {"type": "Feature", "geometry": None, "properties": {"label": "broken"}},
    ],
}


def test_search_parses_the_ban_answer(httpserver):
    httpserver.expect_request(
        "/search/", query_string={"q": "12 rue de la République Marseille", "limit": "5"}
    ).respond_with_json(BAN_ANSWER)
    places = BanGeocoder(httpserver.url_for("/")).search("12 rue de la République Marseille")
    assert [p.label for p in places] == [
        "Rue de la République 13001 Marseille",
        "12 Rue de la République 13002 Marseille",
    ]
    best = places[1]
    assert (best.latitude, best.longitude, best.kind, best.code_insee, best.code_postal) == (
        43.2931,
        5.372,
        "housenumber",
        "13202",
        "13002",
    )


def test_the_environment_variable_points_to_another_server(httpserver, monkeypatch):
    monkeypatch.setenv(BAN_URL_ENV, httpserver.url_for("/"))
    httpserver.expect_request("/search/").respond_with_json(BAN_ANSWER)
    assert ban_base_url("https://example.org") == httpserver.url_for("/").rstrip("/")
    assert len(BanGeocoder("https://example.org").search("rue de la République")) == 2


def test_unreachable_service_gives_a_clear_message():
    with socket.socket() as sock:  # a loopback port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    geocoder = BanGeocoder(f"http://127.0.0.1:{port}", sleep=lambda s: None)
    with pytest.raises(ConnectionRefusedApiError) as error:
        geocoder.search("rue de la Paix Paris")
    assert "Base Adresse Nationale" in error.value.message
    assert "127.0.0.1" in error.value.message


def test_server_errors_and_garbage_are_reported(httpserver):
    httpserver.expect_request("/search/").respond_with_data("oops", status=503)
    with pytest.raises(ServerError) as error:
        BanGeocoder(httpserver.url_for("/"), sleep=lambda s: None).search("rue de la Paix")
    assert "Base Adresse Nationale" in error.value.message
    httpserver.clear()
    httpserver.expect_request("/search/").respond_with_data("<html>portail captif</html>", content_type="text/html")
    with pytest.raises(MalformedResponseError):
        BanGeocoder(httpserver.url_for("/")).search("rue de la Paix")
    with pytest.raises(MalformedResponseError):
        places_from_ban({"unexpected": True})


def test_too_short_text_is_refused_before_any_request():
    with pytest.raises(ApiError):
        BanGeocoder("http://127.0.0.1:9").search("ab")
