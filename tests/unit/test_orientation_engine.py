"""The orientation engine against an independent plain-Python oracle, on the shared samples.

The oracle below re-reads the records one by one for every question (no index, no bitset, no cache): it
is slow and obviously right. The engine must give the same matches, the same live counts per option,
the same hours counts and the same ranking.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import re
import unicodedata
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from opening_hours import OpeningHours, State

from plugin.core.orientation import GROUP_FIELDS, Around, OrientationEngine, Query, parse_moment
from plugin.core.readers import read_table

# ----------------------------------------------------------------------------- records


@pytest.fixture(scope="module")
def paca(samples):
    return read_table(samples / "hub-du-sud-paca-2023.json").rows


TYPOLOGIES = ["BIB", "CCAS", "ASSO", "TIERS_LIEUX", "MUNI", "FRANCE_SERVICES_TYPO_INCONNUE"]
HOURS_VARIANTS = [
    "Mo-Fr 09:00-12:00,14:00-18:00; PH off",
    "Fr 22:00-02:00",
    "week 01-53/2 Mo 10:00-12:00",
    "Mo-Fr 9h-12h",  # invalid
    "Mo-Sa 08:00-12:00; Sa unknown",
    "24/7",
    "",
]


@pytest.fixture(scope="module")
def varied(paca):
    """PACA plus what it lacks: typologie, itinerance, non-standard values, overseas lieux, odd hours."""
    rng = random.Random(20240715)
    records = []
    for i, record in enumerate(paca):
        record = dict(record)
        if rng.random() < 0.6:
            record["typologie"] = "|".join(rng.sample(TYPOLOGIES, rng.randint(1, 2)))
        if rng.random() < 0.5:
            record["itinerance"] = rng.choice(["Fixe", "Itinérant", "Fixe|Itinérant", " Fixe"])
        if rng.random() < 0.1:
            record["services"] = (record.get("services", "") + "|Accéder à du matériel").strip("|")
        if rng.random() < 0.3:
            record["horaires"] = rng.choice(HOURS_VARIANTS)
        if rng.random() < 0.05:
            record["code_postal"] = "97411"
            record["latitude"], record["longitude"] = "-20.9", "55.5"
        if rng.random() < 0.03:
            record["latitude"] = ""
        if i % 50 == 0:
            record["nom"] = record.get("nom", "").upper()
        records.append(record)
    return records


# ----------------------------------------------------------------------------- the oracle

OVERSEAS = {"971": "America/Guadeloupe", "972": "America/Martinique", "973": "America/Cayenne",
            "974": "Indian/Reunion", "975": "America/Miquelon", "976": "Indian/Mayotte",
            "977": "America/St_Barthelemy", "978": "America/Marigot", "984": "Indian/Kerguelen",
            "986": "Pacific/Wallis", "987": "Pacific/Tahiti", "988": "Pacific/Noumea"}  # fmt: skip


def items(record, name):
    return {item.strip() for item in (record.get(name) or "").split("|") if item.strip()}


_state_memo: dict = {}


def oracle_state(record, moment):
    """'open', 'closed' or 'undetermined' (missing, invalid or unknown hours) at ``moment``."""
    text = (record.get("horaires") or "").strip()
    tz = OVERSEAS.get((record.get("code_postal") or "")[:3], "Europe/Paris")
    key = (text, tz, moment)
    if key not in _state_memo:
        if not text:
            _state_memo[key] = "undetermined"
        else:
            try:
                hours = OpeningHours(text, timezone=ZoneInfo(tz), country="FR")
            except Exception:
                _state_memo[key] = "undetermined"
            else:
                local = moment if moment.tzinfo is None else moment.astimezone(ZoneInfo(tz)).replace(tzinfo=None)
                state = hours.state(local)[0]
                _state_memo[key] = {State.OPEN: "open", State.CLOSED: "closed"}.get(state, "undetermined")
    return _state_memo[key]


def oracle_distance(record, lat, lon):
    try:
        la, lo = float(record.get("latitude", "")), float(record.get("longitude", ""))
    except ValueError:
        return None
    p1, p2 = math.radians(lat), math.radians(la)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lo - lon) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def oracle_matches(record, query, skip=None):
    for group, values in query.selections.items():
        if group == skip:
            continue
        have = items(record, group)
        if group == "services" and query.services_mode == "all":
            if not set(values) <= have:
                return False
        elif not have & set(values):
            return False
    if skip != "hours" and query.has_hours_filter:
        state = oracle_state(record, query.moment())
        if state == "closed" or (state == "undetermined" and not query.include_unknown_hours):
            return False
    if skip != "radius" and query.around is not None and query.around.radius_km is not None:
        distance = oracle_distance(record, query.around.latitude, query.around.longitude)
        if distance is None or distance > query.around.radius_km:
            return False
    return True


def oracle_list(records, query):
    """Matching positions, ranked as the user expects."""

    def name_key(i):
        name = records[i].get("nom", "").replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae")
        text = unicodedata.normalize("NFKD", name)
        text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
        return " ".join(re.sub(r"[^\w\s]|_", "", text).split())

    positions = [i for i, r in enumerate(records) if oracle_matches(r, query)]
    if query.around is None:
        return sorted(positions, key=lambda i: (name_key(i), records[i].get("id", "")))

    def distance_key(i):
        d = oracle_distance(records[i], query.around.latitude, query.around.longitude)
        return (math.inf if d is None else d, name_key(i), records[i].get("id", ""))

    return sorted(positions, key=distance_key)


def oracle_facet(records, query, group, value):
    """How many lieux would match if ``value`` were the group's choice (or added to 'all' services)."""
    if group == "services" and query.services_mode == "all":
        probe = query.with_selection(group, list(query.selected(group)) + [value])
    else:
        probe = query.with_selection(group, [value])
    return sum(oracle_matches(r, probe) for r in records)


