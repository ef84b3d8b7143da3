"""One small HTTP client over an injected transport: URL policy, auth headers, retry/backoff, typed errors.

The same :class:`ApiClient` runs inside QGIS (transport = the QGIS network stack, ``plugin/qgis/network.py``)
and headless (:class:`RequestsTransport`). A transport only moves bytes: it raises
:class:`~.errors.NetworkError` subclasses when no HTTP answer came, and returns every HTTP answer as a
:class:`Response`, whatever its status. Status → typed error, retries and JSON decoding live here, once.

Tokens: a :class:`Secret` never shows its value in ``repr``/``str``; it becomes a header only inside a transport
(:meth:`Credentials.headers`), and any echo of it in a response body is redacted before the body is kept.
"""

from __future__ import annotations

import email.utils
import ipaddress
import json
import socket
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping, Protocol, Sequence
from urllib.parse import urlencode, urljoin, urlsplit

from ..core.i18n import translate
from . import json_chunks
from .errors import (
    ApiError,
    AuthError,
    CancelledError,
    ConnectionRefusedApiError,
    DeadlineExceededError,
    DnsError,
    HttpError,
    InsecureUrlError,
    MalformedResponseError,
    NetworkError,
    NotFoundError,
    RateLimitedError,
    ResponseTooLargeError,
    ServerError,
    SslApiError,
    TimeoutApiError,
    UnprocessableError,
)

REDACTED = "***"
Params = Sequence[tuple[str, Any]]
REDIRECT_STATUSES = (301, 302, 303, 307, 308)
MAX_REDIRECTS = 5


class Secret:
    """A token that never prints itself (repr, str, format, pickling of exceptions all show ``***``)."""

    __slots__ = ("_value",)
    known: set[str] = set()  # every secret of the process: redacted from any response body or message

    def __init__(self, value: str) -> None:
        self._value = value
        if value and len(value) >= 4:
            Secret.known.add(value)

    def reveal(self) -> str:
        return self._value

    def __bool__(self) -> bool:
        return bool(self._value)

    def __repr__(self) -> str:
        return f"Secret('{REDACTED}')"

    __str__ = __repr__

    def __format__(self, spec: str) -> str:
        return REDACTED

    def __reduce__(self):  # never pickle the value
        return (Secret, ("",))


@dataclass(frozen=True)
class Credentials:
    """How a request authenticates: a header scheme plus a secret (headless) or a QGIS authcfg id (in QGIS).

    ``scheme`` is "Bearer" or "Token" (→ ``Authorization: <scheme> <secret>``) or "x-api-key" (→ that header).
    """

    scheme: str
    secret: Secret | None = None
    authcfg: str = ""
    origin: str = ""  # where the secret came from (env var name or "authcfg"), for messages

    @property
    def present(self) -> bool:
        return bool(self.secret) or bool(self.authcfg)

    def header_for(self, token: str) -> tuple[str, str]:
        if self.scheme.lower() == "x-api-key":
            return ("x-api-key", token)
        return ("Authorization", f"{self.scheme} {token}")

    def headers(self) -> dict[str, str]:
        """The auth header from the in-memory secret (transports call this; nobody else should)."""
        if not self.secret:
            return {}
        name, value = self.header_for(self.secret.reveal())
        return {name: value}

    def __repr__(self) -> str:
        shown = REDACTED if self.secret else None
        return f"Credentials(scheme={self.scheme!r}, secret={shown}, authcfg={self.authcfg!r})"


@dataclass
class Request:
    method: str
    url: str
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None
    credentials: Credentials | None = None
    timeout: float = 30.0  # the longest silence allowed (connection, then between two pieces of the answer)
    deadline: float | None = None  # seconds this exchange may take in all (from the first byte sent to the last read)
    max_bytes: int | None = None  # the largest answer body accepted

    def __repr__(self) -> str:  # no headers, no body: they may hold secrets
        return f"Request({self.method} {self.url})"


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes
    url: str

    def header(self, name: str, default: str = "") -> str:
        lower = name.lower()
        for key, value in self.headers.items():
            if key.lower() == lower:
                return value
        return default

    def text(self, limit: int | None = None) -> str:
        data = self.body if limit is None else self.body[:limit]
        return data.decode("utf-8", errors="replace")


