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
not stopped by it. The proxy answers 503 when the response has not come back within
the timeout and cuts a streamed response that runs over. Oxigraph cannot cancel a
query, so the server may keep one core busy until that query's operator finishes.
"""

from __future__ import annotations

import contextlib
import gc
import http.client
import math
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from kgraph.errors import KGraphError

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "Server", "find_oxigraph", "snapshot", "start_server", "serve"]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 30.0

# Hop-by-hop headers a proxy must not forward (RFC 9110, section 7.6.1), plus the length
# headers it recomputes.
_HOP = frozenset({"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
                  "transfer-encoding", "upgrade", "content-length", "host"})


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
    return (path / "CURRENT").is_file()  # every RocksDB directory has one


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


class _Proxy(BaseHTTPRequestHandler):
    """Forwards one request to the Oxigraph server and enforces the timeout on the answer."""

    protocol_version = "HTTP/1.1"
    server: _ProxyServer

    def _forward(self) -> None:
        from kgraph.explorer import route

        page = route(self.command, self.path)  # the explorer's pages and files; SPARQL goes on to Oxigraph
        if page is not None:
            self._send(page.status, page.content_type, page.body)
            return
        deadline = time.monotonic() + (self.server.timeout_s or math.inf)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP}
        upstream = http.client.HTTPConnection(*self.server.backend, timeout=self.server.timeout_s or None)
        try:
            upstream.request(self.command, self.path, body=body, headers=headers)
            response = upstream.getresponse()
        except (TimeoutError, socket.timeout):
            upstream.close()
            self._timed_out()
            return
        except OSError as ex:
            upstream.close()
            self._plain(502, f"kgraph serve: the Oxigraph server is not answering ({ex})\n")
            return
        try:
            self._relay(response, deadline)
        finally:
            upstream.close()

    def _relay(self, response: http.client.HTTPResponse, deadline: float) -> None:
        self.send_response(response.status, response.reason)
        for name, value in response.getheaders():
            if name.lower() not in _HOP:
                self.send_header(name, value)
        chunked = self.command != "HEAD" and response.status not in (204, 304)
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", "0")
        self.end_headers()
        if not chunked:
            return
        while True:
            if time.monotonic() > deadline:  # streamed results ran over: cut the answer short
                self.close_connection = True
                return
            try:
                data = response.read1(65536)
            except (TimeoutError, socket.timeout):
                self.close_connection = True
                return
            if not data:
                break
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        self.wfile.write(b"0\r\n\r\n")

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
        self._plain(503, f"kgraph serve: the query did not finish within the {self.server.timeout_s:g}s timeout\n")

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_OPTIONS = _forward

    def log_message(self, format: str, *args: Any) -> None:  # quiet: the CLI prints the address once
        pass


class _ProxyServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], backend: tuple[str, int], timeout_s: float) -> None:
        super().__init__(address, _Proxy)
        self.backend = backend
        self.timeout_s = timeout_s


@dataclass
class Server:
    """A running SPARQL endpoint; stop it with ``stop()`` or use it as a context manager."""

    url: str
    process: subprocess.Popen[bytes]
    workdir: Path
    how: str
    read_only: bool = True
    proxy: _ProxyServer | None = None
    _thread: threading.Thread | None = field(default=None, repr=False)

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
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stderr:
            self.process.stderr.close()
        shutil.rmtree(self.workdir, ignore_errors=True)

    def wait(self) -> None:
        """Block until the Oxigraph server exits (or Ctrl-C)."""
        self.process.wait()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _workdir(graph: Path) -> Path:
    # Beside the store, so that the backup can hard-link its files; the system temp otherwise.
    with contextlib.suppress(OSError):
        return Path(tempfile.mkdtemp(prefix=".kgraph-serve-", dir=graph.resolve().parent))
    return Path(tempfile.mkdtemp(prefix="kgraph-serve-"))


def start_server(graph: str | Path, *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
                 timeout: float | None = DEFAULT_TIMEOUT, writable: bool = False) -> Server:
    """Start a SPARQL 1.1 endpoint, the explorer at ``/`` and the query page at ``/sparql`` for a store or RDF file.

    Args:
        graph: a store directory or an RDF file (ttl, nt, nq, trig, jsonld, xml).
        host: the address to bind; loopback by default.
        port: the TCP port (0 picks a free one).
        timeout: seconds a query may run; None or 0 for no limit.
        writable: serve the store directory itself read-write (`oxigraph serve`), which
            needs the store to be free; an RDF file is served from a writable temporary copy.

    The default graph is the union of all graphs, as for `kgraph query`.

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
        backend = (DEFAULT_HOST, _free_port())  # behind the proxy, which serves the explorer
        command = [binary, "serve" if writable else "serve-read-only", "--location", str(location),
                   "--bind", f"{backend[0]}:{backend[1]}", "--union-default-graph"]
        if timeout:
            command += ["--timeout-s", str(max(1, int(timeout + 0.999)))]
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, preexec_fn=_die_with_parent)
        _wait_until_up(process, *backend)
    except BaseException:
        shutil.rmtree(workdir, ignore_errors=True)
        raise
    server = Server(f"http://{_url_host(host)}:{port}", process, workdir, how, read_only=not writable)
    try:
        server.proxy = _ProxyServer((host, port), backend, float(timeout or 0))  # 0: no limit
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
          timeout: float | None = DEFAULT_TIMEOUT, writable: bool = False,
          ready: Any = None) -> None:
    """Serve until interrupted; ``ready(server)`` is called once it is listening."""
    import signal

    def interrupt(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, interrupt)  # clean up the server and the snapshot on `kill` too
    with start_server(graph, host=host, port=port, timeout=timeout, writable=writable) as server:
        if ready is not None:
            ready(server)
        with contextlib.suppress(KeyboardInterrupt):
            server.wait()
