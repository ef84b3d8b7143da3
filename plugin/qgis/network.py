"""The QGIS transport of the API client: requests go through the QGIS network stack.

Proxy, SSL and timeout settings of QGIS apply: every verb goes through ``QgsNetworkAccessManager`` (PATCH by
``sendCustomRequest``), awaited in a local event loop. Tokens come from the QGIS authentication
database: an "API header" configuration (QGIS ≥ 3.26) is applied by QGIS itself (the token never enters Python);
on older QGIS a "Basic" (password = token) or "Esri token" configuration is read once, on the main thread, into an
in-memory :class:`~plugin.api.http.Secret` that only becomes a header here.
"""

from __future__ import annotations

import threading
import time
from typing import Callable

from qgis.core import (
    QgsApplication,
    QgsAuthMethodConfig,
    QgsFeedback,
    QgsNetworkAccessManager,
)
from qgis.PyQt.QtCore import QByteArray, QEventLoop, QTimer, QUrl
from qgis.PyQt.QtNetwork import QNetworkReply, QNetworkRequest

from ..api.errors import (
    CancelledError,
    ConfigurationError,
    ConnectionRefusedApiError,
    DeadlineExceededError,
    DnsError,
    NetworkError,
    ResponseTooLargeError,
    SslApiError,
    TimeoutApiError,
)
from ..api.http import Credentials, Request, Response, Secret
from ..core.i18n import translate

HEADER_METHODS = ("APIHeader",)  # auth methods that set the header themselves


def resolve_credentials(credentials: Credentials | None) -> Credentials | None:
    """On the main thread: turn an authcfg id into what the transport can use in a worker thread."""
    if credentials is None or not credentials.authcfg or credentials.secret:
        return credentials
    manager = QgsApplication.authManager()
    config = QgsAuthMethodConfig()
    if not manager.loadAuthenticationConfig(credentials.authcfg, config, True) or not config.isValid():
        raise ConfigurationError(
            translate(
                "QgisTransport",
                "The QGIS authentication configuration « {id} » cannot be read (unknown id, or master password not "
                "given)."
            ).format(id=credentials.authcfg)
        )
    if config.method() in HEADER_METHODS:
        return credentials
    token = config.config("password") or config.config("token") or ""
    if not token:
        raise ConfigurationError(
            translate(
                "QgisTransport",
                "The QGIS authentication configuration « {id} » holds no token (use the method « API header », or "
                "« Basic » with the token as password)."
            ).format(id=credentials.authcfg)
        )
    return Credentials(credentials.scheme, secret=Secret(token), authcfg=credentials.authcfg, origin="authcfg")


_NETWORK_ERRORS = {
    QNetworkReply.NetworkError.ConnectionRefusedError: ConnectionRefusedApiError,
    QNetworkReply.NetworkError.HostNotFoundError: DnsError,
    QNetworkReply.NetworkError.TimeoutError: TimeoutApiError,
    QNetworkReply.NetworkError.OperationCanceledError: TimeoutApiError,  # transfer timeout aborts the reply
    QNetworkReply.NetworkError.SslHandshakeFailedError: SslApiError,
    QNetworkReply.NetworkError.ProxyConnectionRefusedError: ConnectionRefusedApiError,
    QNetworkReply.NetworkError.ProxyNotFoundError: DnsError,
    QNetworkReply.NetworkError.ProxyTimeoutError: TimeoutApiError,
}


