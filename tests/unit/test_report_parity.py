"""Every file of the shared data and of samples/ gets the same report, byte for byte, whatever holds its cells: Arrow
arrays (a regular CSV read by pyarrow), Python lists (the Python reader), or a process where pyarrow cannot be
imported at all."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from plugin.core import readers
from plugin.core.validation import ValidationOptions, validate_table
from plugin.core.validation.duplicates import DuplicateSettings
from plugin.core.validation.engine import clear_caches
from tests.conftest import SHARED_DATA
from tests.unit.arrow_paths import python_read

REPO = Path(__file__).resolve().parents[2]
FILES = sorted(path for root in (SHARED_DATA, REPO / "samples") if root.is_dir() for path in root.rglob("*")
               if path.is_file())
OPTIONS = {
    "default": ValidationOptions(language="fr", today=None),
    "schema-only": ValidationOptions(language="fr", quality=False),
    "english-any-case": ValidationOptions(language="en", ignore_header_case=True),
    "duplicates": ValidationOptions(language="fr", duplicates=DuplicateSettings()),
}


def report_bytes(read, path: Path, options: ValidationOptions) -> bytes:
    """The JSON report of ``path`` (or its read error), as bytes."""
    try:
        table = read(path)
    except readers.ReadError as exc:
        return f"ReadError: {exc}".encode()
    clear_caches()
    return json.dumps(validate_table(table, options=options).to_dict(), ensure_ascii=False).encode()


def test_the_shared_files_are_there():
    names = {path.name for path in FILES}
    assert {"bad.csv", "hub-du-sud-paca-2023.json", "communes.csv"} <= names, names


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_a_file_gets_the_same_report_on_arrow_arrays_and_python_lists(path):
    pytest.importorskip("pyarrow")
    for name, options in OPTIONS.items():
        assert report_bytes(readers.read_table, path, options) == report_bytes(python_read, path, options), name


_WITHOUT_PYARROW = """
import json, sys
sys.modules["pyarrow"] = None  # `import pyarrow` now fails, as where it is not installed
sys.path.insert(0, {root!r})
from plugin.core import readers
from plugin.core.validation import ValidationOptions, validate_table
out = {{}}
for path in {paths!r}:
    try:
        table = readers.read_table(path)
    except readers.ReadError as exc:
        out[path] = "ReadError: " + str(exc)
        continue
    out[path] = json.dumps(validate_table(table, options=ValidationOptions(language="fr")).to_dict(),
                           ensure_ascii=False)
assert not any(name.startswith("pyarrow.") for name in sys.modules)
print(json.dumps(out))
"""


def test_without_pyarrow_every_file_gets_the_same_report():
    paths = [str(path) for path in FILES]
    done = subprocess.run([sys.executable, "-c", _WITHOUT_PYARROW.format(root=str(REPO), paths=paths)],
                          capture_output=True, text=True, timeout=600, cwd=REPO)
    assert done.returncode == 0, done.stderr[-3000:]
    reports = json.loads(done.stdout)
    options = ValidationOptions(language="fr")
    for path in FILES:
        assert reports[str(path)].encode() == report_bytes(readers.read_table, path, options), path.name
