"""Trinsic Connect sessions (the mid-2024 `connect-api` RPC-style routes), served under
`/trinsic`.

Semantics from the Trinsic dossier and our spec: the key is accepted in `Authorization:
Bearer` and/or `TrinsicAuthorization` (nobody documented which one the server reads, so
either is enough); 400s are a bare JSON array of .NET `ValidationResult`s; list pages are
1-based with 1..10 per page and no total; cancel ends the session as `IdvFailed` +
`SessionFailRpcCanceled`; timestamps are Unix seconds.
"""

from __future__ import annotations

import dataclasses
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Scope

from ._constants import TRINSIC_API_KEY
from ._http import Reject, changed, media_type, operation, parse_json, read_body, records
from ._importing import StateCheck
from ._spec import UNDEFINED, Issue, spec_for
from ._state import SandboxState, epoch_seconds, uuid4

__all__ = ["TrinsicApi"]

_STATES = (
    "IdvCreated",
    "IdvInitiated",
    "IdvAuthenticating",
    "IdvInProgress",
    "IdvSuccess",
    "IdvFailed",
)
_FINAL_STATES = ("IdvSuccess", "IdvFailed")
_OPTION_FIELDS = (
    "idNumber",
    "givenName",
    "familyName",
    "address",
    "dateOfBirth",
    "country",
    "issueDate",
    "expirationDate",
)
# ASP.NET accepts these request media types for [FromBody] JSON.
_JSON_TYPES = ("application/json", "text/json")
_MAX_INT32 = 2**31 - 1

_MESSAGES = {
    401: "Unauthorized",
    404: "Not Found",
    413: "Request body too large.",
    429: "Too many requests",
    500: "An unexpected error occurred.",
    503: "Service Unavailable",
}


@dataclass
class _Session:
    sequence: int
    body: dict[str, Any]  # the wire JSON, kept up to date


