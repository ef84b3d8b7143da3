"""A guard for Python methods that C++ calls: the overrides of QGIS/Qt virtual methods.

An exception escaping a Python override of a C++ virtual (an editor widget wrapper's ``initWidget``, a
model's ``data``, a factory's ``create``…) cannot travel through C++: sip prints it and, on recent PyQt
and QGIS builds, aborts the whole process (``Fatal Python error: Aborted``). A user's form would close
QGIS with unsaved edits. ``@cpp_override(default)`` catches it, logs the traceback to the plugin's log
tab and returns ``default`` (a value C++ accepts: ``None`` for a pointer, ``False``, ``0``…).
"""

from __future__ import annotations

import functools
import logging
import traceback
from typing import Any, Callable, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


def _report(qualname: str) -> None:
    text = f"{qualname}: {traceback.format_exc()}"
    try:
        from qgis.core import Qgis

        from .log import PlgLogger

        PlgLogger.log(text, Qgis.MessageLevel.Critical)
    except Exception:  # noqa: BLE001 - logging must never raise here; Python's logging as the last resort
        logging.getLogger(__name__).error(text)


def cpp_override(default: Any = None, *, default_factory: Callable[[], Any] | None = None) -> Callable[[F], F]:
    """Decorate a Python override of a C++ virtual method: an exception is logged, ``default`` returned
    (or ``default_factory()``, for a mutable or a Qt value built on each call)."""

    def decorate(method: F) -> F:
        @functools.wraps(method)
        def guarded(*args, **kwargs):
            try:
                return method(*args, **kwargs)
            except Exception:  # noqa: BLE001 - C++ cannot receive it; see the module docstring
                _report(method.__qualname__)
                return default_factory() if default_factory is not None else default

        guarded.__cpp_override__ = True  # type: ignore[attr-defined]
        return guarded  # type: ignore[return-value]

    return decorate
