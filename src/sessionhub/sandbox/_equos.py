"""Equos v3 avatar sessions (`/v3/sessions`), served under `/equos`.

Semantics from the Equos dossier and our spec: a NestJS server, so errors are NestJS's
default bodies and validation messages are class-validator's; a new session is
`starting` and ends when stopped or after `maxDuration` seconds; get and stop answer an
unknown (or, for stop, already stopped) session with 200 and null. That null is the JSON
literal by default (what the spec declares); a request with `X-Sandbox-Null-Style: empty`
gets the empty body NestJS most likely really sends, so clients can be tested on both.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import hmac
import json
import re
import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Scope

from ._constants import EQUOS_API_KEY
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
from ._spec import Issue, spec_for
from ._state import SandboxState, cuid, iso_millis

__all__ = ["NULL_STYLE_HEADER", "EquosApi"]

NULL_STYLE_HEADER = "x-sandbox-null-style"
ORGANIZATION_ID = "cmsandbox00000org0000000a"
LIVEKIT_URL = "wss://sandbox-livekit.invalid"
_STORAGE_URL = "https://sandbox-storage.invalid"
_DEFAULT_TAKE = 20
# Up to 18 digits: nothing longer is a sensible value, and int() refuses 4300+ digits.
_INTEGER = re.compile(r"-?[0-9]{1,18}")
_ERRORS: dict[int, dict[str, Any]] = {
    401: {"message": "Unauthorized"},
    403: {"message": "Forbidden resource", "error": "Forbidden"},
    413: {"message": "request entity too large", "error": "Payload Too Large"},
    429: {"message": "ThrottlerException: Too Many Requests"},
    500: {"message": "Internal server error"},
}


# what listing, fetching and expiry read from a stored body (import checks they are there)
_READ = ("id", "client", "status", "maxDuration")


@dataclass
class _Session:
    sequence: int
    started: float
    body: dict[str, Any]  # the wire JSON, kept up to date


class EquosApi:
    """The Equos avatar-sessions API of one sandbox."""

    name = "equos"
    prefix = "/equos"

    def __init__(self, state: SandboxState) -> None:
        self._state = state
        self._sessions: dict[str, _Session] = {}
        self._avatars: dict[str, dict[str, Any]] = {}
        self._agents: dict[str, dict[str, Any]] = {}
        self._token_key = secrets.token_bytes(32)
        self._spec = spec_for("equos")
        # Which of two shapes an `agent` or `avatar` is: a definition has every key its
        # creation schema requires; anything else with an id is a reference.
        self._agent_keys = tuple(self._spec.component("CreateAgentRequest")["required"])
        self._avatar_keys = tuple(self._spec.component("CreateAvatarRequest")["required"])
        self._default_model = self._spec.component("AgentModel")["enum"][0]

    def reset(self) -> None:
        self._sessions.clear()
        self._avatars.clear()
        self._agents.clear()

    def export_state(self) -> dict[str, Any]:
        return {
            "sessions": [dataclasses.asdict(s) for s in self._sessions.values()],
            "avatars": list(self._avatars.values()),
            "agents": list(self._agents.values()),
        }

    def import_state(self, data: dict[str, Any]) -> int:
        sessions = records(data, "sessions", _Session)
        kept: dict[str, dict[str, dict[str, Any]]] = {}
        for key, component in (("avatars", "EquosAvatar"), ("agents", "EquosAgent")):
            items = data.get(key, [])
            if not isinstance(items, list):
                raise ValueError(f"{key!r} must be a list")
            check = StateCheck(self.name, self._spec, key)
            for index, item in enumerate(items):
                check.schema(index, "body", component, item)
            check.unique(i["id"] for i in items)
            kept[key] = {i["id"]: i for i in items}
        check = StateCheck(self.name, self._spec)
        for index, session in enumerate(sessions):
            check.whole(index, "sequence", session.sequence)
            check.moment(index, "started", session.started)  # maxDuration counts from it
            check.schema(index, "body", "EquosSession", session.body)
            check.present(index, "body", session.body, _READ)
        check.unique((s.body["id"] for s in sessions), "body.id")
        # kept in creation order, as creating them would have: listings rely on it
        ordered = sorted(sessions, key=lambda s: s.sequence)
        self._sessions = {s.body["id"]: s for s in ordered}
        self._avatars, self._agents = kept["avatars"], kept["agents"]
        return max((s.sequence for s in sessions), default=0)

    def routes(self) -> list[Route]:
        return [
            operation(self, "POST", "/v3/sessions", self.create_session),
            operation(self, "GET", "/v3/sessions", self.list_sessions),
            operation(self, "GET", "/v3/sessions/{id}", self.get_session),
            operation(self, "PATCH", "/v3/sessions/{id}/stop", self.stop_session),
        ]

    # vendor-wide behaviour

    def error(self, status: int, message: str | list[str] | None = None) -> Response:
        """NestJS's default exception body: a built-in exception with a message names the
        error (`"error": "Not Found"`), one without says only its phrase."""
        if message is None:
            body = dict(_ERRORS.get(status, {"message": phrase(status)}))
        else:
            body = {"message": message, "error": phrase(status)}
        body["statusCode"] = status
        return JSONResponse(body, status)

    async def unrouted(self, request: Request, status: int) -> Response:
        # Express (under NestJS) has no 405: a wrong method is an unknown route too.
        return self.error(404, f"Cannot {request.method} {route_path(request)}")

    def response_headers(self, scope: Scope) -> list[tuple[bytes, bytes]]:
        return []

    # operations

    async def create_session(self, request: Request) -> Response:
        self._authenticate(request)
        body = await self._json(request)
        problems = self._create_problems(body)
        if problems:
            raise Reject(self.error(400, problems))
        now = self._state.now()
        stamp = iso_millis(now)
        session_id = cuid(now)
        avatar = self._avatar(body["avatar"], stamp)
        agent = self._agent(body["agent"], stamp) if body.get("agent") is not None else None
        host = body.get("host")
        remote = body.get("remoteAgentConnectingIdentity")
        session = {
            "id": session_id,
            "organizationId": ORGANIZATION_ID,
            "freemium": False,
            "name": body["name"],
            "provider": "equos",
            "client": body.get("client"),
            "status": "starting",
            "maxDuration": _integer(body.get("maxDuration")),
            "additionalCtx": body.get("additionalCtx"),
            "templateVars": body.get("templateVars"),
            "host": {"serverUrl": host["serverUrl"] if host else LIVEKIT_URL},
            "avatarId": avatar["id"],
            "avatar": avatar,
            "agentId": agent["id"] if agent else None,
            "agent": agent,
            "knowledgeBaseId": None,
            "knowledgeBase": None,
            "remoteAgentIdentity": remote["identity"] if remote else None,
            "transcript": None,
            "startedAt": stamp,
            "endedAt": None,
            "createdAt": stamp,
            "updatedAt": stamp,
        }
        self._sessions[session_id] = _Session(self._state.next_sequence(), now, session)
        changed(request)
        result: dict[str, Any] = {"session": session}
        for field, identity in (
            ("consumerAccessToken", body.get("consumerIdentity")),
            ("remoteAgentAccessToken", remote),
        ):
            if identity:
                result[field] = self._access_token(session_id, identity, now)
        return JSONResponse(result, 201)

    async def list_sessions(self, request: Request) -> Response:
        self._authenticate(request)
        query = request.query_params
        issues: list[Issue] = []
        take = self._query(query.getlist("take"), "take", _DEFAULT_TAKE, issues)
        skip = self._query(query.getlist("skip"), "skip", 0, issues)
        clients = query.getlist("client")
        issues.extend(
            self._spec.check_parameter(
                "list_sessions", "client", clients if len(clients) > 1 else clients[0]
            )
            if clients
            else []
        )
        if issues:
            raise Reject(self.error(400, [_message(i) for i in issues]))
        # Oldest first: sessions added while a caller pages go to the end, so skip/take
        # pages already read do not shift.
        matching = [
            self._refreshed(s)
            for s in self._sessions.values()  # insertion order is creation order
            if not clients or s.body["client"] == clients[0]
        ]
        page = matching[skip : skip + take]
        return JSONResponse({"skip": skip, "take": take, "total": len(matching), "sessions": page})

    async def get_session(self, request: Request) -> Response:
        self._authenticate(request)
        session = self._sessions.get(request.path_params["id"])
        return self._nullable(request, self._refreshed(session) if session else None)

    async def stop_session(self, request: Request) -> Response:
        self._authenticate(request)
        await read_body(request)  # no body is declared; a large one still gets the 413
        session = self._sessions.get(request.path_params["id"])
        body = self._refreshed(session) if session else None
        if body is None or body["status"] == "ended":
            return self._nullable(request, None)
        stamp = iso_millis(self._state.now())
        body.update(status="ended", endedAt=stamp, updatedAt=stamp)
        changed(request)
        return self._nullable(request, body)

    # helpers

    def _authenticate(self, request: Request) -> None:
        key = request.headers.get("x-api-key", "")
        if not secrets.compare_digest(key.encode(), EQUOS_API_KEY.encode()):
            raise Reject(self.error(401))

    async def _json(self, request: Request) -> Any:
        body = await read_body(request)
        if media_type(request) != "application/json" or not body.strip():
            return {}
        try:
            return parse_json(body)
        except ValueError as exc:
            raise Reject(self.error(400, _json_error(exc))) from None

    def _create_problems(self, body: Any) -> list[str]:
        """Every problem with a create body, as NestJS's ValidationPipe (class-validator)
        lists them, from the spec's CreateSessionRequest; [] when valid."""
        schema = self._spec.body("create_session")
        body = _present(body if isinstance(body, dict) else {}, schema)
        issues = self._spec.check(schema, body, omit=("agent", "avatar"))
        for name, creation_keys, definition in (
            ("agent", self._agent_keys, "CreateAgentRequest"),
            ("avatar", self._avatar_keys, "CreateAvatarRequest"),
        ):
            if name not in body:
                if name in schema.get("required", ()):
                    issues.extend(self._spec.check(schema, {}, omit=_others(schema, name)))
                continue
            value = body[name]
            is_reference = isinstance(value, dict) and _referenced_id(value, creation_keys)
            shape = "ResourceReference" if is_reference else definition
            issues.extend(self._spec.check(shape, value, path=(name,)))
        order = list(schema["properties"])
        issues.sort(key=lambda i: order.index(str(i.path[0])) if i.path else -1)
        return [_message(i) for i in issues]

    def _query(self, values: list[str], name: str, default: int, issues: list[Issue]) -> int:
        """A whole-number query parameter, checked against the spec's schema for it."""
        if not values:
            return default
        text = values[-1].strip()
        if len(values) > 1 or not _INTEGER.fullmatch(text):
            issues.extend(self._spec.check_parameter("list_sessions", name, text))
            return default
        found = self._spec.check_parameter("list_sessions", name, int(text))
        issues.extend(found)
        return int(text)

    def _nullable(self, request: Request, body: dict[str, Any] | None) -> Response:
        if body is None and request.headers.get(NULL_STYLE_HEADER, "").lower() == "empty":
            return Response(b"", 200)
        return JSONResponse(body)

    def _refreshed(self, session: _Session) -> dict[str, Any]:
        """The session, ended if its maxDuration has passed."""
        body = session.body
        limit = body["maxDuration"]
        if body["status"] != "ended" and limit and limit > 0:
            end = session.started + min(limit, 10**9)
            if self._state.now() >= end:
                stamp = iso_millis(end)
                body.update(status="ended", endedAt=stamp, updatedAt=stamp)
        return body

    def _avatar(self, request: dict[str, Any], stamp: str) -> dict[str, Any]:
        reference = _referenced_id(request, self._avatar_keys)
        if reference is not None and reference in self._avatars:
            return self._avatars[reference]
        avatar_id = reference or cuid(self._state.now())
        agent_id = request.get("agentId") if reference is None else None
        avatar = {
            "id": avatar_id,
            "organizationId": ORGANIZATION_ID,
            "identity": request.get("identity", f"equos-avatar-{avatar_id[-6:]}"),
            "name": request.get("name", "Sandbox avatar"),
            "description": "Avatar of the sessionhub sandbox",
            "client": request.get("client") if reference is None else None,
            "thumbnailUrl": f"{_STORAGE_URL}/avatars/{quote(avatar_id, safe='')}/thumbnail.webp",
            "agentId": agent_id,
            "agent": self._agents.get(agent_id) if isinstance(agent_id, str) else None,
            "createdAt": stamp,
            "updatedAt": stamp,
        }
        self._avatars[avatar_id] = avatar
        return avatar

    def _agent(self, request: dict[str, Any], stamp: str) -> dict[str, Any]:
        reference = _referenced_id(request, self._agent_keys)
        if reference is not None and reference in self._agents:
            return self._agents[reference]
        agent_id = reference or cuid(self._state.now())
        fields = {} if reference is not None else request
        agent = {
            "id": agent_id,
            "organizationId": ORGANIZATION_ID,
            "name": fields.get("name", "Sandbox agent" if reference else None),
            "provider": fields.get("provider", "gemini"),
            "client": fields.get("client"),
            "model": fields.get("model", self._default_model if reference else None),
            "voice": fields.get("voice", "Puck" if reference else None),
            "instructions": fields.get("instructions"),
            "greetingMsg": fields.get("greetingMsg"),
            "remoteId": fields.get("remoteId"),
            "search": fields.get("search") is True,
            "emotions": fields.get("emotions") is True,
            "memory": fields.get("memory") is True,
            "createdAt": stamp,
            "updatedAt": stamp,
        }
        self._agents[agent_id] = agent
        return agent

    def _access_token(self, room: str, identity: dict[str, Any], now: float) -> str:
        """A LiveKit-shaped JWT, signed with a per-sandbox key (it opens no real room)."""
        claims = {
            "name": identity["name"],
            "video": {"room": room, "roomJoin": True, "canPublish": True, "canSubscribe": True},
            "iss": "sessionhub-sandbox",
            "sub": identity["identity"],
            "nbf": int(now),
            "exp": int(now) + 6 * 3600,
        }
        header = _b64({"alg": "HS256", "typ": "JWT"})
        payload = _b64(claims)
        digest = hmac.new(self._token_key, f"{header}.{payload}".encode(), hashlib.sha256)
        signature = base64.urlsafe_b64encode(digest.digest()).decode().rstrip("=")
        return f"{header}.{payload}.{signature}"


