"""The column kinds of :mod:`plugin.core.columns` a test runs an operation on: Python lists always, Arrow arrays
when pyarrow can be imported."""

from __future__ import annotations

from plugin.core.columns import ArrowColumn, ListColumn


def arrow_available() -> bool:
    try:
        import pyarrow  # noqa: F401
        import pyarrow.compute  # noqa: F401
    except Exception:  # absent, or built for another numpy
        return False
    return True


def columns_of(values: list[str]) -> list:
    """The same cells as a :class:`ListColumn` and, with pyarrow, as an :class:`ArrowColumn`."""
    kinds = [ListColumn(list(values))]
    if arrow_available():
        import pyarrow as pa

        kinds.append(ArrowColumn(pa.array(list(values), pa.string())))
    return kinds
