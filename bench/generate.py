"""Generate a realistic file of lieux for the benchmark (deterministic, self-contained).

Modelled on the PACA hub export (``hub-du-sud-paca-2023.json``) and ``exemple-valide.csv``: names, sources,
opening hours, texts and list values in the same style; real communes with their postal/INSEE codes and
points near their centroids (``resources/reference/``); the vocabularies come from the bundled schema and
typologie list (never typed here). About 8% of the rows carry one or more realistic defects — national-format
phones, lost leading zeros, French dates, decimal commas, ``;`` list separators, wrong enum case, the
placeholder pivot, invalid OSM hours, duplicated ids, swapped coordinates, near-duplicate lieux… — and every
injected defect is listed (row number, field, kind) in a ``.defects.json`` file beside the CSV, as ground
truth for the validation benchmarks.

Usage: ``.venv/bin/python -m bench.generate [--rows 50000] [--seed 20240402] [--out bench-output/lieux.csv]``
"""

from __future__ import annotations

import argparse
import json
import random
import string
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from plugin.core import reference  # noqa: E402
from plugin.core.schema import load_schema  # noqa: E402
from plugin.core.writers import write_records  # noqa: E402

GENERATOR_VERSION = 3  # 3: ground truth also pairs each near-duplicate with its original (same CSV as 2)
DEFAULT_ROWS = 50_000
DEFAULT_SEED = 20240402

# Probability per row of each defect (independent draws; ~8% of the rows get at least one).
DEFECTS = {
    "telephone_national_format": 0.020,
    "pivot_placeholder": 0.020,
    "date_maj_french_format": 0.010,
    "code_postal_lost_zero": 0.020,
    "code_insee_lost_zero": 0.020,
    "latitude_decimal_comma": 0.005,
    "services_semicolon_separator": 0.005,
    "enum_wrong_case": 0.005,
    "horaires_invalid": 0.005,
    "id_duplicated": 0.002,
    "coordinates_swapped": 0.002,
    "coordinates_zero": 0.001,
    "near_duplicate": 0.005,
    "pivot_bad_checksum": 0.003,
    "presentation_resume_too_long": 0.002,
    "typologie_unknown": 0.002,
    "courriels_invalid": 0.002,
    "site_web_no_scheme": 0.003,
    "formations_labels_documented_value": 0.001,
    "nom_trailing_space": 0.003,
    "adresse_missing": 0.002,
    "formula_injection": 0.0005,
}

