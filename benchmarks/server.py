"""The loopback fake Twilio Proxy server: nginx if installed, else a small asyncio server.

Both serve the files `render.py` wrote, on 127.0.0.1 only, with keep-alive for as long as
the clients want it, so that connection set-up never shows up in a measurement.

    python benchmarks/server.py --root DIR --port PORT     # the Python fallback, foreground
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from render import SESSIONS_PATH, session_sid

HOST = "127.0.0.1"

_NGINX_CONF = """\
daemon off;
master_process off;
worker_processes 1;
pid {root}/nginx.pid;
error_log {root}/nginx-error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    client_body_temp_path {root}/tmp;
    proxy_temp_path {root}/tmp;
    fastcgi_temp_path {root}/tmp;
    uwsgi_temp_path {root}/tmp;
    scgi_temp_path {root}/tmp;
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    etag off;
    server_tokens off;
    # The defaults (1000 requests, 75 s) would make clients reconnect mid-run.
    keepalive_requests 10000000;
    keepalive_timeout 600s;
    types {{ }}
    default_type application/json;
    map $arg_PageSize $page_size {{ "" 50; default $arg_PageSize; }}
    map $arg_Page $page {{ "" 0; default $arg_Page; }}
    server {{
        listen {host}:{port} backlog=4096;
        root {root}/site;
        location = {sessions} {{
            try_files /pages/$page_size/$page.json =404;
        }}
        location ~ "^{sessions}/(KC[0-9a-f]{{32}})$" {{
            try_files /sessions/$1.json =404;
        }}
        location / {{ return 404; }}
    }}
}}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def pin(cpu: int) -> None:
    """Pin this process, and every process it starts from now on, to one core."""
    os.sched_setaffinity(0, {cpu})


def find_nginx() -> str | None:
    return shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.access(p, os.X_OK)), None
    )


class Server:
    """A running server process; `kind` says which one, for the report."""

    def __init__(self, kind: str, version: str, process: subprocess.Popen[bytes], port: int):
        self.kind = kind
        self.version = version
        self.process = process
        self.port = port
        self.base_url = f"http://{HOST}:{port}"

    def wait_ready(self, timeout: float = 30.0) -> None:
        probe = f"{self.base_url}{SESSIONS_PATH}/{session_sid(0)}"
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.kind} exited with {self.process.returncode}")
            try:
                with urllib.request.urlopen(probe, timeout=2) as reply:
                    if reply.status == 200:
                        return
            except OSError:
                if time.monotonic() > deadline:
                    raise
            time.sleep(0.05)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start_nginx(work: Path, port: int) -> Server:
    nginx = find_nginx()
    if nginx is None:
        raise FileNotFoundError("nginx")
    (work / "tmp").mkdir(exist_ok=True)
    conf = work / "nginx.conf"
    conf.write_text(_NGINX_CONF.format(root=work, host=HOST, port=port, sessions=SESSIONS_PATH))
    version = subprocess.run([nginx, "-v"], capture_output=True, text=True, check=False).stderr
    # `-p` keeps nginx away from /var/log/nginx and friends; master_process off means no
    # user switch, so the files need no extra permissions.
    process = subprocess.Popen(
        [nginx, "-p", str(work), "-c", str(conf), "-e", str(work / "nginx-error.log")]
    )
    return Server("nginx", version.strip().removeprefix("nginx version: "), process, port)


def start_python(work: Path, port: int) -> Server:
    process = subprocess.Popen(
        [sys.executable, __file__, "--root", str(work / "site"), "--port", str(port)]
    )
    loop = "uvloop" if importlib.util.find_spec("uvloop") else "asyncio"
    return Server("python", f"CPython {sys.version.split()[0]}, {loop}", process, port)


def start(work: Path, port: int, kind: str) -> Server:
    """`kind` is nginx, python or auto (nginx when installed). It inherits this affinity."""
    if kind == "nginx" or (kind == "auto" and find_nginx()):
        server = start_nginx(work, port)
    else:
        server = start_python(work, port)
    try:
        server.wait_ready()
    except BaseException:
        server.stop()  # never leave a server behind
        raise
    return server


# --- the Python fallback -------------------------------------------------------------------


class _Files:
    """URL path -> a full pre-built HTTP response, read from disk once on first use."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.cache: dict[bytes, bytes] = {}

    def lookup(self, target: bytes) -> bytes:
        reply = self.cache.get(target)
        if reply is None:
            reply = self._load(target.decode("latin-1"))
            if len(self.cache) < 20_000:
                self.cache[target] = reply
        return reply

    def _load(self, target: str) -> bytes:
        path, _, query = target.partition("?")
        file = None
        if path == SESSIONS_PATH:
            args = dict(p.partition("=")[::2] for p in query.split("&") if p)
            size, page = args.get("PageSize", "50"), args.get("Page", "0")
            if size.isdigit() and page.isdigit():
                file = self.root / "pages" / size / f"{page}.json"
        elif path.startswith(SESSIONS_PATH + "/KC") and path[-34:].isalnum():
            file = self.root / "sessions" / f"{path[-34:]}.json"
        if file is None or not file.is_file():
            return b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
        body = file.read_bytes()
        head = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}"
        return head.encode() + b"\r\n\r\n" + body


class _Http(asyncio.Protocol):
    """Just enough HTTP/1.1 for GETs without bodies: parse the request line, answer, repeat."""

    def __init__(self, files: _Files) -> None:
        self.files = files
        self.buffer = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]  (uvloop's is no subclass)

    def data_received(self, data: bytes) -> None:
        assert self.transport is not None
        self.buffer += data
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            head, self.buffer = self.buffer[:end], self.buffer[end + 4 :]
            parts = head.split(b" ", 2)
            self.transport.write(self.files.lookup(parts[1] if len(parts) > 1 else b"/"))


def serve(root: Path, port: int) -> None:
    async def main() -> None:
        files = _Files(root)
        loop = asyncio.get_running_loop()
        server = await loop.create_server(lambda: _Http(files), HOST, port, backlog=4096)
        async with server:
            await server.serve_forever()

    try:
        import uvloop  # noqa: PLC0415  (optional: the fallback server is faster with it)
    except ImportError:
        asyncio.run(main())
    else:
        uvloop.run(main())


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", type=Path, required=True)
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    serve(args.root, args.port)
