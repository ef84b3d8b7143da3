"""The point of a lieu from its latitude/longitude text, and back."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plugin.core.coordinates import format_coordinate, parse_coordinate, point_of, points_of_columns, same_coordinate

# coordinate-like texts: numbers written every which way, with spaces, signs, commas, exponents, words
_COORDINATE_TEXT = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.from_regex(r"\s?[+-]?\d{0,3}([.,]\d{0,8})?\s?", fullmatch=True),
    st.sampled_from(["", " ", "N/A", "1e5", "nan", "inf", "-inf", "95", "-181", "180", "90.0", ".5", "+2."]),
    st.text(max_size=6),
)


@pytest.mark.parametrize(
    "text, expected",
    [("43.52609", 43.52609), ("-1.5", -1.5), (" 5 ", 5.0), ("+2.", 2.0), (".5", 0.5)],
)
def test_numbers_written_the_standard_way(text, expected):
    assert parse_coordinate(text) == expected


@pytest.mark.parametrize("text", ["", None, "43,52609", "N/A", "1e5", "nan", "inf", "43.5.2"])
def test_anything_else_is_not_a_coordinate(text):
    assert parse_coordinate(text) is None


def test_point_of_a_record():
    assert point_of({"latitude": "43.52609", "longitude": "5.41423"}) == (5.41423, 43.52609)
    assert point_of({"latitude": "43.52609", "longitude": ""}) is None
    assert point_of({"latitude": "43,52609", "longitude": "5.41423"}) is None
    assert point_of({"latitude": "95", "longitude": "5"}) is None  # out of range: no point, the validator tells
    assert point_of({}) is None


def test_format_and_compare():
    assert format_coordinate(43.526090000000003) == "43.52609"
    assert format_coordinate(5.123456789) == "5.123457"
    assert format_coordinate(2.0) == "2"
    assert same_coordinate("43.52609", 43.5260901)
    assert not same_coordinate("43.5261", 43.52609)
    assert not same_coordinate("", 1.0)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.one_of(st.none(), _COORDINATE_TEXT),
            st.one_of(st.none(), _COORDINATE_TEXT),
        ),
        max_size=30,
    )
)
def test_points_of_columns_equals_point_of_per_record(pairs):
    latitudes = [lat for lat, _ in pairs]
    longitudes = [lon for _, lon in pairs]
    expected = [point_of({"latitude": lat, "longitude": lon}) for lat, lon in pairs]
    assert points_of_columns(latitudes, longitudes) == expected