def _b64(value: dict[str, Any]) -> str:
    raw = json.dumps(value, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _json_error(exc: ValueError) -> str:
    """Roughly what Node's JSON.parse says, which NestJS passes through as the message."""
    position = getattr(exc, "pos", 0)
    return f"Unexpected token in JSON at position {position}"


def _integer(value: Any) -> int | None:
    return None if value is None else int(value)


def _referenced_id(value: dict[str, Any], creation_keys: tuple[str, ...]) -> str | None:
    """The id when `value` is a reference (`{id}`) rather than a definition to create."""
    if isinstance(value.get("id"), str) and not all(key in value for key in creation_keys):
        return str(value["id"])
    return None


def _present(value: Any, schema: dict[str, Any]) -> Any:
    """`value` without its null members, at any depth: class-validator's @IsOptional
    treats null as absent (a required member that is null is then missing). Only
    declared members: a null value in a map (templateVars) stays, and is refused."""
    if not isinstance(value, dict):
        return value
    properties: dict[str, Any] = dict(schema.get("properties", {}))
    for branch in (*schema.get("oneOf", ()), *schema.get("anyOf", ())):
        properties.update(branch.get("properties", {}))
    return {
        key: _present(member, properties.get(key, {}))
        for key, member in value.items()
        if member is not None or key not in properties
    }


def _others(schema: dict[str, Any], keep: str) -> tuple[str, ...]:
    return tuple(name for name in schema.get("properties", {}) if name != keep)


def _message(issue: Issue) -> str:
    """class-validator's message for one issue."""
    name = ".".join(str(part) for part in issue.path)
    kind = issue.type
    values = issue.schema.get("enum")
    if values is not None and issue.keyword in ("enum", "type", "required"):
        return f"{name} must be one of the following values: {', '.join(map(str, values))}"
    if issue.keyword == "required" and kind in (None, "object"):
        return f"{name} should not be empty"  # @IsNotEmpty on a nested object
    if issue.keyword in ("type", "required"):
        if kind == "object":
            if "additionalProperties" in issue.schema:
                return f"{name} must be an object"
            return f"nested property {name} must be either object or array"
        return f"{name} must be {_TYPE_WORDS.get(kind or 'string', 'a string')}"
    if issue.keyword == "maxLength":
        return f"{name} must be shorter than or equal to {issue.expected} characters"
    if issue.keyword == "minLength":
        return f"{name} must be longer than or equal to {issue.expected} characters"
    if issue.keyword == "minimum":
        return f"{name} must not be less than {issue.expected}"
    if issue.keyword == "maximum":
        return f"{name} must not be greater than {issue.expected}"
    if issue.keyword == "format" and issue.expected == "uri":
        return f"{name} must be a URL address"
    return f"{name} is invalid"


_TYPE_WORDS = {
    "string": "a string",
    "integer": "an integer number",
    "number": "a number conforming to the specified constraints",
    "boolean": "a boolean value",
    "array": "an array",
}
