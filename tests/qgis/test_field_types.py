"""Field types through plugin.qgis.field_types: QMetaType where QGIS takes it (3.38+), QVariant before."""

from __future__ import annotations

import re

from qgis.core import Qgis, QgsField, QgsVectorLayer

from plugin.qgis import field_types

QVARIANT_TYPE = re.compile(r"\bQVariant\.(?:Type\.)?(?:String|Int|LongLong|UInt|ULongLong|Double|Bool|Date|DateTime)\b")


def test_fields_get_the_type_family_of_this_qgis():
    field = field_types.new_field("nom")
    assert field.type() == field_types.STRING
    assert field_types.USES_QMETATYPE == (Qgis.QGIS_VERSION_INT >= 33800)
    expected = "QMetaType" if field_types.USES_QMETATYPE else "QVariant"
    assert type(field_types.STRING).__qualname__.startswith(expected)


def test_integer_fields_are_told_apart_from_text_and_decimals():
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=n:integer&field=big:long&field=t:string&field=d:double", "t",
                           "memory")
    by_name = {f.name(): f for f in layer.fields()}
    assert field_types.is_integer(by_name["n"]) and field_types.is_integer(by_name["big"])
    assert not field_types.is_integer(by_name["t"]) and not field_types.is_integer(by_name["d"])
    assert by_name["d"].type() == field_types.DOUBLE
    assert field_types.is_integer(QgsField("x", field_types.LONG))


def test_the_plugin_names_field_types_only_through_field_types(repo_root):
    offenders = [
        f"{path.relative_to(repo_root)}:{number}"
        for path in sorted((repo_root / "plugin").rglob("*.py"))
        if path.name != "field_types.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if QVARIANT_TYPE.search(line)
    ]
    assert offenders == [], offenders
