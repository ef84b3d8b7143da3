"""Typed errors of the API clients: each carries a user-facing French message (``.message``).

Errors are values: the client raises them, the GUI and Processing show ``.message``; no traceback reaches a user.
A message never contains a token: URLs are reported without their query string's secrets (tokens only travel in
headers, never in URLs) and response bodies are redacted before they are quoted.
"""

from __future__ import annotations

from ..core.errors import MednumError
from ..core.i18n import translate


class ApiError(MednumError):
    """Base class of every error raised by ``plugin.api`` (``.message`` is shown to the user)."""

    retryable = False
    default_code = "api"

    def __init__(self, message: str, *, url: str = "", status: int | None = None, body: str = "") -> None:
        super().__init__(message, type(self).__name__)
        self.url = url
        self.status = status
        self.body = body

    def __str__(self) -> str:
        return self.message


class InsecureUrlError(ApiError):
    """Plain http:// to a non-loopback host, or a malformed base URL."""


class NetworkError(ApiError):
    """The request did not get an HTTP answer (generic)."""

    retryable = True


class ConnectionRefusedApiError(NetworkError):
    pass


class DnsError(NetworkError):
    retryable = False


class TimeoutApiError(NetworkError):
    pass


class SslApiError(NetworkError):
    retryable = False


class DeadlineExceededError(TimeoutApiError):
    """The whole exchange (retries included) took longer than the total time allowed for one request."""

    retryable = False


class ResponseTooLargeError(NetworkError):
    """The answer is larger than the size allowed for one answer: stopped before it fills the memory."""

    retryable = False


class HttpError(ApiError):
    """The server answered with an error status."""


class AuthError(HttpError):
    """401/403: token missing, expired or wrong (``.reason`` in missing|rejected|forbidden)."""

    def __init__(self, message: str, *, reason: str, **kwargs) -> None:
        super().__init__(message, **kwargs)
        self.reason = reason


class NotFoundError(HttpError):
    pass


class UnprocessableError(HttpError):
    """422: the server refused the content; ``.details`` = [(position or id, message)] as the server said."""

    def __init__(self, message: str, *, details: list[tuple[str, str]] | None = None, **kwargs) -> None:
        super().__init__(message, **kwargs)
        self.details = details or []


class RateLimitedError(HttpError):
    retryable = True

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


class ServerError(HttpError):
    retryable = True


class MalformedResponseError(ApiError):
    """The body is not the JSON the contract describes."""


class PaginationError(ApiError):
    """Truncated pages, or pages that do not add up to the announced total."""


class CancelledError(ApiError):
    """The user cancelled: nothing was changed."""

    def __init__(self, message: str | None = None, **kwargs) -> None:
        super().__init__(message or translate("ApiErrors", "Operation cancelled: nothing was changed."), **kwargs)


class ConfigurationError(ApiError):
    """A source is not configured (URL, token) or a territory/source name is unknown."""
