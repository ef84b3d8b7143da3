"""The HTTP client on the loopback fake server: URL policy, auth, retries, every fault → a typed error."""

from __future__ import annotations

import pickle
import socket

import pytest

from plugin.api import errors
from plugin.api.http import ApiClient, Credentials, RetryPolicy, Secret, check_url, parse_retry_after

from .conftest import CANARY


def test_plain_http_refused_except_loopback():
    for url in ("http://127.0.0.1:8000/api", "http://localhost/api", "http://[::1]:81/", "https://example.org"):
        assert check_url(url)
    with pytest.raises(errors.InsecureUrlError) as info:
        check_url("http://api.data.inclusion.gouv.fr/api/v1", "data·inclusion")
    assert "https://" in info.value.message
    with pytest.raises(errors.InsecureUrlError):
        check_url("https://user:pw@example.org/")
    with pytest.raises(errors.InsecureUrlError):
        check_url("ftp://example.org/")


def test_secret_never_shows_itself():
    secret = Secret(CANARY)
    credentials = Credentials("Bearer", secret=secret)
    for text in (repr(secret), str(secret), f"{secret}", repr(credentials), str(pickle.dumps(secret))):
        assert CANARY not in text
    assert credentials.headers() == {"Authorization": f"Bearer {CANARY}"}
    assert Credentials("x-api-key", secret=secret).headers() == {"x-api-key": CANARY}


def test_auth_header_schemes_reach_the_server(fake, di_client, dora_client):
    di_client.get_json("structures", params=[("size", 1)])
    dora_client.get_json("structures/")
    headers = [entry["headers"]["Authorization"] for entry in fake.log]
    assert headers == [f"Bearer {fake.tokens['di']}", f"Token {fake.tokens['dora']}"]


def test_401_without_token_says_token_missing(make_client):
    client = make_client(token=None, name="data·inclusion")
    client.token_env = "MEDNUM_DATA_INCLUSION_TOKEN"
    with pytest.raises(errors.AuthError) as info:
        client.get_json("structures")
    assert info.value.reason == "missing" and info.value.status == 401
    assert "MEDNUM_DATA_INCLUSION_TOKEN" in info.value.message


def test_401_with_wrong_token_says_expired_or_wrong(make_client):
    with pytest.raises(errors.AuthError) as info:
        make_client(token="wrong-token").get_json("structures")
    assert info.value.reason == "rejected"


def test_403_wrong_scope(fake, make_client):
    fake.forbidden_tokens.add("scope-token")
    with pytest.raises(errors.AuthError) as info:
        make_client(token="scope-token").get_json("structures")
    assert info.value.reason == "forbidden" and "Not enough permissions" in info.value.message


def test_404(di_client):
    with pytest.raises(errors.NotFoundError) as info:
        di_client.get_json("structures/inconnue")
    assert "/api/v1/structures/inconnue" in info.value.message


def test_5xx_retried_with_bounded_backoff_then_success(fake, di_client, sleeper):
    fake.inject("/api/v1/structures", status=503, times=2)
    data, _ = di_client.get_json("structures", params=[("size", 2)])
    assert len(data["items"]) == 2
    assert len(fake.requests_to("/api/v1/structures")) == 3
    assert 0 < sleeper.total <= 0.05 + 0.05


def test_5xx_exhausted(fake, di_client):
    fake.inject("/api/v1/structures", status=502, times=10, body={"detail": "Bad gateway"})
    with pytest.raises(errors.ServerError) as info:
        di_client.get_json("structures")
    assert info.value.status == 502 and "3" in info.value.message
    assert len(fake.requests_to("/api/v1/structures")) == 3  # bounded


def test_429_honours_retry_after(fake, di_client, sleeper):
    fake.inject("/api/v1/structures", status=429, headers={"Retry-After": "2"}, body={"detail": "Too Many Requests"})
    di_client.get_json("structures", params=[("size", 1)])
    assert sleeper.total == pytest.approx(2.0, abs=0.3)


def test_429_with_a_too_long_retry_after_is_reported(fake, di_client):
    fake.inject("/api/v1/structures", status=429, headers={"Retry-After": "3600"})
    with pytest.raises(errors.RateLimitedError) as info:
        di_client.get_json("structures")
    assert info.value.retry_after == 3600 and "3600" in info.value.message


def test_retry_after_http_date():
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == pytest.approx(10.0)
    assert parse_retry_after("") is None


def test_422_detail_is_shown(di_client):
    with pytest.raises(errors.UnprocessableError) as info:
        di_client.get_json("structures", params=[("size", 20000)])
    assert "less than or equal to 10000" in info.value.message
    assert info.value.details == [("", "query.size: Input should be less than or equal to 10000")]


def test_malformed_json(fake, di_client):
    fake.inject("/api/v1/structures", kind="malformed")
    with pytest.raises(errors.MalformedResponseError) as info:
        di_client.get_json("structures")
    assert "text/html" in info.value.message


def test_timeout(fake, make_client):
    fake.inject("/api/v1/structures", kind="delay", seconds=1.0, times=3)
    client = make_client(token=fake.tokens["di"], timeout=0.2, retry=RetryPolicy(attempts=2, base=0.01))
    with pytest.raises(errors.TimeoutApiError) as info:
        client.get_json("structures")
    assert "0.2\u00a0s" in info.value.message  # French, as the user reads it: "en 0.2 s"


def test_connection_refused():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    client = ApiClient(f"http://127.0.0.1:{port}/api", retry=RetryPolicy(attempts=2, base=0.01), sleep=lambda s: None)
    with pytest.raises(errors.ConnectionRefusedApiError) as info:
        client.get_json("x")
    assert "127.0.0.1" in info.value.message


def test_dns_failure():
    client = ApiClient("https://nom-inexistant.invalid/api", retry=RetryPolicy(attempts=1))
    with pytest.raises(errors.DnsError) as info:
        client.get_json("x")
    assert "nom-inexistant.invalid" in info.value.message


def test_connection_closed_without_answer(fake, make_client):
    fake.inject("/api/v1/structures", kind="close", times=5)
    with pytest.raises(errors.NetworkError):
        make_client(token=fake.tokens["di"]).get_json("structures")


def test_echoed_token_is_redacted_from_errors(fake, di_client):
    fake.inject("/api/v1/structures", status=400, body={"detail": f"bad header Bearer {fake.tokens['di']}"})
    with pytest.raises(errors.HttpError) as info:
        di_client.get_json("structures")
    assert CANARY not in info.value.message and CANARY not in info.value.body and "***" in info.value.message


def test_token_never_sent_to_another_host(di_client):
    with pytest.raises(errors.InsecureUrlError):
        di_client.get_json("https://evil.example.org/steal")


def test_cancel_stops_before_the_next_request(fake, make_client):
    client = make_client(token=fake.tokens["di"], cancelled=lambda: True)
    with pytest.raises(errors.CancelledError):
        client.get_json("structures")
    assert fake.log == []
