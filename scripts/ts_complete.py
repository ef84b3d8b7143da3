"""Complete a Qt .ts file written by pylupdate5 with the user strings pylupdate5 cannot see.

pylupdate5 (PyQt5) silently skips two common forms:
  * ``translate("Ctx", "text",)`` — a call whose last argument is followed by a trailing comma;
  * calls through a wrapper, ``_t("text")`` with ``def _t(text): return translate(_CTX, text)``.
This script reads the Python sources with ``ast``, finds every literal string passed to ``translate`` /
``QT_TRANSLATE_NOOP`` / ``self.tr`` / such a wrapper, and makes sure each one is an active message of the .ts:
a missing one is added (unfinished), one that pylupdate5 just marked obsolete is revived with its translation;
the messages still obsolete after that are gone from the code and are removed (git keeps their history).
pylupdate5 also takes a module-level wrapper named ``tr`` (``def tr(text): return translate(CTX, text)``) for
``QObject.tr`` and files its strings under the context ``@default``, which nothing looks up at run time: those
phantom messages are removed (the real ones are added under CTX).
Translations already in the file are never changed. Run by ``make translations`` after pylupdate5.

Usage: ts_complete.py FILE.ts SOURCE.py…   (prints how many messages it added or revived)
"""

from __future__ import annotations

import ast
import os
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Iterator, NamedTuple

TRANSLATION_FUNCTIONS = {"translate", "QT_TRANSLATE_NOOP"}
INACTIVE = {"obsolete", "vanished"}


class Message(NamedTuple):
    context: str
    source: str
    filename: str
    line: int
    via: str = ""  # the name of the wrapper function the string was passed to, if any


def _call_name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _string_constants(tree: ast.Module) -> dict[str, str]:
    """Module-level ``NAME = "text"`` assignments."""
    constants = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    constants[target.id] = node.value.value
    return constants


def _wrappers(tree: ast.Module) -> dict[str, str]:
    """Module functions ``def f(text): return translate(CONTEXT, text)`` → CONTEXT (a literal or a constant)."""
    constants = _string_constants(tree)
    found = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or len(node.args.args) != 1 or not node.body:
            continue
        last = node.body[-1]
        call = last.value if isinstance(last, ast.Return) else None
        if not (isinstance(call, ast.Call) and _call_name(call.func) == "translate" and len(call.args) == 2):
            continue
        context, text = call.args
        if not (isinstance(text, ast.Name) and text.id == node.args.args[0].arg):
            continue
        if isinstance(context, ast.Constant) and isinstance(context.value, str):
            found[node.name] = context.value
        elif isinstance(context, ast.Name) and context.id in constants:
            found[node.name] = constants[context.id]
    return found


def messages_in(path: Path, root: Path) -> Iterator[Message]:
    """Every translatable literal of one Python file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    wrappers = _wrappers(tree)
    enclosing_class = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            for child in ast.walk(node):
                enclosing_class.setdefault(id(child), node.name)
    filename = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _call_name(node.func)
        literals = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        if name in TRANSLATION_FUNCTIONS and len(node.args) >= 2 and len(literals) >= 2 and all(
            isinstance(a, ast.Constant) for a in node.args[:2]
        ):
            yield Message(literals[0], literals[1], filename, node.lineno)
        elif name in wrappers and isinstance(node.func, ast.Name) and len(node.args) == 1 and literals:
            yield Message(wrappers[name], literals[0], filename, node.lineno, via=name)
        elif name == "tr" and isinstance(node.func, ast.Attribute) and literals and id(node) in enclosing_class:
            yield Message(enclosing_class[id(node)], literals[0], filename, node.lineno)


def complete(ts_path: Path, sources: list[Path], root: Path) -> tuple[int, int, int]:
    """Add or revive in ``ts_path`` every message of ``sources``, drop the others: (added, revived, removed)."""
    tree = ET.parse(ts_path)
    ts = tree.getroot()
    contexts = {c.findtext("name"): c for c in ts.findall("context")}
    added = revived = 0
    seen: set[tuple[str, str]] = set()
    phantoms: set[tuple[str, str]] = set()  # (file, source) that pylupdate5 misfiled under @default
    for path in sources:
        for message in messages_in(path, root):
            if message.via == "tr":
                phantoms.add((Path(message.filename).as_posix(), message.source))
            key = (message.context, message.source)
            if key in seen:
                continue
            seen.add(key)
            context = contexts.get(message.context)
            if context is None:
                context = ET.SubElement(ts, "context")
                ET.SubElement(context, "name").text = message.context
                contexts[message.context] = context
            existing = next((m for m in context.findall("message") if m.findtext("source") == message.source), None)
            if existing is not None:
                translation = existing.find("translation")
                if translation is not None and translation.get("type") in INACTIVE:
                    if translation.text:
                        del translation.attrib["type"]
                    else:
                        translation.set("type", "unfinished")
                    revived += 1
                continue
            element = ET.SubElement(context, "message")
            ET.SubElement(element, "location", filename=message.filename, line=str(message.line))
            ET.SubElement(element, "source").text = message.source
            ET.SubElement(element, "translation", type="unfinished")
            added += 1
    _drop_phantoms(ts, contexts.get("@default"), phantoms, ts_path.parent, root)
    removed = _drop_obsolete(ts)
    ET.indent(tree, space="    ")
    body = ET.tostring(ts, encoding="unicode")
    ts_path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return added, revived, removed


def _drop_obsolete(ts: ET.Element) -> int:
    """Remove the messages still obsolete once every string of the code is revived: they left the code."""
    removed = 0
    for context in ts.findall("context"):
        for message in context.findall("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in INACTIVE:
                context.remove(message)
                removed += 1
        if not context.findall("message"):
            ts.remove(context)
    return removed


def _drop_phantoms(ts: ET.Element, default: ET.Element | None, phantoms: set, ts_dir: Path, root: Path) -> None:
    """Remove the @default messages pylupdate5 made of calls to a module-level ``tr`` wrapper."""
    if default is None or not phantoms:
        return
    for message in default.findall("message"):
        source = message.findtext("source")
        locations = message.findall("location")
        files = {
            Path(os.path.relpath((ts_dir / loc.get("filename", "")).resolve(), root.resolve())).as_posix()
            for loc in locations
        }
        if locations and all((file, source) in phantoms for file in files):
            default.remove(message)
    if not default.findall("message"):
        ts.remove(default)


def main(argv: list[str]) -> int:
    ts_path, sources = Path(argv[0]), [Path(p) for p in argv[1:] if p.endswith(".py")]
    added, revived, removed = complete(ts_path, sources, Path.cwd())
    print(f"{ts_path}: {added} messages added, {revived} revived beyond pylupdate5, {removed} obsolete removed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
