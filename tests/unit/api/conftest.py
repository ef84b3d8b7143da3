"""Fixtures of the API tests: a loopback fake server with small datasets, and clients on it."""

from __future__ import annotations

import pytest

from plugin.api.http import ApiClient, Credentials, RetryPolicy, Secret
from tests.fakeapi import FakeApi
from tests.fakeapi.data import carto_dataset, di_dataset, dora_dataset

CANARY = "CANARY-7f3e9a1b-do-not-leak"


@pytest.fixture(scope="module")
def fake_api():
    fake = FakeApi(di_token=CANARY + "-di", dora_token=CANARY + "-dora", carto_token=CANARY + "-carto",
                   push_key=CANARY + "-push")
    fake.di_structures, fake.di_services = di_dataset(120)
    fake.dora_structures, fake.dora_services = dora_dataset(40)
    fake.set_carto(carto_dataset(32))
    fake.start()
    yield fake
    fake.stop()


@pytest.fixture
def fake(fake_api):
    fake_api.faults.clear()
    fake_api.log.clear()
    fake_api.forbidden_tokens.clear()
    return fake_api


class Sleeper:
    def __init__(self):
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)

    @property
    def total(self) -> float:
        return sum(self.calls)


@pytest.fixture
def sleeper():
    return Sleeper()


def _client(base, scheme, token, sleeper, **kwargs):
    credentials = Credentials(scheme, secret=Secret(token)) if token is not None else None
    kwargs.setdefault("retry", RetryPolicy(attempts=3, base=0.01, cap=0.05))
    return ApiClient(base, credentials=credentials, sleep=sleeper, **kwargs)


@pytest.fixture
def di_client(fake, sleeper):
    return _client(fake.url + "/api/v1", "Bearer", fake.tokens["di"], sleeper, name="data·inclusion")


@pytest.fixture
def dora_client(fake, sleeper):
    return _client(fake.url + "/api/v2", "Token", fake.tokens["dora"], sleeper, name="DORA")


@pytest.fixture
def carto_client(fake, sleeper):
    return _client(fake.url, "Bearer", fake.tokens["carto"], sleeper, name="Cartographie")


@pytest.fixture
def make_client(fake, sleeper):
    def make(base_suffix="/api/v1", scheme="Bearer", token="", **kwargs):
        return _client(fake.url + base_suffix, scheme, token, sleeper, **kwargs)

    return make
