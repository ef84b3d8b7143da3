"""Every user message of the readers and writers reaches the translators (pylupdate5 extracts it).

pylupdate5 only extracts ``translate("Context", "text")`` calls whose context and text are string literals,
and silently skips a call whose last argument is followed by a trailing comma: both are checked here.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

MODULES = [
    *(f"plugin/core/readers/{name}.py" for name in ("__init__", "detection", "text_decoding", "csv_reader",
                                                    "json_reader", "xlsx_reader", "gpkg_reader")),
    "plugin/core/writers.py",
]
STRING = r'"(?:[^"\\\n]|\\.)*"'
CALL = re.compile(r"translate\(\s*(?P<context>" + STRING + r")\s*,\s*(?P<text>(?:" + STRING + r"\s*)+)(?P<end>,?\s*\))")


def source_messages(text: str) -> set[tuple[str, str]]:
    messages = set()
    for match in CALL.finditer(text):
        assert not match.group("end").startswith(","), f"trailing comma hides a message: {match.group(0)[:80]}"
        parts = re.findall(STRING, match.group("text"))
        messages.add((match.group("context").strip('"'), "".join(part[1:-1] for part in parts)))
    return messages


@pytest.mark.parametrize("module", MODULES)
def test_translate_calls_use_literals(repo_root, module):
    text = (repo_root / module).read_text(encoding="utf-8")
    assert not re.search(r"translate\(\s*[^\s\"]", text), "translate() needs a literal context and text"
    assert len(CALL.findall(text)) == text.count("translate(")


@pytest.mark.parametrize("module", MODULES)
def test_pylupdate5_extracts_every_message(repo_root, module, tmp_path):
    if not shutil.which("pylupdate5"):
        pytest.skip("pylupdate5 not installed")
    expected = source_messages((repo_root / module).read_text(encoding="utf-8"))
    catalogue = tmp_path / "out.ts"
    subprocess.run(["pylupdate5", str(repo_root / module), "-ts", str(catalogue)], check=True, capture_output=True)
    extracted = {
        (context.findtext("name"), message.findtext("source"))
        for context in ET.parse(catalogue).getroot().iter("context")
        for message in context.iter("message")
    }
    assert expected and expected == extracted