class TrinsicApi:
    """The Trinsic Connect sessions API of one sandbox."""

    name = "trinsic"
    prefix = "/trinsic"

    def __init__(self, state: SandboxState) -> None:
        self._state = state
        self._sessions: dict[str, _Session] = {}
        self._spec = spec_for("trinsic_connect")

    def reset(self) -> None:
        self._sessions.clear()

    def _list_arguments(self, body: Any) -> tuple[str, str, int, int]:
        """orderBy, orderDirection, pageSize (default 10), page (default 1); or a 400 with
        the conversion error, else every data-annotation error, as ASP.NET reports them."""
        if isinstance(body, dict):  # null is no value for a required member
            body = {key: value for key, value in body.items() if value is not None}
        issues = self._spec.check(self._spec.body("list_sessions"), body)
        conversions = [i for i in issues if _is_conversion(i)]
        if conversions or not isinstance(body, dict):
            raise _invalid_all([_conversion(i) for i in conversions] or [_conversion(issues[0])])
        if issues:
            raise _invalid_all([_annotation(issue) for issue in issues])
        return (
            body["orderBy"],
            body["orderDirection"],
            body.get("pageSize", 10),
            body.get("page", 1),
        )

    def export_state(self) -> dict[str, Any]:
        ordered = sorted(self._sessions.values(), key=lambda s: s.sequence)
        return {"sessions": [dataclasses.asdict(s) for s in ordered]}

    def import_state(self, data: dict[str, Any]) -> int:
        sessions = records(data, "sessions", _Session)
        check = StateCheck(self.name, self._spec)
        for index, session in enumerate(sessions):
            check.whole(index, "sequence", session.sequence)
            check.schema(index, "body", "Session", session.body)
            check.schema(index, "body.state", "IdvSessionState", session.body.get("state"))
            for name in ("created", "updated"):  # sorted and shown as epoch seconds
                check.moment(index, f"body.{name}", session.body.get(name))
        check.unique((s.body["id"] for s in sessions), "body.id")
        self._sessions = {s.body["id"]: s for s in sessions}
        return max((s.sequence for s in sessions), default=0)

    def routes(self) -> list[Route]:
        return [
            operation(self, "POST", "/v1/sessions", self.create_session),
            operation(self, "GET", "/v1/sessions/get", self.get_session),
            operation(self, "POST", "/v1/sessions/list", self.list_sessions),
            operation(self, "POST", "/v1/sessions/cancel", self.cancel_session),
        ]

    # vendor-wide behaviour

    def error(self, status: int, message: str | None = None) -> Response:
        """A `FailureMessage`; the spec reads every non-400 error body this way."""
        return JSONResponse({"message": message or _MESSAGES.get(status, f"HTTP {status}")}, status)

    async def unrouted(self, request: Request, status: int) -> Response:
        # ASP.NET answers an unknown route or a wrong method with an empty body.
        return Response(status_code=status)

    def response_headers(self, scope: Scope) -> list[tuple[bytes, bytes]]:
        return []

    # operations

    async def create_session(self, request: Request) -> Response:
        self._authenticate(request)
        body = _class_nulls_dropped(await self._json(request))
        issues = self._spec.check(self._spec.body("create_session"), body)
        if issues:  # System.Text.Json stops at the first value it cannot convert
            raise _invalid(*_conversion(issues[0]))
        verifications = _requested_verifications(body.get("verifications"))
        now = epoch_seconds(self._state.now())
        session_id = uuid4()
        session = {
            "id": session_id,
            "clientToken": "ct_" + secrets.token_urlsafe(24),
            "state": "IdvCreated",
            "verifications": {v["id"]: _verification(v, now) for v in verifications},
            "failCode": "SessionFailNone",
            "resultVp": None,
            "created": now,
            "updated": now,
        }
        self._sessions[session_id] = _Session(self._state.next_sequence(), session)
        changed(request)
        return JSONResponse({"session": session})

    async def get_session(self, request: Request) -> Response:
        self._authenticate(request)
        return JSONResponse({"session": self._find(request).body})

    async def list_sessions(self, request: Request) -> Response:
        self._authenticate(request)
        body = await self._json(request)
        order_by, direction, page_size, page = self._list_arguments(body)
        sessions = sorted(
            self._sessions.values(), key=_sort_key(order_by), reverse=direction == "Descending"
        )
        start = (page - 1) * page_size
        return JSONResponse({"sessions": [s.body for s in sessions[start : start + page_size]]})

    async def cancel_session(self, request: Request) -> Response:
        self._authenticate(request)
        session = self._find(request).body
        # A session that already ended stays as it is: cancelling is safe to repeat.
        if session["state"] not in _FINAL_STATES:
            session["state"] = "IdvFailed"
            session["failCode"] = "SessionFailRpcCanceled"
            session["updated"] = epoch_seconds(self._state.now())
            changed(request)
        return JSONResponse({"session": session})

    # helpers

    def _authenticate(self, request: Request) -> None:
        for header in ("authorization", "trinsicauthorization"):
            value = request.headers.get(header, "").strip()
            token = value[len("Bearer ") :].strip() if value.startswith("Bearer ") else value
            if token and secrets.compare_digest(token.encode(), TRINSIC_API_KEY.encode()):
                return
        raise Reject(self.error(401))

    async def _json(self, request: Request) -> Any:
        body = await read_body(request)
        if not body.strip():
            raise _invalid("", "A non-empty request body is required.")
        kind = media_type(request)
        if kind not in _JSON_TYPES and not re.fullmatch(r"application/[^/]+\+json", kind):
            raise Reject(_unsupported_media_type())
        try:
            return parse_json(body)
        except ValueError as exc:
            raise _invalid("$", f"The input is not valid JSON. {exc}") from None

    def _find(self, request: Request) -> _Session:
        values = request.query_params.getlist("sessionId")
        session_id = values[-1] if values and values[-1] else UNDEFINED  # "" is missing
        operation = "get_session" if request.method == "GET" else "cancel_session"
        issues = self._spec.check_parameter(operation, "sessionId", session_id)
        if issues:
            raise _invalid_all([_annotation(issue) for issue in issues])
        session = self._sessions.get(session_id)
        if session is None:
            raise Reject(self.error(404, "Session not found"))
        return session


def _invalid(member: str, message: str) -> Reject:
    return _invalid_all([(member, message)])


def _invalid_all(errors: list[tuple[str, str]]) -> Reject:
    """A 400 whose body is one .NET `ValidationResult` per (member, message)."""
    body = [{"memberNames": [member], "errorMessage": message} for member, message in errors]
    return Reject(JSONResponse(body, 400))


def _unsupported_media_type() -> Response:
    """ASP.NET's own 415 (RFC 9110 problem details); the spec does not declare it."""
    body = {
        "type": "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        "title": "Unsupported Media Type",
        "status": 415,
        "traceId": f"00-{secrets.token_hex(16)}-{secrets.token_hex(8)}-00",
    }
    return JSONResponse(body, 415, media_type="application/problem+json")


