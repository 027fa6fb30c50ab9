"""Trinsic Connect (mid-2024 API): the `TrinsicConnect` client and its `sessions` resource."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

import httpx
from _sessionhub_generated.trinsic_connect.api.sessions import (
    cancel_session,
    create_session,
    get_session,
    list_sessions,
)
from _sessionhub_generated.trinsic_connect.models import (
    CancelSessionResponse,
    CreateSessionRequest,
    CreateSessionResponse,
    GetSessionResponse,
    GovernmentIdOptions,
    IdvSessionState,
    ListSessionsRequest,
    ListSessionsResponse,
    OrderDirection,
    RequestedVerification,
    Session,
    SessionFailCode,
    SessionOrdering,
    Verification,
    VerificationType,
)
from _sessionhub_generated.trinsic_connect.types import UNSET, Unset

from .._client import (
    DEFAULT_MAX_RESPONSE_SIZE,
    DEFAULT_MAX_RETRIES,
    MAX_RETRY_AFTER,
    BaseClient,
    TimeoutTypes,
    credential,
)
from .._operation import Operation
from .._pagination import AsyncPaginator, TrinsicPage
from .._validation import check_enum, check_id, check_int, invalid
from ._args import model_arg

__all__ = [
    "GovernmentIdOptions",
    "IdvSessionState",
    "OrderDirection",
    "RequestedVerification",
    "Session",
    "SessionFailCode",
    "SessionOrdering",
    "TrinsicConnect",
    "TrinsicSessions",
    "Verification",
    "VerificationType",
]

CREATE = Operation("trinsic", "sessions.create", idempotent=False)
GET = Operation("trinsic", "sessions.get", idempotent=True)
LIST = Operation("trinsic", "sessions.list", idempotent=True)  # a POST, but read-only
# Cancelling moves a session to a final state; the API does not document a second cancel,
# so it is treated like an update: retried only when it cannot have reached the server.
CANCEL = Operation("trinsic", "sessions.cancel", idempotent=False)

MAX_PAGE_SIZE = 10


def _trinsic_error(body: Any) -> tuple[str | int | None, str | None]:
    # 400: [{"memberNames": [...], "errorMessage": "..."}]; others: {"message": "..."}
    if isinstance(body, list):
        messages = []
        for item in body:
            if isinstance(item, Mapping):
                members = ", ".join(str(m) for m in item.get("memberNames") or [])
                text = str(item.get("errorMessage") or "invalid")
                messages.append(f"{members}: {text}" if members else text)
        return None, "; ".join(messages) or None
    if isinstance(body, Mapping) and isinstance(body.get("message"), str):
        return None, body["message"]
    return None, None


class TrinsicConnect(BaseClient):
    """Async client for Trinsic Connect identity-verification sessions.

    The key comes from `api_key`, else TRINSIC_API_KEY. It is sent both as
    `Authorization: Bearer` and as `TrinsicAuthorization: Bearer` (which one the server
    reads is not documented; see specs/trinsic_connect.yaml).
    """

    _vendor = "trinsic"
    _default_base_url: ClassVar[str] = "https://connect-api.trinsic.id"
    _request_id_header = "x-request-id"
    _error_details = staticmethod(_trinsic_error)

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: TimeoutTypes = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
        allow_insecure_http: bool = False,
        total_timeout: float | None = None,
        max_response_size: int = DEFAULT_MAX_RESPONSE_SIZE,
        max_retry_after: float = MAX_RETRY_AFTER,
    ) -> None:
        key = credential(api_key, argument="api_key", env="TRINSIC_API_KEY", vendor="trinsic")
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
        self._auth_headers = {
            "Authorization": f"Bearer {key}",
            "TrinsicAuthorization": f"Bearer {key}",
        }
        self._secrets = (key,)
        self.sessions = TrinsicSessions(self)


class TrinsicSessions:
    """`client.sessions`: create, get, list and cancel verification sessions."""

    def __init__(self, client: TrinsicConnect) -> None:
        self._client = client

    async def create(
        self,
        *,
        verifications: Sequence[RequestedVerification | Mapping[str, Any]] | None = None,
        timeout: TimeoutTypes = None,
    ) -> Session:
        """Create a session, e.g. `verifications=[{"type": "GovernmentId"}]`.

        Returns the new session; hand its `client_token` to the end user's front end.
        """
        if verifications is not None and (
            isinstance(verifications, (str, bytes, Mapping))
            or not isinstance(verifications, Sequence)
        ):
            raise invalid(CREATE, "verifications must be a list")
        body = CreateSessionRequest(
            verifications=UNSET
            if verifications is None
            else [
                model_arg(CREATE, "verifications[]", item, RequestedVerification)
                for item in verifications
            ],
        )
        response = await self._client._request(
            CREATE, create_session._get_kwargs(body=body), timeout=timeout
        )
        return self._client._parse(CREATE, response, CreateSessionResponse.from_dict).session

    async def get(self, session_id: str, *, timeout: TimeoutTypes = None) -> Session:
        """Fetch a session by id."""
        check_id(GET, "session_id", session_id, min_length=5, max_length=100)
        response = await self._client._request(
            GET, get_session._get_kwargs(session_id=session_id), timeout=timeout
        )
        return self._client._parse(GET, response, _get_session)

    async def cancel(self, session_id: str, *, timeout: TimeoutTypes = None) -> Session:
        """Cancel a session; returns it in its cancelled state."""
        check_id(CANCEL, "session_id", session_id, min_length=5, max_length=100)
        response = await self._client._request(
            CANCEL, cancel_session._get_kwargs(session_id=session_id), timeout=timeout
        )
        return self._client._parse(CANCEL, response, CancelSessionResponse.from_dict).session

    def list(
        self,
        *,
        order_by: SessionOrdering | str = SessionOrdering.CREATED,
        order_direction: OrderDirection | str = OrderDirection.ASCENDING,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        timeout: TimeoutTypes = None,
    ) -> AsyncPaginator[Session]:
        """Every session, page by page (page numbers from 1, `page_size` 1..10).

        The API gives no total: a page shorter than `page_size` is the last one. Ascending
        creation order (the default) keeps pages stable while sessions are being created.
        """
        ordering = check_enum(LIST, "order_by", order_by, SessionOrdering)
        direction = check_enum(LIST, "order_direction", order_direction, OrderDirection)
        check_int(LIST, "page_size", page_size, minimum=1, maximum=MAX_PAGE_SIZE)
        if limit is not None:
            check_int(LIST, "limit", limit, minimum=0)

        async def fetch(page: int) -> TrinsicPage[Session]:
            body = ListSessionsRequest(
                order_by=ordering, order_direction=direction, page_size=page_size, page=page
            )
            response = await self._client._request(
                LIST, list_sessions._get_kwargs(body=body), timeout=timeout
            )
            result = self._client._parse(LIST, response, ListSessionsResponse.from_dict)
            sessions = result.sessions if isinstance(result.sessions, list) else []
            return TrinsicPage(sessions, page, page_size)

        return AsyncPaginator(
            fetch, 1, vendor="trinsic", operation=LIST.name, limit=limit, page_key=_session_id
        )


def _session_id(session: Session) -> object:
    return session.id


def _get_session(data: Any) -> Session:
    session = GetSessionResponse.from_dict(data).session
    if isinstance(session, Unset):
        raise KeyError("session")
    return session
