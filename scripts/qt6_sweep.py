"""Qt 6 / QGIS 4 readiness sweep of the Python sources: scoped enums and exec().

PyQt6 (QGIS 4) no longer accepts an enum member through its class (``Owner.Member``): only through its enum
(``Owner.EnumName.Member``), which PyQt5 (QGIS 3.22+) accepts too. ``exec_()`` is gone: ``exec()`` works on both.

Usage (from the repo root, with the Python that has QGIS: the enums are read from PyQt and PyQGIS themselves):

    .venv/bin/python scripts/qt6_sweep.py           # rewrite the files in place (idempotent)
    .venv/bin/python scripts/qt6_sweep.py --check   # list what is left to change; exit 1 if anything is

Without path arguments it sweeps every Python file of the repo (plugin/, tests/, bench/, scripts/, the root
__init__.py) and names the lines it made longer than ruff's limit, to wrap by hand. A name is rewritten only
when ``Owner`` is a class of qgis.PyQt (QtCore, QtGui, QtWidgets, QtNetwork, QtXml), qgis.core or qgis.gui,
``Owner.Member`` is a member of an enum ``E`` reachable as ``Owner.E``, and ``Owner.E.Member`` gives the same
value here; anything else is left alone. Takes about a second.
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SWEPT_DIRS = ("plugin", "tests", "bench", "scripts")
SKIPPED_PARTS = {".venv", "__pycache__", "build", "dist", "bench-output", "demo-output"}
MODULES = ("qgis.PyQt.QtCore", "qgis.PyQt.QtGui", "qgis.PyQt.QtWidgets", "qgis.PyQt.QtNetwork", "qgis.PyQt.QtXml",
           "qgis.core", "qgis.gui")

# Owner.Member not preceded by a dot or a word character (not the tail of a longer chain) and not followed by a
# dot, a word character or a call: a candidate for Owner.Enum.Member
ATTRIBUTE = re.compile(r"(?<![\w.])([A-Z][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)(?![\w.(])")
EXEC_ = re.compile(r"\.exec_\(")
MAX_LINE = 120  # pyproject.toml [tool.ruff] line-length


class Resolver:
    """Owner.Member → Owner.Enum.Member from PyQt/PyQGIS introspection (cached)."""

    def __init__(self) -> None:
        self.namespace: dict[str, object] = {}
        for name in MODULES:
            try:
                module = importlib.import_module(name)
            except ImportError:
                continue
            for attribute in dir(module):
                if attribute[:1].isupper() and attribute not in self.namespace:
                    self.namespace[attribute] = getattr(module, attribute)
        if "Qt" not in self.namespace:
            raise SystemExit("qt6_sweep: PyQt/PyQGIS not importable: run it with the Python that has QGIS")
        self._cache: dict[tuple[str, str], str | None] = {}

    def scoped(self, owner: str, member: str) -> str | None:
        key = (owner, member)
        if key not in self._cache:
            self._cache[key] = self._resolve(owner, member)
        return self._cache[key]

    def _resolve(self, owner_name: str, member: str) -> str | None:
        owner = self.namespace.get(owner_name)
        if owner is None or not isinstance(owner, type):
            return None
        try:
            value = getattr(owner, member)
        except Exception:  # noqa: BLE001 - any attribute error means "not an enum member"
            return None
        enum_type = type(value)
        if isinstance(value, type) or enum_type in (int, bool, float, str) or not isinstance(value, int):
            return None
        if enum_type.__module__.split(".")[0] not in ("PyQt5", "PyQt6", "qgis"):
            return None
        enum_name = enum_type.__name__
        if getattr(owner, enum_name, None) is not enum_type or enum_name == member:
            return None
        if getattr(enum_type, member, None) != value:  # the scoped spelling must give the same value here
            return None
        return f"{owner_name}.{enum_name}.{member}"


def sweep_text(text: str, resolver: Resolver) -> tuple[str, list[str]]:
    """The text with scoped enums and exec(); the list of changes made ("Qt.X → Qt.E.X")."""
    changes: list[str] = []

    def replace(match: re.Match) -> str:
        scoped = resolver.scoped(match.group(1), match.group(2))
        if scoped is None:
            return match.group(0)
        changes.append(f"{match.group(0)} → {scoped}")
        return scoped

    text = ATTRIBUTE.sub(replace, text)
    exec_count = len(EXEC_.findall(text))
    if exec_count:
        text = EXEC_.sub(".exec(", text)
        changes.extend(["exec_( → exec("] * exec_count)
    return text, changes


def python_files(paths: list[str]) -> list[Path]:
    if paths:
        roots = [Path(p).resolve() for p in paths]
    else:
        roots = [REPO / d for d in SWEPT_DIRS] + [REPO / "__init__.py"]
    files: list[Path] = []
    for root in roots:
        candidates = [root] if root.is_file() else sorted(root.rglob("*.py"))
        files.extend(p for p in candidates if p.suffix == ".py" and not SKIPPED_PARTS & set(p.parts))
    this = Path(__file__).resolve()
    return [p for p in files if p.resolve() != this]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="files or folders (default: the repo's Python sources)")
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 when something is left")
    args = parser.parse_args(argv)
    resolver = Resolver()
    left = 0
    for path in python_files(args.paths):
        text = path.read_text(encoding="utf-8")
        new_text, changes = sweep_text(text, resolver)
        if not changes:
            continue
        left += len(changes)
        shown = path.relative_to(REPO) if path.is_relative_to(REPO) else path
        if args.check:
            for change in changes:
                print(f"{shown}: {change}")
        else:
            path.write_text(new_text, encoding="utf-8")
            print(f"{shown}: {len(changes)} changes")
            old_lines = set(text.splitlines())
            for number, line in enumerate(new_text.splitlines(), start=1):
                if len(line) > MAX_LINE and line not in old_lines:
                    print(f"{shown}:{number}: longer than {MAX_LINE} characters now: wrap it by hand (ruff E501)")
    if args.check:
        print(f"qt6_sweep: {left} to change" if left else "qt6_sweep: nothing to change")
        return 1 if left else 0
    print(f"qt6_sweep: {left} changes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
