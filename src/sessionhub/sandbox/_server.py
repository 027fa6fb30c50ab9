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
import threading
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from ._constants import (
    CONTROL_PREFIX,
    EQUOS_API_KEY,
    SIPHER_API_KEY,
    TRINSIC_API_KEY,
    TWILIO_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN,
    VENDORS,
)
from ._errors import SandboxStartError, SandboxStartTimeout, SandboxUsageError
from ._faults import Faults
from ._log import RequestLog
from ._state import Clock, SandboxState

if TYPE_CHECKING:
    import uvicorn

    from sessionhub import Equos, Sipher, TrinsicConnect, TwilioProxy

    from ._app import SandboxApp

__all__ = ["Sandbox", "create_app", "is_loopback", "serve", "serve_in_thread"]

_T = TypeVar("_T")

_READY_TIMEOUT = 10.0
_STOP_TIMEOUT = 5.0


class Sandbox:
    """A running sandbox: where it listens, its fault rules, request log and clock, its
    state, and ready-made sessionhub clients for each vendor.

    `serve()` and `serve_in_thread()` both give one. Under `serve()` the ready-made
    clients (`.twilio`, ...) are created on first use and closed when the sandbox stops.
    A threaded sandbox runs on its own event loop, so it has none: make a client for your
    own loop with `client("twilio")` (you close it) or from `settings("twilio")`.
    """

    def __init__(
        self,
        app: SandboxApp,
        host: str,
        port: int,
        *,
        loop: asyncio.AbstractEventLoop | None = None,
        threaded: bool = False,
    ) -> None:
        self.app = app
        self.host = host
        self.port = port
        literal = f"[{host}]" if ":" in host else host
        self.url = f"http://{literal}:{port}"
        self.threaded = threaded
        self._loop = loop

    def __repr__(self) -> str:
        kind = "threaded " if self.threaded else ""
        return f"<Sandbox {kind}{self.url}>"

    @property
    def faults(self) -> Faults:
        """Fault rules: `sandbox.faults.add("status=503", vendor="sipher", times=2)`; see
        `help(sessionhub.sandbox.Faults)` for the syntax. Also `/_sandbox/faults`."""
        return self.app.faults

    @property
    def requests(self) -> RequestLog:
        """Every request received, with its operation, fault and whether it changed state.
        Also `GET /_sandbox/requests`."""
        return self.app.requests

    @property
    def control_url(self) -> str:
        """Where the control plane listens: `http://127.0.0.1:PORT/_sandbox`."""
        return f"{self.url}{CONTROL_PREFIX}"

    def base_url(self, vendor: str) -> str:
        """The base URL to give a client: `http://127.0.0.1:PORT/twilio` and so on."""
        if vendor not in VENDORS:
            raise SandboxUsageError(f"unknown vendor {vendor!r}; pass one of {', '.join(VENDORS)}")
        return f"{self.url}/{vendor}"

    # dict[str, Any], not dict[str, str]: mypy checks `**` of a dict[str, str] against every
    # keyword of the constructor, so `TwilioProxy(**sandbox.settings(...))` failed --strict.
    def settings(self, vendor: str) -> dict[str, Any]:
        """The keyword arguments of a sessionhub client for `vendor` on this sandbox:
        `TwilioProxy(**sandbox.settings("twilio"))`."""
        base_url = self.base_url(vendor)
        if vendor == "twilio":
            return {
                "account_sid": TWILIO_ACCOUNT_SID,
                "auth_token": TWILIO_AUTH_TOKEN,
                "base_url": base_url,
            }
        key = {"trinsic": TRINSIC_API_KEY, "sipher": SIPHER_API_KEY, "equos": EQUOS_API_KEY}
        return {"api_key": key[vendor], "base_url": base_url}

    def client(self, vendor: str) -> Any:
        """A new sessionhub client for `vendor` on this sandbox, for the caller's event
        loop; the caller closes it (`async with sandbox.client("sipher") as sipher:`)."""
        import sessionhub  # noqa: PLC0415  (the facade loads on first use)

        classes = {
            "trinsic": sessionhub.TrinsicConnect,
            "sipher": sessionhub.Sipher,
            "equos": sessionhub.Equos,
            "twilio": sessionhub.TwilioProxy,
        }
        settings = self.settings(vendor)  # first: it refuses an unknown vendor clearly
        return classes[vendor](**settings)

    # state, clock and reset: the same calls the control plane makes

    def reset(self) -> None:
        """Forget every session, fault rule and recorded request (the server keeps running,
        the clock stays). Also `POST /_sandbox/reset`."""
        self._in_loop(self.app.reset)

    def now(self) -> float:
        """The sandbox's time, in seconds since the epoch."""
        return self.app.sandbox.now()

    def advance(self, seconds: float) -> None:
        """Move the sandbox's time forward (expiry, TTLs). Also `POST /_sandbox/clock`."""
        self._in_loop(functools.partial(self.app.sandbox.advance, seconds))

    def export_state(self) -> dict[str, Any]:
        """Every vendor's sessions as JSON-ready data. Also `GET /_sandbox/state`."""
        return self._in_loop(self.app.export_state)

    def import_state(self, data: Any) -> dict[str, int]:
        """Replace every vendor's sessions with exported state. Also `PUT /_sandbox/state`."""
        return self._in_loop(functools.partial(self.app.import_state, data))

    def _in_loop(self, call: Callable[[], _T]) -> _T:
        """Run `call` on the sandbox's own loop when the caller is another thread, so
        vendor state only ever changes on one thread."""
        loop = self._loop
        if loop is None or not self.threaded or _running_loop() is loop:
            return call()

        async def run() -> _T:
            return call()

        return asyncio.run_coroutine_threadsafe(run(), loop).result(_STOP_TIMEOUT)

    # ready-made clients (serve() only)

    @functools.cached_property
    def trinsic(self) -> TrinsicConnect:
        """A TrinsicConnect client on this sandbox (closed when the sandbox stops)."""
        client: TrinsicConnect = self._ready_made("trinsic")
        return client

    @functools.cached_property
    def sipher(self) -> Sipher:
        """A Sipher client on this sandbox (closed when the sandbox stops)."""
        client: Sipher = self._ready_made("sipher")
        return client

    @functools.cached_property
    def equos(self) -> Equos:
        """An Equos client on this sandbox (closed when the sandbox stops)."""
        client: Equos = self._ready_made("equos")
        return client

    @functools.cached_property
    def twilio(self) -> TwilioProxy:
        """A TwilioProxy client on this sandbox (closed when the sandbox stops)."""
        client: TwilioProxy = self._ready_made("twilio")
        return client

    def _ready_made(self, vendor: str) -> Any:
        if self.threaded:
            raise RuntimeError(
                f"a threaded sandbox has no ready-made .{vendor} client: it runs on its own "
                f"event loop, not yours. Use `async with sandbox.client({vendor!r}) as "
                f"{vendor}:` or sandbox.settings({vendor!r})"
            )
        return self.client(vendor)

    async def aclose_clients(self) -> None:
        """Close the ready-made clients (serve() does this on exit); the next use of
        `.twilio` and the others makes a new one."""
        cached = vars(self)
        clients = [cached.pop(vendor) for vendor in VENDORS if vendor in cached]
        for client in clients:
            await client.aclose()


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


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
    """Run a fresh sandbox on `host:port` (default: a free loopback port) in the running
    event loop until the block ends; then close its clients, stop the server and release
    the socket.

        async with serve() as sandbox:
            async with TwilioProxy(..., base_url=sandbox.base_url("twilio")) as twilio:
                ...

    A sync test (FastAPI's or Django's test client, any blocking code) would block this
    loop and with it the sandbox: use `serve_in_thread()` there.
    """
    async with _serving(
        host=host,
        port=port,
        clock=clock,
        sipher_keys=sipher_keys,
        allow_remote=allow_remote,
        threaded=False,
    ) as sandbox:
        yield sandbox


