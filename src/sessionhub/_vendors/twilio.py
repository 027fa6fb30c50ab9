"""Twilio Proxy v1: the `TwilioProxy` client and its `sessions` resource."""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, Unpack
from urllib.parse import parse_qs, urlsplit

from _sessionhub_generated.twilio_proxy import constraints as spec
from _sessionhub_generated.twilio_proxy.api.sessions import (
    create_session,
    delete_session,
    fetch_session,
    list_sessions,
    update_session,
)
from _sessionhub_generated.twilio_proxy.constraints import (
    ParticipantRequestDict,
    SessionCreateStatusValue,
    SessionModeValue,
    SessionStatusValue,
)
from _sessionhub_generated.twilio_proxy.models import (
    CreateSessionRequest,
    ListSessionsResponse,
    Session,
    SessionCreateStatus,
    SessionLinks,
    SessionMode,
    SessionStatus,
    UpdateSessionRequest,
)
from _sessionhub_generated.twilio_proxy.types import UNSET

from .._client import BaseClient, credential
from .._operation import Operation
from .._options import ClientOptions, RequestOptions
from .._pagination import AsyncPaginator, TwilioPage
from .._raw import to_raw
from .._resource import APIResource
from .._validation import Rules, check_int, invalid

__all__ = [
    "ParticipantRequestDict",
    "Session",
    "SessionCreateStatus",
    "SessionCreateStatusValue",
    "SessionLinks",
    "SessionMode",
    "SessionModeValue",
    "SessionStatus",
    "SessionStatusValue",
    "TwilioProxy",
    "TwilioSessions",
    "TwilioSessionsWithRawResponse",
]

_OPS = spec.OPERATIONS
CREATE = Operation.of("twilio", "sessions.create", _OPS, "create_session", idempotent=False)
GET = Operation.of("twilio", "sessions.get", _OPS, "fetch_session", idempotent=True)
LIST = Operation.of("twilio", "sessions.list", _OPS, "list_sessions", idempotent=True)
UPDATE = Operation.of("twilio", "sessions.update", _OPS, "update_session", idempotent=False)
DELETE = Operation.of("twilio", "sessions.delete", _OPS, "delete_session", idempotent=True)

# Every limit below comes from specs/twilio_proxy.yaml through the generated constraints.
_RULES = Rules(spec.SCHEMAS, spec.OPERATIONS)
_SERVICE_SID = _RULES.param("create_session", "ServiceSid")  # the same on every operation
_FETCH_SID = _RULES.param("fetch_session", "Sid")
_SESSION_SID = _RULES.param("update_session", "Sid")
_DELETE_SID = _RULES.param("delete_session", "Sid")
_PAGE_SIZE = _RULES.param("list_sessions", "PageSize")
_CREATE = {
    name: _RULES.field("create_session", wire)
    for name, wire in [
        ("unique_name", "UniqueName"),
        ("ttl", "Ttl"),
        ("date_expiry", "DateExpiry"),
        ("mode", "Mode"),
        ("status", "Status"),
        ("participants", "Participants"),
    ]
}
_UPDATE = {
    name: _RULES.field("update_session", wire)
    for name, wire in [("ttl", "Ttl"), ("date_expiry", "DateExpiry"), ("status", "Status")]
}
_PARTICIPANT = _RULES.schema("ParticipantRequest")
_MAX_PAGE_SIZE = int(_PAGE_SIZE.maximum or 1)

_PAGING_KEYS = ("PageSize", "Page", "PageToken")


def _iso(op: Operation, value: dt.datetime) -> str:
    """ISO 8601 with a `Z`, as twilio-python sends it; naive datetimes are taken as UTC."""
    try:
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC)
    except (OverflowError, ValueError):  # e.g. year 9999 with a negative UTC offset
        raise invalid(op, f"date_expiry {value.isoformat()} is out of range in UTC") from None
    return value.replace(tzinfo=None).isoformat(timespec="seconds") + "Z"


def _twilio_error(body: Any) -> tuple[str | int | None, str | None]:
    # {"code": 20404, "message": "...", "more_info": "...", "status": 404}
    if not isinstance(body, Mapping):
        return None, None
    code = body.get("code")
    message = body.get("message")
    detail = body.get("detail")
    if isinstance(detail, str) and detail:
        message = f"{message}: {detail}" if message else detail
    return (code if isinstance(code, (int, str)) else None), (
        message if isinstance(message, str) else None
    )


