"""Fixtures of the validation engine tests: a valid record, fixed options (today, reference data)."""

from __future__ import annotations

import pytest

from plugin.core.i18n import use_language
from plugin.core.schema import load_schema
from plugin.core.validation import ValidationOptions, check_record
from plugin.core.validation.rules.geography import Gazetteer
from tests.unit.validation.helpers import TODAY, TYPOLOGIES, VALID


@pytest.fixture(autouse=True)
def english():
    """Messages in English (the source strings) whatever the translations shipped."""
    use_language("en")
    yield
    use_language("fr")


@pytest.fixture(scope="session")
def geo(shared_data):
    path = shared_data / "reference" / "communes.csv"
    if not path.exists():
        pytest.skip("../shared/data/reference/communes.csv is not available")
    return Gazetteer.from_csv(path)


@pytest.fixture(scope="session")
def options(geo) -> ValidationOptions:
    return ValidationOptions(today=TODAY, geography=geo, typologies=TYPOLOGIES)


@pytest.fixture(scope="session")
def schema_v102():
    return load_schema()


@pytest.fixture
def check(options):
    """check(**cells) → issues of VALID with those cells changed."""

    def _check(**cells):
        record = dict(VALID)
        record.update(cells)
        return check_record(record, options=options)

    return _check