# ----------------------------------------------------------------------------- comparisons


def assert_engine_matches_oracle(engine, records, query, facet_groups=GROUP_FIELDS):
    result = engine.run(query)
    expected = oracle_list(records, query)
    assert result.count == len(expected)
    assert sorted(result.indices().tolist()) == sorted(expected)
    if query.around is None:
        assert result.ranked() == expected
    else:  # distance ties may order differently within floating error; compare distances then the set
        got = result.ranked()
        lat, lon = query.around.latitude, query.around.longitude
        got_d = [oracle_distance(records[i], lat, lon) for i in got]
        exp_d = [oracle_distance(records[i], lat, lon) for i in expected]
        assert [None if d is None else round(d, 6) for d in got_d] == [
            None if d is None else round(d, 6) for d in exp_d
        ]
    for group in facet_groups:
        for value, count in result.facets[group].items():
            assert count == oracle_facet(records, query, group, value), (group, value)
    if query.has_hours_filter:
        context = [r for r in records if oracle_matches(r, query, skip="hours")]
        states = [oracle_state(r, query.moment()) for r in context]
        assert result.hours.open == states.count("open")
        assert result.hours.closed == states.count("closed")
        assert result.hours.undetermined == states.count("undetermined")
    return result


def test_empty_query_keeps_everything_ranked_by_name(paca):
    engine = OrientationEngine(paca)
    result = assert_engine_matches_oracle(engine, paca, Query())
    assert result.count == len(paca) == 646
    names = [paca[i]["nom"] for i in result.ranked(3)]
    assert names == sorted(names, key=str.casefold)


def test_services_any_and_all_on_paca(paca):
    engine = OrientationEngine(paca)
    services = ("Aide aux démarches administratives", "Insertion professionnelle via le numérique")
    any_result = assert_engine_matches_oracle(engine, paca, Query({"services": services}))
    all_result = assert_engine_matches_oracle(engine, paca, Query({"services": services}, services_mode="all"))
    assert 0 < all_result.count < any_result.count < len(paca)


