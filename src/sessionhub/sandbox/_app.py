"""The sandbox as one Starlette app: the four vendor APIs under their prefixes, `/healthz`,
and in front of them the request log and fault injection.

Those two run in `SandboxApp.__call__`, before Starlette's middleware stack, for two
reasons: they must know the operation before any handler runs (a fault can replace it),
and dropping a connection needs the server's own `send`, which Starlette's error
middleware would otherwise wrap.
"""

from __future__ import annotations

import asyncio
import functools
import re
from collections.abc import Mapping
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Match, Mount, Route
from starlette.types import Message, Receive, Scope, Send

from ._constants import CONTROL_PREFIX
from ._control import control_mount
from ._equos import EquosApi
from ._errors import SandboxStateError
from ._faults import FAULT_HEADER, Fault, Faults, adding_headers, inject
from ._http import RECORD_KEY, VENDOR_KEY, VendorApi
from ._log import RecordedRequest, RequestLog
from ._sipher import SipherApi
from ._state import SandboxState
from ._trinsic import TrinsicApi
from ._twilio import TwilioApi

__all__ = ["STATE_FORMAT", "SandboxApp"]

STATE_FORMAT = "sessionhub-sandbox-state/1"


class SandboxApp(Starlette):
    """The sandbox's ASGI app. Build it with `sessionhub.sandbox.create_app()`."""

    def __init__(self, state: SandboxState, *, sipher_keys: Mapping[str, str] | None) -> None:
        self.vendors: dict[str, VendorApi] = {
            api.name: api
            for api in (
                TrinsicApi(state),
                SipherApi(state, sipher_keys),
                EquosApi(state),
                TwilioApi(state),
            )
        }
        self._mounts = [_mount(api) for api in self.vendors.values()]
        self.sandbox = state
        super().__init__(
            routes=[
                Route("/healthz", _healthz, methods=["GET"]),
                control_mount(self),
                *self._mounts,
            ],
            exception_handlers={HTTPException: self._unrouted, Exception: self._crashed},
        )

    @property
    def faults(self) -> Faults:
        return self.sandbox.faults

    @property
    def requests(self) -> RequestLog:
        return self.sandbox.requests

    def reset(self) -> None:
        """Forget every session, fault rule and recorded request (the clock stays)."""
        for api in self.vendors.values():
            api.reset()
        self.sandbox.faults.clear()
        self.sandbox.requests.clear()

    def export_state(self) -> dict[str, Any]:
        """Every vendor's sessions, as JSON-ready data that import_state() takes back."""
        return {
            "format": STATE_FORMAT,
            "sequence": self.sandbox.sequence,
            "vendors": {name: api.export_state() for name, api in self.vendors.items()},
        }

    def import_state(self, data: Any) -> dict[str, int]:
        """Replace every vendor's sessions with `data` (export_state()'s shape; a vendor
        left out is emptied); faults and the request log stay. Every value is checked
        first (ids in the vendor's format and not repeated, enums, types, timestamps the
        sandbox can show): SandboxStateError (a ValueError) naming the vendor, the session
        and the field, with nothing changed, for any that is not. Returns the sessions
        imported per vendor."""
        if not isinstance(data, dict) or data.get("format") != STATE_FORMAT:
            raise SandboxStateError(f"expected an object with 'format': {STATE_FORMAT!r}")
        vendors = data.get("vendors", {})
        sequence = data.get("sequence", 0)
        if not isinstance(vendors, dict) or not set(vendors) <= set(self.vendors):
            raise SandboxStateError(f"'vendors' maps some of {sorted(self.vendors)} to their state")
        # 64 bits: page tokens carry it, and JSON peers read no wider integers
        if isinstance(sequence, bool) or not isinstance(sequence, int) or not 0 <= sequence < 2**63:
            raise SandboxStateError("'sequence' must be a whole number from 0 to 2**63-1")
        before = {name: api.export_state() for name, api in self.vendors.items()}
        highest = 0
        try:
            for name, api in self.vendors.items():
                try:
                    highest = max(highest, api.import_state(vendors.get(name, {})))
                except SandboxStateError:
                    raise
                except (ValueError, TypeError) as exc:
                    raise SandboxStateError(f"{name} {exc}") from None
        except SandboxStateError:
            for name, api in self.vendors.items():
                api.import_state(before[name])
            raise
        self.sandbox.sequence = max(sequence, highest)
        exported = self.export_state()["vendors"]
        return {name: len(exported[name]["sessions"]) for name in self.vendors}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or _is_control(scope["path"]):
            await super().__call__(scope, receive, send)
            return
        vendor, operation = self._identify(scope)
        record = RecordedRequest(
            vendor=vendor.name if vendor else None,
            operation=operation,
            method=scope["method"],
            path=scope["path"],
            query=scope.get("query_string", b"").decode("latin-1"),
            at=self.sandbox.now(),
        )
        self.sandbox.requests.append(record)
        scope[RECORD_KEY] = record
        scope[VENDOR_KEY] = vendor
        recording = _recording(send, record)
        decorated = adding_headers(recording, vendor.response_headers(scope) if vendor else [])
        try:
            fault = self._fault(scope, vendor, operation)
        except ValueError as exc:
            # A typo in a test's fault must not pass silently as "no fault".
            record.fault = "invalid"
            message = f"sandbox: invalid X-Sandbox-Fault header: {exc}"
            assert vendor is not None  # only vendor requests carry faults
            await vendor.error(400, message)(scope, receive, decorated)
            return
        run_app = functools.partial(Starlette.__call__, self, scope, receive)
        if fault is None or vendor is None:
            await run_app(decorated)
            return
        record.fault = str(fault)
        await inject(
            fault,
            run_app=run_app,
            vendor_error=vendor.error,
            scope=scope,
            receive=receive,
            send=decorated,
            gateway_send=recording,
            transport=_transport(send),
            sleep=self.sandbox.sleep,
        )

    def _identify(self, scope: Scope) -> tuple[VendorApi | None, str | None]:
        """The vendor and operation (the client's name, `sessions.create`) a request is
        for, as routing will decide it, without running anything."""
        for mount in self._mounts:
            match, child = mount.matches(scope)
            if match is Match.FULL:
                vendor = self.vendors[str(mount.name)]
                inner = {**scope, **child}
                for route in mount.routes:
                    if route.matches(inner)[0] is Match.FULL:
                        return vendor, getattr(route, "name", None)
                return vendor, None
        path = scope["path"]
        for vendor in self.vendors.values():
            if path == vendor.prefix or path.startswith(vendor.prefix + "/"):
                return vendor, None
        return None, None

    def _fault(self, scope: Scope, vendor: VendorApi | None, operation: str | None) -> Fault | None:
        """The request's own X-Sandbox-Fault, else the first matching rule. Only vendor
        requests fail: /healthz must keep telling the truth (and use up no rule)."""
        if vendor is None:
            return None
        for name, value in scope.get("headers", []):
            if name == FAULT_HEADER.encode() and value.strip():
                return Fault.parse(value.decode("latin-1"))
        return self.sandbox.faults.take(vendor.name, operation)

    async def _unrouted(self, request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        vendor = request.scope.get(VENDOR_KEY)
        if vendor is not None and exc.status_code in (404, 405):
            response: Response = await vendor.unrouted(request, exc.status_code)
            if response.status_code == 405:  # keep Starlette's Allow header
                response.headers.update(exc.headers or {})
            return response
        return PlainTextResponse(exc.detail, exc.status_code, headers=exc.headers)

    async def _crashed(self, request: Request, exc: Exception) -> Response:
        # A bug in the sandbox still answers in the vendor's shape; Starlette then
        # re-raises, so the traceback is logged (and fails an in-process test).
        vendor = request.scope.get(VENDOR_KEY)
        if vendor is not None:
            response: Response = vendor.error(500)
            return response
        return PlainTextResponse("Internal Server Error", 500)


def _is_control(path: str) -> bool:
    return path == CONTROL_PREFIX or path.startswith(CONTROL_PREFIX + "/")


def _mount(api: VendorApi) -> Mount:
    mount = Mount(api.prefix, routes=api.routes(), name=api.name)
    # Vendors route on the raw path, so a decoded path parameter may hold any character;
    # Starlette's mount pattern (`.*`) would not match past a newline.
    mount.path_regex = re.compile(mount.path_regex.pattern, re.DOTALL)
    return mount


async def _healthz(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


def _recording(send: Send, record: RecordedRequest) -> Send:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            record.status = int(message["status"])
        await send(message)

    return wrapped


def _transport(send: Send) -> asyncio.Transport | None:
    """The connection behind uvicorn's `send` (a bound method of its request cycle, which
    holds the asyncio transport); None under servers or test clients that have none."""
    cycle: Any = getattr(send, "__self__", None)
    transport = getattr(cycle, "transport", None)
    return transport if isinstance(transport, asyncio.Transport) else None
