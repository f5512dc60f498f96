"""Serve a graph over the SPARQL 1.1 Protocol with Oxigraph's own server, read-only by default.

`start_server(graph)` snapshots the graph into a temporary store, starts
`oxigraph serve-read-only` on it (the PyPI ``oxigraph`` package ships the binary and the
YASGUI scripts) and puts a thin Python proxy in front of it, which enforces the timeout
and serves the graph explorer at ``/`` and the query page at ``/sparql`` (``kgraph.explorer``).

Why a snapshot: Oxigraph allows one writer per store directory, and opening a store
read-only while another process writes to it is undefined behaviour. So the server
never opens the store itself:

* when no build holds the store, ``Store.backup()`` makes a consistent snapshot (hard
  links on the same file system, so it is cheap);
* when a build is writing (the store is locked), the committed content is read through
  a read-only open and bulk-loaded into the snapshot;
* an RDF file is bulk-loaded into the snapshot.

Queries therefore see the graph as it was when the server started; restart the server
to see what a running build has added since.

Why a proxy: ``oxigraph --timeout-s`` bounds HTTP reads and writes, not query
evaluation, so a query that computes for long without writing (ORDER BY, GROUP BY) is
not stopped by it, and Oxigraph cannot cancel a query. The proxy answers 503 when the
answer has not come back within the timeout and then restarts the Oxigraph server (it
opens the snapshot again in a fraction of a second), which is what stops the query: a
timed-out query costs no CPU afterwards. Queries cut short by the restart are sent again
while their own time lasts. The proxy also keeps the endpoint to itself: it accepts only
the host names it is bound to (a page of another site that rebinds its own name to this
address is refused), refuses requests from pages of other origins (a form on another
site cannot post an update), and refuses SERVICE and LOAD, by which a query or update
would make the server connect elsewhere (unless allowed). Small answers are sent whole,
with their length; an answer cut short at the timeout ends without its last chunk, so
the client sees it is incomplete.
"""

from __future__ import annotations

import contextlib
import gc
import http.client
import ipaddress
import math
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from kgraph.errors import KGraphError

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "Server", "find_oxigraph", "snapshot", "start_server", "serve",
           "host_names", "remove_stale_snapshots"]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 30.0

# Hop-by-hop headers a proxy must not forward (RFC 9110, section 7.6.1), plus the length
# headers it recomputes.
_HOP = frozenset({"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
                  "transfer-encoding", "upgrade", "content-length", "host"})
# Connections waiting to be accepted: the default of 5 turned 20 parallel clients away.
LISTEN_BACKLOG = 128
# Request bodies: a query or an update is small; a writable store also takes data to load.
MAX_BODY = 16 << 20
MAX_WRITABLE_BODY = 256 << 20
# An answer up to this size is sent whole, with its length, once it is complete; a longer one is streamed.
WHOLE_ANSWER = 1 << 20
# Seconds a client may take to send a request (an idle connection is closed after it).
REQUEST_SECONDS = 60
# A query cut short by a restart is sent again only if it has this long left: sent with
# less, it would only run over and restart the server once more.
RETRY_SECONDS = 0.5


def find_oxigraph() -> str:
    """The ``oxigraph`` server binary: beside this Python first, then on PATH.

    Raises:
        KGraphError: It is not installed.
    """
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise KGraphError("the Oxigraph server is not installed; run: pip install 'kgraph[serve]'")


def _is_store(path: Path) -> bool:
    from kgraph.store import is_store

    return is_store(path)


