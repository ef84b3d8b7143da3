"""A loopback HTTP server speaking the real contracts (apis.md §1–3, §5.3), with fault injection.

* data·inclusion v1 ``/api/v1/{structures,services}[/{id}]``: ``Authorization: Bearer``, ``page``/``size`` →
  ``{items,total,page,size,pages}``, filters ``code_departement``, ``code_commune``, ``sources``, ``thematiques``
  (category prefix), FastAPI ``{"detail": …}`` errors;
* DORA v2 ``/api/v2/{structures,services}/[{id}/]``: ``Authorization: Token``, flat list unless ``page_size``,
  then ``{count,next,previous,results}`` with absolute ``next`` URLs;
* Cartographie PostgREST ``/carto``: ``Authorization: Bearer``, ``limit``/``offset``, ``select``, ``order``,
  ``col=eq.|like.|in.`` filters incl. ``adresse->>code_insee``, ``Prefer: count=exact`` → ``Content-Range``, 416;
* Cartographie v0 ``/api/v0/lieux-inclusion-numerique``: GET (``id[eq]=``) and ``PATCH`` (``x-api-key``, array of
  standard records; 200 message, 422 with a detail per lieu); accepted lieux show up in ``/carto`` at once.

Faults are queued with :meth:`FakeApi.inject`; every request is logged (method, path, query, headers).
Run standalone (bench): ``python -m tests.fakeapi.server --lieux 50000``.
"""

from __future__ import annotations

import argparse
import json
import math
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from plugin.core.converters.cartographie import to_carto_item

REQUIRED = ("id", "pivot", "nom", "commune", "code_postal", "adresse", "date_maj")


@dataclass
class Fault:
    path: str  # path prefix the fault applies to
    kind: str  # status | malformed | truncate | drift | delay | close
    times: int = 1
    status: int = 500
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    method: str = ""
    on_page: int | None = None  # only for this page number (data·inclusion) / offset index
    skip: int = 0  # let this many matching requests through first (a failure half-way through a push)


