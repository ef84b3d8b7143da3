"""RE2 proofs of clean cells (pyarrow's regex engine): they never accept a cell the Python clean regex rejects."""

from __future__ import annotations

import re
import string
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench import generate
from plugin.core.columns import proven_clean
from plugin.core.readers import read_table
from plugin.core.schema import load_schema
from plugin.core.validation import ValidationOptions, validator_for
from plugin.core.validation.rules.cells import FREE_TEXT_BODY
from plugin.core.validation.rules.re2_proof import ASCII_WHITESPACE, UNICODE_WHITESPACE, CleanProof, re2_pattern
from tests.unit.validation.helpers import TODAY, TYPOLOGIES, VALID

SCHEMA = load_schema()
REPO_ROOT = Path(__file__).resolve().parents[3]
QUALITY = {True: ValidationOptions(today=TODAY), False: ValidationOptions(today=TODAY, quality=False)}

# Fields whose fast path must not be lost silently (quality on and off)
PROVEN_FIELDS = (
    "id", "nom", "commune", "adresse", "code_postal", "code_insee", "latitude", "longitude", "telephone",
    "courriels", "site_web", "typologie", "pivot", "services", "source", "presentation_resume",
) + tuple(spec.name for spec in SCHEMA.fields if spec.enum)

# Characters where Python's re and RE2 differ, or that the rules care about
TRICKY = (
    string.ascii_letters[:8] + "WXZ" + string.digits + "|\",;=+-@./:#_()'!?&%~*$^[]{}\\"
    + " \t\n\r\x0b\x0c\x1c\x85\xa0\u2028\u3000\u0660\uff10éÉ«»\ufffd"
)


def _checks(quality: bool) -> dict:
    return validator_for(SCHEMA, QUALITY[quality]).cell_checks


def _building_blocks(spec) -> list[str]:
    blocks = [value for value in VALID.values()] + list(spec.enum) + list(TYPOLOGIES)
    blocks += [spec.example or "", "+33180059880", "W751234567", "43493312300029", "a@b.fr", "https://x.fr/"]
    return [block for block in blocks if block]


def _values(spec):
    piece = st.one_of(st.text(alphabet=TRICKY, max_size=6), st.sampled_from(_building_blocks(spec)))
    return st.lists(piece, min_size=1, max_size=4).map("".join)


def _assert_sound(check, values, name: str) -> tuple[int, int]:
    """Proof accepts ⇒ clean regex fullmatches, on every value (one pyarrow array). → (accepted, clean)."""
    accepted = proven_clean(pa.array(values, pa.string()), check.proof).tolist()
    hidden = [value for value, ok in zip(values, accepted) if ok and not check.clean.fullmatch(value)]
    assert not hidden, (name, hidden[:5])
    return sum(accepted), sum(check.clean.fullmatch(value) is not None for value in values)


# ── The translator ───────────────────────────────────────────────────────────────────────────────────────


def test_unicode_whitespace_is_every_code_point_python_s_matches():
    space, ascii_space = re.compile(r"\s"), re.compile(r"\s", re.ASCII)
    points = [chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF]
    assert [ord(c) for c in points if space.fullmatch(c)] == list(UNICODE_WHITESPACE)
    assert [ord(c) for c in points if ascii_space.fullmatch(c)] == list(ASCII_WHITESPACE)


def _re2(pattern: str, values: list[str], flags: int = 0) -> list[bool]:
    translated = re2_pattern(pattern, flags)
    assert translated is not None, pattern
    return proven_clean(pa.array(values, pa.string()), CleanProof((translated,), None, False)).tolist()


@pytest.mark.parametrize(
    "pattern",
    [r"a(?=b)b", r"a(?!c)", r"(?<=a)b", r"(a)\1", r"a\Z", r"\Aa", r"\ba", r"(?i)a", r"(?m)^a$", r"(?i:a)",
     r"[^\d]", r"\D", r"\W", r"[^\w]", r"a*+", r"(?>a)", r"(a)?(?(1)b|c)", r"a{1001}", r"[^\x00-\U0010ffff]"],
)
def test_untranslatable_constructs_give_up(pattern):
    assert re2_pattern(pattern) is None


def test_negated_classes_exclude_every_python_space():
    values = [" ", "\t", "\x0b", "\x1c", "\x85", "\xa0", "\u2028", "\u3000", "a", "é"]
    assert _re2(r"[^\s]", values) == [False] * 8 + [True, True]
    assert _re2(r"\S", values) == [False] * 8 + [True, True]
    # ASCII flag: only the ASCII spaces (\v included, unlike RE2's \s)
    assert _re2(r"(?a:[^\s])", values) == [False, False, False, True, True, True, True, True, True, True]
    assert _re2(FREE_TEXT_BODY, ["x", "x\xa0", "\u3000x", "=x", "-x", "x\ufffdy", "a b\nc"], re.DOTALL) == [
        True, False, False, False, False, False, True]


