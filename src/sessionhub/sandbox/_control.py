"""The control plane: the sandbox's Python API over HTTP, under `/_sandbox/`, so that a
test in any language, or a team sharing one `python -m sessionhub.sandbox`, can inject
faults, read the request log, move the clock, reset and seed state.

Each endpoint is a thin layer over the method the Python API calls (`SandboxApp.reset`,
`Faults.add`, `SandboxApp.export_state`, ...): one implementation. No credential, like
the sandbox itself (which serves on loopback only unless told otherwise), and never
under a vendor's prefix. Requests to it are not recorded in the request log and never
meet a fault. docs/SANDBOX.md documents every endpoint with a curl example.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import JSONResponse as _StarletteJSONResponse
from starlette.responses import Response
from starlette.routing import Mount, Route

from ._constants import CONTROL_PREFIX
from ._http import BodyTooLarge, parse_json, read_body
from ._state import iso_millis

if TYPE_CHECKING:
    from ._app import SandboxApp

__all__ = ["control_mount"]
_STATE_LIMIT = 256 * 1024 * 1024  # a seed file of many sessions is large, and local


class JSONResponse(_StarletteJSONResponse):
    """Compact JSON and a final newline, so that curl's output ends its line."""

    def render(self, content: Any) -> bytes:
        return super().render(content) + b"\n"


class _BadRequest(Exception):
    pass


def control_mount(app: SandboxApp) -> Mount:
    """The `/_sandbox` routes of `app`."""
    plane = _ControlPlane(app)
    return Mount(
        CONTROL_PREFIX,
        routes=[
            Route("/requests", _guarded(plane.requests), methods=["GET", "DELETE"]),
            Route("/faults", _guarded(plane.faults), methods=["GET", "POST", "DELETE"]),
            Route("/faults/{id:int}", _guarded(plane.fault), methods=["DELETE"]),
            Route("/clock", _guarded(plane.clock), methods=["GET", "POST"]),
            Route("/reset", _guarded(plane.reset), methods=["POST"]),
            Route("/state", _guarded(plane.state), methods=["GET", "PUT"]),
        ],
        name="_sandbox",
    )


class _ControlPlane:
    """One handler per endpoint, each calling the Python API of `app`."""

    def __init__(self, app: SandboxApp) -> None:
        self.app = app

    async def requests(self, request: Request) -> Response:
        if request.method == "DELETE":
            self.app.requests.clear()
            return Response(status_code=204)
        query = request.query_params
        filters: dict[str, Any] = {
            key: query[key] for key in ("vendor", "operation", "method") if key in query
        }
        for key in ("handled", "faulted", "changed_state"):
            if key in query:
                filters[key] = _flag(key, query[key])
        records = self.app.requests.matching(**filters) if filters else list(self.app.requests)
        return JSONResponse([dataclasses.asdict(r) for r in records])

    async def faults(self, request: Request) -> Response:
        if request.method == "GET":
            return JSONResponse([rule.to_json() for rule in self.app.faults])
        if request.method == "DELETE":
            self.app.faults.clear()
            return Response(status_code=204)
        body = await _json_object(request)
        unknown = body.keys() - {"fault", "vendor", "operation", "times", "rate", "seed"}
        if unknown or "fault" not in body:
            raise _BadRequest(
                "a fault rule is {'fault': ..., 'vendor', 'operation', 'times', 'rate', "
                f"'seed' optional}}; got keys {sorted(body)}"
            )
        options: dict[str, Any] = {
            k: body[k] for k in ("vendor", "operation", "rate", "seed") if k in body
        }
        if "times" in body:
            options["times"] = body["times"]
        for key, kinds in (
            ("vendor", str),
            ("operation", str),
            ("rate", (int, float)),
            ("seed", int),
        ):
            value = options.get(key)
            if value is not None and (isinstance(value, bool) or not isinstance(value, kinds)):
                raise _BadRequest(f"{key} has the wrong type: {value!r}")
        times = options.get("times")
        if times is not None and (isinstance(times, bool) or not isinstance(times, int)):
            raise _BadRequest(f"times must be a whole number or null, not {times!r}")
        try:
            rule = self.app.faults.add(body["fault"], **options)
        except (ValueError, TypeError) as exc:
            raise _BadRequest(str(exc)) from None
        return JSONResponse(rule.to_json(), 201)

    async def fault(self, request: Request) -> Response:
        rule_id = request.path_params["id"]
        if not self.app.faults.remove(rule_id):
            return JSONResponse({"error": f"no active fault rule {rule_id}"}, 404)
        return Response(status_code=204)

    async def clock(self, request: Request) -> Response:
        if request.method == "POST":
            body = await _json_object(request)
            seconds = body.get("advance")
            if set(body) != {"advance"} or isinstance(seconds, bool):
                raise _BadRequest("the body is {'advance': seconds}")
            if not isinstance(seconds, (int, float)):
                raise _BadRequest(f"advance must be a number of seconds, not {seconds!r}")
            try:
                self.app.sandbox.advance(seconds)
            except ValueError as exc:
                raise _BadRequest(str(exc)) from None
        now = self.app.sandbox.now()
        return JSONResponse({"now": now, "iso": iso_millis(now)})

    async def reset(self, request: Request) -> Response:
        self.app.reset()
        return Response(status_code=204)

    async def state(self, request: Request) -> Response:
        if request.method == "GET":
            return JSONResponse(self.app.export_state())
        body = await _json_object(request, limit=_STATE_LIMIT)
        try:
            counts = self.app.import_state(body)
        except (ValueError, TypeError) as exc:
            raise _BadRequest(f"not a sandbox state: {exc}") from None
        return JSONResponse({"imported": counts})


def _guarded(
    handler: Callable[[Request], Awaitable[Response]],
) -> Callable[[Request], Awaitable[Response]]:
    async def run(request: Request) -> Response:
        try:
            return await handler(request)
        except _BadRequest as exc:
            return JSONResponse({"error": str(exc)}, 400)
        except BodyTooLarge:
            return JSONResponse({"error": "request body too large"}, 413)

    run.__name__ = handler.__name__
    return run


async def _json_object(request: Request, limit: int | None = None) -> dict[str, Any]:
    body = await (read_body(request) if limit is None else read_body(request, limit))
    try:
        # parse_json: strict JSON (no NaN), and nesting too deep is a ValueError, not a 500
        value = parse_json(body or b"null")
        # A lone surrogate (a "\ud800" escape) parses, but no answer that echoes it (GET
        # faults, GET state) could be encoded: refuse it here, once, for every endpoint.
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except (ValueError, RecursionError):  # JSONDecodeError, UnicodeDecode/EncodeError
        raise _BadRequest("the body must be JSON (UTF-8, no lone surrogates)") from None
    if not isinstance(value, dict):
        raise _BadRequest("the body must be a JSON object")
    return value


def _flag(name: str, value: str) -> bool:
    if value.lower() in ("true", "1", "yes"):
        return True
    if value.lower() in ("false", "0", "no"):
        return False
    raise _BadRequest(f"{name} must be true or false")