def snapshot(graph: str | Path, target: str | Path) -> str:
    """Copy a store directory or an RDF file into ``target``, a new store directory.

    Returns:
        How: "backup" (the store was free), "copy" (a writer held it) or "load" (an RDF file).

    Raises:
        KGraphError: ``graph`` is missing, is a folder that is not an Oxigraph store, or
            does not parse.
    """
    from pyoxigraph import NamedNode, RdfFormat, Store

    from kgraph.rdf import ontology_quads
    from kgraph.store import open_store, rdf_format
    from kgraph.vocab import KG

    source, target = Path(graph), Path(target)
    if not source.exists():
        raise KGraphError(f"{source}: no such file or directory")
    if source.is_dir():
        if not _is_store(source):
            raise KGraphError(f"{source}: not an Oxigraph store directory")
        try:
            store = Store(str(source))  # fails when a build holds the lock
        except OSError:
            store = None
        if store is not None:
            try:
                store.backup(str(target))
            finally:
                del store
                gc.collect()
            return "backup"
        reader = open_store(source, read_only=True)  # retried while the writer compacts
        copy = Store(str(target))
        with tempfile.TemporaryDirectory(prefix="kgraph-dump-") as tmp:
            dump = Path(tmp, "store.nq")
            reader.dump(output=str(dump), format=RdfFormat.N_QUADS)
            copy.bulk_load(path=str(dump), format=RdfFormat.N_QUADS)
        copy.flush()
        del reader, copy
        gc.collect()
        return "copy"
    fmt = rdf_format(source)
    store = Store(str(target))
    try:
        store.bulk_load(path=str(source), format=fmt)
    except (SyntaxError, ValueError) as ex:
        raise KGraphError(f"{source}: cannot read {fmt.name} ({ex})") from ex
    if not any(True for _ in store.quads_for_pattern(None, NamedNode(KG.relationName), None)):
        store.bulk_extend(ontology_quads())
    store.flush()
    del store
    gc.collect()
    return "load"


def _free_port(host: str = DEFAULT_HOST) -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def _wait_until_up(process: subprocess.Popen[bytes], host: str, port: int, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            err = process.stderr.read().decode("utf-8", "replace").strip() if process.stderr else ""
            raise KGraphError(f"the Oxigraph server exited: {err or process.returncode}")
        with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=0.5):
            return
        time.sleep(0.05)
    process.kill()
    raise KGraphError(f"the Oxigraph server did not start on {host}:{port} within {seconds:.0f}s")


class _Backend:
    """The Oxigraph server behind the proxy, on a loopback port; restarted to stop a query.

    ``generation`` counts the restarts: a request that lost its connection knows from it
    whether the server was restarted meanwhile (and may be sent again).
    """

    def __init__(self, binary: str, location: Path, *, writable: bool, timeout: float | None) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self.binary, self.location, self.writable, self.timeout = binary, location, writable, timeout
        self.generation = 0
        self._lock = threading.Lock()
        # The server process is started from one long-lived thread: Linux sends the parent-death
        # signal when the *thread* that started a process ends, and request threads end soon.
        self._starter = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kgraph-oxigraph")
        try:
            self.process, self.address = self._start()
        except BaseException:
            self._starter.shutdown()
            raise

    def _start(self) -> tuple[subprocess.Popen[bytes], tuple[str, int]]:
        return self._starter.submit(self._launch).result()

    def _launch(self) -> tuple[subprocess.Popen[bytes], tuple[str, int]]:
        address = (DEFAULT_HOST, _free_port())
        command = [self.binary, "serve" if self.writable else "serve-read-only", "--location", str(self.location),
                   "--bind", f"{address[0]}:{address[1]}", "--union-default-graph"]
        if self.timeout:
            command += ["--timeout-s", str(max(1, int(self.timeout + 0.999)))]
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, preexec_fn=_die_with_parent)
        _wait_until_up(process, *address)
        return process, address

    def restart(self, generation: int) -> None:
        """Kill the server and start another, unless that was done since ``generation``.

        Oxigraph cannot cancel a query, so this is how a query that ran over is stopped (a
        store is crash-safe: an update cut short is rolled back).
        """
        with self._lock:
            if generation != self.generation:
                return  # another request restarted it already
            self._kill()
            self.process, self.address = self._start()
            self.generation += 1

    def revive(self) -> None:
        """Start the server again if it has exited on its own."""
        with self._lock:
            if self.process.poll() is not None:
                self._kill()
                self.process, self.address = self._start()
                self.generation += 1

    def _kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        if self.process.stderr:
            self.process.stderr.close()

    def stop(self) -> None:
        with self._lock:
            if self.process.poll() is None:
                self.process.terminate()
                try:
                    self.process.wait(10)
                except subprocess.TimeoutExpired:
                    pass
            self._kill()
            self._starter.shutdown()


