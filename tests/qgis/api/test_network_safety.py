"""The QGIS transport's safety (issue 13): redirects, the disk cache, deadlines and size caps.

Loopback servers only: the fake API and pytest-httpserver on other ports (« another host »). Requests run as
the plugin runs them: in a task's thread (a pull, a push) and on the main thread (a Processing algorithm).
"""

from __future__ import annotations

import threading
import time

import pytest
from pytest_httpserver import HTTPServer
from qgis.core import QgsNetworkAccessManager
from qgis.PyQt.QtCore import QCoreApplication, QUrl
from werkzeug.wrappers import Response as WerkzeugResponse

from plugin.api import errors
from plugin.api.http import ApiClient, Credentials, RetryPolicy, Secret
from plugin.api.push import ACCEPTED, FAILED, CartographieV0Target, plan_push, run_push
from plugin.core.sync import SyncStore
from plugin.qgis.network import QgisTransport
from tests.fakeapi import FakeApi

TOKEN = "CANARY-net-2b7c-do-not-leak"


@pytest.fixture(scope="module")
def fake_server():
    fake = FakeApi(di_token=TOKEN + "-di", push_key=TOKEN + "-push")
    from tests.fakeapi.data import di_dataset

    fake.di_structures, fake.di_services = di_dataset(10)
    fake.start()
    yield fake
    fake.stop()


@pytest.fixture
def fake(fake_server):
    fake_server.faults.clear()
    fake_server.log.clear()
    fake_server.patches.clear()
    return fake_server


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


def in_thread(function):
    """Run ``function`` in a worker thread (as a QgsTask does) while the main thread keeps its loop alive."""
    outcome: dict = {}

    def target():
        try:
            outcome["result"] = function()
        except BaseException as error:  # handed back to the test
            outcome["error"] = error

    thread = threading.Thread(target=target)
    thread.start()
    while thread.is_alive():
        QCoreApplication.processEvents()
        time.sleep(0.005)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


def run(where: str, function):
    return function() if where == "main" else in_thread(function)


def di_client(fake, **kwargs) -> ApiClient:
    kwargs.setdefault("retry", RetryPolicy(attempts=1))
    return ApiClient(fake.url + "/api/v1", transport=QgisTransport(),
                     credentials=Credentials("Bearer", Secret(fake.tokens["di"])), **kwargs)


@pytest.mark.parametrize("where", ["main", "task"])
@pytest.mark.parametrize("status", [302, 307])
def test_a_redirect_to_another_origin_never_receives_the_token(fake, other, status, where):
    fake.inject("/api/v1/structures", status=status, headers={"Location": other.url_for("/steal")}, body={})
    client = di_client(fake)
    with pytest.raises(errors.InsecureUrlError):
        run(where, lambda: client.get_json("structures"))
    assert [request for request, _ in other.log] == []


def test_a_same_origin_redirect_is_followed(fake):
    fake.inject("/api/v1/structures", status=302, headers={"Location": "/api/v1/structures?size=2"}, body={})
    data, response = di_client(fake).get_json("structures")
    assert response.status == 200 and len(data["items"]) == 2
    assert fake.log[-1]["headers"]["Authorization"] == f"Bearer {fake.tokens['di']}"


@pytest.mark.parametrize("where", ["main", "task"])
def test_a_push_answered_by_a_redirect_is_not_journaled_as_sent(fake, other, tmp_path, where):
    fake.inject("/api/v0/lieux-inclusion-numerique", status=307, method="PATCH",
                headers={"Location": other.url_for("/steal")}, body={})
    store = SyncStore(tmp_path / "travail.gpkg")
    client = ApiClient(fake.url + "/api/v0", transport=QgisTransport(), retry=RetryPolicy(attempts=1),
                       credentials=Credentials("x-api-key", Secret(fake.tokens["push"])))
    target = CartographieV0Target(client)
    lieu = {"id": "lieu-redirige", "pivot": "43493312300029", "nom": "Lieu", "commune": "Reims",
            "code_postal": "51100", "adresse": "12 rue X", "date_maj": "2025-01-10"}

    def push():
        return run_push(plan_push([lieu], store, target.key, validate=lambda r: []), target, store, {})

    report = run(where, push)
    assert report.items[0].status == FAILED and "307" in report.error
    assert [request for request, _ in other.log] == [] and fake.patches == []
    assert store.entries() == {} and [row.status for row in store.journal_rows()] == [FAILED]
    assert push().items[0].status == ACCEPTED  # sent again next time, accepted by the real server