class FakeApi:
    def __init__(self, di_token="di-secret-token", dora_token="dora-secret-token", carto_token="carto-secret-token",
                 push_key="push-secret-key") -> None:
        self.tokens = {"di": di_token, "dora": dora_token, "carto": carto_token, "push": push_key}
        self.forbidden_tokens: set[str] = set()
        self.di_structures: list[dict] = []
        self.di_services: list[dict] = []
        self.dora_structures: list[dict] = []
        self.dora_services: list[dict] = []
        self.carto: dict[str, dict] = {}
        self.v0: dict[str, dict] = {}
        self.faults: list[Fault] = []
        self.log: list[dict] = []
        self.patches: list[list[dict]] = []
        self.lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._page_cache: dict[tuple, bytes] = {}

    # ------------------------------------------------------------------ lifecycle
    def start(self, port: int = 0) -> str:
        api = self

        class Handler(_Handler):
            fake = api

        self._server = _QuietServer(("127.0.0.1", port), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self.url

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            # the kept-alive connections too: their handler threads would otherwise outlive the server and the
            # clients' connection pools (one per QGIS thread) would keep talking to a server that is gone
            self._server.close_connections()
            self._server = None

    # ------------------------------------------------------------------ data & faults
    def set_carto(self, items: list[dict]) -> None:
        self.carto = {item["id"]: item for item in items}

    def inject(self, path: str, kind: str = "status", **kwargs) -> Fault:
        fault = Fault(path, kind, **kwargs)
        with self.lock:
            self.faults.append(fault)
        return fault

    def take_fault(self, method: str, path: str, page: int | None) -> Fault | None:
        with self.lock:
            for fault in self.faults:
                if fault.times <= 0 or not path.startswith(fault.path):
                    continue
                if fault.method and fault.method != method:
                    continue
                if fault.on_page is not None and fault.on_page != page:
                    continue
                if fault.skip > 0:
                    fault.skip -= 1
                    return None
                fault.times -= 1
                return fault
        return None

    def requests_to(self, prefix: str) -> list[dict]:
        return [entry for entry in self.log if entry["path"].startswith(prefix)]


def _paginate_di(items: list[dict], query: dict[str, list[str]]):
    page = int(query.get("page", ["1"])[0])
    size = int(query.get("size", ["5000"])[0])
    if page < 1 or size < 1 or size > 10000:
        return 422, {"detail": [{"loc": ["query", "size"], "msg": "Input should be less than or equal to 10000"}]}
    chunk = items[(page - 1) * size : page * size]
    total = len(items)
    return 200, {"items": chunk, "total": total, "page": page, "size": len(chunk), "pages": math.ceil(total / size)}


def _di_filter(items: list[dict], query: dict[str, list[str]]) -> list[dict]:
    out = items
    if "code_departement" in query:
        deps = set(query["code_departement"])
        out = [i for i in out if _dep(str(i.get("code_insee") or "")) in deps]
    if "code_commune" in query:
        communes = set(query["code_commune"])
        out = [i for i in out if i.get("code_insee") in communes]
    if "sources" in query:
        sources = set(query["sources"])
        out = [i for i in out if i.get("source") in sources]
    if "thematiques" in query:
        wanted = query["thematiques"]
        out = [
            i for i in out
            if any(t == w or t.startswith(w + "--") for t in (i.get("thematiques") or []) for w in wanted)
        ]
    return out


def _dep(code_insee: str) -> str:
    return code_insee[:3] if code_insee.startswith("97") else code_insee[:2]


def _postgrest_match(item: dict, column: str, expression: str) -> bool:
    if column.startswith("adresse->>"):
        value = (item.get("adresse") or {}).get(column.split("->>", 1)[1])
    else:
        value = item.get(column)
    op, _, arg = expression.partition(".")
    if op == "eq":
        return str(value) == arg
    if op == "like":
        prefix = arg.rstrip("*")
        return value is not None and str(value).startswith(prefix)
    if op == "in":
        values = [v.strip().strip('"') for v in arg.strip("()").split(",")]
        return str(value) in values
    if op == "cs":
        wanted = [v.strip() for v in arg.strip("{}").split(",")]
        return isinstance(value, list) and all(w in value for w in wanted)
    raise ValueError(op)


class _QuietServer(ThreadingHTTPServer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.connections: set[socket.socket] = set()
        self.connections_lock = threading.Lock()

    def process_request(self, request, client_address):
        with self.connections_lock:
            self.connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request):
        with self.connections_lock:
            self.connections.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        with self.connections_lock:
            connections, self.connections = list(self.connections), set()
        for connection in connections:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            connection.close()

    def handle_error(self, request, client_address):  # a client that gave up (timeout tests): not an error
        import sys

        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    fake: FakeApi
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # quiet
        return

    # --------------------------------------------------------------- plumbing
    def _send(self, status: int, payload: Any = None, headers: dict[str, str] | None = None, raw: bytes | None = None):
        body = raw if raw is not None else (b"" if payload is None else json.dumps(payload).encode("utf-8"))
        self.send_response(status)
        self.send_header("Content-Type", "application/json" if raw is None else "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def _auth(self, scheme: str, which: str) -> bool:
        header = self.headers.get("Authorization", "")
        if which == "push":
            key = self.headers.get("x-api-key", "")
            if not key:
                self._send(401, {"message": "Unauthorized"})
                return False
            if key != self.fake.tokens["push"]:
                self._send(403, {"message": "Forbidden"})
                return False
            return True
        if not header.startswith(scheme + " "):
            detail = "Not authenticated" if which != "dora" else "Informations d'authentification non fournies."
            self._send(401, {"detail": detail})
            return False
        token = header[len(scheme) + 1 :]
        if token in self.fake.forbidden_tokens:
            self._send(403, {"detail": "Not enough permissions"})
            return False
        if token != self.fake.tokens[which]:
            self._send(401, {"detail": "Invalid token"})
            return False
        return True

    def do_GET(self):
        self._route("GET")

    def do_PATCH(self):
        self._route("PATCH")

    def do_POST(self):
        self._route("POST")

    def _route(self, method: str) -> None:
        parts = urlsplit(self.path)
        path = parts.path
        query: dict[str, list[str]] = {}
        for key, value in parse_qsl(parts.query, keep_blank_values=True):
            query.setdefault(key, []).append(value)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        self.fake.log.append({"method": method, "path": path, "query": query, "headers": dict(self.headers),
                              "body": body})
        page = int(query["page"][0]) if "page" in query and query["page"][0].isdigit() else None
        if page is None and "offset" in query and "limit" in query:
            page = int(query["offset"][0]) // max(int(query["limit"][0]), 1) + 1
        fault = self.fake.take_fault(method, path, page)
        if fault and fault.kind == "delay":
            time.sleep(fault.seconds)
            fault = None
        if fault and fault.kind == "close":
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        if fault and fault.kind == "status":
            return self._send(fault.status, fault.body if fault.body is not None else {"detail": "Erreur"},
                              fault.headers)
        if fault and fault.kind == "malformed":
            return self._send(200, raw=b"<html><body>Portail captif</body></html>")
        try:
            if path.startswith("/api/v1/"):
                return self._di(method, path[len("/api/v1/") :], query, fault)
            if path.startswith("/api/v2/"):
                return self._dora(method, path[len("/api/v2/") :], query, fault)
            if path.startswith("/carto"):
                return self._carto(query, fault)
            if path.startswith("/api/v0/lieux-inclusion-numerique"):
                return self._v0(method, query, body)
        except (ValueError, KeyError) as exc:
            return self._send(400, {"detail": f"bad request: {exc}"})
        self._send(404, {"detail": "Not Found"})

    # --------------------------------------------------------------- data·inclusion
    def _di(self, method, route, query, fault):
        if not self._auth("Bearer", "di"):
            return
        name, _, ident = route.partition("/")
        items = {"structures": self.fake.di_structures, "services": self.fake.di_services}.get(name)
        if items is None:
            return self._send(404, {"detail": "Not Found"})
        if ident:
            found = next((i for i in items if i.get("id") == ident), None)
            if found is None:
                return self._send(404, {"detail": "Not Found"})
            if name == "structures":
                found = dict(found, services=[s for s in self.fake.di_services if s.get("structure_id") == ident])
            return self._send(200, found)
        status, payload = _paginate_di(_di_filter(items, query), query)
        if fault and fault.kind == "truncate" and status == 200:
            payload["items"] = payload["items"][:-1]
            payload["size"] = len(payload["items"])
        if fault and fault.kind == "drift" and status == 200:
            payload["total"] += 7
        self._send(status, payload)

    # --------------------------------------------------------------- DORA
    def _dora(self, method, route, query, fault):
        if not self._auth("Token", "dora"):
            return
        name, _, rest = route.partition("/")
        ident = rest.strip("/")
        items = {"structures": self.fake.dora_structures, "services": self.fake.dora_services}.get(name)
        if items is None:
            return self._send(404, {"detail": "Pas trouvé."})
        if ident:
            found = next((i for i in items if i.get("id") == ident), None)
            return self._send(200, found) if found else self._send(404, {"detail": "Pas trouvé."})
        if "page_size" not in query:
            return self._send(200, items)
        size = int(query["page_size"][0])
        number = int(query.get("page", ["1"])[0])
        chunk = items[(number - 1) * size : number * size]
        if not chunk and number > 1:
            return self._send(404, {"detail": "Page non valide."})
        base = f"http://{self.headers.get('Host')}/api/v2/{name}/"
        more = number * size < len(items)
        payload = {
            "count": len(items),
            "next": f"{base}?page={number + 1}&page_size={size}" if more else None,
            "previous": f"{base}?page={number - 1}&page_size={size}" if number > 1 else None,
            "results": chunk,
        }
        if fault and fault.kind == "truncate":
            payload["results"] = chunk[:-1]
        if fault and fault.kind == "drift":
            payload["count"] += 3
        self._send(200, payload)

    # --------------------------------------------------------------- PostgREST /carto
    def _carto(self, query, fault):
        if not self._auth("Bearer", "carto"):
            return
        items = sorted(self.fake.carto.values(), key=lambda i: i["id"])
        reserved = {"limit", "offset", "select", "order"}
        for column, expressions in query.items():
            if column in reserved:
                continue
            for expression in expressions:
                items = [i for i in items if _postgrest_match(i, column, expression)]
        total = len(items)
        offset = int(query.get("offset", ["0"])[0])
        limit = int(query.get("limit", [str(total or 1)])[0])
        if offset > 0 and offset >= total:
            return self._send(416, {"code": "PGRST103", "message": "Requested range not satisfiable",
                                    "details": f"An offset of {offset} was requested, but there are only {total} rows.",
                                    "hint": None}, {"Content-Range": f"*/{total}"})
        chunk = items[offset : offset + limit]
        if fault and fault.kind == "truncate":
            chunk = chunk[:-1]
        shown_total = total + (5 if fault and fault.kind == "drift" else 0)
        exact = "count=exact" in self.headers.get("Prefer", "")
        end = offset + len(chunk) - 1
        content_range = (f"{offset}-{end}" if chunk else "*") + "/" + (str(shown_total) if exact else "*")
        if fault and fault.kind == "truncate":
            content_range = f"{offset}-{offset + len(chunk)}/{shown_total}"
        status = 206 if exact and chunk and len(chunk) < total else 200
        self._send(status, chunk, {"Content-Range": content_range})

    # --------------------------------------------------------------- Cartographie v0 (write)
    def _v0(self, method, query, body):
        if method == "GET":
            items = list(self.fake.v0.values())
            wanted = query.get("id[eq]")
            if wanted:
                items = [i for i in items if i.get("id") in wanted]
            return self._send(200, items)
        if method != "PATCH":
            return self._send(405, {"message": "Method Not Allowed"})
        if not self._auth("", "push"):
            return
        try:
            records = json.loads(body)
        except ValueError:
            return self._send(400, {"message": "Invalid JSON body"})
        if not isinstance(records, list):
            return self._send(422, {"message": "Le corps doit être un tableau de lieux"})
        errors = []
        for index, record in enumerate(records):
            missing = [name for name in REQUIRED if not str(record.get(name) or "").strip()]
            if missing:
                errors.append({"id": record.get("id", ""), "index": index,
                               "message": "Champs obligatoires manquants : " + ", ".join(missing)})
        if errors:
            return self._send(422, {"message": "Lieux invalides", "errors": errors})
        self.fake.patches.append(records)
        for record in records:
            self.fake.v0[record["id"]] = record
            self.fake.carto[record["id"]] = to_carto_item(record)
        self._send(200, {"message": "Les lieux d'inclusion numérique à ajouter ou à modifier ont étés traités avec "
                                    "succès."})


def main() -> None:  # standalone, for the bench (a separate process: no GIL shared with the client)
    from .data import di_dataset

    parser = argparse.ArgumentParser()
    parser.add_argument("--lieux", type=int, default=50000)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    fake = FakeApi()
    fake.di_structures, fake.di_services = di_dataset(args.lieux, with_other=False)
    print(fake.start(args.port), flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        fake.stop()


if __name__ == "__main__":
    main()