def test_groups_are_anded_and_options_ored(paca):
    engine = OrientationEngine(paca)
    query = Query(
        {
            "services": ("Maîtrise des outils numériques du quotidien",),
            "frais_a_charge": ("Gratuit", "Gratuit sous condition"),
            "modalites_accompagnement": ("Dans un atelier collectif",),
        }
    )
    result = assert_engine_matches_oracle(engine, paca, query)
    assert result.count > 0
    # the facet of an unticked option says what ticking it instead would give
    payant = result.facets["frais_a_charge"]["Payant"]
    assert payant == engine.run(query.with_selection("frais_a_charge", ["Payant"])).count


def test_zero_count_options_are_reported_not_dropped(paca):
    engine = OrientationEngine(paca)
    result = engine.run(Query({"frais_a_charge": ("Payant",)}))
    group = engine.group("prise_en_charge_specifique")
    assert set(result.facets["prise_en_charge_specifique"]) >= set(group.values)
    assert len(group.options) >= 7  # every standard value is an option, even when nobody has it


def test_open_at_with_holidays_overnight_weeks_and_overseas(varied):
    engine = OrientationEngine(varied)
    for text in ("2024-07-16T10:30", "2024-05-01T10:30", "2024-07-13T01:00", "2024-01-08T11:00", "2024-01-15T11:00"):
        for include in (False, True):
            query = Query(open_at=parse_moment(text), include_unknown_hours=include)
            assert_engine_matches_oracle(engine, varied, query, facet_groups=("services", "itinerance"))


def test_open_now_is_an_instant_in_each_lieus_time_zone():
    records = [
        {"id": "paris", "nom": "Paris", "code_postal": "75001", "horaires": "Mo-Fr 09:00-12:00"},
        {"id": "reunion", "nom": "Saint-Denis", "code_postal": "97400", "horaires": "Mo-Fr 09:00-12:00"},
    ]
    engine = OrientationEngine(records)
    # Tuesday 16 July 2024, 06:00 UTC = 08:00 in Paris (closed), 10:00 in La Réunion (open)
    instant = dt.datetime(2024, 7, 16, 6, 0, tzinfo=dt.timezone.utc)
    result = engine.run(Query(open_now=True), now=instant)
    assert [records[i]["id"] for i in result.ranked()] == ["reunion"]
    # a wall-clock moment is local everywhere: 10:00 is open in both
    result = engine.run(Query(open_at=dt.datetime(2024, 7, 16, 10, 0)))
    assert result.count == 2


def test_hours_edge_cases_one_by_one():
    records = [
        {"id": "ph", "nom": "a", "horaires": "Mo-Fr 09:00-18:00; PH off"},
        {"id": "night", "nom": "b", "horaires": "Fr 22:00-02:00"},
        {"id": "odd", "nom": "c", "horaires": "week 01-53/2 Mo 10:00-12:00"},
        {"id": "bad", "nom": "d", "horaires": "Lundi au vendredi 9h-12h"},
        {"id": "none", "nom": "e", "horaires": ""},
        {"id": "unk", "nom": "f", "horaires": "Mo-Fr 09:00-12:00; Sa unknown"},
    ]
    engine = OrientationEngine(records)

    def open_ids(moment, include=False):
        result = engine.run(Query(open_at=moment, include_unknown_hours=include))
        return {records[i]["id"] for i in result.indices()}, result.hours

    # 1 May 2024 is a Wednesday and a public holiday ("unk" does not close on holidays)
    assert open_ids(dt.datetime(2024, 5, 1, 10, 0))[0] == {"unk"}
    assert open_ids(dt.datetime(2024, 5, 2, 10, 0))[0] == {"ph", "unk"}
    # Saturday 01:00 belongs to Friday night
    assert open_ids(dt.datetime(2024, 7, 13, 1, 0))[0] == {"night"}
    # week 1 of 2024 is odd (open), week 2 is even (closed)
    assert "odd" in open_ids(dt.datetime(2024, 1, 1, 11, 0))[0]
    assert "odd" not in open_ids(dt.datetime(2024, 1, 8, 11, 0))[0]
    # Saturday: "unknown" hours, missing and invalid are undetermined, kept on demand
    ids, hours = open_ids(dt.datetime(2024, 7, 13, 10, 0))
    assert ids == set()
    assert (hours.unknown, hours.missing, hours.invalid) == (1, 1, 1)
    ids, _ = open_ids(dt.datetime(2024, 7, 13, 10, 0), include=True)
    assert ids == {"bad", "none", "unk"}


