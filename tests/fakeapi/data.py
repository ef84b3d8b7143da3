"""Deterministic fake datasets in each source's own shape, varied from the shared api-samples."""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "api-samples"
if not SAMPLES.is_dir():
    SAMPLES = Path("/work/shared/data/api-samples")

DI_THEMATIQUES = [
    "numerique--acceder-a-des-services-en-ligne",
    "numerique--maitriser-les-fondamentaux-du-numerique",
    "numerique--acceder-a-une-connexion-internet",
    "numerique--acquerir-un-equipement",
]
COMMUNES = [  # (code_insee, code_postal, commune, lon, lat)
    ("13055", "13001", "Marseille", 5.3698, 43.2965),
    ("13001", "13090", "Aix-en-Provence", 5.4474, 43.5297),
    ("13004", "13200", "Arles", 4.6278, 43.6766),
    ("83137", "83000", "Toulon", 5.9280, 43.1242),
    ("06088", "06000", "Nice", 7.2620, 43.7102),
    ("75056", "75011", "Paris", 2.3700, 48.8600),
    ("2A004", "20000", "Ajaccio", 8.7369, 41.9192),
    ("97411", "97400", "Saint-Denis", 55.4504, -20.8823),
]


def sample(name: str):
    return json.loads((SAMPLES / name).read_text(encoding="utf-8"))


def di_dataset(n: int, seed: int = 1, communes=COMMUNES, with_other: bool = True):
    """n data·inclusion v1 structures, each with one numérique service (+ one non-numérique every 5th)."""
    rng = random.Random(seed)
    base_structure = sample("data-inclusion-v1-structures-page.json")["items"][0]
    base_service = sample("data-inclusion-v1-services-page.json")["items"][0]
    structures, services = [], []
    for i in range(n):
        code_insee, code_postal, commune, lon, lat = communes[i % len(communes)]
        sid = f"dora--s{i:06d}"
        structure = copy.deepcopy(base_structure)
        structure.update(
            id=sid, nom=f"Espace numérique {i}", commune=commune, code_postal=code_postal, code_insee=code_insee,
            longitude=round(lon + rng.uniform(-0.05, 0.05), 6), latitude=round(lat + rng.uniform(-0.05, 0.05), 6),
            siret=f"{13003013300000 + i:014d}", date_maj="2025-01-15", adresse=f"{i % 200 + 1} rue de la Paix",
            telephone="0102030405", reseaux_porteurs=["france-service"] if i % 3 == 0 else [],
        )
        structures.append(structure)
        service = copy.deepcopy(base_service)
        service.update(
            id=f"dora--v{i:06d}", structure_id=sid, code_insee=code_insee, code_postal=code_postal, commune=commune,
            thematiques=[DI_THEMATIQUES[i % 4], DI_THEMATIQUES[(i + 1) % 4]], date_maj="2025-01-10",
            modes_mobilisation=["telephoner", "se-presenter"], type="accompagnement",
        )
        services.append(service)
        if with_other and i % 5 == 0:
            other = copy.deepcopy(base_service)
            other.update(id=f"dora--o{i:06d}", structure_id=sid, code_insee=code_insee, code_postal=code_postal,
                         thematiques=["famille--garde-denfants"])
            services.append(other)
    # one structure without any numérique service (not a lieu)
    if with_other:
        lonely = copy.deepcopy(base_structure)
        lonely.update(id="dora--sans-numerique", code_insee="13055", code_postal="13001", commune="Marseille")
        structures.append(lonely)
    return structures, services


def dora_dataset(n: int, communes=COMMUNES):
    base_structure = sample("dora-v2-structure.json")
    base_service = sample("dora-v2-service.json")
    structures, services = [], []
    for i in range(n):
        code_insee, code_postal, commune, lon, lat = communes[i % len(communes)]
        uuid = f"00000000-0000-4000-8000-{i:012d}"
        structure = copy.deepcopy(base_structure)
        structure.update(id=uuid, nom=f"Structure DORA {i}", code_insee=code_insee, code_postal=code_postal,
                         commune=commune, longitude=lon, latitude=lat, labels_nationaux=["conseiller-numerique"])
        structures.append(structure)
        service = copy.deepcopy(base_service)
        service.update(id=f"10000000-0000-4000-8000-{i:012d}", structure_id=uuid,
                       thematiques=["numerique--maitriser-les-fondamentaux-du-numerique"])
        services.append(service)
        if i % 4 == 0:
            other = copy.deepcopy(base_service)
            other.update(id=f"20000000-0000-4000-8000-{i:012d}", structure_id=uuid)
            services.append(other)
    return structures, services


def carto_dataset(n: int, communes=COMMUNES):
    base = sample("cartographie-carto-items.json")[0]
    items = []
    for i in range(n):
        code_insee, code_postal, commune, lon, lat = communes[i % len(communes)]
        item = copy.deepcopy(base)
        item.update(id=f"Coop-numérique_{i:06d}", nom=f"Lieu de la Coop {i}", latitude=lat, longitude=lon,
                    pivot=f"{43497452600000 + i:014d}", date_maj="2025-09-15T08:23:00Z")
        item["adresse"] = dict(item["adresse"], commune=commune, code_postal=code_postal, code_insee=code_insee,
                               numero_voie=str(i % 90 + 1))
        if i % 2:
            item["courriels"] = [f"contact{i}@example.org"]  # array form (data·inclusion reads it so)
        items.append(item)
    return items
