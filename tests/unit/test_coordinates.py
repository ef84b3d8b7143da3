"""The point of a lieu from its latitude/longitude text, and back."""

import pytest

from plugin.core.coordinates import format_coordinate, parse_coordinate, point_of, same_coordinate


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
