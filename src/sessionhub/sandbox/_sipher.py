"""Sipher sessions (`/v1/sessions`), served under `/sipher`.

Semantics from the Sipher dossier: a free-tier key is stopped by the auth layer with 403
TIER_ACCESS_DENIED; a session belongs to the key that created it (any other key gets 404,
so ownership is not revealed); it expires `ttlSeconds` after creation, absolutely (reads
and updates never extend it); PATCH merges only the keys sent; DELETE answers 200 with a
body; validation errors carry zod 4's issue objects, so a client's error mapping sees the
real shape.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Scope

from ._constants import SIPHER_API_KEY, SIPHER_FREE_API_KEY
from ._http import (
    Reject,
    changed,
    media_type,
    operation,
    parse_json,
    phrase,
    read_body,
    records,
    route_path,
)
from ._importing import StateCheck
from ._spec import UNDEFINED, Issue, spec_for
from ._state import SandboxState, epoch_millis, sipher_session_id, uuid4

__all__ = ["DEFAULT_KEYS", "SipherApi"]

DEFAULT_KEYS: Mapping[str, str] = {SIPHER_API_KEY: "pro", SIPHER_FREE_API_KEY: "free"}

_DEFAULT_TTL = 3600
_OPERATION_IDS = {"GET": "get_session", "PATCH": "update_session", "DELETE": "delete_session"}
# Sipher's own wording for a refused pattern (its zod schema's custom message).
_FORMAT_MESSAGES = {"defaultViewingKey": "0x-prefixed hex string"}

_CODES = {
    400: "VALIDATION_ERROR",
    401: "UNAUTHORIZED",
    403: "FORBIDDEN",
    404: "NOT_FOUND",
    408: "REQUEST_TIMEOUT",
    413: "PAYLOAD_TOO_LARGE",
    429: "RATE_LIMIT_EXCEEDED",
    500: "INTERNAL_SERVER_ERROR",
    503: "SERVICE_UNAVAILABLE",
}
_MESSAGES = {
    408: "Request exceeded 30s timeout",
    413: "request entity too large",
    429: "Too many requests, please try again later",
    500: "An unexpected error occurred",
    503: "Server is shutting down",
}


@dataclass
class _Session:
    id: str
    owner: str
    defaults: dict[str, str]
    created_at: int
    expires_at: int
    last_accessed_at: int


class SipherApi:
    """The Sipher sessions API of one sandbox."""

    name = "sipher"
    prefix = "/sipher"

    def __init__(self, state: SandboxState, keys: Mapping[str, str] | None = None) -> None:
        self._state = state
        self._keys = dict(DEFAULT_KEYS if keys is None else keys)
        self._sessions: dict[str, _Session] = {}
        self._spec = spec_for("sipher")

    def reset(self) -> None:
        self._sessions.clear()

    def export_state(self) -> dict[str, Any]:
        return {"sessions": [dataclasses.asdict(s) for s in self._sessions.values()]}

    def import_state(self, data: dict[str, Any]) -> int:
        sessions = records(data, "sessions", _Session)
        check = StateCheck(self.name, self._spec)
        wire = self._spec.component("SessionData")["properties"]
        for index, session in enumerate(sessions):
            check.schema(index, "id", wire["sessionId"], session.id)
            if not isinstance(session.owner, str):  # the API key's owner: no spec has it
                check.refuse(index, "owner", f"{session.owner!r} is not a string")
            check.schema(index, "defaults", "SessionDefaults", session.defaults)
            for name in ("created_at", "expires_at", "last_accessed_at"):  # epoch millis
                check.moment(index, name, getattr(session, name), per_second=1000)
        check.unique(s.id for s in sessions)
        self._sessions = {s.id: s for s in sessions}
        return 0  # Sipher has no listing, so no creation order to keep

    def routes(self) -> list[Route]:
        return [
            operation(self, "POST", "/v1/sessions", self.create_session),
            operation(self, "GET", "/v1/sessions/{id}", self.get_session),
            operation(self, "PATCH", "/v1/sessions/{id}", self.update_session),
            operation(self, "DELETE", "/v1/sessions/{id}", self.delete_session),
        ]

    # vendor-wide behaviour

    def error(
        self,
        status: int,
        message: str | None = None,
        details: Any = None,
        *,
        code: str | None = None,
    ) -> Response:
        error: dict[str, Any] = {
            "code": code or _CODES.get(status, f"HTTP_{status}"),
            "message": message or _MESSAGES.get(status) or phrase(status),
        }
        if details is not None:
            error["details"] = details
        elif status == 429:
            error["details"] = {"retryAfter": 60, "limit": 100}
        if status == 408:
            error["retryable"] = True
        return JSONResponse({"success": False, "error": error}, status)

    async def unrouted(self, request: Request, status: int) -> Response:
        # Express has no 405: auth runs first, then a wrong method is an unknown route.
        try:
            self._authenticate(request)
        except Reject as rejection:
            return rejection.response
        return self.error(404, f"Route {request.method} {route_path(request)} not found")

    def response_headers(self, scope: Scope) -> list[tuple[bytes, bytes]]:
        for name, value in scope.get("headers", []):
            if name == b"x-request-id" and value:
                return [(b"x-request-id", value)]
        return [(b"x-request-id", uuid4().encode())]

    # operations

    async def create_session(self, request: Request) -> Response:
        owner = self._authenticate(request)
        body = self._checked(await self._json(request), "create_session")
        now = epoch_millis(self._state.now())
        ttl = body.get("ttlSeconds", _DEFAULT_TTL)
        session = _Session(
            sipher_session_id(),
            owner,
            self._known_defaults(body["defaults"]),
            now,
            now + int(ttl) * 1000,
            now,
        )
        self._sessions[session.id] = session
        changed(request)
        data = {
            "sessionId": session.id,
            "defaults": session.defaults,
            "createdAt": session.created_at,
            "expiresAt": session.expires_at,
        }
        return JSONResponse({"success": True, "data": data}, 201)

    async def get_session(self, request: Request) -> Response:
        session = self._find(request, self._authenticate(request))
        session.last_accessed_at = epoch_millis(self._state.now())
        data = {
            "sessionId": session.id,
            "defaults": session.defaults,
            "createdAt": session.created_at,
            "expiresAt": session.expires_at,
            "lastAccessedAt": session.last_accessed_at,
        }
        return JSONResponse({"success": True, "data": data})

    async def update_session(self, request: Request) -> Response:
        owner = self._authenticate(request)
        body = self._checked(await self._json(request), "update_session")
        session = self._find(request, owner)
        session.defaults.update(self._known_defaults(body["defaults"]))
        session.last_accessed_at = epoch_millis(self._state.now())
        changed(request)
        data = {
            "sessionId": session.id,
            "defaults": session.defaults,
            "expiresAt": session.expires_at,
            "lastAccessedAt": session.last_accessed_at,
        }
        return JSONResponse({"success": True, "data": data})

    async def delete_session(self, request: Request) -> Response:
        session = self._find(request, self._authenticate(request))
        del self._sessions[session.id]
        changed(request)
        return JSONResponse({"success": True, "data": {"sessionId": session.id, "deleted": True}})

    # helpers

    def _authenticate(self, request: Request) -> str:
        """The caller's key; X-API-Key first, then a Bearer token, as Sipher's auth does."""
        key = request.headers.get("x-api-key", "")
        authorization = request.headers.get("authorization", "")
        if not key and authorization.startswith("Bearer "):
            key = authorization[len("Bearer ") :].strip()
        if not key:
            raise Reject(
                self.error(
                    401,
                    "API key required. Provide via X-API-Key header or Authorization: Bearer <key>",
                )
            )
        tier = self._keys.get(key)
        if tier is None:
            raise Reject(self.error(401, "Invalid API key", None, code="INVALID_API_KEY"))
        if tier == "free":
            raise Reject(
                self.error(
                    403,
                    f"Endpoint {route_path(request)} not available on free "
                    "tier. Upgrade to pro or enterprise.",
                    code="TIER_ACCESS_DENIED",
                )
            )
        if tier not in ("pro", "enterprise"):
            raise Reject(
                self.error(
                    403,
                    f"This endpoint requires pro or enterprise tier. Current: {tier}.",
                    code="TIER_ACCESS_DENIED",
                )
            )
        return key

    async def _json(self, request: Request) -> Any:
        """The parsed body as express.json leaves it: undefined when the body is
        empty or not declared as JSON; INVALID_JSON when it does not parse. Like
        express.json's strict mode, only an object or an array parses."""
        body = await read_body(request)
        if media_type(request) != "application/json" or not body.strip():
            return UNDEFINED
        try:
            if body.lstrip()[:1] not in (b"{", b"["):
                raise ValueError("strict mode: an object or an array")
            return parse_json(body)
        except ValueError:
            raise Reject(
                self.error(400, "Request body is not valid JSON", None, code="INVALID_JSON")
            ) from None

    def _checked(self, body: Any, operation_id: str) -> dict[str, Any]:
        """The body, if the spec accepts it; else zod's 400 with one issue per problem."""
        issues = self._spec.check(self._spec.body(operation_id), body)
        if issues:
            raise Reject(self.error(400, "Invalid request data", [_zod(i) for i in issues]))
        assert isinstance(body, dict)
        return body

    def _known_defaults(self, value: dict[str, Any]) -> dict[str, str]:
        """The keys the spec declares, in its order: zod strips the others."""
        return {key: value[key] for key in self._spec.properties("SessionDefaults") if key in value}

    def _find(self, request: Request, owner: str) -> _Session:
        session_id = request.path_params["id"]
        operation = _OPERATION_IDS[request.method]
        if self._spec.check_parameter(operation, "id", session_id):
            raise Reject(
                self.error(400, "Invalid session ID format. Expected sess_ + 64 hex chars.")
            )
        session = self._sessions.get(session_id)
        if session is not None and epoch_millis(self._state.now()) >= session.expires_at:
            del self._sessions[session_id]
            session = None
        if session is None or session.owner != owner:
            raise Reject(
                self.error(404, f"Session not found: {session_id}", None, code="SESSION_NOT_FOUND")
            )
        return session


