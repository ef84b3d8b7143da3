"""Build the compact reference files shipped in resources/reference/ from the project's shared data.

Usage (from the repo root):  .venv/bin/python scripts/build_reference.py [SOURCE_DIR] [RULES_MD]

SOURCE_DIR defaults to ../shared/data/reference (communes.csv, departements.json, regions.json, epci.json,
departements-simplifies.geojson — see resources/reference/ATTRIBUTION.md for their origin and licences);
RULES_MD defaults to ../shared/docs/reference/validation-rules.md, whose §2 "typologie enum" lists the
92 typologie codes and labels of the ANCT model. The output is deterministic: rerunning it gives the same bytes.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "reference"
COORDINATE_DIGITS = 4  # ~11 m: centroids and simplified outlines are far coarser than that


def _source_dirs() -> tuple[Path, Path]:
    shared = ROOT.parent / "shared"
    if not shared.is_dir():
        shared = Path("/work/shared")
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else shared / "data" / "reference"
    rules = Path(sys.argv[2]) if len(sys.argv) > 2 else shared / "docs" / "reference" / "validation-rules.md"
    return source, rules


def _write_csv(name: str, header: list[str], rows: list[list[object]]) -> None:
    with open(OUT / name, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def _round(value: str) -> str:
    return f"{float(value):.{COORDINATE_DIGITS}f}".rstrip("0").rstrip(".") if value else ""


def build_communes(source: Path) -> None:
    with open(source / "communes.csv", encoding="utf-8", newline="") as handle:
        communes = list(csv.DictReader(handle))
    kinds = {"commune-actuelle": "COM", "arrondissement-municipal": "ARM"}
    rows = [
        [
            c["code_insee"],
            c["nom"],
            kinds[c["type"]],
            c["departement"],
            c["epci"],
            c["codes_postaux"],
            _round(c["longitude"]),
            _round(c["latitude"]),
            c["zone"],
            c["population"],
        ]
        for c in communes
    ]
    header = ["code_insee", "nom", "type", "departement", "epci", "codes_postaux", "longitude", "latitude", "zone"]
    _write_csv("communes.csv", header + ["population"], rows)


def build_departements_regions_epci(source: Path) -> None:
    departements = json.loads((source / "departements.json").read_text(encoding="utf-8"))
    _write_csv(
        "departements.csv",
        ["code", "nom", "region", "zone", "chef_lieu"],
        [[d["code"], d["nom"], d["region"], d["zone"], d["chefLieu"]] for d in departements],
    )
    regions = json.loads((source / "regions.json").read_text(encoding="utf-8"))
    _write_csv(
        "regions.csv",
        ["code", "nom", "zone", "chef_lieu"],
        [[r["code"], r["nom"], r["zone"], r["chefLieu"]] for r in regions],
    )
    epcis = json.loads((source / "epci.json").read_text(encoding="utf-8"))
    _write_csv(
        "epci.csv",
        ["siren", "nom", "type", "population"],
        [
            [e["code"], e["nom"], e["type"], e.get("populationTotale", "")]
            for e in sorted(epcis, key=lambda e: e["code"])
        ],
    )


def _round_coordinates(value: object) -> object:
    if isinstance(value, list):
        if value and all(isinstance(v, (int, float)) for v in value):
            return [round(v, COORDINATE_DIGITS) for v in value]
        return [_round_coordinates(v) for v in value]
    return value


def build_polygons(source: Path) -> None:
    collection = json.loads((source / "departements-simplifies.geojson").read_text(encoding="utf-8"))
    for feature in collection["features"]:
        feature["geometry"]["coordinates"] = _round_coordinates(feature["geometry"]["coordinates"])
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    (OUT / "departements-simplifies.geojson").write_text(text + "\n", encoding="utf-8")


_TYPOLOGIE = re.compile(r"`(?P<code>[A-Za-z0-9_]+)`\s+(?P<label>[^;`]+?)\s*(?:;|$)")


def build_typologies(rules: Path) -> None:
    text = rules.read_text(encoding="utf-8")
    section = text.split("**typologie enum**", 1)[1].split("\n### ", 1)[0]
    entries: dict[str, str] = {}
    for line in section.splitlines():
        if line.startswith("- `"):
            for match in _TYPOLOGIE.finditer(line[2:]):
                entries[match.group("code")] = match.group("label").strip()
    if len(entries) != 92:
        raise SystemExit(f"expected 92 typologie codes in {rules}, found {len(entries)}")
    _write_csv("typologies.csv", ["code", "label"], [[code, label] for code, label in sorted(entries.items())])


def main() -> None:
    source, rules = _source_dirs()
    OUT.mkdir(parents=True, exist_ok=True)
    build_communes(source)
    build_departements_regions_epci(source)
    build_polygons(source)
    build_typologies(rules)
    licence = source / "LICENSE-decoupage-administratif.txt"
    (OUT / licence.name).write_bytes(licence.read_bytes())
    for path in sorted(OUT.iterdir()):
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size:>9,} bytes")


if __name__ == "__main__":
    main()