SOURCES = [
    ("conseiller-numerique", 50),
    ("france-services", 15),
    ("dora", 10),
    ("hinaura", 6),
    ("Hub du Sud", 6),
    ("france-tiers-lieux", 5),
    ("cr93", 4),
    ("Hubik", 2),
    ("mednum-bfc", 2),
]
PEOPLE = [
    "Jules Verne",
    "Louise Michel",
    "Simone Veil",
    "Jean Jaurès",
    "Victor Hugo",
    "Marie Curie",
    "Albert Camus",
    "Aimé Césaire",
    "Olympe de Gouges",
    "George Sand",
    "Jean Moulin",
    "Colette",
    "Émile Zola",
    "Jacques Prévert",
    "Julio Cortázar",
    "Romain Rolland",
    "Lucie Aubrac",
    "Joséphine Baker",
    "Frantz Fanon",
    "Germaine Tillion",
]
QUARTERS = [
    "des Capucins",
    "du Centre",
    "de la Gare",
    "Saint-Jean",
    "des Tilleuls",
    "du Port",
    "Nord",
    "La Source",
    "des Aubiers",
    "Bellevue",
    "du Vieux Moulin",
    "les Églantiers",
]
STREETS = [
    "Rue de la République",
    "Avenue Jean Jaurès",
    "Place de la Mairie",
    "Rue Victor Hugo",
    "Boulevard Gambetta",
    "Rue du Général de Gaulle",
    "Chemin des Écoliers",
    "Rue de l’Église",
    "Allée des Tilleuls",
    "Rue Pasteur",
    "Avenue de la Gare",
    "Place du Marché",
    "Rue des Écoles",
    "Impasse des Lilas",
    "AV DE LA LIBERATION",
    "Cours Mirabeau",
    "Rue du 8 Mai 1945",
    "Route de Paris",
    "Rue Émile Zola",
    "Place de l’Hôtel de Ville",
]
NAME_TEMPLATES = {
    "BIB": ["Médiathèque {person}", "Bibliothèque municipale de {commune}", "Médiathèque de {commune}"],
    "RFS": ["France Services {commune}", "Maison France Services de {commune}", "Espace France Services"],
    "CCAS": ["CCAS de {commune}", "Centre communal d'action sociale de {commune}"],
    "CS": ["Centre social {quarter}", "Centre social et culturel {person}"],
    "ASSO": [
        "Association Lien Numérique {commune}",
        "Emmaüs Connect {commune}",
        "Familles Rurales {commune}",
        "Les Petits Débrouillards",
        "Ateliers numériques gratuits",
    ],
    "EPN": ["Espace public numérique de {commune}", "Cyberbase {commune}", "EPN {quarter}"],
    "TIERS_LIEUX": ["Tiers-lieu {quarter}", "La Fabrique de {commune}", "Le Hangar numérique"],
    "MUNI": ["Mairie de {commune}", "Accueil numérique - Mairie de {commune}"],
    "FABLAB": ["Fablab de {commune}", "Le FABLAB {quarter}"],
    "MJC": ["MJC {person}", "Maison des jeunes et de la culture de {commune}"],
    "ML": ["Mission locale de {commune}"],
    "PIMMS": ["PIMMS Médiation {commune}"],
    "FT": ["Agence France Travail {commune}"],
    "LA_POSTE": ["La Poste {commune} {quarter}"],
    "CAF": ["Point numérique CAF de {commune}"],
}
TYPOLOGIE_WEIGHTS = {
    "ASSO": 20,
    "MUNI": 14,
    "BIB": 14,
    "RFS": 12,
    "CCAS": 8,
    "CS": 8,
    "EPN": 7,
    "TIERS_LIEUX": 5,
    "MJC": 3,
    "FABLAB": 2,
    "ML": 2,
    "PIMMS": 2,
    "FT": 1,
    "LA_POSTE": 1,
    "CAF": 1,
}
VALID_HOURS = [
    "Mo-Fr 09:00-12:00,14:00-18:00",
    "Mo-Fr 09:00-12:00,14:00-17:00",
    "Mo-Fr 08:30-12:00,13:30-17:00",
    "Mo-Fr 09:00-18:00",
    "Mo-Fr 09:00-12:30,14:00-17:30",
    "Tu-Sa 10:00-12:00,14:00-18:00",
    "Mo 14:00-18:00; Tu-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00",
    "Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00",
    "We 14:00-17:00; Sa 10:00-12:00",
    "Mo,Th 09:00-12:00; Tu 14:00-17:00",
    "Mo-Fr 09:00-12:00,13:30-17:30; Tu 10:00-12:30,13:30-17:30",
]
INVALID_HOURS = [
    "Lundi au vendredi 9h-12h",
    "Mo-Fr 09:00-19:00; Sa 17:00",
    "Mo 08:45-12:00-13:45",
    "du lundi au vendredi de 9h à 12h et de 14h à 17h",
    "Mo-Fr 9h-12h/14h-18h",
]
RESUMES = [
    "Accompagnement aux démarches en ligne et à l’usage des outils numériques du quotidien.",
    "Notre association propose des formations aux outils numériques à destination des personnes âgées.",
    "Un conseiller numérique vous accompagne gratuitement, sur rendez-vous ou en accès libre.",
    "Ateliers collectifs d’initiation à l’ordinateur, à la tablette et au smartphone.",
    "Accès libre à des ordinateurs connectés et aide ponctuelle pour vos démarches administratives.",
]
DETAIL = (
    "Notre parcours d'initiation permet l'acquisition de compétences numériques de base. Nous proposons "
    "également un accompagnement à destination des personnes déjà initiées qui souhaiteraient approfondir "
    "leurs connaissances. Du matériel informatique est en libre accès pour nos adhérents."
)
PHONE_PREFIX = {"971": "+590", "972": "+596", "973": "+594", "974": "+262", "976": "+262"}


