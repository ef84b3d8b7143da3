"""The HTML page and the CSV give the figures of the audit (French)."""

from __future__ import annotations

import csv

import pytest

from plugin.core.coverage import audit_coverage, resolve_territory
from plugin.core.coverage.report import key_figures, number, write_csv, write_html
from plugin.core.orientation import Query
from plugin.core.readers import read_table


@pytest.fixture(scope="module")
def var_result(samples):
    records = read_table(samples / "hub-du-sud-paca-2023.json").rows
    query = Query({"frais_a_charge": ("Gratuit",)})
    return audit_coverage(records, resolve_territory("83"), 10, query, indicator={"83036": 2.0}, indicator_name="IFN")


def test_csv_has_one_row_per_commune_with_the_totals(var_result, tmp_path):
    rows = list(csv.DictReader(write_csv(var_result, tmp_path / "c.csv").open(encoding="utf-8")))
    assert len(rows) == var_result.totals.communes == 153
    assert sum(1 for r in rows if r["couvert"] == "non") == var_result.totals.communes_non_couvertes > 0
    assert sum(int(r["population"]) for r in rows if r["couvert"] == "oui") == var_result.totals.population_couverte
    without = [r for r in rows if r["distance_km"] == ""]
    assert all(r["couvert"] == "non" for r in without)
    assert rows[0]["couvert"] == "non"  # least served first
    cavalaire = next(r for r in rows if r["code_insee"] == "83036")
    assert float(cavalaire["priorite"]) == 2.0 * int(cavalaire["population_non_couverte"])


def test_html_page_in_french_with_key_figures_and_least_served(var_result, tmp_path):
    page = write_html(var_result, tmp_path / "c.html", "hub-du-sud-paca-2023.json").read_text(encoding="utf-8")
    assert "Couverture de Var (département 83)" in page
    assert "Frais à charge" in page and "Gratuit" in page
    for _label, value in key_figures(var_result):
        assert value in page
    assert number(var_result.totals.population_couverte) in page
    assert "Cavalaire-sur-Mer" in page and "IFN" in page
    assert "hub-du-sud-paca-2023.json" in page and "Admin Express" in page
    assert "<script" not in page
