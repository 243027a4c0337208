"""A scripted HTTP/1.1 server on 127.0.0.1 for testing generated clients over real sockets.

A test queues replies (``server.script(Reply(...), ...)``); each incoming request takes the
next one, in arrival order. Afterwards the test inspects ``server.requests``: method, raw
(undecoded) path, headers and body exactly as they arrived.

    with ScriptedServer() as server:
        server.script(Reply(503, headers={"Retry-After": "0"}), Reply(200, json={"ok": True}))
        ... point the client at server.url ...
        assert [r.method for r in server.requests] == ["POST", "POST"]

A request that arrives when the script is empty gets ``fallback`` if set, else a 500 whose
body says so; it is counted in ``unscripted`` (the pytest fixture fails the test on it).
"""

from __future__ import annotations

import json
import threading
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from urllib.parse import parse_qsl

__all__ = ["MAX_DELAY", "RecordedRequest", "Reply", "ScriptedServer"]

MAX_DELAY = 5.0  # seconds; keeps every scripted test bounded
MAX_BODY = 10 * 1024 * 1024
_NO_JSON = object()

Headers = Mapping[str, str] | Sequence[tuple[str, str]]


@dataclass(frozen=True)
class Reply:
    """One scripted answer.

    ``json`` (any JSON value, including None) or ``body`` (bytes or str) gives the body;
    ``delay`` waits before answering; ``drop`` closes the connection without answering.
    """

    status: int = 200
    json: object = _NO_JSON
    body: bytes | str | None = None
    headers: Headers = field(default_factory=dict)
    delay: float = 0.0
    drop: bool = False

    def __post_init__(self) -> None:
        if not 0.0 <= self.delay <= MAX_DELAY:
            raise ValueError(f"delay must be within [0, {MAX_DELAY}] seconds, got {self.delay}")
        if self.json is not _NO_JSON and self.body is not None:
            raise ValueError("give json or body, not both")
        if not 100 <= self.status <= 599:
            raise ValueError(f"invalid status {self.status}")

    def header_pairs(self) -> list[tuple[str, str]]:
        return list(self.headers.items()) if isinstance(self.headers, Mapping) else list(self.headers)

    def payload(self) -> tuple[bytes, str | None]:
        """(body bytes, default content-type)."""
        if self.json is not _NO_JSON:
            return json.dumps(self.json).encode("utf-8"), "application/json"
        if isinstance(self.body, str):
            return self.body.encode("utf-8"), "text/plain; charset=utf-8"
        if self.body:
            return self.body, "application/octet-stream"
        return b"", None


@dataclass(frozen=True)
class RecordedRequest:
    """A request as the server received it."""

    method: str
    path: str  # raw request target: path and query, not percent-decoded
    headers: tuple[tuple[str, str], ...]
    body: bytes

    def header(self, name: str) -> str | None:
        """First value of header ``name`` (case-insensitive), or None."""
        values = self.header_all(name)
        return values[0] if values else None

    def header_all(self, name: str) -> list[str]:
        lowered = name.lower()
        return [value for key, value in self.headers if key.lower() == lowered]

    @property
    def url_path(self) -> str:
        """The raw path without the query string."""
        return self.path.partition("?")[0]

    @property
    def query(self) -> list[tuple[str, str]]:
        """Decoded query pairs, in order, blanks kept."""
        return parse_qsl(self.path.partition("?")[2], keep_blank_values=True)

    def json(self) -> object:
        return json.loads(self.body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    owner: ScriptedServer

    def handle_error(self, request: object, client_address: object) -> None:
        import sys

        exc = sys.exception()
        if isinstance(exc, ConnectionError | TimeoutError):
            return  # the client gave up (timeout test) or went away: expected
        self.owner.errors.append(repr(exc))


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep test output clean

    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            chunks: list[bytes] = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            raise ValueError(f"request body too large: {length}")
        return self.rfile.read(length) if length else b""

    def _handle(self) -> None:
        owner = self.server.owner
        recorded = RecordedRequest(
            method=self.command,
            path=self.path,
            headers=tuple(self.headers.items()),
            body=self._read_body(),
        )
        reply = owner._next_reply(recorded)
        if reply.delay and owner._stopping.wait(reply.delay):
            self.close_connection = True
            return
        if reply.drop:
            self.close_connection = True
            return
        body, content_type = reply.payload()
        pairs = reply.header_pairs()
        names = {name.lower() for name, _ in pairs}
        self.send_response(reply.status)
        for name, value in pairs:
            self.send_header(name, value)
        if content_type and "content-type" not in names:
            self.send_header("Content-Type", content_type)
        no_body = reply.status in (204, 304) or 100 <= reply.status < 200
        if "content-length" not in names and not no_body:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD" and not no_body:
            self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _handle


class ScriptedServer:
    """See the module docstring. Start with ``start()`` or a ``with`` block; ``stop()`` is idempotent."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._replies: deque[Reply] = deque()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._httpd: _Server | None = None
        self.requests: list[RecordedRequest] = []
        self.fallback: Reply | None = None
        self.unscripted = 0
        self.errors: list[str] = []

    # -- lifecycle -----------------------------------------------------------------------
    def start(self) -> ScriptedServer:
        if self._httpd is None:
            httpd = _Server(("127.0.0.1", 0), _Handler)
            httpd.owner = self
            self._httpd = httpd
            self._thread = threading.Thread(
                target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            if self._thread is not None:
                self._thread.join(timeout=5)
            self._httpd = None

    def __enter__(self) -> ScriptedServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("server is not running")
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        """Base URL, no trailing slash: ``http://127.0.0.1:<port>``."""
        return f"http://127.0.0.1:{self.port}"

    # -- script --------------------------------------------------------------------------
    def script(self, *replies: Reply) -> ScriptedServer:
        """Queue replies; requests consume them in arrival order."""
        with self._lock:
            self._replies.extend(replies)
        return self

    @property
    def remaining(self) -> int:
        """Replies queued but not used yet."""
        with self._lock:
            return len(self._replies)

    def _next_reply(self, recorded: RecordedRequest) -> Reply:
        with self._lock:
            self.requests.append(recorded)
            if self._replies:
                return self._replies.popleft()
            if self.fallback is not None:
                return self.fallback
            self.unscripted += 1
        message = f"scripted server: no reply scripted for request #{len(self.requests)}"
        return Reply(500, json={"error": {"message": message, "type": "scripted_server"}})
