"""Inside QGIS: the QGIS network transport, mednum:fetch → edit the layer → mednum:push → fetch again, canary."""

from __future__ import annotations

import json

import pytest
from qgis.core import QgsApplication, QgsSettings, QgsVectorLayer

from plugin.api import errors
from plugin.api.http import ApiClient, Credentials, RetryPolicy, Secret
from plugin.qgis.network import QgisTransport
from tests.fakeapi import FakeApi
from tests.fakeapi.data import carto_dataset, di_dataset

CANARY = "CANARY-qgis-5d1c-do-not-leak"


@pytest.fixture(scope="module")
def fake_server():
    fake = FakeApi(di_token=CANARY + "-di", carto_token=CANARY + "-carto", push_key=CANARY + "-push")
    fake.di_structures, fake.di_services = di_dataset(60)
    fake.set_carto(carto_dataset(24))
    fake.start()
    yield fake
    fake.stop()


@pytest.fixture
def api_env(fake_server, monkeypatch):
    fake_server.faults.clear()
    monkeypatch.setenv("MEDNUM_CARTO_URL", fake_server.url)
    monkeypatch.setenv("MEDNUM_CARTO_TOKEN", fake_server.tokens["carto"])
    monkeypatch.setenv("MEDNUM_CARTO_V0_URL", fake_server.url + "/api/v0")
    monkeypatch.setenv("MEDNUM_CARTO_V0_TOKEN", fake_server.tokens["push"])
    monkeypatch.setenv("MEDNUM_DATA_INCLUSION_URL", fake_server.url + "/api/v1")
    monkeypatch.setenv("MEDNUM_DATA_INCLUSION_TOKEN", fake_server.tokens["di"])
    return fake_server


@pytest.fixture
def provider(qgis_processing):
    from plugin.processing.provider import MednumProvider

    provider = MednumProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    yield provider
    QgsApplication.processingRegistry().removeProvider(provider)


def test_qgis_transport_errors_and_success(fake_server):
    client = ApiClient(fake_server.url + "/api/v1", transport=QgisTransport(),
                       credentials=Credentials("Bearer", Secret(fake_server.tokens["di"])))
    data, response = client.get_json("structures", params=[("size", 3), ("code_departement", "13")])
    assert len(data["items"]) == 3 and response.status == 200
    assert fake_server.log[-1]["headers"]["Authorization"] == f"Bearer {fake_server.tokens['di']}"
    with pytest.raises(errors.AuthError):
        ApiClient(fake_server.url + "/api/v1", transport=QgisTransport()).get_json("structures")
    with pytest.raises(errors.ConnectionRefusedApiError):
        ApiClient("http://127.0.0.1:9/x", transport=QgisTransport(), retry=RetryPolicy(attempts=1)).get_json("y")
    fake_server.inject("/api/v1/structures", kind="delay", seconds=1.2)
    with pytest.raises(errors.TimeoutApiError):
        ApiClient(fake_server.url + "/api/v1", transport=QgisTransport(), timeout=0.3, retry=RetryPolicy(attempts=1),
                  credentials=Credentials("Bearer", Secret(fake_server.tokens["di"]))).get_json("structures")


def test_a_cancelled_task_aborts_the_blocking_request_under_way(fake_server):
    """Inside a task (where the plugin's requests run), cancelling aborts the request under way at once."""
    import time

    from qgis.PyQt.QtCore import QCoreApplication

    from plugin.qgis.tasks import LieuxTask, start_task

    fake_server.faults.clear()
    fake_server.inject("/api/v1/structures", kind="delay", seconds=4.0)
    outcome = {}

    def work(progress, canceled):
        client = ApiClient(fake_server.url + "/api/v1", transport=QgisTransport(), timeout=30, cancelled=canceled,
                           credentials=Credentials("Bearer", Secret(fake_server.tokens["di"])))
        return client.get_json("structures")

    task = start_task(LieuxTask("slow request", work, lambda result, error: outcome.update(error=error)))
    time.sleep(0.5)
    start = time.monotonic()
    task.cancel()
    while "error" not in outcome and time.monotonic() - start < 10:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    assert outcome.get("error") is not None  # cancelled, no result
    assert time.monotonic() - start < 2.0  # not the 4 s the server takes to answer, nor the 30 s timeout


def test_token_from_the_qgis_auth_database(fake_server):
    from qgis.core import QgsAuthMethodConfig

    from plugin.qgis.network import resolve_credentials

    manager = QgsApplication.authManager()
    manager.setMasterPassword("mot-de-passe-maitre", True)
    config = QgsAuthMethodConfig("Basic")
    config.setName("data·inclusion")
    config.setConfig("username", "data-inclusion")
    config.setConfig("password", fake_server.tokens["di"])
    assert manager.storeAuthenticationConfig(config)[0]
    credentials = resolve_credentials(Credentials("Bearer", authcfg=config.id()))
    client = ApiClient(fake_server.url + "/api/v1", transport=QgisTransport(), credentials=credentials)
    data, _ = client.get_json("structures", params=[("size", 1)])
    assert data["total"] > 0
    with pytest.raises(errors.ConfigurationError):
        resolve_credentials(Credentials("Bearer", authcfg="inconnu"))


