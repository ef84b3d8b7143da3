"""The attribute form of a working layer, generated from the schema by one function.

:func:`configure_form` walks the schema's fields once and, for each, sets: the French alias (the
schema's title), the editor widget (from `core/form_layout.editor_kind`), the constraints
(required → soft not-null: an incomplete lieu is saved with a warning and the validation dock lists it;
unique → hard unique: an id already used is refused; pattern / length / type → a soft expression whose
description is the validation engine's message title), the default value; then lays the fields
out in the tabs of `core/form_layout.FORM_TABS`. No widget is written by hand for a field.
"""

from __future__ import annotations

from qgis.core import (
    QgsAttributeEditorContainer,
    QgsAttributeEditorField,
    QgsDefaultValue,
    QgsEditFormConfig,
    QgsEditorWidgetSetup,
    QgsExpression,
    QgsFieldConstraints,
    QgsVectorLayer,
)

from ..core.coordinates import COORDINATE_DECIMALS
from ..core.form_layout import EditorKind, editor_kind, form_tabs
from ..core.schema import FieldSpec, Schema, load_schema

TEXT_WIDGET = "MednumText"  # registered by plugin/gui/editor_widgets.py
MULTI_SELECT_WIDGET = "MednumMultiSelect"
LABEL_ON_TOP = {EditorKind.MULTI_SELECT, EditorKind.TYPOLOGIE, EditorKind.MULTILINE}
ISO_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
NUMBER_PATTERN = r"^[+-]?(\d+(\.\d*)?|\.\d+)$"

HARD = QgsFieldConstraints.ConstraintStrength.ConstraintStrengthHard
SOFT = QgsFieldConstraints.ConstraintStrength.ConstraintStrengthSoft
NOT_NULL = QgsFieldConstraints.Constraint.ConstraintNotNull
UNIQUE = QgsFieldConstraints.Constraint.ConstraintUnique


def widget_setup(spec: FieldSpec) -> QgsEditorWidgetSetup:
    """The editor widget of a field (type and configuration)."""
    kind = editor_kind(spec)
    if kind in (EditorKind.MULTI_SELECT, EditorKind.TYPOLOGIE):
        return QgsEditorWidgetSetup(MULTI_SELECT_WIDGET, {"field": spec.name, "kind": kind})
    if kind == EditorKind.SINGLE_SELECT:
        return QgsEditorWidgetSetup("ValueMap", {"map": [{value: value} for value in spec.enum]})
    if kind == EditorKind.DATE:
        return QgsEditorWidgetSetup(
            "DateTime",
            {
                "field_format": "yyyy-MM-dd",
                "display_format": "dd/MM/yyyy",
                "calendar_popup": True,
                "allow_null": True,
                "field_iso_format": False,
            },
        )
    return QgsEditorWidgetSetup(TEXT_WIDGET, {"field": spec.name, "kind": kind})


def _field(name: str) -> str:
    return QgsExpression.quotedColumnRef(name)


def soft_rule(spec: FieldSpec) -> tuple[str, str] | None:
    """(expression, description) of the soft constraint of a field, or None.

    The expression checks what QGIS can check natively (so it works even without the plugin):
    the schema pattern (list fields: the allowed values), the maximum length, number and ISO date
    types. The description is the engine's title for the issue code the same breach raises.
    """
    from ..core.validation import codes
    from ..core.validation.rules.cells import PATTERN_CODES

    checks, code_names = [], []
    column = _field(spec.name)
    if spec.pattern:
        checks.append(f"regexp_match({column}, {QgsExpression.quotedString('^(?:' + spec.pattern + ')$')})")
        code_names.append("enum" if spec.enum else PATTERN_CODES.get(spec.name, "pattern"))
    if spec.type == "number":
        checks.append(f"regexp_match({column}, {QgsExpression.quotedString(NUMBER_PATTERN)})")
        code_names.append("type-number")
    if spec.type == "date":
        checks.append(
            f"(regexp_match({column}, {QgsExpression.quotedString(ISO_DATE_PATTERN)}) "
            f"AND to_date({column}) IS NOT NULL)"
        )
        code_names.append("type-date")
    if spec.max_length:
        checks.append(f"length({column}) <= {int(spec.max_length)}")
        code_names.append("max-length")
    if not checks:
        return None
    expression = f"{column} IS NULL OR ({' AND '.join(checks)})"
    description = " · ".join(dict.fromkeys(codes.title(code) for code in code_names))
    return expression, description


