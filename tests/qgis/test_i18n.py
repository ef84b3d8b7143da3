"""Translation pipeline: make translations extracts every user string, keeps translations, and QGIS loads them."""

from __future__ import annotations

import ast
import importlib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

TRANSLATION_FUNCTIONS = {"translate", "QT_TRANSLATE_NOOP"}


def ts_messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name"), message.findtext("source")): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def _call_name(func: ast.expr) -> str:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _wrappers(tree: ast.Module) -> dict[str, str]:
    """Module functions ``def f(text): return translate(CTX, text)`` → CTX (a literal or a module constant)."""
    constants = {
        target.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    found = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or len(node.args.args) != 1 or not node.body:
            continue
        last = node.body[-1]
        call = last.value if isinstance(last, ast.Return) else None
        if not (isinstance(call, ast.Call) and _call_name(call.func) == "translate" and len(call.args) == 2
                and isinstance(call.args[1], ast.Name) and call.args[1].id == node.args.args[0].arg):
            continue
        context = call.args[0]
        if isinstance(context, ast.Constant):
            found[node.name] = context.value
        elif isinstance(context, ast.Name) and context.id in constants:
            found[node.name] = constants[context.id]
    return found


def translatable_calls(repo_root: Path):
    """(context, text, file, line) of every translate("C", "literal"), self.tr("literal") and wrapper("literal")
    call in plugin/."""
    for path in sorted((repo_root / "plugin").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        wrappers = _wrappers(tree)
        classes = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                for child in ast.walk(node):
                    classes.setdefault(id(child), node.name)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _call_name(node.func)
            literals = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            where = (path.relative_to(repo_root), node.lineno)
            if name in TRANSLATION_FUNCTIONS and len(node.args) >= 2 and len(literals) >= 2:
                yield (literals[0], literals[1], *where)
            elif name in wrappers and isinstance(node.func, ast.Name) and len(node.args) == 1 and literals:
                yield (wrappers[name], literals[0], *where)
            elif name == "tr" and isinstance(node.func, ast.Attribute) and literals and id(node) in classes:
                yield (classes[id(node)], literals[0], *where)


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
