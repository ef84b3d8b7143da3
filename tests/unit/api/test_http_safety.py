"""Security of the HTTP client headless (issue 13): redirects, documented success statuses, deadlines, size caps.

Two loopback origins: the API (the fake server) and « another host » (pytest-httpserver on another port) that
must never receive a token or a push body.
"""

from __future__ import annotations

import pytest
from pytest_httpserver import HTTPServer

from plugin.api import errors
from plugin.api.http import ApiClient, Credentials, RetryPolicy, Secret
from plugin.api.push import ACCEPTED, FAILED, CartographieV0Target, plan_push, run_push
from plugin.core.sync import SyncStore

from .conftest import CANARY


@pytest.fixture(scope="module")
def other_host():
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    yield server
    server.clear()
    if server.is_running():
        server.stop()


@pytest.fixture
def other(other_host):
    other_host.clear()
    other_host.expect_request("/steal").respond_with_json({"items": [], "total": 0, "pages": 0})
    return other_host


def _sent_to_other(other: HTTPServer) -> list:
    return [request for request, _response in other.log]


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_to_another_origin_is_refused_and_the_token_stays_home(fake, di_client, other, status):
    fake.inject("/api/v1/structures", status=status, headers={"Location": other.url_for("/steal")}, body={})
    with pytest.raises(errors.InsecureUrlError) as info:
        di_client.get_json("structures")
    assert _sent_to_other(other) == []
    assert "127.0.0.1" in info.value.message and info.value.status == status
    assert CANARY not in info.value.message and CANARY not in info.value.body


def test_a_same_origin_redirect_is_followed_with_the_token(fake, di_client):
    fake.inject("/api/v1/structures", status=307, headers={"Location": "/api/v1/structures?page=1&size=2"},
                body={})
    data, response = di_client.get_json("structures")
    assert response.status == 200 and len(data["items"]) == 2
    last = fake.log[-1]
    assert last["query"]["size"] == ["2"] and last["headers"]["Authorization"].endswith(fake.tokens["di"])


def test_a_redirect_loop_ends_with_a_message(fake, di_client):
    fake.inject("/api/v1/structures", status=302, headers={"Location": "/api/v1/structures"}, body={}, times=20)
    with pytest.raises(errors.HttpError) as info:
        di_client.get_json("structures")
    assert info.value.status == 302 and not isinstance(info.value, errors.InsecureUrlError)
    assert len(fake.log) == 6  # the first answer and five redirects followed, then a message


def test_an_https_to_http_downgrade_counts_as_another_origin():
    client = ApiClient("https://api.example.org/v1", credentials=Credentials("Bearer", Secret("tok-en-xyz")))
    request = client.url("x")
    from plugin.api.http import Response

    response = Response(302, {"Location": "http://api.example.org/v1/x"}, b"", request)
    with pytest.raises(errors.InsecureUrlError):
        client._redirected(client_request(client, request), response, 1)


def client_request(client: ApiClient, url: str):
    from plugin.api.http import Request

    return Request("GET", url, {}, None, client.credentials, client.timeout)


# ------------------------------------------------------------------------------------------------ push
def _lieu(i: int) -> dict[str, str]:
    return {"id": f"lieu-securite-{i}", "pivot": "43493312300029", "nom": f"Lieu {i}", "commune": "Reims",
            "code_postal": "51100", "adresse": "12 bis rue de Leclercq", "date_maj": "2025-01-10"}


@pytest.fixture
def push_session(fake, make_client, tmp_path):
    fake.v0.clear()
    fake.patches.clear()
    store = SyncStore(tmp_path / "travail.gpkg")
    client = make_client("/api/v0", "x-api-key", fake.tokens["push"], name="Cartographie (écriture)")
    target = CartographieV0Target(client, batch_size=10)

    def push(records):
        report = plan_push(records, store, target.key, validate=lambda record: [])
        return run_push(report, target, store, {})

    return store, push


