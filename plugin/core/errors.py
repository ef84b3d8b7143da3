"""Typed errors of the plugin: each carries a user-facing message and a stable code.

Errors are values (see the style guide): a reader, writer or client raises one of these with a message
already translated through :func:`~plugin.core.i18n.translate` (English source text, French shipped),
a stable ``code`` that scripts and tests can rely on, and optional technical ``detail`` for logs.
The GUI shows ``message`` in the message bar and ``detail`` in the log; the CLI prints ``message`` and
exits with code 2. No other exception should reach a user.
"""

from __future__ import annotations

from pathlib import Path


class MednumError(Exception):
    """Base class of the plugin's errors: ``message`` (translated), ``code`` (stable), ``detail``."""

    default_code = "error"

    def __init__(self, message: str, code: str | None = None, *, detail: str = "", path: str | Path | None = None):
        super().__init__(message)
        self.message = message
        self.code = code or self.default_code
        self.detail = detail
        self.path = str(path) if path is not None else None

    def __str__(self) -> str:
        return self.message

    def to_dict(self) -> dict[str, str | None]:
        return {"code": self.code, "message": self.message, "detail": self.detail or None, "path": self.path}


class ReadError(MednumError):
    """A file or payload could not be read as lieux (missing, empty, binary, truncated, too large…)."""

    default_code = "unreadable"


class WriteError(MednumError):
    """An export could not be written (permission, disk full, refusing to overwrite the source…)."""

    default_code = "unwritable"
