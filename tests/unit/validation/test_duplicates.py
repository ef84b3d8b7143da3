"""Probable duplicates: constructed true and near-but-distinct cases (precision/recall reported), each
criterion and its threshold, the spatial grid against all pairs, incremental = batch, the planted twins of
the bench generator, and the engine's issue stream."""

from __future__ import annotations

import itertools
import math
import random

import pytest

from plugin.core.validation import (
    DuplicateSettings,
    IncrementalValidator,
    ValidationOptions,
    find_duplicates,
    validate_records,
)
from plugin.core.validation.duplicates import (
    CODE,
    REASON_NAME,
    REASON_NAME_ADDRESS,
    REASON_PIVOT,
    DuplicateIndex,
    distance_m,
    normalised_address,
    normalised_name,
)
from tests.unit.validation.helpers import VALID

LAT, LON = 43.2965, 5.3698  # Marseille


def moved(metres_east: float = 0.0, metres_north: float = 0.0, lat: float = LAT, lon: float = LON) -> dict:
    """latitude/longitude ``metres_east`` / ``metres_north`` away from (lat, lon)."""
    new_lat = lat + metres_north / 111_195.0
    new_lon = lon + metres_east / (111_195.0 * math.cos(math.radians(lat)))
    return {"latitude": f"{new_lat:.7f}", "longitude": f"{new_lon:.7f}"}


def lieu(nom: str, adresse: str = "", pivot: str = "", east: float = 0.0, north: float = 0.0, **cells) -> dict:
    record = dict(VALID, nom=nom, adresse=adresse, pivot=pivot, code_postal="13001", **moved(east, north))
    record.update(cells)
    return record


# (description, lieu A, lieu B, expected: duplicate?)
CASES = [
    # ── true duplicates ──
    ("same SIRET, name in capitals, 20 m", lieu("Médiathèque Jules Verne", "3 rue de Rome", "43493312300029"),
     lieu("MEDIATHEQUE JULES VERNE", "3 r. de Rome", "43493312300029", east=20), True),
    ("same SIRET, other wording of the name, 60 m",
     lieu("Mairie de Marseille - accueil numérique", "", "21130055300016"),
     lieu("Accueil numérique de la mairie", "", "21130055300016", north=60), True),
    ("no pivot, same name and address written differently, 90 m",
     lieu("Centre social Saint-Charles", "12 boulevard National"),
     lieu("Centre Social St Charles", "12 bd National", east=90), True),
    ("no pivot, same name, 15 m, one address empty",
     lieu("Espace numérique du Panier", "2 place des Moulins"), lieu("Espace numérique du Panier", north=15), True),
    ("typo in the name, same address, 40 m", lieu("Médiathèque Alcazar", "58 cours Belsunce"),
     lieu("Médiatheque Alcazard", "58 cours Belsunce", east=40), True),
    ("placeholder pivot on one side, same name, 10 m",
     lieu("Cyberbase de la Joliette", "", "00000000000000"), lieu("Cyberbase de la Joliette", east=10), True),
    ("same SIRET, decimal comma in one latitude, 5 m",
     lieu("PIMMS Médiation Marseille", "", "43493312300029"),
     dict(lieu("PIMMS Médiation Marseille", "", "43493312300029", east=5),
          latitude=moved(5)["latitude"].replace(".", ",")), True),
    ("same SIRET, no coordinates, same address",
     lieu("France Services Marseille 1er", "10 rue de la République", "13000000000011"),
     lieu("France Services", "10 R DE LA REPUBLIQUE", "13000000000011", latitude="", longitude=""), True),
    # a duplicate the rules cannot see: other name, no pivot, no common address (counted as missed)
    ("different names, no pivot, 5 m (undetectable)", lieu("EPN de la Belle de Mai"),
     lieu("Espace public numérique municipal", east=5), True),
    # ── near but distinct ──
    ("two services of different structures in one building",
     lieu("CCAS de Marseille", "22 rue Beauvau", "26130001800015"),
     lieu("France Services Marseille Centre", "22 rue Beauvau", "13000000000011", east=2), False),
    ("same chain name, 2 km apart", lieu("Espace France Services"), lieu("Espace France Services", east=2000),
     False),
    ("same name, other house number, 60 m", lieu("Médiathèque municipale", "3 rue Paradis"),
     lieu("Médiathèque municipale", "45 rue Paradis", north=60), False),
    ("same name, no address, 50 m", lieu("Permanence numérique"), lieu("Permanence numérique", east=50), False),
    ("same SIRET, 5 km apart (two sites)", lieu("Emmaüs Connect", "", "43493312300029"),
     lieu("Emmaüs Connect Nord", "", "43493312300029", north=5000), False),
    ("shared placeholder pivot, different names, 10 m", lieu("Mairie annexe", "", "00000000000000"),
     lieu("Bibliothèque du quartier", "", "00000000000000", east=10), False),
    ("town hall and library of one commune, 20 m", lieu("Mairie de Cassis", "Place Baragnon"),
     lieu("Médiathèque de Cassis", "Place Baragnon", east=20), False),
    ("same address, other names, no coordinates", lieu("Maison de quartier", "5 rue Sainte", latitude="",
     longitude=""), lieu("Association Lien Numérique", "5 rue Sainte", latitude="", longitude=""), False),
    ("same name in two communes", lieu("Médiathèque de la Gare"),
     lieu("Médiathèque de la Gare", **moved(lat=48.8566, lon=2.3522), code_postal="75010"), False),
    # distinct lieux the rules pair (counted as a false positive): two permanences named alike, 10 m apart
    ("two permanences of different structures named alike, 10 m", lieu("Permanence numérique du centre"),
     lieu("Permanence numérique du centre", east=10, pivot="77567227238579"), False),
]