def _class_nulls_dropped(body: Any) -> Any:
    """System.Text.Json reads `null` into a class-typed member (GovernmentIDOptions) as no
    object at all: the same as leaving it out (an enum or a number takes no null)."""
    items = body.get("verifications") if isinstance(body, dict) else None
    if isinstance(items, list):
        items = [
            {k: v for k, v in item.items() if not (k == "governmentIdOptions" and v is None)}
            if isinstance(item, dict)
            else item
            for item in items
        ]
        body = {**body, "verifications": items}
    return body


def _requested_verifications(value: Any) -> list[dict[str, Any]]:
    """Each requested verification (the spec has checked their shape) with an id, its
    type at .NET's default and every option flag present."""
    requested = []
    for item in value or []:
        options = item.get("governmentIdOptions") or {}
        # Trinsic's schema makes GovernmentIDOptions a non-nullable object: a session
        # created without options answers every field false, never `null` (issue 14).
        flags = {name: bool(options.get(name, False)) for name in _OPTION_FIELDS}
        requested.append({"id": uuid4(), "governmentIdOptions": flags})
    return requested


def _verification(requested: dict[str, Any], now: int) -> dict[str, Any]:
    return {
        "id": requested["id"],
        "type": "GovernmentId",
        "state": "VerificationPending",
        "failCode": "VerificationFailNone",
        "reused": False,
        "updated": now,
        "governmentIdOptions": requested["governmentIdOptions"],
        "normalizedGovernmentIdData": dict.fromkeys(_OPTION_FIELDS),
    }


# ASP.NET's words for the spec's issues

# .NET type names where the spec's component name differs from the C# one
_DOTNET_NAMES = {"GovernmentIdOptions": "GovernmentIDOptions", "integer": "System.Int32",
                 "boolean": "System.Boolean", "string": "System.String"}  # fmt: skip


def _is_conversion(issue: Issue) -> bool:
    """Whether System.Text.Json fails on the value itself (a wrong JSON type, an
    unknown enum member, a number no Int32 holds), before any data annotation runs."""
    if issue.keyword in ("type", "enum"):
        return True
    if issue.type == "integer" and issue.schema.get("format") == "int32":
        return isinstance(issue.value, int) and not -(2**31) <= issue.value <= _MAX_INT32
    return False


def _conversion(issue: Issue) -> tuple[str, str]:
    """(`$.path`, "The JSON value could not be converted to T.")"""
    path = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in issue.path)
    kind = issue.name or issue.type or "object"
    if issue.type == "array" and isinstance(issue.schema.get("items"), dict):
        item = issue.schema["items"].get("x-component", "Object")
        kind = f"List<{item}>"
    return path, f"The JSON value could not be converted to {_DOTNET_NAMES.get(kind, kind)}."


def _annotation(issue: Issue) -> tuple[str, str]:
    """A data-annotation failure, named by the C# property (`PageSize`) of a body member
    or the parameter's own name (`sessionId`)."""
    name = str(issue.path[-1]) if issue.path else "$"
    member = name if issue.schema.get("x-in") else _pascal(name)
    if issue.keyword == "required":
        return member, f"The {member} field is required."
    if issue.keyword in ("minimum", "maximum"):
        low, high = issue.schema.get("minimum"), issue.schema.get("maximum")
        return member, f"The field {member} must be between {low} and {high}."
    if issue.keyword in ("minLength", "maxLength"):
        low, high = issue.schema.get("minLength"), issue.schema.get("maxLength")
        return member, (
            f"The field {member} must be a string with a minimum length of {low} and a "
            f"maximum length of {high}."
        )
    return member, f"The field {member} is invalid."


def _pascal(member: str) -> str:
    """.NET names a member by its C# property: `pageSize` is `PageSize`."""
    return member[0].upper() + member[1:]


def _sort_key(order_by: str) -> Callable[[_Session], tuple[int, int]]:
    """Sort by the chosen field, then by creation order, so equal values keep a stable
    order and Created Ascending pages do not shift when sessions are added."""
    if order_by == "Created":
        return lambda s: (s.body["created"], s.sequence)
    if order_by == "Updated":
        return lambda s: (s.body["updated"], s.sequence)
    return lambda s: (_STATES.index(s.body["state"]), s.sequence)