class TwilioProxy(BaseClient):
    """Async client for Twilio Proxy v1 Sessions.

    Credentials come from `account_sid`/`auth_token`, else TWILIO_ACCOUNT_SID /
    TWILIO_AUTH_TOKEN. Use it as `async with TwilioProxy() as twilio:` or call `aclose()`.

    Keyword options (timeouts, retries, response size, headers, hooks, ...) are those of
    `sessionhub.ClientOptions`: see `help(sessionhub.ClientOptions)`.
    """

    _vendor = "twilio"
    _default_base_url: ClassVar[str] = "https://proxy.twilio.com"
    _request_id_header = "Twilio-Request-Id"
    # Twilio error 20429: "the rejected request was not processed", so retrying is safe.
    _not_processed_statuses = frozenset({429})
    _error_details = staticmethod(_twilio_error)

    def __init__(
        self,
        *,
        account_sid: str | None = None,
        auth_token: str | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        sid = credential(
            account_sid, argument="account_sid", env="TWILIO_ACCOUNT_SID", vendor="twilio"
        )
        token = credential(
            auth_token, argument="auth_token", env="TWILIO_AUTH_TOKEN", vendor="twilio"
        )
        self.account_sid = sid
        basic = base64.b64encode(f"{sid}:{token}".encode()).decode("ascii")
        super().__init__({"Authorization": f"Basic {basic}"}, (token, basic), options)

    def _bind(self) -> None:
        self.sessions = TwilioSessions(self)

    def __repr__(self) -> str:
        return (
            f"TwilioProxy(base_url={self.base_url!r}, account_sid={self.account_sid!r}, "
            "auth_token=<redacted>)"
        )


class TwilioSessions(APIResource[TwilioProxy]):
    """`client.sessions`: create, get, list, update and delete Proxy sessions."""

    @property
    def with_raw_response(self) -> TwilioSessionsWithRawResponse:
        """The same methods, returning a `RawResponse` (status, headers, request id,
        elapsed) whose `parse()` gives the model."""
        return TwilioSessionsWithRawResponse(self)

    async def create(
        self,
        service_sid: str,
        *,
        unique_name: str | None = None,
        ttl: int | None = None,
        date_expiry: dt.datetime | None = None,
        mode: SessionModeValue | SessionMode | None = None,
        status: SessionCreateStatusValue | SessionCreateStatus | None = None,
        participants: Sequence[ParticipantRequestDict] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Session:
        """Create a session, with at most two participants such as {"Identifier": "+1555..."}.

        `status` is "open" or "in-progress". Never retried once it may have reached Twilio,
        except on Twilio's 429 (not processed).
        """
        _SERVICE_SID.check(CREATE, "service_sid", service_sid)
        args = {"unique_name": unique_name, "ttl": ttl, "date_expiry": date_expiry}
        args.update(mode=mode, status=status)
        for name, value in args.items():
            _CREATE[name].check(CREATE, name, value)
        body = CreateSessionRequest(
            unique_name=unique_name,
            ttl=ttl,
            mode=None if mode is None else SessionMode(mode),
            status=None if status is None else SessionCreateStatus(status),
            participants=None if participants is None else _participants(participants),
        )
        kwargs = create_session._get_kwargs(service_sid, body=body)
        if date_expiry is not None:
            kwargs["data"]["DateExpiry"] = _iso(CREATE, date_expiry)
        return await self._call(CREATE, kwargs, options, Session.from_dict)

    async def get(
        self, service_sid: str, session_id: str, **options: Unpack[RequestOptions]
    ) -> Session:
        """One session by its SID (KC...) or unique name; NotFoundError if there is none."""
        _SERVICE_SID.check(GET, "service_sid", service_sid)
        _FETCH_SID.check(GET, "session_id", session_id)
        kwargs = fetch_session._get_kwargs(service_sid, session_id)
        return await self._call(GET, kwargs, options, Session.from_dict)

    # twilio-python's name for get (`client.proxy.v1.services(...).sessions(...).fetch()`).
    fetch = get

    async def update(
        self,
        service_sid: str,
        session_id: str,
        *,
        status: SessionStatusValue | SessionStatus | None = None,
        ttl: int | None = None,
        date_expiry: dt.datetime | None = None,
        **options: Unpack[RequestOptions],
    ) -> Session:
        """Update a session's status (close / re-open), ttl or date_expiry."""
        _SERVICE_SID.check(UPDATE, "service_sid", service_sid)
        _SESSION_SID.check(UPDATE, "session_id", session_id)
        for name, value in {"status": status, "ttl": ttl, "date_expiry": date_expiry}.items():
            _UPDATE[name].check(UPDATE, name, value)
        body = UpdateSessionRequest(
            ttl=ttl, status=None if status is None else SessionStatus(status)
        )
        kwargs = update_session._get_kwargs(service_sid, session_id, body=body)
        if date_expiry is not None:
            kwargs["data"]["DateExpiry"] = _iso(UPDATE, date_expiry)
        return await self._call(UPDATE, kwargs, options, Session.from_dict)

    async def delete(
        self, service_sid: str, session_id: str, **options: Unpack[RequestOptions]
    ) -> None:
        """Delete a session (204). A 404 on a retry after an earlier attempt may have
        deleted it is success: the session is gone as asked (logged at DEBUG)."""
        _SERVICE_SID.check(DELETE, "service_sid", service_sid)
        _DELETE_SID.check(DELETE, "session_id", session_id)
        await self._send(DELETE, delete_session._get_kwargs(service_sid, session_id), options)

    def list(
        self,
        service_sid: str,
        *,
        page_size: int | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[Session]:
        """Every session of the service, following `meta.next_page_url` page by page.

        `page_size` is 1..1000 (None: Twilio's default, 50); with only `limit` given, pages
        are no larger than `limit`.
        """
        _SERVICE_SID.check(LIST, "service_sid", service_sid)
        _PAGE_SIZE.check(LIST, "page_size", page_size)
        if limit is not None:
            check_int(LIST, "limit", limit, minimum=0)
            if page_size is None:
                page_size = max(1, min(limit, _MAX_PAGE_SIZE))

        async def fetch(cursor: dict[str, str]) -> TwilioPage[Session]:
            kwargs = list_sessions._get_kwargs(
                service_sid,
                page_size=UNSET if page_size is None else page_size,
            )
            if cursor:  # the next page: exactly the paging keys Twilio put in next_page_url
                kwargs["params"] = {**kwargs.get("params", {}), **cursor}
            page = await self._call(
                LIST, kwargs, options, ListSessionsResponse.from_dict, items="sessions"
            )
            return TwilioPage(page.sessions, cursor, _next_query(page))

        return AsyncPaginator(
            fetch, {}, vendor="twilio", operation=LIST.name, limit=limit, page_key=_sid
        )


class TwilioSessionsWithRawResponse:
    """`client.sessions.with_raw_response`: each method returns a `RawResponse`."""

    def __init__(self, sessions: TwilioSessions) -> None:
        header = TwilioProxy._request_id_header
        self.create = to_raw(sessions.create, header)
        self.get = to_raw(sessions.get, header)
        self.fetch = self.get
        self.update = to_raw(sessions.update, header)
        self.delete = to_raw(sessions.delete, header)


def _sid(session: Session) -> object:
    return session.sid


def _next_query(page: ListSessionsResponse) -> dict[str, str] | None:
    """The paging parameters of `meta.next_page_url`, or None on the last page.

    Only the query is taken: the next request goes to our own base URL with our own
    credentials, never to a host named by the response.
    """
    url = page.meta.next_page_url
    if not url:
        return None
    query = parse_qs(urlsplit(url).query)
    return {key: query[key][-1] for key in _PAGING_KEYS if query.get(key)}


def _participants(participants: Sequence[ParticipantRequestDict]) -> list[str]:
    """Each participant checked against the spec's ParticipantRequest, then encoded as one
    JSON string: Twilio reads repeated `Participants=` form keys, each holding a JSON object
    (a generic form encoder would send a Python repr). The list's own limit (at most two)
    is checked on the encoded list, as the spec states it."""
    if isinstance(participants, (str, bytes, Mapping)) or not isinstance(participants, Sequence):
        raise invalid(
            CREATE, f"participants must be a list of dicts, got {type(participants).__name__}"
        )
    encoded = []
    for index, participant in enumerate(participants):
        _PARTICIPANT.check(CREATE, f"participants[{index}]", participant)
        try:
            encoded.append(json.dumps(dict(participant), separators=(",", ":"), allow_nan=False))
        except (TypeError, ValueError) as exc:  # unreachable after the check; kept as a net
            raise invalid(CREATE, f"participants[{index}] is not JSON ({exc})") from None
    _CREATE["participants"].check(CREATE, "participants", encoded)
    return encoded
