"""What every vendor API of the sandbox needs from HTTP: a bounded body reader, early
returns with the vendor's own error, and marks in the request log.

Handlers raise `Reject(response)` for "stop here and answer this": auth, validation and
not-found checks read as straight-line code instead of nested returns.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Awaitable, Callable
from http import HTTPStatus
from typing import Any, Protocol

from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import Scope

from ._constants import MAX_BODY_BYTES, operation_name
from ._log import RecordedRequest

__all__ = [
    "RECORD_KEY",
    "VENDOR_KEY",
    "BodyTooLarge",
    "Reject",
    "VendorApi",
    "changed",
    "endpoint",
    "media_type",
    "operation",
    "parse_json",
    "phrase",
    "read_body",
    "records",
    "route_path",
]

RECORD_KEY = "sessionhub.sandbox.record"
VENDOR_KEY = "sessionhub.sandbox.vendor"

# Past the limit the rest of the body is still read (and thrown away) up to this much, so
# the client finishes sending and reads our 413 instead of failing on a reset socket.
_DRAIN_LIMIT = 16 * MAX_BODY_BYTES


class VendorApi(Protocol):
    """One vendor's API inside the sandbox."""

    name: str
    prefix: str

    def routes(self) -> list[Route]: ...

    def error(self, status: int, message: str | None = None) -> Response:
        """The vendor's own error response for `status` (faults, 413, 500, ...)."""

    async def unrouted(self, request: Request, status: int) -> Response:
        """The vendor's answer to an unknown path (404) or a wrong method (405)."""

    def response_headers(self, scope: Scope) -> list[tuple[bytes, bytes]]:
        """Headers the vendor puts on every response (request ids)."""

    def reset(self) -> None:
        """Forget every session."""

    def export_state(self) -> dict[str, Any]:
        """Every session (and whatever else the vendor keeps) as JSON-ready data."""

    def import_state(self, data: dict[str, Any]) -> int:
        """Replace every session with `data` (as export_state() made it); ValueError when it
        is not that shape. Returns the highest creation number imported (0 for none)."""


class Reject(Exception):
    """Stop handling the request and answer with `response`."""

    def __init__(self, response: Response) -> None:
        super().__init__(response.status_code)
        self.response = response


class BodyTooLarge(Exception):
    """The request body is over MAX_BODY_BYTES."""


def endpoint(
    vendor: VendorApi, handler: Callable[[Request], Awaitable[Response]]
) -> Callable[[Request], Awaitable[Response]]:
    """A Starlette endpoint that logs that the handler ran and turns Reject and BodyTooLarge
    into the vendor's response."""

    async def run(request: Request) -> Response:
        record = request.scope.get(RECORD_KEY)
        if isinstance(record, RecordedRequest):
            record.handled = True
        try:
            return await handler(request)
        except Reject as rejection:
            return rejection.response
        except BodyTooLarge:
            return vendor.error(413)
        except ClientDisconnect:  # gone mid-upload: nobody will read an answer
            return Response(status_code=499)

    run.__name__ = run.__qualname__ = handler.__name__
    return run


def operation(
    vendor: VendorApi, method: str, path: str, handler: Callable[[Request], Awaitable[Response]]
) -> Route:
    """The route of one operation. Handlers are named after the spec's operationId; the
    route is named as sessionhub's client names the operation (`sessions.create`), so
    route names, the request log, fault scopes and the client's errors all agree."""
    name = operation_name(vendor.name, handler.__name__)
    return Route(path, endpoint(vendor, handler), methods=[method], name=name)


def changed(request: Request) -> None:
    """Note in the request log that this request created, changed or deleted something."""
    record = request.scope.get(RECORD_KEY)
    if isinstance(record, RecordedRequest):
        record.changed_state = True


async def read_body(request: Request, limit: int = MAX_BODY_BYTES) -> bytes:
    """The whole body, or BodyTooLarge past `limit` bytes (declared or actually sent)."""
    declared = request.headers.get("content-length", "")
    too_large = declared.isdigit() and int(declared) > limit
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        too_large = too_large or size > limit
        if too_large:
            if size > _DRAIN_LIMIT:
                break
            continue
        chunks.append(chunk)
    if too_large:
        raise BodyTooLarge
    return b"".join(chunks)


def phrase(status: int) -> str:
    """The reason phrase of `status` ("Not Found"), also for statuses http knows nothing of."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return f"HTTP {status}"


def route_path(request: Request) -> str:
    """The path below the vendor's prefix: `/v1/sessions` for `/sipher/v1/sessions`."""
    path: str = request.scope["path"]
    root: str = request.scope.get("root_path", "")
    return path[len(root) :] if root and path.startswith(root) else path


def media_type(request: Request) -> str:
    """The request's media type without parameters, lower-cased ('' when absent)."""
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


def parse_json(body: bytes) -> Any:
    """JSON from a request body, as strictly as JavaScript's JSON.parse (no NaN or
    Infinity); ValueError (JSONDecodeError, UnicodeDecodeError) when it is not JSON, or
    when it nests deeper than Python's recursion limit (a vendor answers that with a 400)."""
    try:
        return json.loads(body.decode("utf-8"), parse_constant=_no_constants)
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None


def _no_constants(name: str) -> Any:
    raise json.JSONDecodeError(f"{name} is not JSON", name, 0)


def records(data: Any, key: str, kind: type[Any]) -> list[Any]:
    """`data[key]`, a list of objects with exactly `kind`'s dataclass fields, as `kind`
    instances; ValueError naming the first that is not (a state file to import)."""
    if not isinstance(data, dict):
        raise ValueError("a vendor's state must be a JSON object")
    items = data.get(key, [])
    if not isinstance(items, list):
        raise ValueError(f"{key!r} must be a list")
    fields = {f.name for f in dataclasses.fields(kind)}
    required = {
        f.name
        for f in dataclasses.fields(kind)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    }
    out = []
    for index, item in enumerate(items):
        if not isinstance(item, dict) or not required <= item.keys() <= fields:
            raise ValueError(
                f"{key}[{index}] must be an object with the fields {sorted(fields)}"
                f" ({sorted(required)} required)"
            )
        if not isinstance(item.get("sequence", 0), int):
            raise ValueError(f"{key}[{index}].sequence must be an integer")
        out.append(kind(**item))
    return out
