"""Generated garbage through the whole command line (issue 13): read, validate, every report, the corrected copy.

Whatever the bytes — random, or a CSV/JSON built from hostile pieces (formulas, ANSI escapes, lone surrogate
escapes, NUL bytes, ``sep=`` lines, huge numbers, unclosed quotes, deep nesting) — the run:

* never ends in an internal error (exit code 3) nor prints a traceback: 0, 1 or 2 with a message;
* never modifies its input, and leaves no temporary file beside its outputs;
* stays under a memory bound (Python allocations traced with tracemalloc, per example);
* writes CSV outputs (the corrected copy aside: it is the data) whose cells never start a formula.

The largest peak seen is kept in ``PEAKS`` (printed with ``-s``) for the closing note of the issue.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import tracemalloc
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plugin.core import cli

MEMORY_BOUND = 256 * 2**20  # per example: inputs are a few kB, the engine and the reports must stay far below
PEAKS: list[int] = []
EXAMPLES = int(os.environ.get("MEDNUM_FUZZ_EXAMPLES", "25"))  # more for a long run: MEDNUM_FUZZ_EXAMPLES=2000
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                derandomize=EXAMPLES <= 25)

HOSTILE = [
    "=1+1", "-2+3", "+33123456789", "@SUM(A1)", '=HYPERLINK("http://x";"y")', "\t=cmd", "\x1b[2J", "\x1b]0;t\x07",
    "\r", "\u202e", "\x00", "sep=;", "9" * 5000, '"', '""', "\ufffd", "Médiathèque", "", " ", "|", ";", ",",
    "75056", "13001", "2A004", "43.29", "5.37", "0102030405", "https://a.fr", "Mo-Fr 09:00-12:00", "2025-01-10",
]
FIELDS = ["id", "nom", "commune", "code_postal", "adresse", "latitude", "longitude", "pivot", "date_maj", "services",
          "telephone", "site_web", "horaires", "autre", ""]

cells = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=30))
rows = st.lists(st.lists(cells, min_size=0, max_size=8), min_size=0, max_size=12)


@st.composite
def csv_bytes(draw) -> tuple[bytes, str]:
    header = draw(st.lists(st.sampled_from(FIELDS), min_size=1, max_size=8))
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    lines = [delimiter.join(header)] + [delimiter.join(row) for row in draw(rows)]
    if draw(st.booleans()):
        lines.insert(0, f"sep={delimiter}")
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
    text = draw(st.sampled_from(["\n", "\r\n", "\r"])).join(lines)
    return text.encode(encoding, errors="replace"), draw(st.sampled_from([".csv", ".txt", ".tsv"]))


@st.composite
def json_bytes(draw) -> tuple[bytes, str]:
    keys = st.sampled_from(FIELDS)
    values = st.one_of(cells, st.integers(), st.floats(allow_nan=False), st.none(), st.booleans(),
                       st.lists(cells, max_size=3))
    records = draw(st.lists(st.dictionaries(keys, values, max_size=8), max_size=10))
    text = json.dumps(records, ensure_ascii=draw(st.booleans()))
    if draw(st.booleans()):
        text = text.replace("M\\u00e9", "\\ud800").replace("Mé", "\\udc00")  # lone surrogate escapes
    if draw(st.booleans()):
        depth = draw(st.integers(1, 3000))
        text = "[" * depth + text + "]" * depth
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]  # truncated
    return text.encode("utf-8", errors="surrogatepass"), draw(st.sampled_from([".json", ".geojson"]))


raw = st.tuples(st.binary(max_size=3000), st.sampled_from([".csv", ".json", ".xlsx", ".gpkg", ".geojson", ""]))
inputs = st.one_of(csv_bytes(), json_bytes(), raw)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@FUZZ
@given(inputs, st.sampled_from(["text", "json", "html"]))
def test_garbage_never_breaks_the_command_line(case, fmt):
    data, extension = case
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        source = folder / f"entree{extension}"
        source.write_bytes(data)
        before = _digest(source)
        report, fixed = folder / f"rapport.{fmt}", folder / "corrige.csv"
        tracemalloc.start()
        try:
            code = cli.main(["validate", str(source), "--format", fmt, "-o", str(report), "--fix", str(fixed),
                             "--lang", "fr"])
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        PEAKS.append(peak)
        assert code in (0, 1, 2), code  # 3 would be an internal error
        assert peak < MEMORY_BOUND
        assert _digest(source) == before  # the input is never modified
        left = sorted(p.name for p in folder.iterdir())
        assert set(left) <= {source.name, report.name, fixed.name}, left  # no temporary file left behind
        if code != 2:
            assert report.exists()
            text = report.read_text(encoding="utf-8")
            if fmt == "text":
                assert not [c for c in text if ord(c) < 32 and c not in "\n\t"]  # no control character of the data


def test_the_peak_memory_of_the_fuzz_run_is_reported(capsys):
    """Run after the fuzz test (same module): the figure for the issue's closing note."""
    if PEAKS:
        with capsys.disabled():
            print(f"\nfuzz: {len(PEAKS)} runs, largest Python peak {max(PEAKS) / 2**20:.1f} MB")
        assert max(PEAKS) < MEMORY_BOUND
