"""Offline places for "Autour de…" and the cards of the result list."""

from __future__ import annotations

import pytest

from plugin.core.orientation.cards import display_phone, format_distance, lieu_card_html, results_html, safe_url
from plugin.core.orientation.places import find_communes
from plugin.core.reference import distance_km

pytestmark = pytest.mark.usefixtures("english")


@pytest.mark.parametrize(
    ("text", "insee"),
    [("Martigues", "13056"), ("13500", "13056"), ("13056", "13056"), ("saint etienne", "42218"), ("2A004", "2A004")],
)
def test_communes_by_name_postal_code_or_insee_code(text, insee):
    places = find_communes(text)
    assert places[0].code_insee == insee
    assert places[0].kind == "commune"


def test_a_commune_is_placed_at_its_centroid():
    gap = find_communes("Gap")[0]
    assert gap.code_insee == "05061"
    assert distance_km(gap.longitude, gap.latitude, 6.0794, 44.5594) < 5  # Gap town centre
    assert "INSEE 05061" in gap.label


def test_shared_postal_code_offers_every_commune():
    places = find_communes("05000")
    assert len(places) > 1 and places[0].code_insee == "05061"  # the largest first
    assert find_communes("rue de la République Marseille") == []  # an address: the online geocoder's job


RECORD = {
    "nom": "Espace <numérique> & co",
    "adresse": "12 rue de la Paix",
    "code_postal": "13001",
    "commune": "Marseille",
    "services": "Aide aux démarches administratives|Accès internet et matériel informatique",
    "telephone": "+33491234567",
    "horaires": "Mo-Fr 09:00-12:00",
    "prise_rdv": "https://rdv.example.org/lieu?id=1&x=2",
    "site_web": "javascript:alert(1)|https://lieu.example.org",
}


def test_card_shows_what_a_prescripteur_needs_and_escapes_the_rest():
    html = lieu_card_html(RECORD, 7, 2.345)
    assert '<a href="lieu:7"><b>Espace &lt;numérique&gt; &amp; co</b></a>' in html
    assert "2.3 km" in html
    assert "12 rue de la Paix, 13001 Marseille" in html
    assert "Aide aux démarches administratives, Accès internet et matériel informatique" in html
    assert "04 91 23 45 67" in html
    assert "From Monday to Friday: from 9:00 to 12:00" in html
    assert 'href="https://rdv.example.org/lieu?id=1&amp;x=2">Book an appointment</a>' in html
    assert "javascript" not in html
    assert 'href="https://lieu.example.org">Website</a>' in html


def test_invalid_hours_are_flagged_in_the_card():
    html = lieu_card_html(dict(RECORD, horaires="Lundi 9h-12h"), 0)
    assert "not in the OpenStreetMap format" in html


def test_helpers():
    assert safe_url(" https://a.fr/x ") == "https://a.fr/x"
    assert safe_url("file:///etc/passwd") is None and safe_url("www.a.fr") is None
    assert display_phone("0491234567") == "04 91 23 45 67"
    assert display_phone("n/a") == "n/a"
    assert format_distance(0.234) == "230 m" and format_distance(12.4) == "12 km" and format_distance(None) == ""


def test_result_list_pages():
    records = [dict(RECORD, nom=f"Lieu {i}") for i in range(5)]
    html = results_html(records, [0, 1], [None, None], 5)
    assert "Lieu 0" in html and "Lieu 1" in html and "Lieu 2" not in html
    assert 'href="more:results"' in html and "Show more (2 of 5)" in html
    assert "No lieu matches" in results_html(records, [], [], 0)
