"""Run the sandbox on a real loopback socket inside the caller's event loop.

`serve()` binds the socket itself (port 0 by default, so the OS picks a free port and
no two test runs collide), hands it to uvicorn, and returns once uvicorn accepts
connections. uvicorn and starlette are imported only here, when a sandbox starts, so
`import sessionhub.sandbox` stays cheap for the pytest plugin.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import ipaddress
import socket
from collections.abc import AsyncIterator, Iterator, Mapping
from typing import TYPE_CHECKING

from ._constants import (
    EQUOS_API_KEY,
    SIPHER_API_KEY,
    TRINSIC_API_KEY,
    TWILIO_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN,
    VENDORS,
)
from ._faults import Faults
from ._log import RequestLog
from ._state import Clock, SandboxState

if TYPE_CHECKING:
    import uvicorn

    from sessionhub import Equos, Sipher, TrinsicConnect, TwilioProxy

    from ._app import SandboxApp

__all__ = ["Sandbox", "create_app", "is_loopback", "serve"]

_READY_TIMEOUT = 10.0
_STOP_TIMEOUT = 5.0


class Sandbox:
    """A running sandbox: where it listens, its fault rules and request log, and
    ready-made sessionhub clients for each vendor (created on first use, closed when the
    sandbox stops)."""

    def __init__(self, app: SandboxApp, host: str, port: int) -> None:
        self.app = app
        self.host = host
        self.port = port
        literal = f"[{host}]" if ":" in host else host
        self.url = f"http://{literal}:{port}"

    def __repr__(self) -> str:
        return f"<Sandbox {self.url}>"

    @property
    def faults(self) -> Faults:
        """Fault rules: `sandbox.faults.add("status=503", vendor="sipher", times=2)`."""
        return self.app.faults

    @property
    def requests(self) -> RequestLog:
        """Every request received, with its operation, fault and whether it changed state."""
        return self.app.requests

    def base_url(self, vendor: str) -> str:
        """The base URL to give a client: `http://127.0.0.1:PORT/twilio` and so on."""
        if vendor not in VENDORS:
            raise ValueError(f"unknown vendor {vendor!r}; expected one of {', '.join(VENDORS)}")
        return f"{self.url}/{vendor}"

    def reset(self) -> None:
        """Forget every session, fault rule and recorded request (the server keeps running)."""
        self.app.reset()

    @functools.cached_property
    def trinsic(self) -> TrinsicConnect:
        from sessionhub import TrinsicConnect  # noqa: PLC0415  (the facade loads on first use)

        return TrinsicConnect(api_key=TRINSIC_API_KEY, base_url=self.base_url("trinsic"))

    @functools.cached_property
    def sipher(self) -> Sipher:
        from sessionhub import Sipher  # noqa: PLC0415  (the facade loads on first use)

        return Sipher(api_key=SIPHER_API_KEY, base_url=self.base_url("sipher"))

    @functools.cached_property
    def equos(self) -> Equos:
        from sessionhub import Equos  # noqa: PLC0415  (the facade loads on first use)

        return Equos(api_key=EQUOS_API_KEY, base_url=self.base_url("equos"))

    @functools.cached_property
    def twilio(self) -> TwilioProxy:
        from sessionhub import TwilioProxy  # noqa: PLC0415  (the facade loads on first use)

        return TwilioProxy(
            account_sid=TWILIO_ACCOUNT_SID,
            auth_token=TWILIO_AUTH_TOKEN,
            base_url=self.base_url("twilio"),
        )

    async def aclose_clients(self) -> None:
        """Close the ready-made clients (serve() does this on exit); the next use of
        `.twilio` and the others makes a new one."""
        cached = vars(self)
        clients = [cached.pop(vendor) for vendor in VENDORS if vendor in cached]
        for client in clients:
            await client.aclose()


def create_app(
    *,
    clock: Clock | None = None,
    faults: Faults | None = None,
    requests: RequestLog | None = None,
    sipher_keys: Mapping[str, str] | None = None,
) -> SandboxApp:
    """A new sandbox ASGI app (Starlette) with empty state, for any ASGI server or
    in-process client.

    `clock` (default `time.time`) drives timestamps and expiry. `faults` and `requests`
    let the caller hold the fault rules and the request log (also at `app.faults` and
    `app.requests`). `sipher_keys` replaces Sipher's keys, as `{key: tier}` with tier
    `free`, `pro` or `enterprise` (default: the two sandbox keys).
    """
    from ._app import SandboxApp  # noqa: PLC0415  (starlette loads on first use)

    state = SandboxState(clock=clock, faults=faults, requests=requests)
    return SandboxApp(state, sipher_keys=sipher_keys)


def is_loopback(host: str) -> bool:
    """Whether every address `host` resolves to is a loopback address."""
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except OSError:
        return False
    return bool(infos) and all(ipaddress.ip_address(info[4][0]).is_loopback for info in infos)


@contextlib.asynccontextmanager
async def serve(
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    clock: Clock | None = None,
    sipher_keys: Mapping[str, str] | None = None,
    allow_remote: bool = False,
) -> AsyncIterator[Sandbox]:
    """Run a fresh sandbox on `host:port` (default: a free loopback port) until the block
    ends; then close its clients, stop the server and release the socket.

        async with serve() as sandbox:
            async with TwilioProxy(..., base_url=sandbox.base_url("twilio")) as twilio:
                ...
    """
    if not allow_remote and not is_loopback(host):
        raise ValueError(
            f"refusing to serve the sandbox on {host!r}, which is not a loopback address; "
            "pass allow_remote=True to expose it"
        )
    import uvicorn  # noqa: PLC0415  (uvicorn loads when a sandbox starts)

    app = create_app(clock=clock, sipher_keys=sipher_keys)
    config = uvicorn.Config(
        app,
        http="h11",  # its request cycle exposes the transport that `drop` faults close
        ws="none",
        lifespan="off",
        log_config=None,  # leave the embedding program's logging alone
        log_level="warning",
        access_log=False,
        server_header=False,
        proxy_headers=False,  # URLs in responses follow the Host the client used, as at Twilio
    )
    server = _embedded_server(config)
    stopping = asyncio.Event()
    app.sandbox.watch_stop(stopping)
    sock = _bind(host, port)
    task = asyncio.create_task(server.serve(sockets=[sock]), name="sessionhub-sandbox")
    sandbox = Sandbox(app, host, sock.getsockname()[1])
    try:
        await _wait_started(server, task)
        yield sandbox
    finally:
        try:
            await sandbox.aclose_clients()
        finally:
            stopping.set()
            await _stop(server, task)
            sock.close()


def _embedded_server(config: uvicorn.Config) -> uvicorn.Server:
    import uvicorn  # noqa: PLC0415  (uvicorn loads when a sandbox starts)

    class EmbeddedServer(uvicorn.Server):
        """uvicorn.Server without signal handling: an embedded server must not take over
        the host program's Ctrl-C (uvicorn's capture re-raises signals after shutdown)."""

        @contextlib.contextmanager
        def capture_signals(self) -> Iterator[None]:
            yield

    return EmbeddedServer(config)


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET
    # IPPROTO_TCP explicitly: asyncio only sets TCP_NODELAY on accepted sockets whose proto
    # says TCP, and without it every reused connection waits ~40 ms for a delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host.strip("[]"), port))
        sock.setblocking(False)
    except OSError:
        sock.close()
        raise
    return sock


async def _wait_started(server: uvicorn.Server, task: asyncio.Task[None]) -> None:
    """Wait for uvicorn to accept connections (it sets `started`), or fail if it stops."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + _READY_TIMEOUT
    while not server.started:
        if task.done():
            task.result()  # raises what stopped it
            raise RuntimeError("the sandbox server stopped before it started")
        if loop.time() > deadline:
            raise TimeoutError(f"the sandbox server did not start within {_READY_TIMEOUT:g}s")
        await asyncio.sleep(0.005)


async def _stop(server: uvicorn.Server, task: asyncio.Task[None]) -> None:
    server.should_exit = True
    try:
        await asyncio.wait_for(asyncio.shield(task), _STOP_TIMEOUT)
    except TimeoutError:
        server.force_exit = True
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