def _luhn_digit(digits: str) -> str:
    total = 0
    for index, char in enumerate(reversed(digits + "0")):
        value = int(char) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return str((10 - total % 10) % 10)


def _siret(rng: random.Random) -> str:
    siren = "".join(rng.choice(string.digits) for _ in range(8))
    siren += _luhn_digit(siren)
    nic = "".join(rng.choice(string.digits) for _ in range(4))
    return siren + nic + _luhn_digit(siren + nic)


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in reference.name_key(text)).strip("-")[:30] or "lieu"


def _subset(rng: random.Random, values: tuple[str, ...], low: int, high: int) -> list[str]:
    return rng.sample(values, rng.randint(low, min(high, len(values))))


class Generator:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.schema = load_schema()
        self.enum = {spec.name: spec.enum for spec in self.schema.fields if spec.enum}
        candidates = [c for c in reference.communes().values() if c.longitude is not None and c.type == "COM"]
        candidates.sort(key=lambda c: c.code_insee)
        self.communes = candidates
        weights, total = [], 0.0
        for item in candidates:
            total += max(item.population, 50) ** 0.6
            weights.append(total)
        self.cumulative = weights
        self.typologies = list(TYPOLOGIE_WEIGHTS)
        self.typologie_weights = list(TYPOLOGIE_WEIGHTS.values())
        self.all_typologies = sorted(reference.typologies())
        # "Ce lieu n'accueille pas de public" contradicts having services: keep the generated lieux coherent
        self.modalites_acces = tuple(v for v in self.enum["modalites_acces"] if "accueille pas" not in v)
        self.defects: dict[str, list[int]] = {name: [] for name in DEFECTS}
        self.defective_rows: set[int] = set()
        self.twin_of: dict[int, int] = {}  # near-duplicate row → the row it copies (1-based)
        self._row = 0  # row being generated (for twin_of)

    def commune(self):
        return self.rng.choices(self.communes, cum_weights=self.cumulative, k=1)[0]

    def record(self, number: int) -> dict[str, str]:
        rng, enum = self.rng, self.enum
        commune = self.commune()
        typologie = rng.choices(self.typologies, weights=self.typologie_weights, k=1)[0]
        fill = {"commune": commune.nom, "person": rng.choice(PEOPLE), "quarter": rng.choice(QUARTERS)}
        nom = rng.choice(NAME_TEMPLATES[typologie]).format(**fill)
        source = rng.choices([s for s, _ in SOURCES], weights=[w for _, w in SOURCES], k=1)[0]
        lon = commune.longitude + rng.gauss(0, 0.008)
        lat = commune.latitude + rng.gauss(0, 0.006)
        slug = _slug(nom)
        phone = ""
        if rng.random() < 0.6:
            prefix = PHONE_PREFIX.get(commune.departement, "+33")
            phone = prefix + (
                "".join(rng.choice(string.digits) for _ in range(9))
                if prefix != "+33"
                else rng.choice("1234569") + "".join(rng.choice(string.digits) for _ in range(8))
            )
        pivot_draw = rng.random()
        pivot = f"W{rng.randint(10**8, 10**9 - 1)}" if pivot_draw < 0.12 else _siret(rng)
        services = _subset(rng, enum["services"], 1, 4)
        record = {
            "id": f"{_slug(source)}-{rng.getrandbits(96):024x}",
            "pivot": pivot,
            "nom": nom,
            "commune": commune.nom.upper() if rng.random() < 0.15 else commune.nom,
            "code_postal": rng.choice(commune.codes_postaux) if commune.codes_postaux else "",
            "code_insee": commune.code_insee if rng.random() < 0.4 else "",
            "adresse": f"{rng.randint(1, 180)} {rng.choice(STREETS)}" if rng.random() < 0.9 else rng.choice(STREETS),
            "complement_adresse": rng.choice(["", "", "", "Rez-de-chaussée", "Bâtiment B", "1er étage"]),
            "latitude": f"{lat:.6f}" if rng.random() < 0.97 else "",
            "longitude": f"{lon:.6f}",
            "typologie": typologie if rng.random() < 0.8 else "",
            "telephone": phone,
            "courriels": f"contact@{slug}.fr" if rng.random() < 0.4 else "",
            "site_web": f"https://www.{slug}.fr/" if rng.random() < 0.35 else "",
            "horaires": rng.choice(VALID_HOURS) if rng.random() < 0.65 else "",
            "presentation_resume": rng.choice(RESUMES) if rng.random() < 0.5 else "",
            "presentation_detail": DETAIL if rng.random() < 0.2 else "",
            "source": source,
            "itinerance": rng.choice(["Fixe", "Fixe", "Fixe", "Itinérant", "Fixe|Itinérant"])
            if rng.random() < 0.5
            else "",
            "structure_parente": "",
            "date_maj": (date(2023, 1, 1) + timedelta(days=rng.randint(0, 900))).isoformat(),
            "services": "|".join(services),
            "publics_specifiquement_adresses": "|".join(_subset(rng, enum["publics_specifiquement_adresses"], 0, 3))
            if rng.random() < 0.2
            else "",
            "prise_en_charge_specifique": "|".join(_subset(rng, enum["prise_en_charge_specifique"], 1, 2))
            if rng.random() < 0.1
            else "",
            "frais_a_charge": "|".join(_subset(rng, enum["frais_a_charge"], 1, 2)) if rng.random() < 0.75 else "",
            "dispositif_programmes_nationaux": "Conseillers numériques"
            if source == "conseiller-numerique"
            else ("France Services" if typologie == "RFS" else ""),
            "formations_labels": rng.choice(enum["formations_labels"]) if rng.random() < 0.05 else "",
            "autres_formations_labels": rng.choice(["", "", "", "QPV", "ZRR", "QPV|ZRR"]),
            "modalites_acces": "|".join(_subset(rng, self.modalites_acces, 1, 3)) if rng.random() < 0.5 else "",
            "modalites_accompagnement": "|".join(_subset(rng, enum["modalites_accompagnement"], 1, 3))
            if rng.random() < 0.4
            else "",
            "fiche_acces_libre": f"https://acceslibre.beta.gouv.fr/app/{commune.departement}-{_slug(commune.nom)}/a/{slug}/"
            if rng.random() < 0.08
            else "",
            "prise_rdv": "https://www.rdv-solidarites.fr/" if rng.random() < 0.08 else "",
        }
        if typologie in ("RFS", "MUNI", "CCAS") and rng.random() < 0.5:
            record["structure_parente"] = f"Mairie de {commune.nom}"
        return record

    def inject(self, number: int, record: dict[str, str], previous: list[dict[str, str]]) -> dict[str, str]:
        """Apply this row's defects (recorded with their row number)."""
        rng = self.rng
        hit = [name for name, probability in DEFECTS.items() if rng.random() < probability]
        hit.sort(key=lambda name: name != "near_duplicate")  # the twin first, then its other defects
        for name in hit:
            self._row = number
            applied = self._apply(name, record, previous)
            if applied is not None:
                record = applied
                self.defects[name].append(number)
                self.defective_rows.add(number)
        return record

    def _apply(self, name: str, record: dict[str, str], previous: list[dict[str, str]]) -> dict[str, str] | None:
        rng = self.rng
        if name == "telephone_national_format":
            if not record["telephone"].startswith("+33"):
                return None
            digits = "0" + record["telephone"][3:]
            record["telephone"] = rng.choice([" ", ".", ""]).join(digits[i : i + 2] for i in range(0, 10, 2))
        elif name == "pivot_placeholder":
            record["pivot"] = "00000000000000"
        elif name == "date_maj_french_format":
            year, month, day = record["date_maj"].split("-")
            record["date_maj"] = f"{day}/{month}/{year}"
        elif name == "code_postal_lost_zero":
            if not record["code_postal"].startswith("0"):
                return None
            record["code_postal"] = record["code_postal"][1:]
        elif name == "code_insee_lost_zero":
            if not record["code_insee"].startswith("0"):
                return None
            record["code_insee"] = record["code_insee"][1:]
        elif name == "latitude_decimal_comma":
            if not record["latitude"]:
                return None
            record["latitude"] = record["latitude"].replace(".", ",")
        elif name == "services_semicolon_separator":
            if "|" not in record["services"]:
                return None
            record["services"] = record["services"].replace("|", rng.choice([";", "; "]))
        elif name == "enum_wrong_case":
            record["services"] = record["services"].lower()
        elif name == "horaires_invalid":
            record["horaires"] = rng.choice(INVALID_HOURS)
        elif name == "id_duplicated":
            if not previous:
                return None
            record["id"] = rng.choice(previous[-500:])["id"]
        elif name == "coordinates_swapped":
            if not record["latitude"]:
                return None
            record["latitude"], record["longitude"] = record["longitude"], record["latitude"]
        elif name == "coordinates_zero":
            record["latitude"], record["longitude"] = "0", "0"
        elif name == "near_duplicate":
            if not previous:
                return None
            clean = [
                i
                for i in (rng.randrange(max(0, len(previous) - 2000), len(previous)) for _ in range(10))
                if i + 1 not in self.defective_rows
            ]
            if not clean:
                return None
            twin = dict(previous[clean[0]])  # a twin of a clean row, so that its only defect is being a twin
            self.twin_of[self._row] = clean[0] + 1
            twin["id"] = record["id"]
            twin["nom"] = rng.choice([twin["nom"].upper(), twin["nom"].replace("Saint", "St"), twin["nom"] + " "])
            for axis in ("latitude", "longitude"):
                try:
                    twin[axis] = f"{float(twin[axis]) + rng.uniform(-0.0002, 0.0002):.6f}"
                except ValueError:
                    pass
            return twin
        elif name == "pivot_bad_checksum":
            siret = _siret(rng)
            record["pivot"] = siret[:-1] + str((int(siret[-1]) + 1) % 10)
        elif name == "presentation_resume_too_long":
            record["presentation_resume"] = (DETAIL + " ") * 2
        elif name == "typologie_unknown":
            record["typologie"] = rng.choice(["TIERS LIEUX;ASSO", "mediatheque", "bib", "Association"])
        elif name == "courriels_invalid":
            record["courriels"] = rng.choice(["contact@mairie", "accueil @ville.fr", "contact.mairie.fr"])
        elif name == "site_web_no_scheme":
            record["site_web"] = f"www.{_slug(record['nom'])}.fr"
        elif name == "formations_labels_documented_value":
            record["formations_labels"] = "Étapes numériques (La Poste)"
        elif name == "nom_trailing_space":
            record["nom"] = record["nom"] + " "
        elif name == "adresse_missing":
            record["adresse"] = ""
        elif name == "formula_injection":
            record["presentation_resume"] = '=HYPERLINK("http://example.invalid","Cliquez ici")'
        return record

    def records(self, rows: int) -> list[dict[str, str]]:
        output: list[dict[str, str]] = []
        for number in range(1, rows + 1):
            output.append(self.inject(number, self.record(number), output))
        return output