def test_fetch_edit_push_fetch_again(api_env, provider, tmp_path):
    import processing

    gpkg = tmp_path / "lieux.gpkg"
    result = processing.run("mednum:fetch", {"SOURCE": 2, "TERRITORY": "13", "OUTPUT": str(gpkg)})
    assert result["COUNT"] == len([i for i in api_env.carto.values() if i["adresse"]["code_insee"].startswith("13")])
    layer = QgsVectorLayer(f"{gpkg}|layername=lieux", "lieux", "ogr")
    assert layer.isValid() and layer.featureCount() == result["COUNT"]
    feature = next(layer.getFeatures())
    lieu_id = feature["id"]
    with_edit = layer.startEditing()
    assert with_edit
    layer.changeAttributeValue(feature.id(), layer.fields().indexOf("nom"), "Nom corrigé dans QGIS")
    assert layer.commitChanges()

    dry = processing.run("mednum:push", {"INPUT": layer, "DRY_RUN": True, "OUTPUT": str(tmp_path / "dry.json")})
    assert dry["DRY_RUN"] == 1 and api_env.patches == []
    report = json.loads((tmp_path / "dry.json").read_text(encoding="utf-8"))
    assert report["lieux"][0]["changes"][0] == {"field": "nom", "before": feature["nom"],
                                                "after": "Nom corrigé dans QGIS"}

    pushed = processing.run("mednum:push", {"INPUT": layer, "DRY_RUN": False, "OUTPUT": str(tmp_path / "r.csv")})
    assert pushed["ACCEPTED"] == 1 and len(api_env.patches) == 1
    again = processing.run("mednum:push", {"INPUT": layer, "DRY_RUN": False, "OUTPUT": str(tmp_path / "r2.json")})
    assert again.get("ACCEPTED", 0) == 0 and len(api_env.patches) == 1  # idempotent

    gpkg2 = tmp_path / "lieux2.gpkg"
    processing.run("mednum:fetch", {"SOURCE": 2, "TERRITORY": "13", "OUTPUT": str(gpkg2)})
    layer2 = QgsVectorLayer(f"{gpkg2}|layername=lieux", "lieux2", "ogr")
    names = {f["id"]: f["nom"] for f in layer2.getFeatures()}
    assert names[lieu_id] == "Nom corrigé dans QGIS"

    # canary: nothing the run produced holds a token
    produced = [p.read_bytes() for p in tmp_path.iterdir() if p.is_file()]
    settings = QgsSettings()
    produced.append(" ".join(f"{k}={settings.value(k)}" for k in settings.allKeys()).encode())
    for blob in produced:
        assert CANARY.encode() not in blob


def test_fetch_failure_leaves_the_existing_file(api_env, provider, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    gpkg = tmp_path / "lieux.gpkg"
    gpkg.write_bytes(b"previous content")
    api_env.inject("/carto", kind="truncate", on_page=1)
    with pytest.raises(QgsProcessingException) as info:
        processing.run("mednum:fetch", {"SOURCE": 2, "TERRITORY": "13", "OUTPUT": str(gpkg)})
    assert "truncated" in str(info.value) or "tronqu" in str(info.value)
    assert gpkg.read_bytes() == b"previous content"
    assert CANARY not in str(info.value)


def test_fetch_data_inclusion_epci_needs_known_territory(api_env, provider, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException):
        processing.run("mednum:fetch", {"SOURCE": 0, "TERRITORY": "XYZ", "OUTPUT": str(tmp_path / "x.gpkg")})
    result = processing.run("mednum:fetch", {"SOURCE": 0, "TERRITORY": "2A", "OUTPUT": str(tmp_path / "c.gpkg")})
    assert result["COUNT"] == len([s for s in api_env.di_structures if s["code_insee"].startswith("2A")])


@pytest.mark.parametrize("source", ["data-inclusion", "0", 0])
def test_fetch_source_as_documented_string_or_index(api_env, provider, tmp_path, source):
    import processing

    result = processing.run("mednum:fetch", {"SOURCE": source, "TERRITORY": "2A", "OUTPUT": str(tmp_path / "c.gpkg")})
    assert result["COUNT"] == len([s for s in api_env.di_structures if s["code_insee"].startswith("2A")]) > 0


def test_fetch_source_carto_by_name(api_env, provider, tmp_path):
    import processing

    by_name = processing.run("mednum:fetch", {"SOURCE": "carto", "TERRITORY": "13", "OUTPUT": str(tmp_path / "a.gpkg")})
    by_index = processing.run("mednum:fetch", {"SOURCE": 2, "TERRITORY": "13", "OUTPUT": str(tmp_path / "b.gpkg")})
    assert by_name["COUNT"] == by_index["COUNT"] > 0


def test_fetch_unknown_source_is_refused(api_env, provider, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="SOURCE|Source"):
        processing.run("mednum:fetch", {"SOURCE": "nowhere", "TERRITORY": "13", "OUTPUT": str(tmp_path / "x.gpkg")})


def test_menu_entries_open_the_dialogs(qgis_iface, provider):
    from plugin.gui.api_feature import ApiFeature

    opened = []

    class Plugin:
        def add_action(self, text, callback, **kwargs):
            opened.append((kwargs["object_name"], callback))

    feature = ApiFeature(qgis_iface, Plugin())
    feature.initGui()
    dialog = dict(opened)["mednumPullAction"]()  # the push entry opens the push dialog: test_push_dialog.py
    assert type(dialog).__name__ == "PullDialog" and dialog.isVisible() and "mednumPushAction" in dict(opened)
    feature.unload()
    assert not dialog.isVisible()
    assert QgsApplication.processingRegistry().algorithmById("mednum:fetch") is not None