@contextlib.contextmanager
def serve_in_thread(
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    clock: Clock | None = None,
    sipher_keys: Mapping[str, str] | None = None,
    allow_remote: bool = False,
) -> Iterator[Sandbox]:
    """`serve()` for sync code: the same sandbox, on its own event loop in a background
    thread, until the block ends.

        with serve_in_thread() as sandbox:
            client = TestClient(make_app(**sandbox.settings("twilio")))
            sandbox.faults.add("status=503", vendor="twilio", operation="sessions.create")
            assert client.post("/orders").status_code == 502
            sandbox.reset()                               # between tests: fast

    The object is the same as serve()'s (base URLs, `settings()`, `client()`, faults,
    request log, clock, state), except that it has no ready-made clients: those would be
    bound to the sandbox's loop. Its methods are safe to call from any thread.
    """
    loop = asyncio.new_event_loop()
    started = threading.Event()
    box: dict[str, Any] = {}

    async def run() -> None:
        box["stop"] = stop = asyncio.Event()
        async with _serving(
            host=host,
            port=port,
            clock=clock,
            sipher_keys=sipher_keys,
            allow_remote=allow_remote,
            threaded=True,
        ) as sandbox:
            box["sandbox"] = sandbox
            started.set()
            await stop.wait()

    def main() -> None:
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(run())
        except BaseException as exc:  # handed to the caller's thread
            box["error"] = exc
        finally:
            started.set()
            loop.run_until_complete(loop.shutdown_asyncgens())

    thread = threading.Thread(target=main, name="sessionhub-sandbox", daemon=True)
    thread.start()
    started.wait(_READY_TIMEOUT + _STOP_TIMEOUT)
    try:
        if "error" in box:
            raise box["error"]
        if "sandbox" not in box:
            raise SandboxStartTimeout(
                f"the sandbox thread did not start within {_READY_TIMEOUT:g}s; the machine may "
                "be overloaded: retry, or start the sandbox with serve() in your own loop"
            )
        yield box["sandbox"]
    finally:
        if thread.is_alive() and "stop" in box:
            loop.call_soon_threadsafe(box["stop"].set)
        thread.join(_STOP_TIMEOUT * 2)
        if not thread.is_alive():
            loop.close()