# zod 4's issue objects, from the spec's issues


def _zod(issue: Issue) -> dict[str, Any]:
    path = list(issue.path)
    values = issue.schema.get("enum")
    if values is not None:  # z.enum: any other value, null included
        expected = "|".join(f'"{v}"' for v in values)
        one = len(values) == 1
        return {
            "code": "invalid_value",
            "values": list(values),
            "path": path,
            "message": f"Invalid input: expected {expected}"
            if one
            else f"Invalid option: expected one of {expected}",
        }
    kind = issue.type
    if issue.keyword in ("type", "required"):
        if kind == "integer" and _is_number(issue.value):  # z.number().int(): a fraction
            return {
                "expected": "int",
                "format": "safeint",
                "code": "invalid_type",
                "path": path,
                "message": "Invalid input: expected int, received number",
            }
        return _invalid_type(_ZOD_TYPES.get(kind or "object", "object"), issue.value, path)
    if issue.keyword == "pattern":
        pattern = f"/{issue.expected}/"
        name = str(path[-1]) if path else ""
        return {
            "origin": "string",
            "code": "invalid_format",
            "format": "regex",
            "pattern": pattern,
            "path": path,
            "message": _FORMAT_MESSAGES.get(name, f"Invalid string: must match pattern {pattern}"),
        }
    if issue.keyword in ("minimum", "minLength"):
        origin = "number" if issue.keyword == "minimum" else "string"
        return {
            "origin": origin,
            "code": "too_small",
            "minimum": issue.expected,
            "inclusive": True,
            "path": path,
            "message": f"Too small: expected {origin} to be >={issue.expected}",
        }
    if issue.keyword in ("maximum", "maxLength"):
        origin = "number" if issue.keyword == "maximum" else "string"
        return {
            "origin": origin,
            "code": "too_big",
            "maximum": issue.expected,
            "inclusive": True,
            "path": path,
            "message": f"Too big: expected {origin} to be <={issue.expected}",
        }
    return {"code": "custom", "path": path, "message": "Invalid input"}


_ZOD_TYPES = {"integer": "number", "number": "number", "string": "string", "object": "object"}


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _invalid_type(expected: str, value: Any, path: list[Any]) -> dict[str, Any]:
    return {
        "expected": expected,
        "code": "invalid_type",
        "path": path,
        "message": f"Invalid input: expected {expected}, received {_zod_type(value)}",
    }


def _zod_type(value: Any) -> str:
    if value is UNDEFINED:
        return "undefined"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"
