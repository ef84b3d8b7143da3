"""The weekly grid of the opening-hours editor ↔ the OSM string."""

import pytest

from plugin.core.hours_grid import hours_from_week, week_from_hours

H = 60


@pytest.mark.parametrize(
    "text",
    [
        "Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00",
        "Mo,We 10:00-12:00",
        "Tu 14:00-17:00",
        "24/7",
        "Mo-Su 08:00-20:00",
    ],
)
def test_plain_weekly_strings_round_trip(text):
    week = week_from_hours(text)
    assert week is not None
    assert hours_from_week(week) == text


def test_grid_of_a_string():
    week = week_from_hours("Mo-Fr 09:00-12:00,14:00-18:30; We off")
    assert week[0] == [(9 * H, 12 * H), (14 * H, 18 * H + 30)]
    assert week[2] == []  # a later rule replaces the day (OSM semantics)
    assert week[5] == week[6] == []
    assert week_from_hours("") == [[] for _ in range(7)]


@pytest.mark.parametrize("text", ["Mo 09:00-12:00 \"sur rdv\"", "Jan-Jun Mo 09:00-12:00", "PH off", "Mo 9-12"])
def test_strings_the_grid_cannot_show(text):
    assert week_from_hours(text) is None


def test_closed_every_day_is_empty():
    assert hours_from_week([[] for _ in range(7)]) == ""


def test_days_with_the_same_hours_share_a_rule():
    week = [[(9 * H, 12 * H)]] * 3 + [[]] + [[(9 * H, 12 * H)]] + [[]] + [[(10 * H, 11 * H)]]
    assert hours_from_week(week) == "Mo-We,Fr 09:00-12:00; Su 10:00-11:00"
