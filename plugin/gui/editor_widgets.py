"""The plugin's editor widgets in QGIS's editor widget registry: attribute forms and the attribute
table of a working layer edit every field through them.

* ``MednumMultiSelect`` — a list field of the standard: a checkable list that reads and writes the
  stored ``a|b`` text itself (QGIS's ValueRelation would store ``{"a","b"}``); typologie gets a
  searchable list showing each code's label;
* ``MednumText`` — any other text field: an empty editor gives NULL (so "required" is a plain hard
  not-null constraint), the schema's example as placeholder; links are clickable (http/https),
  opening hours are shown in words with a weekly grid editor, long texts get a length counter.

Every editor shows, under itself, the validation engine's messages for its field, live.

The registry of QGIS 3.22 cannot unregister a widget type. :func:`register_editor_widgets` registers
the factories once per QGIS session; :func:`unregister_editor_widgets` (plugin unload) detaches
them: a detached factory hands out QGIS's own TextEdit, which shows and keeps the stored text as
it is. A working layer opened without the plugin falls back to TextEdit the same way.
"""

from __future__ import annotations

from functools import lru_cache

from qgis.core import NULL, QgsVectorLayer
from qgis.gui import QgsAttributeForm, QgsEditorConfigWidget, QgsEditorWidgetFactory, QgsEditorWidgetWrapper, QgsGui
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QEvent, QObject, Qt, QTimer
from qgis.PyQt.QtWidgets import QLabel, QVBoxLayout

from ..core.form_layout import EditorKind, field_help
from ..core.i18n import translate
from ..core.schema import FieldSpec, load_schema
from ..qgis.form_config import MULTI_SELECT_WIDGET, TEXT_WIDGET
from ..qgis.working_layer import attribute_text
from ..toolbelt.cpp_guard import cpp_override
from .field_editors import FieldEditor
from .multi_select_widget import MultiSelectWidget

CONFIG_FIELD = "field"
CONFIG_KIND = "kind"
LIVE_CHECK_DELAY_MS = 150


def _spec(config: dict, layer: QgsVectorLayer, field_index: int) -> FieldSpec | None:
    schema = load_schema()
    name = config.get(CONFIG_FIELD) or layer.fields().at(field_index).name()
    return schema.field(name) if name in schema else None


@lru_cache(maxsize=1)
def typologie_choices() -> tuple[tuple[str, str], ...]:
    """(code, "label (CODE)") of every typologie, from the reference data shipped in resources/."""
    from ..core.reference import typologies

    return tuple(
        (code, f"{label} ({code})" if label and label != code else code) for code, label in dict(typologies()).items()
    )


def choices_for(spec: FieldSpec, kind: str) -> tuple[tuple[str, str], ...]:
    if kind == EditorKind.TYPOLOGIE:
        return typologie_choices()
    return tuple((value, value) for value in spec.enum)


# -- live messages of the validation engine ----------------------------------------------------


@lru_cache(maxsize=8)
def _issues_of(items: tuple[tuple[str, str], ...]) -> tuple:
    from ..core.validation import check_record

    return tuple(check_record(dict(items), load_schema()))


def field_messages(record: dict, field_name: str) -> list[tuple[str, str]]:
    """(severity, French message) of the engine's issues on ``field_name`` for ``record``."""
    schema = load_schema()
    items = tuple((name, record.get(name, "") or "") for name in schema.field_names)
    return [(issue.severity, issue.message) for issue in _issues_of(items) if issue.field == field_name]


FORM_DECORATED = "lieux_mednum_labels_decorated"


def _log_exception() -> None:
    import traceback

    from qgis.core import Qgis

    from ..toolbelt.log import PlgLogger

    PlgLogger.log(traceback.format_exc(), Qgis.MessageLevel.Critical)


