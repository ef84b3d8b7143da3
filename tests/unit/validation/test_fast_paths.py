"""Fast paths of the engine give exactly what the general code gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from plugin.core.validation.fixes import fix_phone, fix_phone_by_parsing

SEPARATOR = st.sampled_from(["", " ", ".", "-"])


@settings(max_examples=400, deadline=None)
@given(
    digits=st.text(alphabet="0123456789", min_size=8, max_size=8),
    first=st.sampled_from("123456789"),
    separators=st.lists(SEPARATOR, min_size=4, max_size=4),
    padding=st.sampled_from(["", " "]),
    strict=st.booleans(),
)
def test_national_french_numbers_are_fixed_as_phonenumbers_parses_them(digits, first, separators, padding, strict):
    groups = [digits[i : i + 2] for i in range(0, 8, 2)]
    value = padding + "0" + first + "".join(sep + group for sep, group in zip(separators, groups)) + padding

    def accept(e164: str) -> bool:
        return not strict or e164[3] != "9"  # a pattern that refuses some numbers: the fallbacks are tried

    assert fix_phone(value, "FR", accept) == fix_phone_by_parsing(value, "FR", accept)
