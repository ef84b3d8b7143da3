"""Bytes of a text file (CSV, JSON) to text: the encodings French exports come in (pure Python)."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..errors import ReadError
from ..i18n import translate
from .detection import SNIFF_BYTES, _error

# Single-byte encodings French files come in when they are not UTF-8 (Excel, old Mac, DOS exports).
# Single-byte encodings French files come in when they are not UTF-8 (Excel, old Mac, DOS exports).
EIGHT_BIT_CANDIDATES = ("cp1252", "mac_roman", "cp850")

_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")

# What a French text's non-ASCII characters are (accented letters, French quotes, dashes, NBSP, €, °).
_FRENCH_CHARS = frozenset("éèêëàâäîïôöùûüÿçœæÉÈÊËÀÂÄÎÏÔÖÙÛÜŸÇŒÆ«»‘’“”–—…°€\xa0")


def decode_text(data: bytes, source: Path | None = None) -> tuple[str, str, list[str]]:
    """Decode bytes of a text file: (text, encoding, notes).

    UTF-8 (with or without BOM) first, UTF-16/32 with a BOM (or UTF-16 without one), then the single-byte
    encodings French exports come in (Windows-1252, Mac Roman, DOS cp850: see :func:`_guess_eight_bit`),
    Latin-1 last.
    A file mixing UTF-8 and Windows-1252 lines is decoded line by line (with a note).
    Binary content raises :class:`ReadError`.
    """
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                if encoding != "utf-8-sig":
                    raise _error(
                        "encoding",
                        translate("ReadError", "The text encoding of {name} could not be recognised ({detail})."),
                        source,
                        detail=encoding,
                    ) from None
                break  # a UTF-8 BOM followed by other bytes: detect below
            _check_text(text, source)
            return text, encoding, []
    body = data[3:] if data.startswith(codecs.BOM_UTF8) else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_invalid = exc.start
    else:
        _check_text(text, source)
        return text, "utf-8" if body is data else "utf-8-sig", []
    head = body[:SNIFF_BYTES]
    if b"\x00" in head:
        text = _utf16_without_bom(body)
        if text is None:
            raise _binary(source)
        _check_text(text, source)
        return text, "utf-16", []
    if _UTF8_MULTIBYTE.search(body, 0, first_invalid):  # UTF-8 accents before the first non-UTF-8 byte
        mixed = _decode_mixed(body)
        if mixed is not None:
            text, fallback_lines = mixed
            _check_text(text, source)
            note = translate(
                "ReadError", "The file mixes encodings: {count} line(s) were not UTF-8 and were read as Windows-1252."
            ).format(count=fallback_lines)
            return text, "utf-8+cp1252", [note]
    encoding = _guess_eight_bit(body)
    for candidate in (encoding, "cp1252", "latin-1"):
        try:
            text = body.decode(candidate)
        except UnicodeDecodeError:
            continue
        _check_text(text, source)
        return text, candidate, []
    raise _binary(source)  # unreachable: latin-1 decodes any byte string


def _guess_eight_bit(data: bytes) -> str:
    """The most plausible single-byte encoding among :data:`EIGHT_BIT_CANDIDATES` (default Windows-1252).

    Lieux files are French: the encoding whose non-ASCII characters are French letters and punctuation
    wins (deterministic, and steadier than a statistical detector on repetitive data). When no candidate
    reads as French, charset-normalizer decides among the same candidates on a small sample.
    """
    sample = _non_ascii_sample(data)
    scores = {}
    for encoding in EIGHT_BIT_CANDIDATES:
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        scores[encoding] = sum(1 if char in _FRENCH_CHARS else -1 for char in text if ord(char) > 0x7F)
    if not scores:
        return "cp1252"
    best = max(scores, key=lambda encoding: (scores[encoding], encoding == "cp1252"))
    if scores[best] > 0:
        return best
    try:
        from charset_normalizer import from_bytes

        guess = from_bytes(sample[: 1 << 14], cp_isolation=list(scores)).best()
    except Exception:  # charset-normalizer must never turn a readable file into a failure
        return "cp1252"
    return guess.encoding if guess is not None and guess.encoding in scores else "cp1252"


def _non_ascii_sample(data: bytes, limit: int = 1 << 16) -> bytes:
    """Distinct lines holding non-ASCII bytes (where encodings differ), up to ``limit`` bytes."""
    lines = dict.fromkeys(line for line in data[: limit * 16].splitlines() if max(line, default=0) > 0x7F)
    sample = b"\n".join(lines)[:limit]
    return sample or data[:limit]


def _decode_mixed(data: bytes) -> tuple[str, int] | None:
    """Decode a mostly-UTF-8 file whose few lines are Windows-1252: (text, number of such lines)."""
    lines = data.splitlines(keepends=True)
    decoded, fallback = [], 0
    for line in lines:
        try:
            decoded.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            fallback += 1
            decoded.append(line.decode("cp1252", errors="strict") if _cp1252_ok(line) else line.decode("latin-1"))
    if fallback * 2 > len(lines):  # mostly not UTF-8: a single-byte file with a few lucky sequences
        return None
    return "".join(decoded), fallback


def _cp1252_ok(line: bytes) -> bool:
    try:
        line.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without BOM (ASCII-heavy text has a NUL in every other byte), else None."""
    head = data[:SNIFF_BYTES]
    if len(head) < 4:
        return None
    even_zeros = head[0::2].count(0) / len(head[0::2])
    odd_zeros = head[1::2].count(0) / len(head[1::2])
    encoding = "utf-16-le" if odd_zeros > 0.6 and even_zeros < 0.05 else "utf-16-be" if even_zeros > 0.6 else None
    if encoding is None or odd_zeros > 0.6 and even_zeros > 0.6:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _check_text(text: str, source: Path | None) -> None:
    """Refuse content that decoded but is not text (control characters, NUL)."""
    sample = text[:SNIFF_BYTES]
    if "\x00" in sample or len(_CONTROL_CHARS.findall(sample)) > max(2, len(sample) // 100):
        raise _binary(source)
    nul = text.find("\x00", len(sample))  # further on (C speed): zeros left by a crash, or binary appended
    if nul >= 0:
        raise _error(
            "nul-bytes",
            translate(
                "ReadError",
                "The file {name} holds NUL bytes from line {line} on: it is damaged (zeros written by a crash or an "
                "interrupted copy?) or is not a text file. Take the file again from its source."
            ),
            source,
            line=text.count("\n", 0, nul) + 1,
        )


def _binary(source: Path | None) -> ReadError:
    return _error(
        "binary",
        translate(
            "ReadError", "The file {name} is not a text file (binary content) nor a supported workbook or GeoPackage."
        ),
        source,
    )