class Transport(Protocol):
    """Moves one request: returns the HTTP answer (any status) or raises a NetworkError subclass."""

    def send(self, request: Request, cancelled: Callable[[], bool] | None = None) -> Response: ...


# --------------------------------------------------------------------------------------------------- URL policy
LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


def is_loopback(host: str) -> bool:
    host = (host or "").strip("[]").lower()
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(url: str, source: str = "") -> str:
    """Refuse anything but https:// (plain http:// only to loopback); return the URL."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InsecureUrlError(
            translate("ApiClient", "{source}: the address « {url} » is not a valid http(s) URL.").format(
                source=source, url=url
            ),
            url=url,
        )
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise InsecureUrlError(
            translate(
                "ApiClient",
                "{source}: plain http:// is refused for {host} (the token would travel in clear); use https://."
            ).format(source=source, host=parts.hostname),
            url=url,
        )
    if parts.username or parts.password:
        raise InsecureUrlError(
            translate("ApiClient", "{source}: credentials in the URL are refused; store the token in the QGIS "
                      "authentication database.").format(source=source),
            url=f"{parts.scheme}://{parts.hostname}{parts.path}",
        )
    return url


def same_origin(url_a: str, url_b: str) -> bool:
    a, b = urlsplit(url_a), urlsplit(url_b)
    return (a.scheme, a.hostname, a.port) == (b.scheme, b.hostname, b.port)


def redact(text: str, secrets: Iterable[str]) -> str:
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, REDACTED)
    return text


# --------------------------------------------------------------------------------------------------- retry policy
@dataclass(frozen=True)
class RetryPolicy:
    """Bounded exponential backoff: ``base * factor**n`` capped at ``cap``; ``attempts`` tries in all."""

    attempts: int = 4
    base: float = 0.5
    factor: float = 2.0
    cap: float = 8.0
    max_retry_after: float = 120.0  # a Retry-After longer than this is reported, not waited for

    def delay(self, attempt: int) -> float:
        return min(self.cap, self.base * (self.factor ** attempt))


def parse_retry_after(value: str, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


# --------------------------------------------------------------------------------------------------- client
class ApiClient:
    """HTTP client of one API (one base URL, one credential)."""

    def __init__(
        self,
        base_url: str,
        *,
        name: str = "",
        credentials: Credentials | None = None,
        transport: Transport | None = None,
        timeout: float = 30.0,
        deadline: float = 300.0,
        max_bytes: int = 100 * 1024 * 1024,
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
        cancelled: Callable[[], bool] | None = None,
        user_agent: str = "lieux_mednum",
    ) -> None:
        self.name = name or urlsplit(base_url).hostname or base_url
        self.base_url = check_url(base_url.rstrip("/") + "/", self.name)
        self.credentials = credentials
        if transport is None:
            transport = RequestsTransport()
        self.transport = transport
        self.timeout = timeout
        self.deadline = deadline  # total seconds of one request(), retries and waits included
        self.max_bytes = max_bytes
        self.retry = retry or RetryPolicy()
        self._sleep = sleep
        self.cancelled = cancelled or (lambda: False)
        self.user_agent = user_agent
        self.requests_sent = 0

    # ---- helpers
    def url(self, path_or_url: str, params: Params | Mapping[str, Any] | None = None) -> str:
        url = path_or_url if "://" in path_or_url else urljoin(self.base_url, path_or_url.lstrip("/"))
        if params:
            items = list(params.items()) if isinstance(params, Mapping) else list(params)
            query = urlencode([(k, v) for k, v in items if v is not None], doseq=True)
            url = f"{url}{'&' if '?' in url else '?'}{query}"
        return url

    def _secrets(self) -> list[str]:
        """Every token known to the process (this client's and the others'), longest first."""
        return sorted(Secret.known, key=len, reverse=True)

    def check_cancelled(self) -> None:
        if self.cancelled():
            raise CancelledError()

    def _wait(self, seconds: float) -> None:
        remaining = seconds
        while remaining > 0:
            self.check_cancelled()
            step = min(remaining, 0.2)
            self._sleep(step)
            remaining -= step
        self.check_cancelled()

    # ---- the one request path
    def request(
        self,
        method: str,
        path_or_url: str,
        *,
        params: Params | Mapping[str, Any] | None = None,
        json_body: Any = None,
        headers: Mapping[str, str] | None = None,
        ok_statuses: Sequence[int] = (),
        body: bytes | None = None,
        expect: Sequence[int] = (),
    ) -> Response:
        """Send a request with retries; return the response (2xx or one of ``ok_statuses``) or raise.

        ``body``: raw bytes (a multipart form…), its Content-Type in ``headers``; ``json_body`` encodes JSON.
        ``expect``: the only success statuses the API documents for this request (a push is accepted only on
        them: another 2xx raises :class:`HttpError`). Redirects are followed by this client, never by the
        transport: only to the same origin (the token never leaves it) and only for GET/HEAD (a write answered
        by a redirect fails: nothing reached the real server).
        """
        url = self._same_origin_url(check_url(self.url(path_or_url, params), self.name))
        all_headers = {"Accept": "application/json", "User-Agent": self.user_agent}
        if json_body is not None:
            body = json.dumps(json_body, ensure_ascii=False).encode("utf-8")
            all_headers["Content-Type"] = "application/json"
        all_headers.update(headers or {})
        request = Request(method.upper(), url, all_headers, body, self.credentials, self.timeout,
                          max_bytes=self.max_bytes)
        end = time.monotonic() + self.deadline
        attempt = 0
        redirects = 0
        while True:
            self.check_cancelled()
            error: ApiError
            remaining = end - time.monotonic()
            if remaining <= 0:
                raise self._network_error(DeadlineExceededError("deadline", url=url), url)
            request.deadline = remaining
            request.timeout = min(self.timeout, remaining)
            try:
                self.requests_sent += 1
                response = self.transport.send(request, self.cancelled)
            except NetworkError as exc:
                error = self._network_error(exc, url)
                delay = self.retry.delay(attempt)
                if not error.retryable or attempt + 1 >= self.retry.attempts or delay >= end - time.monotonic():
                    raise error from None
                self._wait(delay)
                attempt += 1
                continue
            secrets = self._secrets()
            if secrets and any(s.encode() in response.body for s in secrets):
                response.body = redact(response.text(), secrets).encode("utf-8")
            if response.status in REDIRECT_STATUSES and response.status not in ok_statuses:
                redirects += 1
                request = self._redirected(request, response, redirects)
                url = request.url
                continue
            if expect and 200 <= response.status < 300 and response.status not in expect:
                raise self.status_error(response, attempt + 1)
            if 200 <= response.status < 300 or response.status in ok_statuses:
                return response
            error = self.status_error(response, attempt + 1)
            if not error.retryable or attempt + 1 >= self.retry.attempts:
                raise error
            if isinstance(error, RateLimitedError) and error.retry_after is not None:
                if error.retry_after > self.retry.max_retry_after:
                    raise error
                delay = error.retry_after
            else:
                delay = self.retry.delay(attempt)
            if delay >= end - time.monotonic():  # the wait would outlast the time allowed: report now
                raise error
            self._wait(delay)
            attempt += 1

    def _same_origin_url(self, url: str) -> str:
        if not same_origin(url, self.base_url):
            raise InsecureUrlError(
                translate("ApiClient", "{source}: refusing to send the token to another host ({host}).").format(
                    source=self.name, host=urlsplit(url).hostname
                ),
                url=url,
            )
        return url

    def _redirected(self, request: Request, response: Response, redirects: int) -> Request:
        """The request to send after a redirect answer, or raise (another host, a write, a loop)."""
        location = response.header("Location").strip()
        target = urljoin(request.url, location) if location else ""
        fmt = dict(source=self.name, status=response.status, path=urlsplit(request.url).path,
                   method=request.method, target=target or "?")
        kwargs = dict(url=request.url, status=response.status, body=response.text(2000))
        if target and not same_origin(target, self.base_url):
            raise InsecureUrlError(
                translate(
                    "ApiClient",
                    "{source}: the server redirected {path} to another host ({host}, HTTP {status}); the request "
                    "was not sent there, so the token stays private. Check the address in the plugin settings."
                ).format(host=urlsplit(target).hostname or target, **fmt),
                **kwargs,
            )
        if not target or request.method not in ("GET", "HEAD"):
            raise HttpError(
                translate(
                    "ApiClient",
                    "{source}: the server answered {method} {path} with a redirect (HTTP {status}) to {target}: "
                    "nothing was accepted. Check the address in the plugin settings."
                ).format(**fmt),
                **kwargs,
            )
        if redirects > MAX_REDIRECTS:
            raise HttpError(
                translate("ApiClient", "{source}: too many redirects from {path} (last to {target}).").format(**fmt),
                **kwargs,
            )
        check_url(target, self.name)
        return Request(request.method, target, dict(request.headers), None, request.credentials, request.timeout,
                       max_bytes=request.max_bytes)

    def get_json(self, path_or_url: str, *, params=None, headers=None, ok_statuses=()) -> tuple[Any, Response]:
        response = self.request("GET", path_or_url, params=params, headers=headers, ok_statuses=ok_statuses)
        return self.decode_json(response), response

    def decode_json(self, response: Response) -> Any:
        try:
            return json_chunks.loads(response.body)
        except (ValueError, UnicodeDecodeError):
            raise MalformedResponseError(
                translate(
                    "ApiClient",
                    "{source}: the answer of {path} is not valid JSON (HTTP {status}, {size} bytes, "
                    "type « {ctype} »). A proxy, a captive portal or a wrong URL?"
                ).format(
                    source=self.name,
                    path=urlsplit(response.url).path,
                    status=response.status,
                    size=len(response.body),
                    ctype=response.header("Content-Type") or "?",
                ),
                url=response.url,
                status=response.status,
                body=response.text(300),
            ) from None

    # ---- error mapping
    def _network_error(self, exc: NetworkError, url: str) -> ApiError:
        host = urlsplit(url).hostname or url
        fmt = dict(source=self.name, host=host, timeout=f"{self.timeout:g}", deadline=f"{self.deadline:g}",
                   limit=f"{self.max_bytes / 1048576:g}")
        if isinstance(exc, DeadlineExceededError):
            text = translate("ApiClient", "{source}: {host} did not finish answering within {deadline} s, the total "
                             "time allowed for one request (retries included). The connection is too slow or the "
                             "service stalls: try again later, or raise « API: total time per request » in the "
                             "settings.")
        elif isinstance(exc, ResponseTooLargeError):
            text = translate("ApiClient", "{source}: the answer of {host} is larger than {limit} MB, the size allowed "
                             "for one answer: stopped before it fills the memory. Ask for a smaller territory, or "
                             "raise « API: largest answer (MB) » in the settings.")
        elif isinstance(exc, ConnectionRefusedApiError):
            text = translate("ApiClient", "{source}: connection refused by {host}. Is the address right and the "
                             "service running?")
        elif isinstance(exc, DnsError):
            text = translate("ApiClient", "{source}: the host name {host} could not be resolved (DNS). Check the "
                             "address, the network connection and the proxy settings.")
        elif isinstance(exc, TimeoutApiError):
            text = translate("ApiClient", "{source}: no answer from {host} within {timeout} s. The service may be "
                             "overloaded; try again later or raise the timeout in the settings.")
        elif isinstance(exc, SslApiError):
            text = translate("ApiClient", "{source}: secure connection to {host} failed (SSL certificate). Check "
                             "the QGIS SSL settings or your proxy.")
        elif isinstance(exc, CancelledError):
            return exc
        else:
            text = translate("ApiClient", "{source}: network error while contacting {host}: {detail}")
            fmt["detail"] = redact(exc.message, self._secrets())
        error = type(exc)(text.format(**fmt), url=url)
        return error

    def server_detail(self, response: Response) -> str:
        """The server's own explanation (FastAPI ``detail``, DRF ``detail``, ``message``…), redacted."""
        try:
            payload = json.loads(response.body)
        except ValueError:
            return response.text(200).strip()
        if isinstance(payload, dict):
            for key in ("detail", "message", "error", "errors", "hint"):
                if key in payload and payload[key]:
                    value = payload[key]
                    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)[:500]
        return json.dumps(payload, ensure_ascii=False)[:300]

    def status_error(self, response: Response, attempts: int = 1) -> HttpError:
        status = response.status
        path = urlsplit(response.url).path
        detail = self.server_detail(response)
        kwargs = dict(url=response.url, status=status, body=response.text(2000))
        fmt = dict(source=self.name, path=path, status=status, detail=detail, attempts=attempts)
        if status == 401:
            if not (self.credentials and self.credentials.present):
                text = translate(
                    "ApiClient",
                    "{source}: a token is required (HTTP 401) and none is configured. Store it in the QGIS "
                    "authentication database and choose it in the plugin settings, or set {env} for headless use."
                )
                return AuthError(text.format(env=self.token_env_name(), **fmt), reason="missing", **kwargs)
            text = translate(
                "ApiClient",
                "{source}: the token was refused (HTTP 401): it is expired or wrong. Ask the provider for a new "
                "token and update it in the QGIS authentication database."
            )
            return AuthError(text.format(**fmt), reason="rejected", **kwargs)
        if status == 403:
            text = translate(
                "ApiClient",
                "{source}: access to {path} is forbidden (HTTP 403): the token does not give this right "
                "(wrong scope or account). Server said: {detail}"
            )
            return AuthError(text.format(**fmt), reason="forbidden", **kwargs)
        if status == 404:
            text = translate("ApiClient", "{source}: {path} was not found (HTTP 404). Check the address in the "
                             "plugin settings.")
            return NotFoundError(text.format(**fmt), **kwargs)
        if status == 422:
            text = translate("ApiClient", "{source} refused the request (HTTP 422): {detail}")
            return UnprocessableError(text.format(**fmt), details=unprocessable_details(response), **kwargs)
        if status == 429:
            retry_after = parse_retry_after(response.header("Retry-After"))
            text = translate("ApiClient", "{source}: too many requests (HTTP 429). Wait {wait} s before trying "
                             "again.")
            wait = f"{retry_after:.0f}" if retry_after is not None else "60"
            return RateLimitedError(text.format(wait=wait, **fmt), retry_after=retry_after, **kwargs)
        if status >= 500:
            text = translate("ApiClient", "{source}: server error (HTTP {status}) after {attempts} attempt(s). The "
                             "service is having trouble; try again later. Server said: {detail}")
            return ServerError(text.format(**fmt), **kwargs)
        text = translate("ApiClient", "{source}: unexpected answer HTTP {status} for {path}: {detail}")
        return HttpError(text.format(**fmt), **kwargs)

    token_env = ""

    def token_env_name(self) -> str:
        return self.token_env or "MEDNUM_<SOURCE>_TOKEN"


