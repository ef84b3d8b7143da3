"""Python overrides that C++ calls never let an exception through (it would abort QGIS), and the editor
widget a wrapper builds stays the Python object QGIS hands back to initWidget."""

from __future__ import annotations

import gc

from qgis.core import NULL, QgsProcessingAlgorithm
from qgis.PyQt import sip
from qgis.PyQt.QtWidgets import QWidget

from plugin.gui.editor_widgets import TextWrapper
from plugin.gui.field_editors import FieldEditor
from plugin.toolbelt.cpp_guard import cpp_override


def test_an_exception_in_an_override_is_logged_and_the_default_returned(capsys):
    calls = []

    class Thing:
        @cpp_override(-1)
        def count(self, fail: bool) -> int:
            calls.append(fail)
            if fail:
                raise ValueError("boom")
            return 3

        @cpp_override(default_factory=list)
        def items(self):
            raise RuntimeError("no items")

    thing = Thing()
    assert thing.count(False) == 3
    assert thing.count(True) == -1
    assert calls == [False, True]
    first, second = thing.items(), thing.items()
    assert first == [] and first is not second  # a fresh default each call
    assert Thing.count.__name__ == "count" and Thing.count.__cpp_override__


def test_a_failing_override_is_reported_in_the_plugins_log(monkeypatch):
    from plugin.toolbelt import log

    logged = []
    monkeypatch.setattr(log.PlgLogger, "log", staticmethod(lambda message, *a, **k: logged.append(message)))

    @cpp_override(None)
    def broken():
        raise KeyError("field")

    assert broken() is None
    assert len(logged) == 1 and "KeyError" in logged[0] and "broken" in logged[0]


def test_the_wrapper_keeps_the_widget_it_built_alive(lieux_layer):
    index = lieux_layer.fields().indexOf("nom")
    wrapper = TextWrapper(lieux_layer, index, None, None)
    built = wrapper.createWidget(None)  # QGIS 3.40+ creates the editor without a parent
    address = sip.unwrapinstance(built)
    del built
    gc.collect()
    # C++ hands the same Qt object back, possibly through a plain QWidget wrapper
    plain = sip.wrapinstance(address, QWidget)
    wrapper.initWidget(plain)
    assert wrapper.valid()
    assert isinstance(wrapper._editor, FieldEditor)
    wrapper.setValue("Espace numérique")
    assert wrapper.value() == "Espace numérique"
    wrapper.setValue(NULL)
    assert wrapper.value() == NULL


def test_a_foreign_widget_leaves_the_wrapper_invalid_instead_of_raising(lieux_layer):
    wrapper = TextWrapper(lieux_layer, lieux_layer.fields().indexOf("nom"), None, None)
    other = QWidget()
    wrapper.initWidget(other)  # no valueChanged, no set_messages: nothing raised into C++
    assert not wrapper.valid()
    assert wrapper.value() == NULL


# overrides of C++ virtuals the plugin defines: each must be guarded (QgsProcessingAlgorithm's are not listed:
# Processing catches their exceptions itself)
GUARDED_VIRTUALS = {
    "run", "finished", "eventFilter", "closeEvent", "hideEvent", "showEvent", "resizeEvent", "sizeHint",
    "minimumSizeHint", "data", "flags", "rowCount", "columnCount", "index", "parent", "headerData", "hasChildren",
    "canFetchMore", "fetchMore", "createWidget", "initWidget", "valid", "value", "setValue", "setEnabled",
    "postProcessLayer", "create", "configWidget", "fieldScore", "config", "setConfig", "paint", "lessThan",
    "filterAcceptsRow", "canvasReleaseEvent", "canvasPressEvent", "canvasMoveEvent", "keyPressEvent",
    "contextMenuEvent", "mousePressEvent", "mouseDoubleClickEvent", "apply",
}


def test_every_override_of_a_cpp_virtual_is_guarded(repo_root):
    import importlib
    import inspect

    unguarded = []
    for path in sorted((repo_root / "plugin").rglob("*.py")):
        parts = path.relative_to(repo_root).with_suffix("").parts
        if parts[1] not in ("gui", "qgis", "processing", "toolbelt") or parts[-1] == "__init__":
            continue
        module = importlib.import_module(".".join(parts))
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__ or not issubclass(cls, sip.wrapper):
                continue
            if issubclass(cls, QgsProcessingAlgorithm):
                continue
            for attribute in GUARDED_VIRTUALS & set(vars(cls)):
                method = vars(cls)[attribute]
                overrides = any(attribute in vars(base) for base in cls.__mro__[1:]
                                if base.__module__.split(".")[0] in ("qgis", "PyQt5", "PyQt6"))
                if overrides and callable(method) and not getattr(method, "__cpp_override__", False):
                    unguarded.append(f"{module.__name__}.{cls.__name__}.{attribute}")
    assert unguarded == [], "\n".join(unguarded)