def decorate_form_labels(window) -> None:
    """Once per form: each label of a field of the standard gets the schema's help as tooltip (QGIS shows
    the field comment there, which a GeoPackage cannot hold), and sits level with the first line of a
    tall editor (QGIS centres it on the whole editor, far from its input when messages show below)."""
    if window is None or window.property(FORM_DECORATED):
        return
    window.setProperty(FORM_DECORATED, True)
    schema = load_schema()
    for label in window.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is None:
            continue
        # QGIS names each editor, or the frame around it that the label points to, after its field
        field_name = buddy.objectName()
        if field_name not in schema:
            continue
        spec = schema.field(field_name)
        help_text = field_help(spec).replace("&", "&amp;").replace("<", "&lt;").replace("\n", "<br>")
        label.setToolTip(f"<b>{spec.title}</b> <code>{spec.name}</code><p>{help_text}</p>")
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        label.setContentsMargins(0, 5, 0, 0)


class _LabelDecorator(QObject):
    """Decorates the form's labels when the first plugin editor is shown (the form is complete then)."""

    @cpp_override(False)
    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Show:
            watched.removeEventFilter(self)
            try:
                decorate_form_labels(watched.window())
            except Exception:  # cosmetic: never break the form
                _log_exception()
        return False


class FormLiveMessages(QObject):
    """The live record of one attribute form and the engine's messages of its plugin editors.

    One per form (a child of the QgsAttributeForm that owns the wrappers): it follows every widget of the
    form (``widgetValueChanged``, QGIS's own editors included) so that a message depending on another field
    (postal code ↔ INSEE code ↔ commune ↔ coordinates) is refreshed when that field changes.
    """

    OBJECT_NAME = "lieux_mednum_live_messages"

    def __init__(self, parent: QObject, feature_source):
        super().__init__(parent)
        self.setObjectName(self.OBJECT_NAME)
        self._feature_source = feature_source  # callable → the QgsFeature the form shows
        self._changes: dict[str, str] = {}
        self._wrappers: list[_LieuWrapper] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(LIVE_CHECK_DELAY_MS)
        self._timer.timeout.connect(self.refresh)

    @classmethod
    def of(cls, wrapper: _LieuWrapper) -> FormLiveMessages:
        form = wrapper.parent()
        if form is not None and not isinstance(form, QgsAttributeForm) and form.inherits("QgsAttributeForm"):
            form = sip.cast(form, QgsAttributeForm)  # PyQt hands the form over as a plain QWidget
        if isinstance(form, QgsAttributeForm):
            existing = form.findChild(QObject, cls.OBJECT_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
            if isinstance(existing, cls):
                return existing
            live = cls(form, form.feature)
            form.widgetValueChanged.connect(live.on_form_value)
            return live
        return cls(wrapper, wrapper.formFeature)  # an editor outside a form (attribute table cell)

    def add(self, wrapper: _LieuWrapper) -> None:
        self._wrappers.append(wrapper)

    def set_value(self, field_name: str, text: str) -> None:
        self._changes[field_name] = text
        self._timer.start()

    def on_form_value(self, attribute: str, value, _attribute_changed: bool = True) -> None:
        self.set_value(attribute, attribute_text(value))

    def record(self) -> dict:
        feature = self._feature_source()
        fields = feature.fields()
        attributes = feature.attributes()
        count = min(fields.count(), len(attributes))
        record = {fields.at(i).name(): attribute_text(attributes[i]) for i in range(count)}
        record.update(self._changes)
        return record

    def refresh(self) -> None:
        try:
            record = self.record()
            for wrapper in self._wrappers:
                wrapper.show_messages(record)
        except Exception:  # an exception in a Qt slot would abort QGIS: log it instead
            _log_exception()


class _LieuWrapper(QgsEditorWidgetWrapper):
    """What both wrappers share: NULL for empty, tooltip, read-only, live engine messages."""

    def __init__(self, layer, field_index, editor, parent):
        super().__init__(layer, field_index, editor, parent)
        self._editor = None
        self._built = None
        self._spec: FieldSpec | None = None
        self._live: FormLiveMessages | None = None

    # subclasses: _build(parent) -> widget with text()/setText()/valueChanged/setReadOnly/set_messages
    # Every override C++ calls is guarded (@cpp_override): an exception there would abort QGIS.

    @cpp_override(None)
    def createWidget(self, parent):
        self._spec = _spec(self.config(), self.layer(), self.fieldIdx())
        widget = self._build(parent)
        # The widget goes to C++ with no Python reference left: without one (and without a parent, as QGIS
        # 3.40+ creates it) sip lets the Python object go and initWidget then receives a plain QWidget,
        # with neither our signals nor our methods. The wrapper keeps it, and C++ owns the Qt object.
        self._built = widget
        if widget.parent() is None:
            sip.transferto(widget, None)
        return widget

    @cpp_override(None)
    def initWidget(self, editor):
        if self._built is not None and not isinstance(editor, type(self._built)) and (
            sip.unwrapinstance(editor) == sip.unwrapinstance(self._built)
        ):
            editor = self._built  # the same Qt object seen through a plain QWidget wrapper
        if not hasattr(editor, "set_messages"):
            return  # a widget of another kind (not ours): leave it as QGIS made it
        self._editor = editor
        if not editor.objectName():  # QGIS 3.22 names the editor after its field, 3.40 no longer does
            editor.setObjectName(self.field().name())
        if self._spec is not None:
            editor.setToolTip(field_help(self._spec))
        editor.valueChanged.connect(self._on_user_change)
        self._decorator = _LabelDecorator(editor)
        editor.installEventFilter(self._decorator)
        self._live = FormLiveMessages.of(self)
        self._live.add(self)

    @cpp_override(False)
    def valid(self) -> bool:
        return self._editor is not None

    @cpp_override(NULL)
    def value(self):
        text = self._editor.text() if self._editor is not None else ""
        return text if text != "" else NULL

    @cpp_override(None)
    def setValue(self, value) -> None:  # QGIS 3.22 calls it through updateValues()
        if self._editor is None:
            return
        self._editor.setText(attribute_text(value))
        if self._live is not None and self._spec is not None:
            self._live.set_value(self._spec.name, self._editor.text())

    @cpp_override(None)
    def setEnabled(self, enabled: bool) -> None:
        if self._editor is not None:
            self._editor.setReadOnly(not enabled)

    def _on_user_change(self, *_args) -> None:
        self.emitValueChanged()
        if self._live is not None and self._spec is not None:
            self._live.set_value(self._spec.name, self._editor.text())

    def show_messages(self, record: dict) -> None:
        if self._editor is None or self._spec is None:
            return
        try:
            messages = field_messages(record, self._spec.name)
        except Exception as err:  # a validator failure must never break the form; say it instead
            messages = [("warning", translate("EditorWidgets", "Live validation failed: {error}").format(error=err))]
        self._editor.set_messages(messages)


class TextWrapper(_LieuWrapper):
    def _build(self, parent):
        config = self.config()
        kind = config.get(CONFIG_KIND) or EditorKind.TEXT
        spec = self._spec
        placeholder = ""
        if spec is not None and spec.example and kind != EditorKind.MULTILINE:
            placeholder = translate("EditorWidgets", "e.g. {example}").format(example=spec.example)
        return FieldEditor(
            kind=kind,
            multi=bool(spec and spec.multi),
            max_length=spec.max_length if spec else None,
            placeholder=placeholder,
            parent=parent,
        )


class _MultiSelectEditor(MultiSelectWidget):
    """MultiSelectWidget with the text API the wrapper uses, and the engine's messages under it."""

    def __init__(self, choices, searchable, parent):
        super().__init__(choices, searchable=searchable, parent=parent)
        from .field_editors import MessageLabel

        self.messages = MessageLabel(self)
        self.layout().addWidget(self.messages)

    def text(self) -> str:
        return self.value()

    def setText(self, text: str) -> None:
        self.setValue(text)

    def set_messages(self, messages) -> None:
        self.messages.set_messages(messages)


class MultiSelectWrapper(_LieuWrapper):
    @cpp_override(None)
    def initWidget(self, editor):
        super().initWidget(editor)
        if self._editor is None:
            return
        editor = self._editor
        hint = translate("EditorWidgets", "Right-click: check all, uncheck all.")
        editor.setToolTip(f"{editor.toolTip()}\n\n{hint}".strip())

    def _build(self, parent):
        kind = self.config().get(CONFIG_KIND) or EditorKind.MULTI_SELECT
        choices = choices_for(self._spec, kind) if self._spec is not None else ()
        return _MultiSelectEditor(choices, kind == EditorKind.TYPOLOGIE, parent)


# -- factories and registration ---------------------------------------------------------------


class _InfoConfigWidget(QgsEditorConfigWidget):
    """Layer properties page of the widget: it is generated from the schema, nothing to set by hand."""

    def __init__(self, layer, field_index, parent):
        super().__init__(layer, field_index, parent)
        self._config = {}
        layout = QVBoxLayout(self)
        label = QLabel(
            translate(
                "EditorWidgets",
                "This editor is configured from the schema of the standard by the plugin "
                "“Lieux de médiation numérique”."
            ),
            self,
        )
        label.setWordWrap(True)
        layout.addWidget(label)

    @cpp_override(default_factory=dict)
    def config(self):
        return self._config

    @cpp_override(None)
    def setConfig(self, config):
        self._config = dict(config or {})


class LieuWidgetFactory(QgsEditorWidgetFactory):
    """Creates the plugin's wrappers while attached, QGIS's TextEdit once the plugin is unloaded."""

    def __init__(self, name: str, wrapper_class):
        super().__init__(name)
        self.wrapper_class = wrapper_class
        self.attached = True

    @cpp_override(None)
    def create(self, layer, field_index, editor, parent):
        if not self.attached:
            fallback = QgsGui.editorWidgetRegistry().factory("TextEdit")
            return fallback.create(layer, field_index, editor, parent)
        return self.wrapper_class(layer, field_index, editor, parent)

    @cpp_override(None)
    def configWidget(self, layer, field_index, parent):
        return _InfoConfigWidget(layer, field_index, parent)

    @cpp_override(0)
    def fieldScore(self, layer, field_index) -> int:
        return 0  # never proposed automatically: the plugin sets it from the schema


def _widget_types() -> dict[str, tuple[str, type]]:
    return {
        TEXT_WIDGET: (translate("EditorWidgets", "Lieux de médiation numérique: text"), TextWrapper),
        MULTI_SELECT_WIDGET: (translate("EditorWidgets", "Lieux de médiation numérique: multiple choice"),
                              MultiSelectWrapper),
    }


def register_editor_widgets() -> None:
    """Register (or re-attach, after a plugin reload) the plugin's editor widgets."""
    registry = QgsGui.editorWidgetRegistry()
    for widget_id, (name, wrapper_class) in _widget_types().items():
        existing = registry.factory(widget_id)
        if isinstance(existing, QgsEditorWidgetFactory) and hasattr(existing, "attached"):
            existing.wrapper_class = wrapper_class
            existing.attached = True
            continue
        registry.registerWidget(widget_id, LieuWidgetFactory(name, wrapper_class))


def unregister_editor_widgets() -> None:
    """Detach the plugin's editor widgets (QGIS 3.22 has no unregister): TextEdit takes over."""
    registry = QgsGui.editorWidgetRegistry()
    for widget_id in _widget_types():
        factory = registry.factory(widget_id)
        if hasattr(factory, "attached"):
            factory.attached = False


def editor_widgets_registered() -> bool:
    registry = QgsGui.editorWidgetRegistry()
    return all(getattr(registry.factory(w), "attached", False) for w in _widget_types())
