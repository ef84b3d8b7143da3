"""JSON decoding that lets other threads run: a large API page is decoded value by value, with a pause
(``time.sleep(0)``, which releases the GIL) every ``chunk`` characters.

``json.loads`` of a 5,000-lieu page holds the GIL for 100–250 ms: a pull running in a ``QgsTask`` then starves
the QGIS main thread (the UI freezes that long). Here the top-level container and the containers directly in it
(the ``items`` / ``results`` array of a page) are walked in Python; every value below them (one lieu) is decoded
by the C scanner of :mod:`json`. Same result and same errors (:class:`json.JSONDecodeError`) as ``json.loads``.
"""

from __future__ import annotations

import json
import time
from json.decoder import WHITESPACE, scanstring
from typing import Any, Callable

SMALL = 256 * 1024  # a body below this is decoded at once (it holds the GIL a few milliseconds at most)
CHUNK = 128 * 1024  # characters decoded between two pauses
_WALKED_DEPTH = 2  # containers walked in Python: the top one and those directly in it

_scan_once = json.JSONDecoder().scan_once


def loads(body: bytes | str, pause: Callable[[float], None] = time.sleep, chunk: int = CHUNK) -> Any:
    """``json.loads(body)``, pausing every ``chunk`` characters when the body is large."""
    if len(body) < SMALL:
        return json.loads(body)
    if isinstance(body, bytes):
        if body[:3] == b"\xef\xbb\xbf" or body[:1] in (b"\xff", b"\xfe") or body[1:2] == b"\x00":
            return json.loads(body)  # a BOM or UTF-16/32: let json detect the encoding
        text = body.decode("utf-8")
    else:
        text = body
    state = _State(text, pause, chunk)
    value, end = state.value(_skip(text, 0), 0)
    end = _skip(text, end)
    if end != len(text):
        raise json.JSONDecodeError("Extra data", text, end)
    return value


def _skip(text: str, index: int) -> int:
    return WHITESPACE.match(text, index).end()


class _State:
    def __init__(self, text: str, pause: Callable[[float], None], chunk: int) -> None:
        self.text, self.pause, self.chunk = text, pause, chunk
        self.paused_at = 0

    def maybe_pause(self, index: int) -> None:
        if index - self.paused_at >= self.chunk:
            self.paused_at = index
            self.pause(0)

    def value(self, index: int, depth: int) -> tuple[Any, int]:
        text = self.text
        char = text[index : index + 1]
        if depth < _WALKED_DEPTH and char == "[":
            return self.array(index + 1, depth + 1)
        if depth < _WALKED_DEPTH and char == "{":
            return self.object(index + 1, depth + 1)
        try:
            value, end = _scan_once(text, index)
        except StopIteration as stop:
            raise json.JSONDecodeError("Expecting value", text, stop.value) from None
        self.maybe_pause(end)
        return value, end

    def array(self, index: int, depth: int) -> tuple[list, int]:
        text, items = self.text, []
        index = _skip(text, index)
        if text[index : index + 1] == "]":
            return items, index + 1
        while True:
            value, index = self.value(index, depth)
            items.append(value)
            index = _skip(text, index)
            char = text[index : index + 1]
            if char == "]":
                return items, index + 1
            if char != ",":
                raise json.JSONDecodeError("Expecting ',' delimiter", text, index)
            index = _skip(text, index + 1)

    def object(self, index: int, depth: int) -> tuple[dict, int]:
        text, members = self.text, {}
        index = _skip(text, index)
        if text[index : index + 1] == "}":
            return members, index + 1
        while True:
            if text[index : index + 1] != '"':
                raise json.JSONDecodeError("Expecting property name enclosed in double quotes", text, index)
            key, index = scanstring(text, index + 1)
            index = _skip(text, index)
            if text[index : index + 1] != ":":
                raise json.JSONDecodeError("Expecting ':' delimiter", text, index)
            members[key], index = self.value(_skip(text, index + 1), depth)
            index = _skip(text, index)
            char = text[index : index + 1]
            if char == "}":
                return members, index + 1
            if char != ",":
                raise json.JSONDecodeError("Expecting ',' delimiter", text, index)
            index = _skip(text, index + 1)