# ------------------------------------------------------------------------------------------------ disk cache
@pytest.fixture
def cacheable(other_host):
    """A GET answered 200 with a long max-age first, then 503 (the service fell over)."""
    other_host.clear()
    calls = {"n": 0}

    def handler(request):
        calls["n"] += 1
        if calls["n"] == 1:
            return WerkzeugResponse('{"items": [{"id": "ancien"}], "total": 1}', status=200,
                                    headers={"Cache-Control": "public, max-age=3600"},
                                    content_type="application/json")
        return WerkzeugResponse('{"detail": "Service Unavailable"}', status=503, content_type="application/json")

    other_host.expect_request("/api/v1/structures").respond_with_handler(handler)
    return other_host, calls


@pytest.mark.parametrize("where", ["main", "task"])
def test_api_pages_bypass_the_disk_cache(cacheable, where):
    server, calls = cacheable
    client = ApiClient(server.url_for("/api/v1"), transport=QgisTransport(), retry=RetryPolicy(attempts=1),
                       credentials=Credentials("Bearer", Secret(TOKEN + "-cache")))
    data, _ = run(where, lambda: client.get_json("structures"))
    assert data["items"] == [{"id": "ancien"}]
    with pytest.raises(errors.ServerError):  # the stale page is not served as fresh
        run(where, lambda: client.get_json("structures"))
    assert calls["n"] == 2
    cache = QgsNetworkAccessManager.instance().cache()
    if cache is not None:  # nothing of the API's answer kept on disk
        assert not cache.metaData(QUrl(server.url_for("/api/v1/structures"))).isValid()


# ------------------------------------------------------------------------------------------------ item 7
@pytest.mark.parametrize("where", ["main", "task"])
@pytest.mark.parametrize("mode", ["silent", "trickle"])
def test_every_request_has_a_total_deadline(mode, where):
    from tests.helpers.hostile_servers import HostileServer

    with HostileServer(mode) as server:
        client = ApiClient(server.url + "/api", transport=QgisTransport(), timeout=30, deadline=1.0,
                           retry=RetryPolicy(attempts=3, base=0.05))
        start = time.monotonic()
        with pytest.raises(errors.TimeoutApiError):
            run(where, lambda: client.get_json("lieux"))
        assert time.monotonic() - start < 5.0  # not the 30 s timeout (3 attempts: 90 s)


@pytest.mark.parametrize("where", ["main", "task"])
@pytest.mark.parametrize("mode", ["huge", "endless"])
def test_an_answer_larger_than_the_cap_is_refused(mode, where):
    from tests.helpers.hostile_servers import HostileServer

    with HostileServer(mode) as server:
        client = ApiClient(server.url + "/api", transport=QgisTransport(), timeout=5, deadline=20,
                           max_bytes=2 * 1024 * 1024)
        start = time.monotonic()
        with pytest.raises(errors.ResponseTooLargeError):
            run(where, lambda: client.get_json("lieux"))
        # the client stopped long before the end (500 MB, or never for "endless"); what the server counts also
        # holds what loopback buffers and Qt read before the abort lands (> 100 MB seen on an idle machine)
        assert time.monotonic() - start < 10 and server.sent < 400 * 1024 * 1024


def test_the_pull_stays_cancellable_under_a_long_deadline():
    from qgis.PyQt.QtCore import QCoreApplication

    from plugin.qgis.tasks import LieuxTask, start_task
    from tests.helpers.hostile_servers import HostileServer

    outcome = {}
    with HostileServer("trickle", interval=0.2) as server:
        def work(progress, canceled):
            client = ApiClient(server.url + "/api", transport=QgisTransport(), timeout=30, deadline=600,
                               cancelled=canceled)
            return client.get_json("lieux")

        task = start_task(LieuxTask("trickle", work, lambda result, error: outcome.update(error=error)))
        time.sleep(0.5)
        start = time.monotonic()
        task.cancel()
        while "error" not in outcome and time.monotonic() - start < 10:
            QCoreApplication.processEvents()
            time.sleep(0.01)
    assert outcome.get("error") is not None and time.monotonic() - start < 2.0
