"""make package gives a zip QGIS installs; make install links and enables the plugin; qgis_process runs it."""

from __future__ import annotations

import configparser
import csv
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SAMPLE = "hub-du-sud-paca-2023.json"


def metadata_version(repo_root: Path) -> str:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(repo_root / "metadata.txt", encoding="utf-8")
    return parser["general"]["version"]


def qgis_config(tmp_path: Path, locale: str = "") -> Path:
    """A QGIS settings folder (QGIS_CUSTOM_CONFIG_PATH) with its default profile, optionally in ``locale``."""
    config = tmp_path / "qgis-config"
    ini = config / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    if locale:
        ini.write_text(f"[locale]\noverrideFlag=true\nuserLocale={locale}\n", encoding="utf-8")
    return config


def runtime_pythonpath() -> str:
    """The venv's site-packages: the runtime deps, for a QGIS subprocess that runs the system Python."""
    return os.pathsep.join(p for p in sys.path if p.endswith("site-packages"))


@pytest.fixture(scope="module")
def package_zip(repo_root, french_catalogue, tmp_path_factory) -> Path:
    if subprocess.run(["git", "rev-parse", "--git-dir"], cwd=repo_root, capture_output=True).returncode != 0:
        pytest.skip("make package archives the git checkout: this copy of the sources is not one")
    out = tmp_path_factory.mktemp("dist")
    env = {**os.environ, "QM_DIR": str(french_catalogue.parent)}
    subprocess.run([str(repo_root / "scripts" / "package.sh"), str(out)], cwd=repo_root, env=env, check=True,
                   capture_output=True)
    return out / f"lieux_mednum-{metadata_version(repo_root)}.zip"


def test_zip_has_one_top_folder_and_no_development_files(package_zip):
    assert package_zip.exists(), "dist/lieux_mednum-<version from metadata.txt>.zip"
    names = zipfile.ZipFile(package_zip).namelist()
    assert all(name.startswith("lieux_mednum/") for name in names)
    for required in ["metadata.txt", "__init__.py", "LICENSE", "README.md", "requirements.txt", "plugin/main.py",
                     "plugin/processing/validate.py", "resources/schema/schema-v1.0.2.json",
                     "resources/icons/lieux_mednum.svg", "i18n/lieux_mednum_fr.qm"]:
        assert f"lieux_mednum/{required}" in names, required
    for excluded in ["tests/", "bench/", ".ci/", "scripts/", "Makefile", "pyproject.toml", "requirements-dev.txt",
                     ".gitignore", ".gitattributes", "__pycache__", ".venv", ".qgis-settings", "samples/"]:
        assert not [n for n in names if n[len("lieux_mednum/"):].startswith(excluded) or f"/{excluded}" in n], excluded


