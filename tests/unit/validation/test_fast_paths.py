"""Fast paths of the engine give exactly what the general code gives."""

from __future__ import annotations

import phonenumbers
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


@settings(max_examples=3000, deadline=None)
@given(st.from_regex(r"[1-9][0-9]{8}", fullmatch=True) | st.from_regex(r"[0-9]{1,12}", fullmatch=True))
def test_french_validity_is_phonenumbers_own(significant):
    from plugin.core.validation.fixes import french_number_is_valid

    number = phonenumbers.PhoneNumber(country_code=33, national_number=int(significant))
    expected = phonenumbers.is_valid_number(number) and phonenumbers.national_significant_number(number) == significant
    assert french_number_is_valid(significant) == expected


def test_french_validity_on_every_three_digit_prefix():
    from plugin.core.validation.fixes import french_number_is_valid

    for prefix in range(100, 1000):
        for tail in ("000000", "123456", "999999", "505050"):
            significant = f"{prefix}{tail}"
            number = phonenumbers.PhoneNumber(country_code=33, national_number=int(significant))
            assert french_number_is_valid(significant) == phonenumbers.is_valid_number(number), significant
