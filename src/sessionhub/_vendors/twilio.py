"""Twilio Proxy v1: the `TwilioProxy` client and its `sessions` resource."""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlsplit

import httpx
from _sessionhub_generated.twilio_proxy.api.sessions import (
    create_session,
    delete_session,
    fetch_session,
    list_sessions,
    update_session,
)
from _sessionhub_generated.twilio_proxy.models import (
    CreateSessionRequest,
    ListSessionsResponse,
    Session,
    SessionMode,
    SessionStatus,
    UpdateSessionRequest,
)
from _sessionhub_generated.twilio_proxy.types import UNSET, Unset

from .._client import (
    DEFAULT_MAX_RESPONSE_SIZE,
    DEFAULT_MAX_RETRIES,
    MAX_RETRY_AFTER,
    BaseClient,
    TimeoutTypes,
    credential,
)
from .._operation import Operation
from .._pagination import AsyncPaginator, TwilioPage
from .._validation import check_enum, check_id, check_int, invalid

__all__ = ["Session", "SessionMode", "SessionStatus", "TwilioProxy", "TwilioSessions"]

SERVICE_SID = re.compile(r"KS[0-9a-fA-F]{32}")
SESSION_SID = re.compile(r"KC[0-9a-fA-F]{32}")

CREATE = Operation("twilio", "sessions.create", idempotent=False)
FETCH = Operation("twilio", "sessions.fetch", idempotent=True)
LIST = Operation("twilio", "sessions.list", idempotent=True)
UPDATE = Operation("twilio", "sessions.update", idempotent=False)
DELETE = Operation("twilio", "sessions.delete", idempotent=True)

_PAGING_KEYS = ("PageSize", "Page", "PageToken")


def _iso(value: dt.datetime) -> str:
    """ISO 8601 with a `Z`, as twilio-python sends it; naive datetimes are taken as UTC."""
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC)
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
        base_url: str | None = None,
        timeout: TimeoutTypes = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
        allow_insecure_http: bool = False,
        total_timeout: float | None = None,
        max_response_size: int = DEFAULT_MAX_RESPONSE_SIZE,
        max_retry_after: float = MAX_RETRY_AFTER,
    ) -> None:
        sid = credential(
            account_sid, argument="account_sid", env="TWILIO_ACCOUNT_SID", vendor="twilio"
        )
        token = credential(
            auth_token, argument="auth_token", env="TWILIO_AUTH_TOKEN", vendor="twilio"
        )
        super().__init__(
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
            allow_insecure_http=allow_insecure_http,
            total_timeout=total_timeout,
            max_response_size=max_response_size,
            max_retry_after=max_retry_after,
        )
        self.account_sid = sid
        basic = base64.b64encode(f"{sid}:{token}".encode()).decode("ascii")
        self._auth_headers = {"Authorization": f"Basic {basic}"}
        self._secrets = (token, basic)
        self.sessions = TwilioSessions(self)

    def __repr__(self) -> str:
        return (
            f"TwilioProxy(base_url={self.base_url!r}, account_sid={self.account_sid!r}, "
            "auth_token=<redacted>)"
        )