def paired(a: dict, b: dict, settings: DuplicateSettings | None = None):
    index = find_duplicates([a, b], settings)
    return index.partners(1)


def test_constructed_cases_precision_and_recall(capsys):
    outcomes = []
    for description, a, b, expected in CASES:
        found = bool(paired(a, b))
        outcomes.append((description, expected, found))
    tp = sum(1 for _, expected, found in outcomes if expected and found)
    fp = sum(1 for _, expected, found in outcomes if found and not expected)
    fn = sum(1 for _, expected, found in outcomes if expected and not found)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    with capsys.disabled():
        print(f"\n[duplicates] constructed cases: {len(CASES)} pairs, precision {precision:.2f}, recall {recall:.2f}")
        for description, expected, found in outcomes:
            if expected != found:
                print(f"  {'missed' if expected else 'false positive'}: {description}")
    # the two cases written to fool the rules are the only mistakes
    assert {d for d, e, f in outcomes if e != f} == {
        "different names, no pivot, 5 m (undetectable)",
        "two permanences of different structures named alike, 10 m",
    }
    assert precision >= 0.85 and recall >= 0.85


@pytest.mark.parametrize(
    "a, b, reason",
    [
        (lieu("A", "", "43493312300029"), lieu("B", "", "43493312300029", east=99), REASON_PIVOT),
        (lieu("Fablab du Port", "8 quai du Port"), lieu("Fablab du Port", "8 quai du port", east=99),
         REASON_NAME_ADDRESS),
        (lieu("Fablab du Port"), lieu("Fablab du Port", east=29), REASON_NAME),
    ],
)
def test_each_criterion_and_its_distance(a, b, reason):
    (partner,) = paired(a, b)
    assert partner.reason == reason
    far = dict(b, **moved(101 if reason != REASON_NAME else 31))
    assert paired(a, far) == []


def test_thresholds_come_from_the_settings():
    a, b = lieu("Fablab du Port"), lieu("Fablab du Port", east=45)
    assert paired(a, b) == []
    assert paired(a, b, DuplicateSettings(name_distance_m=50.0))[0].reason == REASON_NAME
    c = lieu("Fablab du Porte", east=10)
    assert paired(a, c)  # ratio ≈ 97: a typo …
    assert paired(a, c, DuplicateSettings(name_similarity=98.0)) == []  # … not similar enough at 98
    d = lieu("Fablab du Port Vieux", east=10)
    assert paired(a, d) == []  # ratio ≈ 82 at the default 90
    assert paired(a, d, DuplicateSettings(name_similarity=80.0))


def test_normalisation():
    assert normalised_name("St-Étienne : Médiathèque  ") == normalised_name("SAINT ETIENNE MEDIATHEQUE")
    assert normalised_address("12 bis, Bd Gambetta") == normalised_address("12 B BOULEVARD GAMBETTA")
    assert normalised_address("3 Av. de la Gare") == "3 avenue gare"
    assert round(distance_m(5.0, 43.0, 5.0, 43.001)) == 111


def scatter(count: int, seed: int, lat: float, lon: float, spread_m: float) -> dict:
    rng = random.Random(seed)
    names = ["Médiathèque", "Mairie", "EPN", "Centre social", "Fablab"]
    out = {}
    for key in range(count):
        record = lieu(
            rng.choice(names), f"{rng.randint(1, 3)} rue Haute", rng.choice(["", "43493312300029", "77567227238579"]),
            **moved(rng.uniform(-spread_m, spread_m), rng.uniform(-spread_m, spread_m), lat=lat, lon=lon),
        )
        if rng.random() < 0.1:
            record["latitude"] = ""
        out[key] = record
    return out


@pytest.mark.parametrize("lat, lon", [(LAT, LON), (-21.1151, 55.5364), (64.1466, -21.9426)])
def test_grid_finds_the_same_pairs_as_all_pairs(lat, lon):
    """The grid search equals the comparison of every pair (Marseille, La Réunion, and far north)."""
    records = scatter(300, 7, lat, lon, 400)
    index = find_duplicates(records)
    brute = DuplicateIndex()
    entries = {key: brute._entry(record) for key, record in records.items()}
    expected = set()
    for a, b in itertools.combinations(records, 2):
        ea, eb = entries[a], entries[b]
        if not (ea.located and eb.located) and not (ea.postal and ea.postal == eb.postal):
            continue
        if brute.compare(ea, eb) is not None:
            expected.add(frozenset((a, b)))
    assert expected, "the scatter must hold duplicates"
    assert {frozenset((p.a, p.b)) for p in index.pairs()} == expected