def unprocessable_details(response: Response) -> list[tuple[str, str]]:
    """Per-item details of a 422: FastAPI ``detail`` list (``loc`` ["body", i, field]), or ``errors`` lists."""
    try:
        payload = json.loads(response.body)
    except ValueError:
        return []
    items: list = []
    if isinstance(payload, dict):
        for key in ("detail", "errors"):
            if isinstance(payload.get(key), list):
                items = payload[key]
                break
        else:
            if isinstance(payload.get("detail"), str):
                return [("", payload["detail"])]
            if isinstance(payload.get("message"), str):
                return [("", payload["message"])]
    details = []
    for item in items:
        if not isinstance(item, dict):
            details.append(("", str(item)))
            continue
        key = str(item.get("id", ""))
        loc = item.get("loc") or []
        if not key and isinstance(loc, list):
            positions = [str(p) for p in loc if isinstance(p, int)]
            names = [str(p) for p in loc if isinstance(p, str) and p != "body"]
            key = positions[0] if positions else ""
            message = item.get("msg") or item.get("message") or ""
            if names:
                message = f"{'.'.join(names)}: {message}"
            details.append((key, str(message)))
            continue
        details.append((key, str(item.get("msg") or item.get("message") or item.get("detail") or "")))
    return details


# --------------------------------------------------------------------------------------------------- requests
class RequestsTransport:
    """Headless transport over ``requests`` (a session, certificate checks on, no redirects to other hosts)."""

    def __init__(self, session=None) -> None:
        import requests  # runtime dep of headless runs (requirements.txt)

        self._requests = requests
        self.session = session or requests.Session()
        self.session.trust_env = True  # HTTPS_PROXY / NO_PROXY apply headless

    def send(self, request: Request, cancelled: Callable[[], bool] | None = None) -> Response:
        requests = self._requests
        headers = dict(request.headers)
        if request.credentials is not None:
            headers.update(request.credentials.headers())
        deadline = request.deadline
        started = time.monotonic()
        timeout = request.timeout if deadline is None else min(request.timeout, deadline)
        try:
            reply = self.session.request(
                request.method,
                request.url,
                headers=headers,
                data=request.body,
                timeout=timeout,
                allow_redirects=False,
                stream=True,  # the body is read below, piece by piece, within the size cap and the deadline
            )
            body = self._read_body(reply, request, started)
        except (DeadlineExceededError, ResponseTooLargeError):
            raise
        except requests.exceptions.SSLError:
            raise SslApiError("ssl", url=request.url) from None
        except (requests.exceptions.ConnectTimeout, requests.exceptions.ReadTimeout):
            raise TimeoutApiError("timeout", url=request.url) from None
        except requests.exceptions.ConnectionError as exc:
            text = str(exc)
            if any(k in text for k in ("Name or service not known", "NameResolutionError", "getaddrinfo failed",
                                       "nodename nor servname", "Temporary failure in name resolution",
                                       "No address associated")):
                raise DnsError("dns", url=request.url) from None
            if "Connection refused" in text or "ConnectionRefusedError" in text or "Errno 111" in text:
                raise ConnectionRefusedApiError("refused", url=request.url) from None
            if "timed out" in text or "Read timed out" in text:
                raise TimeoutApiError("timeout", url=request.url) from None
            raise NetworkError(type(exc).__name__, url=request.url) from None
        except requests.exceptions.RequestException as exc:
            raise NetworkError(type(exc).__name__, url=request.url) from None
        return Response(reply.status_code, dict(reply.headers), body, request.url)

    @staticmethod
    def _read_body(reply, request: Request, started: float) -> bytes:
        """The body, refused beyond ``max_bytes`` (announced or read) and cut at the deadline (a watchdog closes the
        socket of a server that trickles: a read blocked on it returns at once)."""
        limit = request.max_bytes
        try:
            announced = int(reply.headers.get("Content-Length") or 0)
        except ValueError:
            announced = 0
        if limit is not None and announced > limit:
            reply.close()
            raise ResponseTooLargeError("too large", url=request.url)
        expired = threading.Event()
        watchdog = None
        if request.deadline is not None:
            remaining = request.deadline - (time.monotonic() - started)
            if remaining <= 0:
                reply.close()
                raise DeadlineExceededError("deadline", url=request.url)
            watchdog = threading.Timer(remaining, _expire, args=(reply, expired))
            watchdog.daemon = True
            watchdog.start()
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in reply.iter_content(65536):
                size += len(chunk)
                if limit is not None and size > limit:
                    raise ResponseTooLargeError("too large", url=request.url)
                if expired.is_set():
                    raise DeadlineExceededError("deadline", url=request.url)
                chunks.append(chunk)
        except (DeadlineExceededError, ResponseTooLargeError):
            reply.close()
            raise
        except Exception:
            if expired.is_set():
                raise DeadlineExceededError("deadline", url=request.url) from None
            raise
        finally:
            if watchdog is not None:
                watchdog.cancel()
        if expired.is_set():
            raise DeadlineExceededError("deadline", url=request.url)
        return b"".join(chunks)


def _expire(reply, expired: threading.Event) -> None:
    """At the deadline: unblock a read by shutting the connection's socket down."""
    expired.set()
    sock = None
    for path in (("raw", "_connection", "sock"), ("raw", "_fp", "fp", "raw", "_sock")):
        target = reply
        for name in path:
            target = getattr(target, name, None)
            if target is None:
                break
        if target is not None:
            sock = target
            break
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
