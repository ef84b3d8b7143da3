"""The shipped French translation, headless: what a French user reads from the CLI and the core.

The texts are asserted as the user sees them, with the French typography of the catalogue (no-break space
U+00A0 before « : ; ? ! », inside « guillemets » and between a number and its unit).
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from plugin.core import i18n
from plugin.core.form_layout import form_tabs
from plugin.core.hours_text import hours_in_words
from plugin.core.validation import ValidationOptions, check_record
from tests.unit.validation.helpers import TODAY, TYPOLOGIES, VALID

NB = "\u00a0"


def run_cli(repo_root, *args, lang_env=None):
    env = {k: v for k, v in os.environ.items() if k != "MEDNUM_LANG"}
    if lang_env:
        env["MEDNUM_LANG"] = lang_env
    done = subprocess.run(
        [sys.executable, "-m", "plugin", "validate", "--today", "2024-06-01", *map(str, args)],
        cwd=repo_root, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )
    assert "Traceback" not in done.stdout + done.stderr
    return done


@pytest.mark.parametrize("lang_args", [(), ("--lang", "fr")], ids=["default", "--lang fr"])
def test_cli_reports_in_french(repo_root, samples, lang_args):
    done = run_cli(repo_root, samples / "bad.csv", *lang_args)
    assert done.returncode == 1
    out = done.stdout
    assert f"Résultat{NB}: NON CONFORME — erreurs{NB}: " in out
    assert "Synthèse par règle" in out and "\nAnomalies\n" in out
    assert f"Cellule vide{NB}: le champ «{NB}nom{NB}» est obligatoire. Renseignez-le." in out
    assert "Ligne 2 · id bad-date" in out and f"→ correction proposée{NB}: «{NB}2024-04-02{NB}»" in out
    assert "Valeur non autorisée" in out and "[avertissement]" in out
    assert "Empty cell" not in out and "NOT CONFORMANT" not in out


def test_cli_english_on_request(repo_root, samples):
    done = run_cli(repo_root, samples / "bad.csv", "--lang", "en")
    assert "Result: NOT CONFORMANT" in done.stdout and "Empty cell: “nom” is required." in done.stdout
    assert "Ligne" not in done.stdout
    assert "Result: NOT CONFORMANT" in run_cli(repo_root, samples / "bad.csv", lang_env="en").stdout


def test_cli_errors_and_html_report_in_french(repo_root, samples, tmp_path):
    missing = run_cli(repo_root, tmp_path / "absent.csv")
    assert missing.returncode == 2 and "n'existe pas" in missing.stderr
    bad_date = run_cli(repo_root, samples / "bad.csv", "--today", "2024/06/01")
    assert f"--today attend une date écrite AAAA-MM-JJ, et non «{NB}2024/06/01{NB}»." in bad_date.stderr
    report = tmp_path / "rapport.html"
    done = run_cli(repo_root, samples / "bad.csv", "--format", "html", "-o", report)
    assert done.returncode == 1 and "Rapport écrit dans" in done.stderr
    html = report.read_text(encoding="utf-8")
    assert '<html lang="fr">' in html
    for text in ("Rapport de validation", "Non conforme au standard", "erreurs (bloquantes)",
                 "Synthèse par règle", "Correction proposée", "Anomalies, lieu par lieu"):
        assert text in html, text


def test_cli_usage_and_argument_errors_in_french(repo_root):
    """argparse's own texts too: a French user never reads "usage:" or "the following arguments are required"."""
    missing = run_cli(repo_root)
    assert missing.returncode == 2
    assert f"utilisation{NB}: python -m plugin validate" in missing.stderr
    assert f"Erreur{NB}: arguments obligatoires manquants{NB}: FILE" in missing.stderr
    wrong = run_cli(repo_root, "lieux.csv", "--format", "pdf")
    assert f"choix non valide{NB}: 'pdf'" in wrong.stderr
    helped = run_cli(repo_root, "--help")
    assert "afficher cette aide et quitter" in helped.stdout and f"arguments positionnels{NB}:" in helped.stdout
    assert "usage:" not in helped.stdout and "show this help" not in helped.stdout
    english = run_cli(repo_root, "--lang", "en")
    assert "the following arguments are required: FILE" in english.stderr


@pytest.fixture()
def french():
    with i18n.language("fr"):
        yield


@pytest.mark.usefixtures("french")
def test_core_messages_in_french():
    options = ValidationOptions(today=TODAY, typologies=TYPOLOGIES)
    issues = {issue.code: issue for issue in check_record(dict(VALID, nom="", services="Wifi"), options=options)}
    assert issues["required"].message == f"Cellule vide{NB}: le champ «{NB}nom{NB}» est obligatoire. Renseignez-le."
    enum = issues["enum"].message
    assert enum.startswith(f"«{NB}Wifi{NB}»{NB}: non autorisé dans «{NB}services{NB}».")  # items quoted in French
    assert "Aide aux démarches administratives" in enum  # values of the standard stay as the standard spells them


@pytest.mark.usefixtures("french")
def test_hours_in_french_words():
    assert hours_in_words("Mo-Fr 08:30-12:00,14:00-17:00") == (
        f"Du lundi au vendredi{NB}: de 8{NB}h{NB}30 à 12{NB}h et de 14{NB}h à 17{NB}h"
    )
    assert hours_in_words("Jan 1 off; May 1 off") == f"Le 1er janvier{NB}: fermé. Le 1er mai{NB}: fermé"
    assert hours_in_words("Apr-Oct Sa 10:00-12:00") == f"Entre avril et octobre, samedi{NB}: de 10{NB}h à 12{NB}h"
    assert hours_in_words("24/7") == f"Ouvert 24{NB}h/24 et 7{NB}j/7"
    assert hours_in_words("") == "Horaires non renseignés"


@pytest.mark.usefixtures("french")
def test_form_tabs_in_french(schema):
    titles = [tab.title for tab in form_tabs(schema)]
    assert titles[:3] == ["Identité", "Adresse et localisation", "Contact"]
    assert "Horaires et rendez-vous" in titles


@pytest.mark.usefixtures("french")
def test_distances_with_a_decimal_comma():
    from plugin.core.orientation.cards import format_distance

    assert format_distance(2.46) == f"2,5{NB}km" and format_distance(0.234) == f"230{NB}m"
