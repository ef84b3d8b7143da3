"""The types of QgsFields, as the running QGIS wants them.

QGIS 3.38 moved ``QgsField`` to ``QMetaType.Type`` (``QgsField(name, QVariant.Type.String)`` is deprecated there,
and PyQt6 — QGIS 4 — has no ``QVariant.Type`` at all); QGIS 3.22 to 3.36 only take ``QVariant.Type``. The
plugin names a field type with the constants below and builds fields with :func:`new_field`; it compares a
field's type with :func:`is_integer` or ``field.type() in {...}`` of these constants, never with literal
``QVariant`` values.
"""

from __future__ import annotations

from qgis.core import Qgis, QgsField

USES_QMETATYPE = Qgis.QGIS_VERSION_INT >= 33800

if USES_QMETATYPE:
    from qgis.PyQt.QtCore import QMetaType

    STRING = QMetaType.Type.QString
    INT = QMetaType.Type.Int
    LONG = QMetaType.Type.LongLong
    UINT = QMetaType.Type.UInt
    ULONG = QMetaType.Type.ULongLong
    DOUBLE = QMetaType.Type.Double
    BOOL = QMetaType.Type.Bool
else:  # QGIS < 3.38 (Qt 5 only)
    from qgis.PyQt.QtCore import QVariant

    STRING = QVariant.Type.String
    INT = QVariant.Type.Int
    LONG = QVariant.Type.LongLong
    UINT = QVariant.Type.UInt
    ULONG = QVariant.Type.ULongLong
    DOUBLE = QVariant.Type.Double
    BOOL = QVariant.Type.Bool

INTEGER_TYPES = frozenset((INT, LONG, UINT, ULONG))


def new_field(name: str, kind=STRING) -> QgsField:
    """A QgsField of ``kind`` (one of this module's constants)."""
    return QgsField(name, kind)


def is_integer(field: QgsField) -> bool:
    return field.type() in INTEGER_TYPES
