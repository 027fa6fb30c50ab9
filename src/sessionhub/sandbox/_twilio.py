"""Twilio Proxy v1 Sessions, served under `/twilio`, for the one sandbox Service.

Semantics from the Twilio dossier and our spec: HTTP Basic auth; form-urlencoded bodies
with PascalCase keys, `Participants` as repeated keys each holding one JSON object (at most
two); create answers 201; the only status changes are close (`open`/`in-progress` ->
`closed`) and re-open (`closed` -> `in-progress`), anything else is error 80608; delete
answers 204, and later reads 404 with Twilio's error body. Lists page by link:
`meta.next_page_url` is absolute and carries an opaque `PageToken`.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime as dt
import json
import re
import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Scope

from ._constants import TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_SERVICE_SID
from ._http import (
    Reject,
    changed,
    media_type,
    operation,
    phrase,
    read_body,
    records,
    route_path,
)
from ._importing import StateCheck
from ._spec import Issue, spec_for
from ._state import SandboxState, hex_sid, iso_seconds

__all__ = ["TwilioApi"]

_SESSIONS = "/v1/Services/{ServiceSid}/Sessions"
_SESSION = _SESSIONS + "/{Sid}"
_FORM = "application/x-www-form-urlencoded"
_TRANSITIONS = {("open", "closed"), ("in-progress", "closed"), ("closed", "in-progress")}
_LIVE = ("open", "in-progress")
_DEFAULT_PAGE_SIZE = 50
# Up to 18 digits: nothing longer is a sensible value, and int() refuses 4300+ digits.
_INTEGER = re.compile(r"-?[0-9]{1,18}")
# What our tokens hold after `PT`: unpadded URL-safe base64 (b64decode would otherwise skip
# stray characters and accept a token we never issued).
_TOKEN_BODY = re.compile(r"[A-Za-z0-9_-]{2,64}")
_MESSAGES = {
    413: "Request Entity Too Large",
    429: "Too Many Requests",
    500: "An internal server error has occurred",
    503: "Service Unavailable",
}


@dataclass
class _Session:
    sid: str
    sequence: int
    unique_name: str | None
    status: str
    mode: str
    ttl: int
    date_expiry: float | None
    created: float
    updated: float
    started: float | None
    ttl_since: float  # Ttl counts from here: creation, or the update that last set it
    ended: float | None = None
    closed_reason: str | None = None


@dataclass(frozen=True)
class _Cursor:
    """Where a page starts: after (or, for previous pages, before) a creation number."""

    after: bool
    sequence: int

    def token(self) -> str:
        raw = json.dumps({"a" if self.after else "b": self.sequence}).encode()
        return "PT" + base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @classmethod
    def parse(cls, token: str) -> _Cursor:
        """The cursor of a token this sandbox issued; ValueError for anything else."""
        encoded = token.removeprefix("PT")
        if encoded == token or not _TOKEN_BODY.fullmatch(encoded):
            raise ValueError(token)
        try:
            # Pad what follows the prefix (the prefix is not base64): issue 14's bug padded
            # by the whole token's length, so every token of 10 or more bytes failed.
            raw = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
            data = json.loads(raw)
        except (binascii.Error, UnicodeDecodeError, json.JSONDecodeError):
            raise ValueError(token) from None
        if not isinstance(data, dict) or len(data) != 1 or not data.keys() <= {"a", "b"}:
            raise ValueError(token)
        ((key, sequence),) = data.items()
        if isinstance(sequence, bool) or not isinstance(sequence, int) or sequence < 0:
            raise ValueError(token)
        return cls(key == "a", sequence)


class TwilioApi:
    """The Twilio Proxy sessions API of one sandbox."""

    name = "twilio"
    prefix = "/twilio"

    def __init__(self, state: SandboxState) -> None:
        self._state = state
        self._sessions: dict[str, _Session] = {}
        self._spec = spec_for("twilio_proxy")
        self._statuses = tuple(self._spec.component("SessionStatus")["enum"])
        # a create in any other (valid) status is Twilio's 80608, not a generic 400
        self._create_statuses = tuple(self._spec.component("SessionCreateStatus")["enum"])

    def reset(self) -> None:
        self._sessions.clear()

    def export_state(self) -> dict[str, Any]:
        return {"sessions": [dataclasses.asdict(s) for s in self._sessions.values()]}

    def import_state(self, data: dict[str, Any]) -> int:
        sessions = records(data, "sessions", _Session)
        for index, session in enumerate(sessions):
            self._check_imported(index, session)
        StateCheck(self.name, self._spec).unique((s.sid for s in sessions), "sid")
        # kept in creation order, as creating them would have: listings rely on it
        self._sessions = {s.sid: s for s in sorted(sessions, key=lambda s: s.sequence)}
        return max((s.sequence for s in sessions), default=0)

    def _check_imported(self, index: int, session: _Session) -> None:
        """Every field as the spec (or, for times, the clock's range) allows: what a
        create or update could have stored."""
        check = StateCheck(self.name, self._spec)
        wire = self._spec.component("Session")["properties"]
        form = self._spec.body("create_session", _FORM)["properties"]
        check.schema(index, "sid", wire["sid"], session.sid)
        check.whole(index, "sequence", session.sequence)
        if session.unique_name is not None:
            check.schema(index, "unique_name", form["UniqueName"], session.unique_name)
        check.schema(index, "status", "SessionStatus", session.status)
        check.schema(index, "mode", "SessionMode", session.mode)
        check.schema(index, "ttl", form["Ttl"], session.ttl)
        check.schema(index, "closed_reason", wire["closed_reason"], session.closed_reason)
        for name in ("created", "updated", "ttl_since"):
            check.moment(index, name, getattr(session, name))
        for name in ("date_expiry", "started", "ended"):
            check.moment(index, name, getattr(session, name), nullable=True)

    def routes(self) -> list[Route]:
        return [
            operation(self, "POST", _SESSIONS, self.create_session),
            operation(self, "GET", _SESSIONS, self.list_sessions),
            operation(self, "GET", _SESSION, self.fetch_session),
            operation(self, "POST", _SESSION, self.update_session),
            operation(self, "DELETE", _SESSION, self.delete_session),
        ]

    # vendor-wide behaviour

    def error(
        self,
        status: int,
        message: str | None = None,
        *,
        code: int | None = None,
        detail: str | None = None,
    ) -> Response:
        """Twilio's error body: code (when there is one), message, more_info, status."""
        code = code if code is not None else {429: 20429}.get(status)
        body: dict[str, Any] = {} if code is None else {"code": code}
        body["message"] = message or _MESSAGES.get(status) or phrase(status)
        if code is not None:
            body["more_info"] = f"https://www.twilio.com/docs/errors/{code}"
        body["status"] = status
        if detail is not None:
            body["detail"] = detail
        return JSONResponse(body, status)

    async def unrouted(self, request: Request, status: int) -> Response:
        if status == 405:
            return self.error(405, "Method not allowed", code=20004)
        return self._not_found(route_path(request).removeprefix("/v1"))

    def response_headers(self, scope: Scope) -> list[tuple[bytes, bytes]]:
        return [(b"twilio-request-id", hex_sid("RQ").encode())]

    # operations

    async def create_session(self, request: Request) -> Response:
        self._authenticate(request)
        self._service(request, "/Sessions")
        form = await self._form(request)
        asked = [value for key, value in form if key == "Status"]
        if asked and asked[-1] in self._statuses and asked[-1] not in self._create_statuses:
            raise Reject(self.error(400, "Session Status Invalid", code=80608))
        fields = self._checked_form(form, "create_session")
        now = self._state.now()
        unique_name = fields.get("UniqueName")
        if unique_name is not None and any(
            s.unique_name == unique_name for s in self._live_sessions()
        ):
            raise Reject(self.error(400, "UniqueName must be unique within the Service"))
        status = fields.get("Status", "open")
        mode = fields.get("Mode", "voice-and-message")
        ttl, date_expiry = fields.get("Ttl", 0), fields.get("DateExpiry")
        # checked, not kept: no Participants resource is served
        self._check_participants(fields.get("Participants", []))
        session = _Session(
            sid=hex_sid("KC"),
            sequence=self._state.next_sequence(),
            unique_name=unique_name,
            status=status,
            mode=mode,
            ttl=ttl,
            date_expiry=date_expiry,
            created=now,
            updated=now,
            started=now if status == "in-progress" else None,
            ttl_since=now,
        )
        self._sessions[session.sid] = session
        changed(request)
        return JSONResponse(self._json(request, session), 201)

    async def list_sessions(self, request: Request) -> Response:
        self._authenticate(request)
        service = self._service(request, "/Sessions")
        query = request.query_params
        page_size = self._query_int(query.getlist("PageSize"), "PageSize", _DEFAULT_PAGE_SIZE)
        page_number = self._query_int(query.getlist("Page"), "Page", 0)
        token = query.get("PageToken")
        try:
            cursor = _Cursor.parse(token) if token is not None else None
        except ValueError:
            raise Reject(self.error(400, "Invalid PageToken", code=21481)) from None
        sessions = self._live_sessions()
        if cursor is None:
            page = sessions[:page_size]
        elif cursor.after:
            page = [s for s in sessions if s.sequence > cursor.sequence][:page_size]
        else:
            page = [s for s in sessions if s.sequence < cursor.sequence][-page_size:]
        following = page[-1].sequence if page else None
        preceding = page[0].sequence if page else None
        if not page and cursor is not None and cursor.after:
            preceding = cursor.sequence + 1
        url = f"{self._origin(request)}/v1/Services/{service}/Sessions"

        def link(number: int, cursor: _Cursor | None) -> str:
            query: list[tuple[str, str | int]] = [("PageSize", page_size), ("Page", number)]
            if cursor is not None:
                query.append(("PageToken", cursor.token()))
            return f"{url}?{urlencode(query)}"

        has_next = following is not None and any(s.sequence > following for s in sessions)
        has_previous = preceding is not None and any(s.sequence < preceding for s in sessions)
        meta = {
            "first_page_url": link(0, None),
            "key": "sessions",
            "next_page_url": link(page_number + 1, _Cursor(True, following))
            if has_next and following is not None
            else None,
            "page": page_number,
            "page_size": page_size,
            "previous_page_url": link(max(page_number - 1, 0), _Cursor(False, preceding))
            if has_previous and preceding is not None
            else None,
            "url": link(page_number, cursor),
        }
        return JSONResponse({"sessions": [self._json(request, s) for s in page], "meta": meta})

    async def fetch_session(self, request: Request) -> Response:
        self._authenticate(request)
        return JSONResponse(self._json(request, self._find(request, by_unique_name=True)))

    async def update_session(self, request: Request) -> Response:
        self._authenticate(request)
        session = self._find(request, by_unique_name=False)
        fields = self._checked_form(await self._form(request), "update_session")
        status = fields.get("Status")
        ttl = fields.get("Ttl")
        date_expiry = fields.get("DateExpiry")
        reopening = session.status == "closed" and status == "in-progress"
        if status is not None and status != session.status:
            if (session.status, status) not in _TRANSITIONS:
                raise Reject(self.error(400, "Session Status Invalid", code=80608))
        elif session.status == "closed" and (status, ttl, date_expiry) != (None, None, None):
            raise Reject(self.error(400, "Session is closed and cannot be updated", code=80607))
        now = self._state.now()
        if ttl is not None:
            session.ttl, session.ttl_since = ttl, now
        if date_expiry is not None:
            session.date_expiry = date_expiry
        if reopening:
            session.status, session.ended, session.closed_reason = "in-progress", None, None
            session.started = session.started or now
            # The Ttl counts again from the re-opening: a session that had expired must not
            # close again on the next read, with an end before its own re-opening.
            session.ttl_since = now
        elif status == "closed" and session.status != "closed":
            session.status, session.ended, session.closed_reason = "closed", now, ""
        if (status, ttl, date_expiry) != (None, None, None):
            session.updated = now
            changed(request)
        return JSONResponse(self._json(request, session))

    async def delete_session(self, request: Request) -> Response:
        self._authenticate(request)
        session = self._find(request, by_unique_name=False)
        del self._sessions[session.sid]
        changed(request)
        return Response(status_code=204)

    # helpers

    def _authenticate(self, request: Request) -> None:
        scheme, _, encoded = request.headers.get("authorization", "").partition(" ")
        try:
            user, _, password = base64.b64decode(encoded, validate=True).decode().partition(":")
        except (binascii.Error, UnicodeDecodeError):
            user = password = ""
        if (
            scheme.lower() != "basic"
            or not secrets.compare_digest(user.encode(), TWILIO_ACCOUNT_SID.encode())
            or not secrets.compare_digest(password.encode(), TWILIO_AUTH_TOKEN.encode())
        ):
            response = self.error(
                401,
                "Authenticate",
                code=20003,
                detail="Your AccountSid or AuthToken was incorrect.",
            )
            response.headers["WWW-Authenticate"] = 'Basic realm="Twilio API"'
            raise Reject(response)

    def _service(self, request: Request, resource: str) -> str:
        service: str = request.path_params["ServiceSid"]
        if service != TWILIO_SERVICE_SID:
            raise Reject(self._not_found(f"/Services/{service}{resource}"))
        return service

    def _find(self, request: Request, *, by_unique_name: bool) -> _Session:
        sid: str = request.path_params["Sid"]
        service = self._service(request, f"/Sessions/{sid}")
        session = self._sessions.get(sid)
        if session is None and by_unique_name:
            session = next((s for s in self._sessions.values() if s.unique_name == sid), None)
        if session is None:
            raise Reject(self._not_found(f"/Services/{service}/Sessions/{sid}"))
        self._expire(session)
        return session

    def _not_found(self, resource: str) -> Response:
        return self.error(404, f"The requested resource {resource} was not found", code=20404)

    def _live_sessions(self) -> list[_Session]:
        """Every session in creation order, expiry applied."""
        sessions = list(self._sessions.values())  # insertion order is creation order
        for session in sessions:
            self._expire(session)
        return sessions

    def _expire(self, session: _Session) -> None:
        """Close a session whose DateExpiry or Ttl has passed, as Twilio does."""
        if session.status not in _LIVE:
            return
        end = session.date_expiry
        if end is None and session.ttl > 0:
            end = session.ttl_since + min(session.ttl, 10**10)
        if end is not None and self._state.now() >= end:
            session.status, session.ended, session.closed_reason = "closed", end, "expired"
            session.updated = end

    async def _form(self, request: Request) -> list[tuple[str, str]]:
        body = await read_body(request)
        if not body:
            return []
        if media_type(request) != "application/x-www-form-urlencoded":
            raise Reject(self.error(400, "Content-Type must be application/x-www-form-urlencoded"))
        try:
            return parse_qsl(body.decode("ascii"), keep_blank_values=True, errors="strict")
        except (UnicodeError, ValueError):
            raise Reject(self.error(400, "The request body is not a valid form")) from None

    def _checked_form(self, form: list[tuple[str, str]], operation_id: str) -> dict[str, Any]:
        """The form's fields that the spec declares, typed as it declares them (the last
        value of a repeated key, every value of an array; an empty value is not sent),
        if the spec accepts them; else Twilio's 400 for the first problem. DateExpiry
        comes back as a timestamp."""
        schema = self._spec.body(operation_id, _FORM)
        fields: dict[str, Any] = {}
        for name, declared in schema["properties"].items():
            sent = [value for key, value in form if key == name]
            if declared.get("type") == "array":
                if sent:
                    fields[name] = sent
            elif sent and sent[-1] != "":
                fields[name] = _typed(sent[-1], declared)
        issues = self._spec.check(schema, fields)
        if issues:
            raise Reject(self.error(400, _message(issues[0])))
        if "DateExpiry" in fields:
            fields["DateExpiry"] = _timestamp(fields["DateExpiry"])
        return fields

    def _check_participants(self, values: list[str]) -> None:
        """Each value is one ParticipantRequest (the spec's schema), JSON-encoded; no
        Identifier twice (80103)."""
        identifiers: list[str] = []
        for value in values:
            try:
                participant = json.loads(value)
            except ValueError:
                participant = None
            if (
                not isinstance(participant, dict)
                or self._spec.check("ParticipantRequest", participant)
                or not participant["Identifier"]
            ):
                raise Reject(
                    self.error(
                        400, "Each Participants value must be a JSON object with an Identifier"
                    )
                )
            if participant["Identifier"] in identifiers:
                raise Reject(
                    self.error(
                        400, "Identifier is already a participant in this Session", code=80103
                    )
                )
            identifiers.append(participant["Identifier"])

    def _query_int(self, values: list[str], name: str, default: int) -> int:
        """A whole-number query parameter, as the spec bounds it."""
        if not values:
            return default
        schema = self._spec.parameter("list_sessions", name)
        value = _typed(values[-1], schema)
        if self._spec.check(schema, value):
            low, high = schema.get("minimum"), schema.get("maximum")
            bounds = f"between {low} and {high}" if high is not None else f"{low} or more"
            raise Reject(self.error(400, f"{name} must be a whole number {bounds}"))
        return int(value)

    def _origin(self, request: Request) -> str:
        """Absolute URLs point back at this sandbox, as the client reached it."""
        return str(request.base_url).rstrip("/") + self.prefix

    def _json(self, request: Request, session: _Session) -> dict[str, Any]:
        url = f"{self._origin(request)}/v1/Services/{TWILIO_SERVICE_SID}/Sessions/{session.sid}"
        return {
            "service_sid": TWILIO_SERVICE_SID,
            "status": session.status,
            "unique_name": session.unique_name,
            "date_started": _date(session.started),
            "date_ended": _date(session.ended),
            "date_last_interaction": None,
            "date_expiry": _date(session.date_expiry),
            "ttl": session.ttl,
            "mode": session.mode,
            "closed_reason": session.closed_reason,
            "sid": session.sid,
            "date_updated": _date(session.updated),
            "date_created": _date(session.created),
            "account_sid": TWILIO_ACCOUNT_SID,
            "url": url,
            "links": {"interactions": f"{url}/Interactions", "participants": f"{url}/Participants"},
        }


def _typed(value: str, schema: dict[str, Any]) -> Any:
    """A form or query value as the JSON type its schema declares (whole numbers only,
    up to 18 digits); left a string when it is not one, for the check to refuse."""
    text = value.strip()
    if schema.get("type") == "integer" and _INTEGER.fullmatch(text):
        return int(text)
    return value


def _timestamp(value: str) -> float:
    """DateExpiry (the spec's `date-time`, checked) as a Unix timestamp; no zone is UTC."""
    moment = dt.datetime.fromisoformat(value.strip())
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.timestamp()


def _message(issue: Issue) -> str:
    """Twilio's message for the first problem with a form."""
    name = str(issue.path[0]) if issue.path else "The request body"
    values = issue.schema.get("enum")
    if values is not None:
        return f"{name} must be one of {', '.join(values)}"
    if issue.keyword == "maxItems" and name == "Participants":
        return f"A Session holds at most {issue.expected} participants"
    if issue.keyword == "maxLength":
        return f"{name} must be at most {issue.expected} characters"
    if issue.keyword == "format" and issue.expected == "date-time":
        return f"{name} must be an ISO 8601 date-time"
    if issue.type == "integer":
        return f"{name} must be a whole number of seconds, 0 or more"
    return f"{name} is invalid"


def _date(moment: float | None) -> str | None:
    return None if moment is None else iso_seconds(moment)