class _Refused(Exception):
    """A request the proxy answers itself, with a status and one line."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _read_chunked(rfile: Any, limit: int) -> bytes:
    """A request body sent with ``Transfer-Encoding: chunked`` (RFC 9112, section 7.1)."""
    parts: list[bytes] = []
    size = 0
    while True:
        line = rfile.readline(1024)
        try:
            length = int(line.split(b";", 1)[0].strip(), 16)
        except ValueError:
            raise _Refused(400, "a chunked body with a bad chunk size") from None
        if length < 0:
            raise _Refused(400, "a chunked body with a bad chunk size")
        if length == 0:
            while rfile.readline(8192).strip():
                pass  # trailer fields, ignored
            return b"".join(parts)
        size += length
        if size > limit:
            raise _Refused(413, f"the request body is over {limit:,} bytes")
        data = rfile.read(length)
        if len(data) < length:
            raise _Refused(400, "the chunked body ends early")
        parts.append(data)
        rfile.readline(8)  # the CRLF after the chunk


def _sparql_texts(path: str, content_type: str, body: bytes) -> list[str]:
    """Every query or update a request carries: in its URL, in a form, or as its body."""
    query = urllib.parse.urlsplit(path).query
    fields = urllib.parse.parse_qs(query, keep_blank_values=True)
    texts = fields.get("query", []) + fields.get("update", [])
    kind = content_type.split(";", 1)[0].strip().lower()
    if kind == "application/x-www-form-urlencoded":
        form = urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
        texts += form.get("query", []) + form.get("update", [])
    elif kind in ("application/sparql-query", "application/sparql-update"):
        texts.append(body.decode("utf-8", "replace"))
    return texts


_HOST_PORT = re.compile(r"^(\[[^\]]*\]|[^:]*)(?::\d*)?$")


def _host_name(value: str) -> str:
    """The name in a Host header ("localhost:7878" -> "localhost", "[::1]:80" -> "::1")."""
    match = _HOST_PORT.match(value.strip())
    name = match.group(1) if match else value.strip()
    return name.strip("[]").rstrip(".").lower()


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def host_names(host: str) -> frozenset[str]:
    """The names a Host header may give for a server bound to ``host``: those of this machine.

    An address (127.0.0.1, 192.0.2.7, ::1) is always accepted: a page can only send it by
    being at that address. A name is accepted only if it is this machine's: a page of
    another site that makes its own name resolve to this address (DNS rebinding) still
    sends its own name, and is refused.
    """
    names = {"localhost", "localhost.localdomain", _host_name(host)}
    with contextlib.suppress(OSError):
        names |= {socket.gethostname().lower(), socket.getfqdn().lower()}
    return frozenset(n for n in names if n)


class _Proxy(BaseHTTPRequestHandler):
    """Checks one request, forwards it to the Oxigraph server and enforces the timeout on the answer."""

    protocol_version = "HTTP/1.1"
    timeout = REQUEST_SECONDS
    server: _ProxyServer

    def _forward(self) -> None:
        from kgraph.explorer import route

        try:
            self._check_origin()
            page = route(self.command, self.path)  # the explorer's pages and files; SPARQL goes on to Oxigraph
            if page is not None:
                self._send(page.status, page.content_type, page.body)
                return
            body = self._body()
            self._check_outbound(body)
        except _Refused as refused:
            self.close_connection = True
            self._plain(refused.status, f"kgraph serve: {refused}\n")
            return
        deadline = time.monotonic() + (self.server.timeout_s or math.inf)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP}
        retry = self.command in ("GET", "HEAD") or urllib.parse.urlsplit(self.path).path == "/query"
        while True:
            backend = self.server.backend
            generation, address = backend.generation, backend.address
            outcome = self._exchange(address, headers, body, deadline)
            if outcome == "done":
                return
            if outcome == "expired":
                self._timed_out()
                return
            if outcome.startswith("timeout"):
                backend.restart(generation)  # what stops the query: Oxigraph cannot cancel it
                if outcome == "timeout":
                    self._timed_out()
                return
            # the connection broke: the server was restarted for another request, or died
            if backend.generation == generation:
                backend.revive()
            if not retry or deadline - time.monotonic() < RETRY_SECONDS or outcome == "broken-after-sending":
                if outcome != "broken-after-sending":
                    self._plain(503, "kgraph serve: the query was interrupted (the server restarted to stop "
                                     "another query that ran over); send it again\n")
                return
            retry = False  # once

    def _check_origin(self) -> None:
        """Refuse a Host that is not this server's name and a page of another origin."""
        host = self.headers.get("Host")
        if host is not None:
            name = _host_name(host)
            if not _is_ip(name) and name not in self.server.host_names:
                raise _Refused(403, f"the Host {host!r} is not a name of this server (a page of another site, "
                                    "rebinding its name to this address?); use its address or localhost")
        origin = self.headers.get("Origin")
        if origin is not None:
            own = f"http://{host}".lower() if host is not None else None
            if origin.lower().rstrip("/") != own:
                raise _Refused(403, f"requests from pages of other origins are refused (Origin {origin!r})")
        if self.headers.get("Sec-Fetch-Site", "").lower() == "cross-site":
            raise _Refused(403, "requests from pages of other sites are refused")

    def _body(self) -> bytes:
        limit = MAX_WRITABLE_BODY if not self.server.read_only else MAX_BODY
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return _read_chunked(self.rfile, limit)
        value = self.headers.get("Content-Length")
        if value is None:
            return b""
        if not value.strip().isdigit():
            raise _Refused(400, f"a bad Content-Length ({value!r})")
        length = int(value)
        if length > limit:
            raise _Refused(413, f"the request body is over {limit:,} bytes")
        body = self.rfile.read(length) if length else b""
        if len(body) < length:
            raise _Refused(400, "the request body ends before its Content-Length")
        return body

    def _check_outbound(self, body: bytes) -> None:
        from kgraph.queries import outbound_keyword

        if self.server.allow_service:
            return
        for text in _sparql_texts(self.path, self.headers.get("Content-Type", ""), body):
            keyword = outbound_keyword(text)
            if keyword is not None:
                raise _Refused(403, f"{keyword} is refused: it makes the server send requests elsewhere "
                                    "(kgraph serve --allow-service allows it)")

    def _exchange(self, address: tuple[str, int], headers: dict[str, str], body: bytes, deadline: float) -> str:
        """Send the request to the server and relay its answer.

        Returns:
            "done"; "expired" when the time was up before the request was sent; "timeout"
            or "broken" when nothing was sent to the client yet;
            "timeout-after-sending" or "broken-after-sending" when an answer was cut short.
        """
        if deadline <= time.monotonic():
            return "expired"  # nothing sent: nothing to stop
        upstream = http.client.HTTPConnection(*address, timeout=_remaining(deadline))
        try:
            upstream.request(self.command, self.path, body=body or None, headers=headers)
            response = upstream.getresponse()
        except (TimeoutError, socket.timeout):
            upstream.close()
            return "timeout"
        except (OSError, http.client.HTTPException):
            upstream.close()
            return "broken"
        try:
            return self._relay(upstream, response, deadline)
        finally:
            upstream.close()

    def _relay(self, upstream: http.client.HTTPConnection, response: http.client.HTTPResponse,
               deadline: float) -> str:
        """Send a small answer whole (with its length) once complete, stream a long one."""
        parts: list[bytes] = []
        size = 0
        try:
            while size <= WHOLE_ANSWER:
                data = _read(upstream, response, deadline)
                if not data:
                    break
                parts.append(data)
                size += len(data)
        except (TimeoutError, socket.timeout):
            return "timeout"
        except (OSError, http.client.HTTPException):
            return "broken"
        whole = size <= WHOLE_ANSWER
        self.send_response(response.status, response.reason)
        for name, value in response.getheaders():
            if name.lower() not in _HOP:
                self.send_header(name, value)
        self.send_header("Content-Length" if whole else "Transfer-Encoding", str(size) if whole else "chunked")
        self.end_headers()
        if self.command == "HEAD":
            return "done"
        if whole:
            self.wfile.write(b"".join(parts))
            return "done"
        for data in parts:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        while True:
            try:
                data = _read(upstream, response, deadline)
            except (TimeoutError, socket.timeout):
                self.close_connection = True  # no last chunk: the client sees the answer is incomplete
                return "timeout-after-sending"
            except (OSError, http.client.HTTPException):
                self.close_connection = True
                return "broken-after-sending"
            if not data:
                break
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        self.wfile.write(b"0\r\n\r\n")
        return "done"

    def _plain(self, status: int, text: str) -> None:
        self._send(status, "text/plain; charset=utf-8", text.encode("utf-8"))

    def _send(self, status: int, content_type: str, data: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _timed_out(self) -> None:
        self._plain(503, f"kgraph serve: the query did not finish within the {self.server.timeout_s:g}s timeout "
                         "and was stopped\n")

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_OPTIONS = do_PATCH = _forward

    def log_message(self, format: str, *args: Any) -> None:  # quiet: the CLI prints the address once
        pass

    def log_error(self, format: str, *args: Any) -> None:
        pass


def _remaining(deadline: float) -> float | None:
    if deadline == math.inf:
        return None
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError
    return left


def _read(upstream: http.client.HTTPConnection, response: http.client.HTTPResponse, deadline: float) -> bytes:
    """The next piece of an answer, waiting no longer than the deadline (TimeoutError past it)."""
    left = _remaining(deadline)
    # http.client hands the socket to a response that will close the connection.
    sock = upstream.sock or getattr(getattr(response.fp, "raw", None), "_sock", None)
    if sock is not None:
        sock.settimeout(left)
    return response.read1(65536)


class _ProxyServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = LISTEN_BACKLOG

    def __init__(self, address: tuple[str, int], backend: _Backend, timeout_s: float, *, read_only: bool,
                 allow_service: bool, host_names: frozenset[str]) -> None:
        super().__init__(address, _Proxy)
        self.backend = backend
        self.timeout_s = timeout_s
        self.read_only = read_only
        self.allow_service = allow_service
        self.host_names = host_names

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that hung up mid-answer: nothing to report, nothing to print


@dataclass
class Server:
    """A running SPARQL endpoint; stop it with ``stop()`` or use it as a context manager."""

    url: str
    backend: _Backend
    workdir: Path
    how: str
    read_only: bool = True
    proxy: _ProxyServer | None = None
    _thread: threading.Thread | None = field(default=None, repr=False)
    _stopped: threading.Event = field(default_factory=threading.Event, repr=False)

    @property
    def process(self) -> subprocess.Popen[bytes]:
        """The Oxigraph server process now running (it changes when a query is stopped)."""
        return self.backend.process

    @property
    def query_url(self) -> str:
        return self.url + "/query"

    @property
    def update_url(self) -> str:
        return self.url + "/update"

    def stop(self) -> None:
        if self.proxy is not None:
            self.proxy.shutdown()
            self.proxy.server_close()
            self.proxy = None
        self.backend.stop()
        shutil.rmtree(self.workdir, ignore_errors=True)
        self._stopped.set()

    def wait(self) -> None:
        """Block until the server is stopped (or Ctrl-C)."""
        while not self._stopped.wait(0.5):
            pass

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


_SNAPSHOT = re.compile(r"^\.?kgraph-serve-(\d+)\.(\d+)-")


def _process_start(pid: int) -> int:
    """When a process started (clock ticks since boot, Linux); 0 where that cannot be read."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return int(stat.read().rsplit(")", 1)[1].split()[19])
    except (OSError, ValueError, IndexError):
        return 0


def _alive(pid: int, started: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return not started or _process_start(pid) in (0, started)  # not a process that took over a freed id


def remove_stale_snapshots(folder: Path) -> list[Path]:
    """Remove the snapshots in ``folder`` whose ``kgraph serve`` is gone (killed with -9, or a crash).

    Each snapshot's name holds its server's process id and start time; snapshots of
    running servers, and folders named otherwise, are left alone.
    """
    removed = []
    with contextlib.suppress(OSError):
        for path in folder.iterdir():
            match = _SNAPSHOT.match(path.name)
            if match and path.is_dir() and not _alive(int(match.group(1)), int(match.group(2))):
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path)
    return removed


def _workdir(graph: Path) -> Path:
    # Beside the store, so that the backup can hard-link its files; the system temp otherwise.
    # The name says whose it is, so that the next server can remove it if this one is killed.
    owner = f"{os.getpid()}.{_process_start(os.getpid())}-"
    beside = graph.resolve().parent
    for folder in (beside, Path(tempfile.gettempdir())):
        remove_stale_snapshots(folder)
    with contextlib.suppress(OSError):
        return Path(tempfile.mkdtemp(prefix=f".kgraph-serve-{owner}", dir=beside))
    return Path(tempfile.mkdtemp(prefix=f"kgraph-serve-{owner}"))


def start_server(graph: str | Path, *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
                 timeout: float | None = DEFAULT_TIMEOUT, writable: bool = False,
                 allow_service: bool = False) -> Server:
    """Start a SPARQL 1.1 endpoint, the explorer at ``/`` and the query page at ``/sparql`` for a store or RDF file.

    Args:
        graph: a store directory or an RDF file (ttl, nt, nq, trig, jsonld, xml).
        host: the address to bind; loopback by default.
        port: the TCP port (0 picks a free one).
        timeout: seconds a query may run; None or 0 for no limit. A query that runs over
            is stopped (the Oxigraph server is restarted).
        writable: serve the store directory itself read-write (`oxigraph serve`), which
            needs the store to be free; an RDF file is served from a writable temporary copy.
        allow_service: let queries use SERVICE (and, when writable, updates use LOAD), by
            which the server fetches from other servers; refused by default.

    The default graph is the union of all graphs, as for `kgraph query`. Requests whose
    Host is not a name of this machine, or that come from pages of other origins, are refused.

    Raises:
        KGraphError: the server is not installed, the graph cannot be read, or the
            server does not start (e.g. the port is taken).
    """
    binary = find_oxigraph()
    graph = Path(graph)
    workdir = _workdir(graph)
    try:
        if writable and graph.is_dir():
            if not _is_store(graph):
                raise KGraphError(f"{graph}: not an Oxigraph store directory")
            location, how = graph, "direct"
        else:
            location = workdir / "store"
            how = snapshot(graph, location)
        port = port or _free_port(host)
        backend = _Backend(binary, location, writable=writable, timeout=timeout)  # behind the proxy
    except BaseException:
        shutil.rmtree(workdir, ignore_errors=True)
        raise
    server = Server(f"http://{_url_host(host)}:{port}", backend, workdir, how, read_only=not writable)
    try:
        server.proxy = _ProxyServer((host, port), backend, float(timeout or 0), read_only=not writable,
                                    allow_service=allow_service, host_names=host_names(host))  # 0: no limit
    except OSError as ex:
        server.stop()
        raise KGraphError(f"cannot listen on {host}:{port} ({ex.strerror or ex})") from ex
    server._thread = threading.Thread(target=server.proxy.serve_forever, name="kgraph-serve", daemon=True)
    server._thread.start()
    return server


def _die_with_parent() -> None:
    """Linux: the server gets SIGTERM if the Python process dies without stopping it."""
    with contextlib.suppress(Exception):
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def serve(graph: str | Path, *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
          timeout: float | None = DEFAULT_TIMEOUT, writable: bool = False, allow_service: bool = False,
          ready: Any = None) -> None:
    """Serve until interrupted; ``ready(server)`` is called once it is listening."""
    import signal

    def interrupt(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, interrupt)  # clean up the server and the snapshot on `kill` too
    with start_server(graph, host=host, port=port, timeout=timeout, writable=writable,
                      allow_service=allow_service) as server:
        if ready is not None:
            ready(server)
        with contextlib.suppress(KeyboardInterrupt):
            server.wait()