def test_around_ranks_by_distance_and_cuts_at_the_radius(varied):
    engine = OrientationEngine(varied)
    marseille = Around(43.2965, 5.3698, 15.0, "Marseille")
    result = assert_engine_matches_oracle(engine, varied, Query(around=marseille), facet_groups=("services",))
    distances = [result.distance_km(i) for i in result.ranked()]
    assert distances == sorted(distances) and distances[-1] <= 15.0
    assert result.beyond_radius > 0
    # a point without radius ranks everything, lieux without coordinates last
    ranked = engine.run(Query(around=Around(43.2965, 5.3698))).ranked()
    assert len(ranked) == len(varied)
    assert not varied[ranked[-1]]["latitude"]


def test_non_standard_values_are_options_apart(varied):
    engine = OrientationEngine(varied)
    services = engine.group("services")
    extra = [o for o in services.options if not o.standard]
    assert [o.value for o in extra] == ["Accéder à du matériel"]
    assert all(o.standard for o in services.options[:9])
    # " Fixe" is the same option as "Fixe" (items are trimmed)
    assert engine.group("itinerance").values == ("Itinérant", "Fixe")
    assert engine.unknown_values(Query({"services": ("Aide aux démarches",)})) == {"services": ["Aide aux démarches"]}


def test_query_round_trips_through_json():
    query = Query(
        {"services": ("Aide aux démarches administratives",), "frais_a_charge": ("Gratuit",)},
        services_mode="all",
        open_at=dt.datetime(2024, 7, 16, 10, 0),
        include_unknown_hours=True,
        around=Around(43.3, 5.4, 10.0, "Marseille"),
    )
    assert Query.from_json(query.to_json()) == query
    assert Query.from_json(Query(open_now=True).to_json()).open_now


# ----------------------------------------------------------------------------- hypothesis

MOMENTS = [None, "2024-07-16T10:30", "2024-07-14T11:00", "2024-07-13T01:00", "2024-12-25T10:00", "2024-07-16T21:00"]


@st.composite
def queries(draw, engine):
    selections = {}
    for group in engine.groups:
        if draw(st.integers(0, 3)) == 0 and group.values:
            selections[group.field] = tuple(draw(st.lists(st.sampled_from(group.values), max_size=3, unique=True)))
    moment = draw(st.sampled_from(MOMENTS))
    around = None
    if draw(st.booleans()):
        around = Around(
            draw(st.floats(42.9, 44.5)),
            draw(st.floats(4.5, 7.5)),
            draw(st.one_of(st.none(), st.floats(1.0, 80.0))),
        )
    return Query(
        selections,
        services_mode=draw(st.sampled_from(["any", "all"])),
        open_at=parse_moment(moment) if moment else None,
        include_unknown_hours=draw(st.booleans()),
        around=around,
    )


@pytest.fixture(scope="module")
def varied_engine(varied):
    return OrientationEngine(varied)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_engine_equals_oracle_on_random_queries(varied, varied_engine, data):
    query = data.draw(queries(varied_engine))
    assert_engine_matches_oracle(varied_engine, varied, query)
