"""Translation pipeline: make translations extracts every user string, keeps translations, and QGIS loads them."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QTranslator
from qgis.PyQt.QtWidgets import QCheckBox


def _ts_complete():
    """scripts/ts_complete.py, the tool make translations runs: the tests read the code with its own eyes."""
    path = Path(__file__).resolve().parents[2] / "scripts" / "ts_complete.py"
    spec = importlib.util.spec_from_file_location("ts_complete", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ts_complete = _ts_complete()
_call_name = ts_complete._call_name


def ts_messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name"), message.findtext("source")): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def translatable_calls(repo_root: Path):
    """(context, text, file, line) of every translate("C", "literal"), self.tr("literal") and wrapper("literal")
    call in plugin/, as scripts/ts_complete.py finds them."""
    for path in sorted((repo_root / "plugin").rglob("*.py")):
        for message in ts_complete.messages_in(path, repo_root):
            yield message.context, message.source, Path(message.filename), message.line


def test_every_user_string_of_the_code_is_extracted(repo_root, french_catalogue):
    messages = ts_messages(french_catalogue)
    calls = list(translatable_calls(repo_root))
    assert len(calls) > 20
    missing = [f"{file}:{line} {context!r} {text[:60]!r}" for context, text, file, line in calls
               if (context, text) not in messages]
    assert not missing, "make translations lost these strings, so they can never be translated:\n" + "\n".join(missing)


def test_existing_translations_are_kept_and_compiled(french_catalogue):
    message = ts_messages(french_catalogue)[("LieuxMednumPlugin", "Settings…")]
    assert message.findtext("translation") == "Paramètres…"
    qm = french_catalogue.with_suffix(".qm")
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("LieuxMednumPlugin", "Settings…") == "Paramètres…"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_plugin_loads_the_translation_of_the_qgis_language(
    plugin_package, qgis_iface, qgis_processing, french_catalogue, monkeypatch
):
    main = importlib.import_module("lieux_mednum.plugin.main")
    i18n = importlib.import_module("lieux_mednum.plugin.core.i18n")
    monkeypatch.setattr(main, "I18N", french_catalogue.parent)
    monkeypatch.delenv("MEDNUM_LANG", raising=False)
    settings = QgsSettings()
    previous = settings.value("locale/userLocale", ""), settings.value("locale/overrideFlag", False, type=bool)
    settings.setValue("locale/overrideFlag", True)  # Settings > Options > General > Override system locale
    settings.setValue("locale/userLocale", "fr_FR")
    try:
        assert main.qgis_language() == "fr"
        plugin = plugin_package.classFactory(qgis_iface)
        assert plugin.translator is not None
        plugin.initGui()
        texts = {action.objectName(): action.text() for action in plugin.actions}
        assert texts["mednumSettingsAction"] == "Paramètres…"
        assert i18n.translate("LieuxMednumPlugin", "Settings…") == "Paramètres…", "the core follows QGIS"
        plugin.unload()
        assert QCoreApplication.translate("LieuxMednumPlugin", "Settings…") == "Settings…"
    finally:
        settings.setValue("locale/userLocale", previous[0])
        settings.setValue("locale/overrideFlag", previous[1])


def test_language_defaults_to_english_when_qgis_has_no_locale(plugin_package, monkeypatch):
    main = importlib.import_module("lieux_mednum.plugin.main")
    monkeypatch.delenv("MEDNUM_LANG", raising=False)
    monkeypatch.setattr(QgsApplication, "locale", staticmethod(lambda: "C"))
    assert main.qgis_language() == "en"


def test_mednum_lang_overrides_the_qgis_language(plugin_package, monkeypatch):
    main = importlib.import_module("lieux_mednum.plugin.main")
    monkeypatch.delenv("MEDNUM_LANG", raising=False)
    monkeypatch.setattr(QgsApplication, "locale", staticmethod(lambda: "de_DE"))
    assert main.qgis_language() == "de"
    monkeypatch.setenv("MEDNUM_LANG", "fr")
    assert main.qgis_language() == "fr"


def test_translations_of_strings_pylupdate5_misses_survive_a_new_extraction(repo_root, tmp_path, ts_tools):
    """ts_complete.py adds what pylupdate5 skips; a translation of such a string must survive make translations."""
    import subprocess

    make_translations, set_translation = ts_tools.make_translations, ts_tools.set_translation
    sources = sorted(str(p.relative_to(repo_root)) for p in (repo_root / "plugin").rglob("*.py"))
    bare = tmp_path / "bare" / "lieux_mednum_fr.ts"
    bare.parent.mkdir()
    subprocess.run(["pylupdate5", *sources, "-ts", str(bare)], cwd=repo_root, check=True, capture_output=True)
    ts = make_translations(repo_root, tmp_path / "full")
    only_completed = sorted(set(ts_messages(ts)) - set(ts_messages(bare)))
    if not only_completed:
        pytest.skip("pylupdate5 sees every string of the code today")
    context, source = only_completed[0]
    set_translation(ts, context, source, "traduction de test")
    make_translations(repo_root, ts.parent)
    translation = ts_messages(ts)[(context, source)].find("translation")
    assert translation.text == "traduction de test" and translation.get("type") is None


# ---- the shipped French translation ------------------------------------------------------------------------------

NB = "\u00a0"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def shipped_catalogue(repo_root: Path) -> Path:
    return repo_root / "i18n" / "lieux_mednum_fr.ts"


def test_shipped_french_catalogue_translates_every_string_of_the_code(repo_root):
    """Every user string of the code has a finished, non-empty French translation that keeps its placeholders."""
    messages = ts_messages(shipped_catalogue(repo_root))
    calls = list(translatable_calls(repo_root))
    problems = []
    for context, text, file, line in calls:
        message = messages.get((context, text))
        where = f"{file}:{line} {context!r} {text[:60]!r}"
        if message is None:
            problems.append(f"{where}: not in the .ts (run make translations)")
            continue
        translation = message.find("translation")
        if translation.get("type") or not (translation.text or "").strip():
            problems.append(f"{where}: not translated")
            continue
        french = translation.text
        if sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(french)):
            problems.append(f"{where}: placeholders differ in {french!r}")
        if sorted(TAG.findall(text)) != sorted(TAG.findall(french)):
            problems.append(f"{where}: HTML tags differ in {french!r}")
        if text.endswith(("…", ":", " ")) and french[-1] != text[-1]:
            problems.append(f"{where}: the ending of {french!r} differs")
        if "“" in french or "”" in french or re.search(r"\w [:;?!»]|« ", french):
            problems.append(f"{where}: French typography (« », no-break space) in {french!r}")
    assert not problems, "\n".join(problems)


def test_shipped_french_catalogue_has_nothing_unfinished_or_stray(repo_root, tmp_path):
    root = ET.parse(shipped_catalogue(repo_root)).getroot()
    contexts = {context.findtext("name") for context in root.iter("context")}
    assert "@default" not in contexts, "a module-level tr() wrapper misread by pylupdate5 (see ts_complete.py)"
    unfinished = [
        (context.findtext("name"), message.findtext("source"))
        for context in root.iter("context")
        for message in context.iter("message")
        if message.find("translation").get("type") == "unfinished"
    ]
    assert not unfinished
    lrelease = shutil.which("lrelease") or "/usr/lib/qt5/bin/lrelease"
    if not Path(lrelease).exists():
        pytest.skip("lrelease is not installed")
    done = subprocess.run(
        [lrelease, str(shipped_catalogue(repo_root)), "-qm", str(tmp_path / "fr.qm")], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    counts = re.search(r"Generated (\d+) translation\(s\) \((\d+) finished and (\d+) unfinished\)", done.stdout)
    assert counts and int(counts.group(1)) > 500 and counts.group(3) == "0", done.stdout


def test_the_plugin_speaks_french_in_qgis(plugin_package, qgis_iface, qgis_processing, repo_root, monkeypatch):
    """French QGIS: menus, dialogs (self.tr), Processing and the core's messages come from the shipped .qm."""
    i18n = importlib.import_module("lieux_mednum.plugin.core.i18n")
    qm = shipped_catalogue(repo_root).with_suffix(".qm")
    if not qm.exists():
        pytest.skip("i18n/*.qm not compiled (make i18n)")
    monkeypatch.setenv("MEDNUM_LANG", "fr")
    plugin = plugin_package.classFactory(qgis_iface)
    assert plugin.translator is not None and plugin.language == "fr"
    plugin.initGui()
    try:
        texts = {action.text() for action in plugin.actions}
        menu = ("Paramètres…", "Aide et à propos…", "Ouvrir un fichier de lieux…", "Exporter un fichier conforme…")
        for text in menu:
            assert text in texts, (text, texts)
        pull = QCoreApplication.translate("ApiFeature", "Pull lieux from an API…")
        assert pull == "Récupérer des lieux depuis une API…"
        hours = importlib.import_module("lieux_mednum.plugin.gui.opening_hours_dialog")
        dialog = hours.OpeningHoursDialog("Mo-Fr 09:00-12:00")
        assert dialog.windowTitle() == "Horaires d'ouverture"  # self.tr() of a QDialog subclass
        days = [box.text() for box in dialog.findChildren(QCheckBox) if box.text()]
        assert days[:2] == ["Lundi", "Mardi"], days  # the plugin's language, whatever the system locale
        dialog.deleteLater()
        widgets = importlib.import_module("lieux_mednum.plugin.gui.editor_widgets")
        editor = widgets._MultiSelectEditor([("a", "A"), ("b", "B")], True, None)  # a subclass of MultiSelectWidget
        assert editor.search.placeholderText() == "Rechercher…"
        editor.deleteLater()
        provider = plugin.provider
        names = {algorithm.id().split(":")[-1]: algorithm.displayName() for algorithm in provider.algorithms()}
        assert names["validate"] == "Valider des lieux selon le standard national"
        assert provider.name() == "Lieux de médiation numérique"
        assert i18n.translate("FormLayout", "Identity") == "Identité", "the core follows the QGIS translator"
        validation = importlib.import_module("lieux_mednum.plugin.core.validation")
        issues = validation.check_record({"nom": ""})
        required = next(issue for issue in issues if issue.code == "required" and issue.field == "nom")
        assert required.message == f"Cellule vide{NB}: le champ «{NB}nom{NB}» est obligatoire. Renseignez-le."
    finally:
        plugin.unload()
    assert QCoreApplication.translate("LieuxMednumPlugin", "Settings…") == "Settings…"