@contextlib.asynccontextmanager
async def _serving(
    *,
    host: str,
    port: int,
    clock: Clock | None,
    sipher_keys: Mapping[str, str] | None,
    allow_remote: bool,
    threaded: bool,
) -> AsyncIterator[Sandbox]:
    if not allow_remote and not is_loopback(host):
        raise SandboxUsageError(
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
    loop = asyncio.get_running_loop()
    sandbox = Sandbox(app, host, sock.getsockname()[1], loop=loop, threaded=threaded)
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
    except OSError as exc:
        sock.close()
        raise SandboxStartError(
            exc.errno,
            f"cannot serve the sandbox on {host}:{port} ({exc.strerror or exc}); "
            "pass port=0 for a free port, or stop what is using this one",
        ) from None
    return sock


async def _wait_started(server: uvicorn.Server, task: asyncio.Task[None]) -> None:
    """Wait for uvicorn to accept connections (it sets `started`), or fail if it stops."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + _READY_TIMEOUT
    while not server.started:
        if task.done():
            task.result()  # raises what stopped it
            raise SandboxStartError(
                "the sandbox server stopped before it started; see the error logged above"
            )
        if loop.time() > deadline:
            raise SandboxStartTimeout(
                f"the sandbox server did not start within {_READY_TIMEOUT:g}s; the machine "
                "may be overloaded: retry"
            )
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