def test_zip_content_loads_in_qgis_as_lieux_mednum_in_french(package_zip, samples, tmp_path):
    plugins_dir = tmp_path / "plugins"
    zipfile.ZipFile(package_zip).extractall(plugins_dir)
    env = {**os.environ, "QGIS_CUSTOM_CONFIG_PATH": str(qgis_config(tmp_path, "fr_FR")), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("MEDNUM_LANG", None)  # the language must come from the QGIS profile
    completed = subprocess.run(
        [sys.executable, str(HERE / "load_installed_plugin.py"), str(plugins_dir), str(samples / SAMPLE)],
        env=env, capture_output=True, text=True, timeout=300,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    outcome = json.loads(completed.stdout.strip().splitlines()[-1])
    assert outcome["module"] == str(plugins_dir / "lieux_mednum" / "__init__.py")
    assert outcome["language"] == "fr" and outcome["translator"]
    assert outcome["actions"]["mednumSettingsAction"] == "Paramètres…", "the packaged .qm is loaded"
    assert outcome["rows"] == 646
    assert outcome["missing_dependencies"] == []
    assert outcome["provider_after_unload"] is False


QGIS_PROCESS = shutil.which("qgis_process.bin") or shutil.which("qgis_process")


@pytest.mark.skipif(QGIS_PROCESS is None, reason="qgis_process is not installed")
def test_make_install_then_qgis_process_runs_mednum_validate(repo_root, samples, tmp_path):
    config = qgis_config(tmp_path)
    env = {**os.environ, "QGIS_CUSTOM_CONFIG_PATH": str(config), "QT_QPA_PLATFORM": "offscreen"}
    # the dependency step of make install changes the user's Python: here the deps come from the venv instead
    subprocess.run([str(repo_root / "scripts" / "install.sh"), "--no-deps"], env=env, check=True, capture_output=True)
    link = config / "profiles" / "default" / "python" / "plugins" / "lieux_mednum"
    assert link.is_symlink() and link.resolve() == repo_root.resolve()
    ini = (config / "profiles" / "default" / "QGIS" / "QGIS3.ini").read_text(encoding="utf-8")
    assert "[PythonPlugins]" in ini and "lieux_mednum=true" in ini

    issues = tmp_path / "issues.csv"
    env["PYTHONPATH"] = runtime_pythonpath()
    completed = subprocess.run(
        [QGIS_PROCESS, "--json", "run", "mednum:validate", "--", f"INPUT={samples / SAMPLE}", f"OUTPUT={issues}"],
        env=env, capture_output=True, text=True, timeout=300,
    )
    assert completed.returncode == 0, completed.stdout[-2000:] + completed.stderr[-2000:]
    results = json.loads(completed.stdout)["results"]
    assert results["ROWS"] == 646
    with open(issues, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["row", "id", "field", "code", "severity", "message", "value", "suggestion"]
    assert len(rows) - 1 == results["ERRORS"] + results["WARNINGS"] > 0

    subprocess.run([str(repo_root / "scripts" / "install.sh"), "--uninstall"], env=env, check=True,
                   capture_output=True)
    assert not link.exists() and not link.is_symlink()
    assert "lieux_mednum=true" not in (config / "profiles" / "default" / "QGIS" / "QGIS3.ini").read_text()


@pytest.mark.skipif(QGIS_PROCESS is None, reason="qgis_process is not installed")
def test_qgis_process_without_the_dependencies_lists_the_algorithms_and_says_what_to_install(repo_root, samples,
                                                                                             tmp_path):
    """The system Python of QGIS without the plugin's dependencies (no PYTHONPATH to the venv): the provider
    loads, every algorithm is listed, and running one gives the French message with the pip command."""
    if subprocess.run(["/usr/bin/python3", "-c", "import stdnum, opening_hours"], capture_output=True).returncode == 0:
        pytest.skip("the system Python has the dependencies: nothing is missing")
    config = qgis_config(tmp_path, "fr_FR")
    env = {**os.environ, "QGIS_CUSTOM_CONFIG_PATH": str(config), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONPATH", None)
    env.pop("MEDNUM_LANG", None)
    subprocess.run([str(repo_root / "scripts" / "install.sh"), "--no-deps"], env=env, check=True, capture_output=True)
    try:
        listed = subprocess.run([QGIS_PROCESS, "list"], env=env, capture_output=True, text=True, timeout=300)
        assert "ModuleNotFoundError" not in listed.stdout + listed.stderr
        for algorithm in ("validate", "import", "export", "fetch", "push", "orient", "report"):
            assert f"mednum:{algorithm}" in listed.stdout, algorithm
        run = subprocess.run(
            [QGIS_PROCESS, "run", "mednum:validate", "--", f"INPUT={samples / SAMPLE}", f"OUTPUT={tmp_path / 'i.csv'}"],
            env=env, capture_output=True, text=True, timeout=300,
        )
        output = run.stdout + run.stderr
        assert run.returncode != 0
        assert "ModuleNotFoundError" not in output and "Traceback" not in output, output[-2000:]
        assert "Dépendances Python manquantes" in output and "python-stdnum" in output, output[-2000:]
        assert "pip install" in output
    finally:
        subprocess.run([str(repo_root / "scripts" / "install.sh"), "--uninstall"], env=env, capture_output=True)
