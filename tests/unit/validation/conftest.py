"""Fixtures of the validation engine tests: a valid record, fixed options (today, reference data)."""

from __future__ import annotations

import pytest

from plugin.core.i18n import use_language
from plugin.core.schema import load_schema
from plugin.core.validation import ValidationOptions, check_record
from tests.unit.validation.helpers import TODAY, TYPOLOGIES, VALID


@pytest.fixture(autouse=True)
def english():
    """Messages in English (the source strings) whatever the translations shipped."""
    use_language("en")
    yield
    use_language("fr")


@pytest.fixture(scope="session")
def options() -> ValidationOptions:
    """Fixed date, the bundled reference data, a small typologie list (the bundled one is tested apart)."""
    return ValidationOptions(today=TODAY, typologies=TYPOLOGIES)


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