def generate(path: Path, rows: int = DEFAULT_ROWS, seed: int = DEFAULT_SEED) -> dict:
    """Write ``rows`` lieux to ``path`` (CSV of the standard) and the ground truth ``<path>.defects.json``."""
    generator = Generator(seed)
    records = generator.records(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_records(path, records, generator.schema)
    defective = {n for numbers in generator.defects.values() for n in numbers}
    truth = {
        "rows": rows,
        "seed": seed,
        "generator_version": GENERATOR_VERSION,
        "rows_with_defects": len(defective),
        "defects": generator.defects,
        "near_duplicate_of": {str(row): original for row, original in generator.twin_of.items()},
    }
    defects_path(path).write_text(json.dumps(truth, indent=1), encoding="utf-8")
    return truth


# The issue-dense variant: the density of real exports, where the placeholder pivot is the rule rather than the
# exception and most lieux have not been updated for years (the report, not the engine, is then the cost).
DENSE_STALE_SHARE = 0.9  # rows whose date_maj is moved to 2019-2022 (over two years old whatever the day)
DENSE_VERSION = 2  # 2: web sites written without their scheme (www.…), ~150,000 issues


def dense_path(path: Path) -> Path:
    """The issue-dense variant of a generated CSV: ``lieux-50000.csv`` → ``lieux-50000-dense.csv``."""
    return path.with_name(path.stem + "-dense" + path.suffix)


def generate_dense(path: Path, rows: int = DEFAULT_ROWS, seed: int = DEFAULT_SEED) -> dict:
    """Write the issue-dense variant of the generated file to ``path`` (and its ``.defects.json``).

    The same lieux and injected defects as :func:`generate` with the same seed, then every ``pivot`` set to the
    placeholder ``00000000000000``, the ``date_maj`` of :data:`DENSE_STALE_SHARE` of the rows moved to a day of
    2019-2022, every metropolitan phone written the national way (``04 91 12 34 56``, a safe fix each) and every
    web site without its scheme (``www.…``, as people type them): about 3 issues per lieu (~150,000), as in the
    real national exports (the PACA sample has 2.1, the pivot and the date on every lieu).
    """
    generator = Generator(seed)
    records = generator.records(rows)
    rng = random.Random(seed + 1)
    stale, national, schemeless = [], [], []
    for number, record in enumerate(records, start=1):
        record["pivot"] = "00000000000000"
        if rng.random() < DENSE_STALE_SHARE and "-" in record["date_maj"]:  # French-format dates stay defects
            record["date_maj"] = (date(2019, 1, 1) + timedelta(days=rng.randint(0, 4 * 365))).isoformat()
            stale.append(number)
        phone = record["telephone"]
        if phone.startswith("+33") and len(phone) == 12:  # metropolitan numbers written as people dial them
            digits = "0" + phone[3:]
            record["telephone"] = " ".join(digits[i : i + 2] for i in range(0, 10, 2))
            national.append(number)
        site = record["site_web"]
        if site.startswith(("https://", "http://")):
            record["site_web"] = site.split("://", 1)[1]
            schemeless.append(number)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_records(path, records, generator.schema)
    defects = dict(generator.defects)
    defects["pivot_placeholder"] = list(range(1, rows + 1))
    defects.pop("pivot_bad_checksum", None)  # overwritten by the placeholder
    defects["date_maj_stale"] = stale
    defects["telephone_national_format"] = sorted(set(defects["telephone_national_format"]) | set(national))
    defects["site_web_without_scheme"] = schemeless
    truth = {
        "rows": rows,
        "seed": seed,
        "generator_version": GENERATOR_VERSION,
        "variant": "dense",
        "dense_version": DENSE_VERSION,
        "rows_with_defects": rows,
        "defects": defects,
        "near_duplicate_of": {str(row): original for row, original in generator.twin_of.items()},
    }
    defects_path(path).write_text(json.dumps(truth, indent=1), encoding="utf-8")
    return truth


def defects_path(path: Path) -> Path:
    return path.with_name(path.stem + ".defects.json")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=DEFAULT_ROWS)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, default=ROOT / "bench-output" / f"lieux-{DEFAULT_ROWS}.csv")
    parser.add_argument("--dense", action="store_true", help="the issue-dense variant (placeholder pivots, old dates)")
    args = parser.parse_args(argv)
    truth = (generate_dense if args.dense else generate)(args.out, args.rows, args.seed)
    print(f"{args.out}: {truth['rows']} rows, {truth['rows_with_defects']} with injected defects")


if __name__ == "__main__":
    main()