class QgisTransport:
    """:class:`~plugin.api.http.Transport` over the QGIS network stack (usable in a QgsTask's thread)."""

    def __init__(self, feedback: QgsFeedback | None = None) -> None:
        self.feedback = feedback

    def _request(self, request: Request) -> QNetworkRequest:
        qrequest = QNetworkRequest(QUrl(request.url))
        for name, value in request.headers.items():
            qrequest.setRawHeader(name.encode("latin-1"), value.encode("utf-8"))
        credentials = request.credentials
        if credentials is not None:
            for name, value in credentials.headers().items():
                qrequest.setRawHeader(name.encode("latin-1"), value.encode("utf-8"))
            if credentials.authcfg and not credentials.secret:
                QgsApplication.authManager().updateNetworkRequest(qrequest, credentials.authcfg)
        # redirects come back to the ApiClient, which follows them only to the same origin (the token and a push's
        # body never go to another host); QgsBlockingNetworkRequest would follow them itself, so it is not used
        qrequest.setAttribute(QNetworkRequest.Attribute.RedirectPolicyAttribute,
                              QNetworkRequest.RedirectPolicy.ManualRedirectPolicy)
        # API pages are live data that may hold personal details: never served from, nor stored in, the disk cache
        qrequest.setAttribute(QNetworkRequest.Attribute.CacheLoadControlAttribute,
                              QNetworkRequest.CacheLoadControl.AlwaysNetwork)
        qrequest.setAttribute(QNetworkRequest.Attribute.CacheSaveControlAttribute, False)
        qrequest.setTransferTimeout(int(request.timeout * 1000))
        return qrequest

    def send(self, request: Request, cancelled: Callable[[], bool] | None = None) -> Response:
        if cancelled is not None and cancelled():
            raise CancelledError()
        # The reply is awaited in a local event loop (which gives the GIL back): QGIS 3.22's
        # QgsBlockingNetworkRequest keeps the GIL while it waits (a test run saw it deadlock with the main thread),
        # and it follows redirects on its own.
        return self._custom(request, self._request(request), cancelled)

    def _custom(self, request: Request, qrequest: QNetworkRequest, cancelled) -> Response:
        manager = QgsNetworkAccessManager.instance()
        body = QByteArray(request.body or b"")
        if request.method == "GET":
            reply = manager.get(qrequest)
        elif request.method == "POST":
            reply = manager.post(qrequest, body)
        elif request.method == "PUT":
            reply = manager.put(qrequest, body)
        else:
            reply = manager.sendCustomRequest(qrequest, request.method.encode("ascii"), body)
        loop = QEventLoop()
        reply.finished.connect(loop.quit)
        poll = QTimer()
        poll.setInterval(100)
        stopped: list[str] = []  # why the reply was aborted by us: "deadline" or "size"
        end = time.monotonic() + request.deadline if request.deadline is not None else None

        def check_cancel():
            if (cancelled is not None and cancelled()) or (self.feedback is not None and self.feedback.isCanceled()):
                reply.abort()
            elif end is not None and time.monotonic() >= end and not reply.isFinished():
                stopped.append("deadline")  # a trickling server: the transfer timeout alone never fires
                reply.abort()

        def check_size(received: int, total: int) -> None:
            if request.max_bytes is not None and max(received, total) > request.max_bytes and not stopped:
                stopped.append("size")  # what is buffered stays below the cap (+ one network read)
                reply.abort()

        poll.timeout.connect(check_cancel)
        reply.downloadProgress.connect(check_size)
        poll.start()
        if not reply.isFinished():
            if threading.current_thread() is threading.main_thread():
                loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
            else:
                loop.exec()
        poll.stop()
        if (cancelled is not None and cancelled()) or (self.feedback is not None and self.feedback.isCanceled()):
            reply.deleteLater()
            raise CancelledError()
        if stopped:
            reply.deleteLater()
            error = ResponseTooLargeError if stopped[0] == "size" else DeadlineExceededError
            raise error(stopped[0], url=request.url)
        headers = {bytes(k).decode("latin-1"): bytes(reply.rawHeader(k)).decode("latin-1")
                   for k in reply.rawHeaderList()}
        response = self._response(request, reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute),
                                  reply.error(), reply.errorString(), bytes(reply.readAll()), headers)
        reply.deleteLater()
        return response

    @staticmethod
    def _response(request: Request, status, error, error_string: str, body: bytes, headers) -> Response:
        if status is None or status == 0 or status == "":
            exception = _NETWORK_ERRORS.get(error, NetworkError)
            raise exception(error_string or "network error", url=request.url)
        return Response(int(status), headers, body, request.url)
