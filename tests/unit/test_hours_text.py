"""`horaires` put into words (English source strings; the French comes from the translation catalogue)."""

import pytest

from plugin.core import i18n
from plugin.core.hours_text import describe_hours, hours_in_words

pytestmark = pytest.mark.usefixtures("english")


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (
            "Mo-Fr 09:00-12:00,14:00-18:00; Sa 08:30-12:00; PH off",
            "From Monday to Friday: from 9:00 to 12:00 and from 14:00 to 18:00; Saturday: from 8:30 to 12:00; "
            "Public holidays: closed",
        ),
        # the override of ";" is resolved before wording
        (
            "Mo-Fr 09:00-18:00; We 09:00-12:00",
            "Monday, Tuesday, Thursday and Friday: from 9:00 to 18:00; Wednesday: from 9:00 to 12:00",
        ),
        ("Mo-Sa 22:00-02:00", "From Monday to Saturday: from 22:00 to 2:00 the next day"),
        ("week 01-53/2 Mo 10:00-12:00", "Odd weeks, Monday: from 10:00 to 12:00"),
        ("week 2-52/2 Tu 09:00-12:00", "Even weeks, Tuesday: from 9:00 to 12:00"),
        (
            "Mo-Fr 10:00-18:00; Jul-Aug off",
            "From January to June and from September to December, from Monday to Friday: from 10:00 to 18:00",
        ),
        ("24/7", "Open 24/7"),
        ('Mo-Fr 09:00-12:00 "sur RDV"', "From Monday to Friday: from 9:00 to 12:00 (sur RDV)"),
        ("Tu[1,3] 10:00-12:00", "The first and third Tuesday of the month: from 10:00 to 12:00"),
        ("Tu[-1] 14:00-16:00", "The last Tuesday of the month: from 14:00 to 16:00"),
        (
            'Mo-Fr 09:00-17:00 || "sur rendez-vous"',
            "From Monday to Friday: from 9:00 to 17:00; Otherwise: sur rendez-vous",
        ),
        ("Mo 10:00-12:00; Dec 25 off", "Monday: from 10:00 to 12:00; On December 25: closed"),
        ("Jul 14-Aug 15 off", "From July 14 to August 15: closed"),
        ("Mo-Su 09:00-18:00", "Every day: from 9:00 to 18:00"),
        ("Mo-Fr 00:00-24:00", "From Monday to Friday: all day"),
        ("Mo-Fr 09:00+", "From Monday to Friday: from 9:00 onwards"),
        ("Mo-Sa 08:00-12:00; Sa unknown", "From Monday to Friday: from 8:00 to 12:00; Saturday: hours not known"),
        ("Sa-Mo 10:00-12:00", "Monday, Saturday and Sunday: from 10:00 to 12:00"),
        ("mo-fr 9:00-12:00", "From Monday to Friday: from 9:00 to 12:00"),
        (
            'Mo 10:00-12:00 "a;b, c"; Tu 10:00-11:00',
            "Monday: from 10:00 to 12:00 (a;b, c); Tuesday: from 10:00 to 11:00",
        ),
    ],
)
def test_hours_in_words(value, words):
    described = describe_hours(value)
    assert described.valid
    assert described.text == words


def test_syntax_without_words_is_shown_as_written():
    described = describe_hours("Mo-Fr 12:00-16:00/02:00")
    assert described.valid and described.text == "Mo-Fr 12:00-16:00/02:00"


def test_invalid_and_missing_hours_are_flagged():
    invalid = describe_hours("Lundi au vendredi 9h-12h")
    assert not invalid.valid
    assert invalid.text == "Opening hours not in the OpenStreetMap format: Lundi au vendredi 9h-12h"
    missing = describe_hours("  ")
    assert not missing.valid and missing.empty
    assert hours_in_words(None) == "Opening hours not given"


def test_multiline_has_one_line_per_rule():
    assert (
        describe_hours("Mo 10:00-12:00; Tu 14:00-15:00").multiline
        == "Monday: from 10:00 to 12:00\nTuesday: from 14:00 to 15:00"
    )


def test_translation_templates_are_used(monkeypatch):
    french = {
        "from {first_day} to {last_day}": "du {first_day} au {last_day}",
        "Monday": "lundi",
        "Friday": "vendredi",
        "from {start} to {end}": "de {start} à {end}",
        "{hour}:00": "{hour} h",
        "{hour}:{minute}": "{hour} h {minute}",
        "{when}: {what}": "{when} : {what}",
    }
    monkeypatch.setattr(i18n, "_active", lambda context, text: french.get(text, text))
    assert hours_in_words("Mo-Fr 08:30-12:00") == "Du lundi au vendredi : de 8 h 30 à 12 h"
