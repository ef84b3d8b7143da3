"""Import mappings on a 50,000-row hub-style file (owner: issue 12).

The generated lieux are rewritten once as a Hub's own export (``bench-output/hub-50000.csv``, cached): its own
column names (``USER_ID``, ``Nom de votre structure``, ``c_postcode``, ``LAT``/``LON`` with decimal commas, national
phones, ``dd/mm/yyyy`` dates), one Oui/Non column per service, a ``Tarif`` column in words, one hours column per
day in French (``9h-12h / 14h-17h``) and two columns of the Hub's own. Its profile is the one the dialog proposes
(:func:`~plugin.core.mapping.proposal.propose_profile`, saved beside it).

* ``mapping_convert_50k`` — ``python -m plugin convert hub.csv --mapping profile -o out.csv`` as a fresh process
  (start-up, reading, mapping, commune centres for the lieux without coordinates, writing, validation of the
  summary): median wall-clock seconds, target < 5 s;
* ``mapping_apply_50k`` — read + :func:`~plugin.core.mapping.convert_table` in process (rows/s);
* ``mapping_preview_1000`` — the dialog's preview update (mapping + validation of the first 1,000 rows),
  median milliseconds, target < 200 ms.
"""

from __future__ import annotations

import csv
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from plugin.core.hours_grid import OSM_DAYS, week_from_hours
from plugin.core.mapping import convert_table, read_source, save_profile
from plugin.core.mapping.proposal import propose_profile
from plugin.core.schema import load_schema

DAYS_FR = ("Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi")
SERVICE_COLUMNS = {
    "Aide aux démarches administratives": "Aide aux démarches administratives",
    "Maîtrise des outils numériques du quotidien": "Maîtrise des outils numériques",
    "Insertion professionnelle via le numérique": "Insertion professionnelle",
    "Utilisation sécurisée du numérique": "Utilisation sécurisée du numérique",
    "Parentalité et éducation avec le numérique": "Parentalité et éducation",
    "Loisirs et créations numériques": "Loisirs et créations numériques",
    "Compréhension du monde numérique": "Compréhension du monde numérique",
    "Accès internet et matériel informatique": "Accès internet et matériel",
    "Acquisition de matériel informatique à prix solidaire": "Matériel à prix solidaire",
}
TARIFS = {"Gratuit": "Gratuit", "Gratuit sous condition": "Gratuit sous condition", "Payant": "Payant"}


def _hhmm(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    return f"{hours}h{rest:02d}" if rest else f"{hours}h"


def _day_texts(horaires: str) -> list[str]:
    week = week_from_hours(horaires) or [[] for _ in OSM_DAYS]
    return [" / ".join(f"{_hhmm(s)}-{_hhmm(e)}" for s, e in spans) or "fermé" for spans in week[:6]]


def _french_date(iso: str) -> str:
    parts = iso.split("-")
    return f"{parts[2]}/{parts[1]}/{parts[0]}" if len(parts) == 3 and len(parts[0]) == 4 else iso


def hub_file(ctx) -> tuple[Path, Path]:
    """The hub-style CSV and its proposed profile (built once, cached in bench-output/)."""
    path = ctx.path(f"hub-{ctx.rows}.csv")
    profile_path = ctx.path(f"hub-{ctx.rows}.config.json")
    if path.exists() and profile_path.exists() and path.stat().st_mtime >= ctx.data_csv.stat().st_mtime:
        return path, profile_path
    header = ["USER_ID", "Nom de votre structure", "SIRET", "c_postcode", "Ville", "code commune", "Adresse",
              "LAT", "LON", "Téléphone", "Email", "Site internet", *SERVICE_COLUMNS.values(), "Tarif",
              *DAYS_FR, "Dernière mise à jour", "Présentation", "Référent", "Remarques internes"]  # fmt: skip
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(header)
        for number, record in enumerate(ctx.records(), start=1):
            services = set(record["services"].split("|"))
            telephone = record["telephone"]
            if telephone.startswith("+33") and len(telephone) == 12:  # as Hubs write them: 04 93 00 00 00
                national = "0" + telephone[3:]
                telephone = " ".join(national[i : i + 2] for i in range(0, 10, 2))
            writer.writerow(
                [
                    record["id"], record["nom"], record["pivot"], record["code_postal"], record["commune"],
                    record["code_insee"], record["adresse"], record["latitude"].replace(".", ","),
                    record["longitude"].replace(".", ","), telephone, record["courriels"], record["site_web"],
                    *("Oui" if service in services else "Non" for service in SERVICE_COLUMNS),
                    TARIFS.get(record["frais_a_charge"].split("|")[0], ""), *_day_texts(record["horaires"]),
                    _french_date(record["date_maj"]), record["presentation_resume"], f"Référent {number % 97}",
                    "à vérifier" if number % 10 == 0 else "",
                ]
            )  # fmt: skip
    table = read_source(path)
    save_profile(propose_profile(table), profile_path)
    return path, profile_path


def run(ctx) -> None:
    source, profile_path = hub_file(ctx)
    schema = load_schema()
    from plugin.core.mapping import load_profile

    profile = load_profile(profile_path)

    def apply():
        return convert_table(read_source(source), profile, schema, source_name="hub-bench")

    seconds, result = ctx.measure(apply, repeat=3)
    changed = len(result.transformations)
    ctx.report("mapping_apply_50k", len(result.records) / seconds, "rows/s", None,
               f"read + map, median {seconds:.2f} s (cpu {ctx.last_cpu_seconds:.2f} s), {changed} values changed, "
               f"{len(result.extra_columns)} columns kept")  # fmt: skip

    out = ctx.path("hub-converted.csv")
    command = [sys.executable, "-m", "plugin", "convert", str(source), "--mapping", str(profile_path),
               "--source-name", "hub-bench", "-o", str(out)]  # fmt: skip
    root = Path(__file__).resolve().parents[1]
    times, cpu = [], []
    for _ in range(3):
        start, children = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
        done = subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=600)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime)
        if done.returncode not in (0, 1):
            raise RuntimeError(f"convert failed: {done.stderr[-2000:]}")
    runs = ", ".join(f"{t:.2f}" for t in times)
    ctx.report("mapping_convert_50k", statistics.median(times), "s", 5.0,
               f"whole process: read, map, centroids, write CSV, validate; runs {runs} s, "
               f"cpu median {statistics.median(cpu):.2f} s")  # fmt: skip

    from plugin.core.mapping.preview import preview, preview_table

    sample = preview_table(read_source(source))
    seconds = ctx.median(lambda: preview(sample, profile, schema, "hub-bench"), repeat=7, warmup=1)
    ctx.report("mapping_preview_1000", seconds * 1000, "ms", 200,
               "the dialog's live preview: map + validate the first 1,000 rows")  # fmt: skip
