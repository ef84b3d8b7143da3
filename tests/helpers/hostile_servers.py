"""Loopback HTTP servers that misbehave on purpose (issue 13): silent, trickling, endless or oversized answers.

``HostileServer(mode)`` listens on 127.0.0.1 (a free port) and answers every request the same way:

* ``silent`` — accepts the connection, reads the request, never answers;
* ``trickle`` — sends the status line and headers, then one byte every ``interval`` seconds, forever;
* ``huge`` — a 200 answer announcing ``size`` bytes (Content-Length) and sending them as fast as it can;
* ``endless`` — a chunked 200 answer that never ends (no Content-Length).

It counts the bytes it managed to send (``sent``), so a test can tell that the client stopped early.
"""

from __future__ import annotations

import socket
import threading
import time


class HostileServer:
    def __init__(self, mode: str, *, size: int = 500 * 1024 * 1024, interval: float = 0.05) -> None:
        self.mode = mode
        self.size = size
        self.interval = interval
        self.sent = 0
        self.requests = 0
        self._stop = threading.Event()
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(16)
        self._socket.settimeout(0.2)
        self._threads: list[threading.Thread] = []
        self._accept = threading.Thread(target=self._serve, daemon=True)
        self._accept.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._socket.getsockname()[1]}"

    def stop(self) -> None:
        self._stop.set()
        self._accept.join(2)
        self._socket.close()
        for thread in self._threads:
            thread.join(2)

    def __enter__(self) -> HostileServer:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    # ------------------------------------------------------------------------------------------------
    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._socket.accept()
            except OSError:
                continue
            thread = threading.Thread(target=self._answer, args=(connection,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _answer(self, connection: socket.socket) -> None:
        connection.settimeout(0.5)
        try:
            self._read_request(connection)
            self.requests += 1
            getattr(self, "_" + self.mode)(connection)
        except OSError:  # the client gave up: what we want
            pass
        finally:
            connection.close()

    def _read_request(self, connection: socket.socket) -> None:
        data = b""
        while b"\r\n\r\n" not in data and not self._stop.is_set():
            try:
                chunk = connection.recv(65536)
            except socket.timeout:
                continue
            if not chunk:
                return
            data += chunk

    def _silent(self, connection: socket.socket) -> None:
        while not self._stop.is_set():
            time.sleep(0.05)

    def _trickle(self, connection: socket.socket) -> None:
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\n\r\n")
        while not self._stop.is_set():
            connection.sendall(b" ")
            self.sent += 1
            time.sleep(self.interval)

    def _huge(self, connection: socket.socket) -> None:
        connection.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % self.size
        )
        block = b" " * 65536
        while self.sent < self.size and not self._stop.is_set():
            connection.sendall(block)
            self.sent += len(block)

    def _endless(self, connection: socket.socket) -> None:
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
        block = b" " * 65536
        chunk = b"%x\r\n" % len(block) + block + b"\r\n"
        while not self._stop.is_set():
            connection.sendall(chunk)
            self.sent += len(block)