@pytest.mark.parametrize("status", [302, 307, 308])
def test_a_push_answered_by_a_redirect_is_not_accepted_nor_sent_elsewhere(fake, other, push_session, status):
    store, push = push_session
    fake.inject("/api/v0/lieux-inclusion-numerique", status=status, method="PATCH",
                headers={"Location": other.url_for("/steal")}, body={})
    report = push([_lieu(1), _lieu(2)])
    assert [item.status for item in report.items] == [FAILED, FAILED]
    assert _sent_to_other(other) == [] and fake.patches == []
    assert {row.status for row in store.journal_rows()} == {FAILED}
    assert store.entries() == {}  # nothing recorded as pushed: the next push sends them again
    again = push([_lieu(1), _lieu(2)])
    assert [item.status for item in again.items] == [ACCEPTED, ACCEPTED] and len(fake.patches) == 1


def test_a_same_origin_redirect_of_a_push_is_not_accepted(fake, push_session):
    store, push = push_session
    fake.inject("/api/v0/lieux-inclusion-numerique", status=307, method="PATCH",
                headers={"Location": "/api/v0/lieux-inclusion-numerique"}, body={})
    report = push([_lieu(3)])
    assert report.items[0].status == FAILED and "307" in report.error
    assert fake.patches == [] and store.entries() == {}


@pytest.mark.parametrize("status", [201, 202, 204])
def test_a_push_is_accepted_only_on_the_documented_status(fake, push_session, status):
    store, push = push_session
    fake.inject("/api/v0/lieux-inclusion-numerique", status=status, method="PATCH", body={"message": "ok?"})
    report = push([_lieu(4)])
    assert report.items[0].status == FAILED and str(status) in report.error
    assert store.entries() == {} and {row.status for row in store.journal_rows()} == {FAILED}


def test_retry_policy_is_untouched_by_redirect_counting(fake, make_client):
    client = make_client(token=fake.tokens["di"], retry=RetryPolicy(attempts=1))
    fake.inject("/api/v1/structures", status=302, headers={"Location": "/api/v1/structures?size=1"}, body={})
    data, _ = client.get_json("structures")
    assert len(data["items"]) == 1


# ------------------------------------------------------------------------------------------------ item 7
@pytest.mark.parametrize("mode", ["silent", "trickle"])
def test_every_request_has_a_total_deadline(mode):
    import time

    from tests.helpers.hostile_servers import HostileServer

    with HostileServer(mode) as server:
        client = ApiClient(server.url + "/api", timeout=30, deadline=1.0, retry=RetryPolicy(attempts=4, base=0.05))
        start = time.monotonic()
        with pytest.raises(errors.TimeoutApiError) as info:
            client.get_json("lieux")
        elapsed = time.monotonic() - start
    assert elapsed < 5.0  # not 4 × 30 s, nor a trickle that never ends
    if mode == "trickle":
        assert isinstance(info.value, errors.DeadlineExceededError) and server.sent > 3
        assert " 1 s" in info.value.message


@pytest.mark.parametrize("mode", ["huge", "endless"])
def test_an_answer_larger_than_the_cap_is_refused_without_being_held(mode):
    import time
    import tracemalloc

    from tests.helpers.hostile_servers import HostileServer

    with HostileServer(mode, size=500 * 1024 * 1024) as server:
        client = ApiClient(server.url + "/api", timeout=5, deadline=20, max_bytes=2 * 1024 * 1024)
        tracemalloc.start()
        start = time.monotonic()
        with pytest.raises(errors.ResponseTooLargeError) as info:
            client.get_json("lieux")
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert time.monotonic() - start < 10 and peak < 20 * 1024 * 1024
    assert server.sent < 100 * 1024 * 1024 and " 2 M" in info.value.message
    assert not info.value.retryable


def test_retries_stop_at_the_deadline(fake, make_client):
    import time

    fake.inject("/api/v1/structures", kind="delay", seconds=0.6, times=20)
    client = make_client(token=fake.tokens["di"], timeout=0.3, deadline=1.0,
                         retry=RetryPolicy(attempts=20, base=0.05, cap=0.05))
    start = time.monotonic()
    with pytest.raises(errors.TimeoutApiError):
        client.get_json("structures")
    assert time.monotonic() - start < 3.0  # 20 attempts of 0.3 s without the deadline