def test_incremental_updates_equal_a_fresh_pass():
    records = scatter(200, 11, LAT, LON, 300)
    index = DuplicateIndex()
    index.reset(records)
    rng = random.Random(3)
    for step in range(150):
        key = rng.randrange(260)
        if rng.random() < 0.2 and key in records:
            del records[key]
            affected = index.update({}, [key])
        else:
            records[key] = scatter(1, step, LAT, LON, 300)[0]
            affected = index.update({key: records[key]}, [])
        assert key in affected or key not in records
    fresh = find_duplicates(records)
    assert {frozenset((p.a, p.b)) for p in index.pairs()} == {frozenset((p.a, p.b)) for p in fresh.pairs()}


def test_live_validation_reports_the_duplicate_and_its_partner(options):
    live = IncrementalValidator(options=ValidationOptions(today=options.today, duplicates=DuplicateSettings()))
    live.load({1: lieu("Fablab du Port", id="a"), 2: lieu("Fablab du Port", id="b", east=500)})
    assert not [i for i in live.issues() if i.code == CODE]
    delta = live.update({2: lieu("Fablab du Port", id="b", east=10)})
    assert set(delta.changed) == {1, 2}  # the partner that did not change is re-checked too
    (issue,) = [i for i in delta.changed[1] if i.code == CODE]
    assert (issue.row, issue.id, issue.field, issue.value, issue.severity) == (1, "a", "id", "b", "warning")
    assert "Fablab du Port" in issue.message and "10 m" in issue.message
    assert live.duplicates.partners(2)[0].key == 1
    delta = live.update(deleted=[2])
    assert not [i for i in delta.changed[1] if i.code == CODE]


def test_engine_issue_stream_has_duplicates_only_when_asked(options):
    records = [lieu("Fablab du Port", id="a"), lieu("Fablab du Port", id="b", east=10)]
    assert CODE not in validate_records(records, options=options).by_code()
    report = validate_records(records, options=ValidationOptions(today=options.today, duplicates=DuplicateSettings()))
    assert report.by_code()[CODE] == 2
    assert {(i.row, i.value) for i in report.issues if i.code == CODE} == {(1, "b"), (2, "a")}


def test_planted_near_duplicates_of_the_bench_generator(capsys):
    """The generator's twins (same lieu, name respelt, point moved up to ~30 m; ground truth pairs) are found."""
    from bench import generate

    generator = generate.Generator(generate.DEFAULT_SEED)
    records = generator.records(8000)
    planted = {frozenset(pair) for pair in generator.twin_of.items()}
    assert len(planted) >= 20
    found = {frozenset((p.a, p.b)) for p in find_duplicates(records).pairs()}
    precision = len(found & planted) / len(found)
    recall = len(found & planted) / len(planted)
    with capsys.disabled():
        print(f"\n[duplicates] bench generator, 8,000 lieux: {len(planted)} planted twins, {len(found)} pairs "
              f"found, precision {precision:.2f}, recall {recall:.2f}")
    assert recall >= 0.95
    assert precision >= 0.9


def test_the_batch_pass_finds_what_an_index_of_every_lieu_finds():
    """duplicate_issues (files, reports) indexes only the lieux that can be paired: the same issues as the dock's
    index of every lieu, lieux without coordinates at the same address and postal code included."""
    from plugin.core.validation.duplicates import candidate_positions, duplicate_issues

    rng = random.Random(14)
    records = []
    for number in range(400):  # scattered lieux, a few clusters, twins, lieux without coordinates
        base = dict(VALID, id=f"l{number}", nom=f"Espace {number % 150}", pivot="",
                    adresse=f"{number % 40} rue de la gare", code_postal=f"130{number % 9:02d}")
        if number % 17 == 0:  # compared with the lieux of their postal code
            base.update(latitude="", longitude="", code_postal="04000" if number % 2 else "13000")
        else:
            base.update(moved(rng.uniform(-3000, 3000) if number % 5 else rng.uniform(-80, 80),
                              rng.uniform(-3000, 3000) if number % 5 else rng.uniform(-80, 80)))
        records.append(base)
    records.append(dict(records[17], id="twin-17"))  # a twin of a lieu without coordinates
    names = ("id", "nom", "adresse", "pivot", "code_postal", "latitude", "longitude")
    columns = {name: [record[name] for record in records] for name in names}
    rows = list(range(1, len(records) + 1))
    batch = duplicate_issues(columns, rows)
    index = find_duplicates(records)
    everyone = [issue for key in index.partner_keys() for issue in index.issues(key)]
    as_set = lambda issues: sorted((i.row, i.value, i.message) for i in issues)  # noqa: E731
    assert batch and as_set(batch) == as_set(everyone)
    assert {len(records), 18} <= {issue.row for issue in batch}  # the twin of lieu 17 (row 18) found
    positions = candidate_positions(columns["latitude"], columns["longitude"], columns["code_postal"], index)
    assert len(positions) < len(records)  # lieux alone in their cells are not indexed