class TwilioSessions:
    """`client.sessions`: create, fetch, list, update and delete Proxy sessions."""

    def __init__(self, client: TwilioProxy) -> None:
        self._client = client

    async def _session(
        self,
        op: Operation,
        kwargs: Mapping[str, Any],
        timeout: TimeoutTypes,
    ) -> Session:
        response = await self._client._request(op, kwargs, timeout=timeout)
        return self._client._parse(op, response, Session.from_dict)

    async def create(
        self,
        service_sid: str,
        *,
        unique_name: str | None = None,
        ttl: int | None = None,
        date_expiry: dt.datetime | None = None,
        mode: SessionMode | str | None = None,
        status: SessionStatus | str | None = None,
        participants: Sequence[Mapping[str, Any]] | None = None,
        timeout: TimeoutTypes = None,
    ) -> Session:
        """Create a session. Each participant is a dict such as {"Identifier": "+1555..."}.

        Never retried once it may have reached Twilio, except on Twilio's 429 (not processed).
        """
        check_id(CREATE, "service_sid", service_sid, pattern=SERVICE_SID)
        body = CreateSessionRequest(
            unique_name=_opt_str(CREATE, "unique_name", unique_name, 191),
            ttl=UNSET if ttl is None else check_int(CREATE, "ttl", ttl, minimum=0),
            mode=UNSET if mode is None else check_enum(CREATE, "mode", mode, SessionMode),
            status=UNSET if status is None else check_enum(CREATE, "status", status, SessionStatus),
            participants=UNSET if participants is None else _participants(participants),
        )
        kwargs = create_session._get_kwargs(service_sid, body=body)
        if date_expiry is not None:
            kwargs["data"]["DateExpiry"] = _iso(_datetime(CREATE, date_expiry))
        return await self._session(CREATE, kwargs, timeout)

    async def fetch(
        self, service_sid: str, session_sid: str, *, timeout: TimeoutTypes = None
    ) -> Session:
        """Fetch one session by its SID (KC...)."""
        check_id(FETCH, "service_sid", service_sid, pattern=SERVICE_SID)
        check_id(FETCH, "session_sid", session_sid, max_length=191)
        return await self._session(
            FETCH, fetch_session._get_kwargs(service_sid, session_sid), timeout
        )

    async def update(
        self,
        service_sid: str,
        session_sid: str,
        *,
        status: SessionStatus | str | None = None,
        ttl: int | None = None,
        date_expiry: dt.datetime | None = None,
        timeout: TimeoutTypes = None,
    ) -> Session:
        """Update a session's status (close / re-open), ttl or date_expiry."""
        check_id(UPDATE, "service_sid", service_sid, pattern=SERVICE_SID)
        check_id(UPDATE, "session_sid", session_sid, pattern=SESSION_SID)
        body = UpdateSessionRequest(
            ttl=UNSET if ttl is None else check_int(UPDATE, "ttl", ttl, minimum=0),
            status=UNSET if status is None else check_enum(UPDATE, "status", status, SessionStatus),
        )
        kwargs = update_session._get_kwargs(service_sid, session_sid, body=body)
        if date_expiry is not None:
            kwargs["data"]["DateExpiry"] = _iso(_datetime(UPDATE, date_expiry))
        return await self._session(UPDATE, kwargs, timeout)

    async def delete(
        self, service_sid: str, session_sid: str, *, timeout: TimeoutTypes = None
    ) -> None:
        """Delete a session (204). A 404 on a retry after an earlier attempt may have
        deleted it is success: the session is gone as asked (logged at DEBUG)."""
        check_id(DELETE, "service_sid", service_sid, pattern=SERVICE_SID)
        check_id(DELETE, "session_sid", session_sid, pattern=SESSION_SID)
        await self._client._request(
            DELETE, delete_session._get_kwargs(service_sid, session_sid), timeout=timeout
        )

    def list(
        self,
        service_sid: str,
        *,
        page_size: int | None = None,
        limit: int | None = None,
        timeout: TimeoutTypes = None,
    ) -> AsyncPaginator[Session]:
        """Every session of the service, following `meta.next_page_url` page by page.

        `page_size` is 1..1000 (Twilio's default is 50); with only `limit` given, pages are
        no larger than `limit`.
        """
        check_id(LIST, "service_sid", service_sid, pattern=SERVICE_SID)
        if page_size is not None:
            check_int(LIST, "page_size", page_size, minimum=1, maximum=1000)
        if limit is not None:
            check_int(LIST, "limit", limit, minimum=0)
            if page_size is None:
                page_size = max(1, min(limit, 1000))

        async def fetch(cursor: dict[str, str]) -> TwilioPage[Session]:
            kwargs = list_sessions._get_kwargs(
                service_sid,
                page_size=UNSET if page_size is None else page_size,
            )
            if cursor:  # the next page: exactly the paging keys Twilio put in next_page_url
                kwargs["params"] = {**kwargs.get("params", {}), **cursor}
            response = await self._client._request(LIST, kwargs, timeout=timeout)
            page = self._client._parse(LIST, response, ListSessionsResponse.from_dict)
            return TwilioPage(page.sessions, cursor, _next_query(page))

        return AsyncPaginator(
            fetch, {}, vendor="twilio", operation=LIST.name, limit=limit, page_key=_sid
        )


def _sid(session: Session) -> object:
    return session.sid


def _next_query(page: ListSessionsResponse) -> dict[str, str] | None:
    """The paging parameters of `meta.next_page_url`, or None on the last page.

    Only the query is taken: the next request goes to our own base URL with our own
    credentials, never to a host named by the response.
    """
    url = page.meta.next_page_url
    if not url or isinstance(url, Unset):
        return None
    query = parse_qs(urlsplit(url).query)
    return {key: query[key][-1] for key in _PAGING_KEYS if query.get(key)}


def _opt_str(op: Operation, name: str, value: str | None, max_length: int) -> str | Unset:
    if value is None:
        return UNSET
    return check_id(op, name, value, max_length=max_length)


def _datetime(op: Operation, value: object) -> dt.datetime:
    if not isinstance(value, dt.datetime):
        raise invalid(op, f"date_expiry must be a datetime, got {type(value).__name__}")
    return value


def _participants(participants: Sequence[Mapping[str, Any]]) -> list[str]:
    """Each participant as one JSON string: Twilio reads repeated `Participants=` form keys,
    each holding a JSON object (a generic form encoder would send a Python repr)."""
    if isinstance(participants, (str, bytes)) or not isinstance(participants, Sequence):
        raise invalid(CREATE, "participants must be a list of dicts")
    encoded = []
    for participant in participants:
        if not isinstance(participant, Mapping) or "Identifier" not in participant:
            raise invalid(CREATE, 'each participant must be a dict with an "Identifier" key')
        encoded.append(json.dumps(dict(participant), separators=(",", ":")))
    return encoded