def default_value(spec: FieldSpec, default_source: str = "") -> QgsDefaultValue | None:
    """New lieu: UUID id, today's date_maj (also on every edit), source from the settings, and
    latitude/longitude from the point it is digitised at."""
    if spec.name == "id":
        return QgsDefaultValue("uuid(format:='WithoutBraces')")
    if spec.name == "date_maj":
        return QgsDefaultValue("format_date(now(), 'yyyy-MM-dd')", True)
    if spec.name == "source" and default_source:
        return QgsDefaultValue(QgsExpression.quotedString(default_source))
    if spec.name in ("latitude", "longitude"):
        axis = "y" if spec.name == "latitude" else "x"
        return QgsDefaultValue(
            f"CASE WHEN $geometry IS NULL THEN NULL "
            f"ELSE to_string(round({axis}($geometry), {COORDINATE_DECIMALS})) END"
        )
    return None


def _default_source() -> str:
    from ..toolbelt.settings import load_settings

    return load_settings().default_source or ""


def configure_form(layer: QgsVectorLayer, schema: Schema | None = None, default_source: str | None = None) -> None:
    """Set aliases, editor widgets, constraints, defaults and the tabbed layout of ``layer``."""
    schema = schema or load_schema()
    if default_source is None:
        default_source = _default_source()
    fields = layer.fields()
    for spec in schema.fields:
        index = fields.indexFromName(spec.name)
        if index < 0:
            continue
        layer.setFieldAlias(index, spec.title)
        layer.setEditorWidgetSetup(index, widget_setup(spec))
        for constraint in (NOT_NULL, UNIQUE, QgsFieldConstraints.Constraint.ConstraintExpression):
            layer.removeFieldConstraint(index, constraint)
        if spec.required or spec.name == schema.primary_key:
            # soft: a one-field edit of a messy import (no id, no pivot…) can be saved; the dock tracks the rest
            layer.setFieldConstraint(index, NOT_NULL, SOFT)
        if spec.unique or spec.name == schema.primary_key:
            layer.setFieldConstraint(index, UNIQUE, HARD)
        rule = soft_rule(spec)
        if rule:
            layer.setConstraintExpression(index, rule[0], rule[1])
            layer.setFieldConstraint(index, QgsFieldConstraints.Constraint.ConstraintExpression, SOFT)
        layer.setDefaultValueDefinition(index, default_value(spec, default_source) or QgsDefaultValue())
    for index, field in enumerate(fields):  # the storage's own key (GeoPackage fid): not a field of the lieu
        if field.name() not in schema:
            layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("Hidden", {}))
    _layout_tabs(layer, schema)


def _layout_tabs(layer: QgsVectorLayer, schema: Schema) -> None:
    config = layer.editFormConfig()
    config.setLayout(QgsEditFormConfig.EditorLayout.TabLayout)
    root = config.invisibleRootContainer()
    root.clear()
    fields = layer.fields()
    for tab in form_tabs(schema):
        container = QgsAttributeEditorContainer(tab.title, root)
        container.setIsGroupBox(False)
        container.setColumnCount(1)
        for name in tab.fields:
            index = fields.indexFromName(name)
            if index < 0:
                continue
            container.addChildElement(QgsAttributeEditorField(name, index, container))
            config.setLabelOnTop(index, editor_kind(schema.field(name)) in LABEL_ON_TOP)
        root.addChildElement(container)
    config.setSuppress(QgsEditFormConfig.FeatureFormSuppress.SuppressOff)
    layer.setEditFormConfig(config)