def test_escapes_non_ascii_and_anchors_keep_their_meaning():
    assert _re2(r"\(a\|b\-c\.\)", ["(a|b-c.)", "(a|b-cx)"]) == [True, False]
    assert _re2(r"Étudiants|Formé à « x »", ["Étudiants", "Formé à « x »", "Etudiants", "Formé à «\xa0x\xa0»"]) == [
        True, True, False, False]
    assert _re2(r"a$", ["a", "a\n"]) == [True, False]  # Python's $ also holds before a final \n: stricter
    assert _re2(r"a.b", ["axb", "a\nb", "aéb"]) == [True, False, True]
    assert _re2(r"a.b", ["a\nb"], re.DOTALL) == [True]
    assert _re2(r"[^x]", ["\n", "x", "é"]) == [True, False, True]
    assert _re2(r"\d{2}\w", ["12a", "\u0660\u0661a", "12é"]) == [True, False, False]  # ASCII: stricter


_ATOMS = st.sampled_from(
    [re.escape(c) for c in "ab|.-(é\n\xa0 "] + [".", r"\d", r"\w", r"\s", r"\S", r"\D", r"\W", "^", "$",
                                              "[^a\\s]", "[a-c\\d]", "[^\\-|]", "[\\w.]", "[^\\S\\n]"]
)


def _combine(children):
    return st.one_of(
        st.lists(children, min_size=1, max_size=3).map("".join),
        st.lists(children, min_size=2, max_size=3).map(lambda parts: "(?:" + "|".join(parts) + ")"),
        st.tuples(children, st.sampled_from(["*", "+", "?", "{1,3}", "*?", "{2}"])).map(lambda p: f"(?:{p[0]}){p[1]}"),
        children.map(lambda p: f"(?a:{p})"),
        children.map(lambda p: f"({p})"),
    )


PATTERNS = st.recursive(_ATOMS, _combine, max_leaves=8)


@settings(max_examples=300, deadline=None)
@given(pattern=PATTERNS, flags=st.sampled_from([0, re.DOTALL, re.ASCII]),
       values=st.lists(st.text(alphabet="ab|.-(é\n\xa0 \u30001_c\u0660", max_size=6), min_size=1, max_size=25))
def test_a_translated_pattern_never_accepts_what_python_rejects(pattern, flags, values):
    translated = re2_pattern(pattern, flags)
    if translated is None:
        return
    compiled = re.compile(pattern, flags)
    accepted = proven_clean(pa.array(values, pa.string()), CleanProof((translated,), None, False)).tolist()
    for value, ok in zip(values, accepted):
        assert not ok or compiled.fullmatch(value), (pattern, translated, value)


# ── The proofs of the schema's fields ────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("quality", [True, False])
def test_the_fast_path_exists_for_the_common_fields(quality):
    checks = _checks(quality)
    missing = [name for name in PROVEN_FIELDS if checks[name].proof is None]
    assert not missing
    for spec in SCHEMA.fields:  # and only where the clean regex exists
        assert (checks[spec.name].proof is None) >= (checks[spec.name].clean is None), spec.name


@pytest.mark.parametrize("quality", [True, False])
@pytest.mark.parametrize("name", SCHEMA.field_names)
def test_a_proven_cell_is_clean(name, quality):
    check = _checks(quality)[name]
    if check.proof is None:
        return
    spec = SCHEMA.field(name)

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(values=st.lists(_values(spec), min_size=1, max_size=40))
    def proven_cells_are_clean(values):
        _assert_sound(check, values, name)

    proven_cells_are_clean()


def _file_values(path) -> list[str]:
    table = read_table(path)
    return sorted({value for key in table.columns for value in table.column(key)})


def test_proven_cells_of_the_samples_are_clean(samples):
    files = sorted(path for path in samples.iterdir() if path.suffix in (".csv", ".json"))
    assert files
    values = sorted({value for path in files for value in _file_values(path)})
    for quality in (True, False):
        for name, check in _checks(quality).items():
            if check.proof is not None:
                _assert_sound(check, values, name)  # every field's proof over every column's values


@pytest.fixture(scope="module")
def bench_table(tmp_path_factory):
    path = tmp_path_factory.mktemp("bench") / "lieux.csv"
    generate.generate(path, rows=5000, seed=generate.DEFAULT_SEED)
    return read_table(path)


def test_proven_cells_of_bench_data_are_clean_and_most_clean_cells_are_proven(bench_table):
    every_value = sorted({value for key in bench_table.columns for value in bench_table.column(key)})
    ratios = {}
    for quality in (True, False):
        for name, check in _checks(quality).items():
            if check.proof is None:
                continue
            _assert_sound(check, every_value, name)
            accepted, clean = _assert_sound(check, bench_table.column(name), name)
            ratios[quality, name] = accepted / clean if clean else None
    # the fast path is worth it: at least 95% of the cells the clean regex accepts are proven in bulk
    low = {key: ratio for key, ratio in ratios.items() if key[1] in PROVEN_FIELDS and not (ratio or 0) >= 0.95}
    assert not low


def test_building_the_proofs_does_not_import_pyarrow():
    code = ("import sys\nfrom plugin.core.schema import load_schema\n"
            "from plugin.core.validation import ValidationOptions, validator_for\n"
            "checks = validator_for(load_schema(), ValidationOptions()).cell_checks\n"
            "assert checks['nom'].proof is not None\nassert 'pyarrow' not in sys.modules\n")
    subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, check=True)