def test_self_tr_is_not_used_in_a_class_that_is_subclassed(repo_root):
    """PyQt's self.tr() looks a text up under the class name of the *instance*: in a subclass, the context the .ts
    holds (the class that calls tr) is never found and the text stays in English. Such a class must call
    translate("Context", …) instead."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in (repo_root / "plugin").rglob("*.py")}
    bases = {
        _call_name(base)
        for tree in trees.values()
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
        for base in node.bases
    }
    offenders = [
        f"{path.relative_to(repo_root)}:{call.lineno} {node.name}"
        for path, tree in trees.items()
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef) and node.name in bases
        for call in ast.walk(node)
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "tr"
        and isinstance(call.func.value, ast.Name) and call.func.value.id == "self"
    ]
    assert not offenders, "self.tr() in a subclassed class:\n" + "\n".join(offenders)


def test_readme_names_the_processing_algorithms_as_french_qgis_does(repo_root, qgis_processing):
    """The README's "### `mednum:x` — Title" headings are the algorithms' names in a French QGIS."""
    from plugin.core import i18n
    from plugin.processing.provider import algorithm_classes

    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    headings = dict(re.findall(r"^### `mednum:(\w+)` — (.+)$", readme, flags=re.MULTILINE))
    assert len(headings) >= 3
    with i18n.language("fr"):
        names = {cls().name(): cls().displayName() for cls in algorithm_classes()}
    for name, title in headings.items():
        assert names[name] == title.strip(), name
