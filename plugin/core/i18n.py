"""Translation for the pure-Python core.

Every user string of the core is written as ``translate("Context", "English source text")`` so that
``pylupdate5`` extracts it into ``i18n/lieux_mednum_fr.ts`` like the strings of the Qt code.

At run time the active translator decides what ``translate`` returns:

* inside QGIS, the plugin installs ``QCoreApplication.translate`` (the compiled ``.qm`` is loaded);
* headless (CLI, tests), :func:`use_language` reads the ``.ts`` catalogue with the standard library.

The default language is French: the users of the standard are French.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from contextlib import contextmanager
from functools import cache
from typing import Callable, Iterator

from .resources import I18N

Translator = Callable[[str, str], str]

DEFAULT_LANGUAGE = "fr"
CATALOGUE_NAME = "lieux_mednum_{lang}.ts"


@cache
def load_ts_catalogue(lang: str) -> dict[tuple[str, str], str]:
    """Read the finished translations of a Qt ``.ts`` file: {(context, source): translation}."""
    path = I18N / CATALOGUE_NAME.format(lang=lang)
    if not path.exists():
        return {}
    catalogue: dict[tuple[str, str], str] = {}
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None or not translation.text:
                continue
            if translation.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            catalogue[(name, source)] = translation.text
    return catalogue


def _catalogue_translator(lang: str) -> Translator:
    catalogue = load_ts_catalogue(lang) if lang != "en" else {}

    def _translate(context: str, text: str) -> str:
        return catalogue.get((context, text), text)

    return _translate


_active: Translator = _catalogue_translator(os.environ.get("MEDNUM_LANG", DEFAULT_LANGUAGE)[:2])
_language = os.environ.get("MEDNUM_LANG", DEFAULT_LANGUAGE)[:2]


def translate(context: str, text: str) -> str:
    """Return ``text`` (an English source string) in the active language."""
    return _active(context, text)


def use_language(lang: str) -> None:
    """Switch the headless translator to ``lang`` ("fr" or "en")."""
    global _active, _language
    _language = lang[:2]
    _active = _catalogue_translator(_language)


def install_translator(translator: Translator, lang: str) -> None:
    """Install an external translator (inside QGIS: ``QCoreApplication.translate``)."""
    global _active, _language
    _active = translator
    _language = lang[:2]


def current_language() -> str:
    return _language


def decimal_point() -> str:
    """The decimal separator of numbers shown to a person in the active language (never in data): "2,5 km"."""
    return "," if _language == "fr" else "."


@contextmanager
def language(lang: str | None) -> Iterator[None]:
    """Translate into ``lang`` inside the block, then restore the previous translator (``None``: no change)."""
    global _active, _language
    if not lang:
        yield
        return
    saved = (_active, _language)
    use_language(lang)
    try:
        yield
    finally:
        _active, _language = saved


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name pylupdate5 extracts)
    """Mark ``text`` for extraction without translating it now (translate it later with ``translate``)."""
    return text
