"""Trinsic Connect (mid-2024 API): the `TrinsicConnect` client and its `sessions` resource."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, Unpack

from _sessionhub_generated.trinsic_connect import constraints as spec
from _sessionhub_generated.trinsic_connect.api.sessions import (
    cancel_session,
    create_session,
    get_session,
    list_sessions,
)
from _sessionhub_generated.trinsic_connect.constraints import (
    GovernmentIdOptionsDict,
    OrderDirectionValue,
    RequestedVerificationDict,
    SessionOrderingValue,
    VerificationTypeValue,
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
    NormalizedGovernmentIdData,
    OrderDirection,
    RequestedVerification,
    Session,
    SessionFailCode,
    SessionOrdering,
    Verification,
    VerificationFailCode,
    VerificationMap,
    VerificationState,
    VerificationType,
)
from _sessionhub_generated.trinsic_connect.types import UNSET

from .._client import BaseClient, credential
from .._operation import Operation
from .._options import ClientOptions, RequestOptions
from .._pagination import AsyncPaginator, TrinsicPage
from .._raw import to_raw
from .._resource import APIResource
from .._validation import Rules, check_int

__all__ = [
    "GovernmentIdOptions",
    "GovernmentIdOptionsDict",
    "IdvSessionState",
    "NormalizedGovernmentIdData",
    "OrderDirection",
    "OrderDirectionValue",
    "RequestedVerification",
    "RequestedVerificationDict",
    "Session",
    "SessionFailCode",
    "SessionOrdering",
    "SessionOrderingValue",
    "TrinsicConnect",
    "TrinsicSessions",
    "TrinsicSessionsWithRawResponse",
    "Verification",
    "VerificationFailCode",
    "VerificationMap",
    "VerificationState",
    "VerificationType",
    "VerificationTypeValue",
]

_OPS = spec.OPERATIONS
CREATE = Operation.of("trinsic", "sessions.create", _OPS, "create_session", idempotent=False)
GET = Operation.of("trinsic", "sessions.get", _OPS, "get_session", idempotent=True)
# a POST, but read-only
LIST = Operation.of("trinsic", "sessions.list", _OPS, "list_sessions", idempotent=True)
# Cancelling moves a session to a final state; the API does not document a second cancel,
# so it is treated like an update: retried only when it cannot have reached the server.
CANCEL = Operation.of("trinsic", "sessions.cancel", _OPS, "cancel_session", idempotent=False)

# Every limit below comes from specs/trinsic_connect.yaml through the generated constraints.
_RULES = Rules(spec.SCHEMAS, spec.OPERATIONS)
_GET_ID = _RULES.param("get_session", "sessionId")
_CANCEL_ID = _RULES.param("cancel_session", "sessionId")
_VERIFICATIONS = _RULES.field("create_session", "verifications")
_ORDER_BY = _RULES.field("list_sessions", "orderBy")
_ORDER_DIRECTION = _RULES.field("list_sessions", "orderDirection")
_PAGE_SIZE = _RULES.field("list_sessions", "pageSize")
MAX_PAGE_SIZE = int(_PAGE_SIZE.maximum or 1)


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

    Keyword options (timeouts, retries, response size, headers, hooks, ...) are those of
    `sessionhub.ClientOptions`: see `help(sessionhub.ClientOptions)`.
    """

    _vendor = "trinsic"
    _default_base_url: ClassVar[str] = "https://connect-api.trinsic.id"
    _request_id_header = "x-request-id"
    _error_details = staticmethod(_trinsic_error)

    def __init__(self, *, api_key: str | None = None, **options: Unpack[ClientOptions]) -> None:
        key = credential(api_key, argument="api_key", env="TRINSIC_API_KEY", vendor="trinsic")
        headers = {"Authorization": f"Bearer {key}", "TrinsicAuthorization": f"Bearer {key}"}
        super().__init__(headers, (key,), options)

    def _bind(self) -> None:
        self.sessions = TrinsicSessions(self)


class TrinsicSessions(APIResource[TrinsicConnect]):
    """`client.sessions`: create, get, list and cancel verification sessions."""

    @property
    def with_raw_response(self) -> TrinsicSessionsWithRawResponse:
        """The same methods, returning a `RawResponse` (status, headers, request id,
        elapsed) whose `parse()` gives the model."""
        return TrinsicSessionsWithRawResponse(self)

    async def create(
        self,
        *,
        verifications: Sequence[RequestedVerificationDict | RequestedVerification] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Session:
        """Create a session, e.g. `verifications=[{"type": "GovernmentId"}]`.

        Returns the new session; hand its `client_token` to the end user's front end.
        """
        wire = None
        if verifications is not None:
            if isinstance(verifications, Sequence) and not isinstance(verifications, (str, bytes)):
                wire = [
                    v.to_dict() if isinstance(v, RequestedVerification) else v
                    for v in verifications
                ]
            else:
                wire = verifications  # the check below names what is wrong
        _VERIFICATIONS.check(CREATE, "verifications", wire)
        body = CreateSessionRequest(
            verifications=UNSET
            if wire is None
            else [RequestedVerification.from_dict(item) for item in wire],
        )
        kwargs = create_session._get_kwargs(body=body)
        return (await self._call(CREATE, kwargs, options, CreateSessionResponse.from_dict)).session

    async def get(self, session_id: str, **options: Unpack[RequestOptions]) -> Session:
        """One session by id; NotFoundError if there is none."""
        _GET_ID.check(GET, "session_id", session_id)
        kwargs = get_session._get_kwargs(session_id=session_id)
        return await self._call(GET, kwargs, options, _get_session)

    async def cancel(self, session_id: str, **options: Unpack[RequestOptions]) -> Session:
        """Cancel a session; returns it in its cancelled state."""
        _CANCEL_ID.check(CANCEL, "session_id", session_id)
        kwargs = cancel_session._get_kwargs(session_id=session_id)
        return (await self._call(CANCEL, kwargs, options, CancelSessionResponse.from_dict)).session

    def list(
        self,
        *,
        order_by: SessionOrderingValue | SessionOrdering = SessionOrdering.CREATED,
        order_direction: OrderDirectionValue | OrderDirection = OrderDirection.ASCENDING,
        page_size: int | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[Session]:
        """Every session, page by page (page numbers from 1, `page_size` 1..10; None: the
        largest, 10, or `limit` if smaller).

        The API gives no total: a page shorter than `page_size` is the last one. Ascending
        creation order (the default) keeps pages stable while sessions are being created.
        """
        _ORDER_BY.check(LIST, "order_by", order_by)
        _ORDER_DIRECTION.check(LIST, "order_direction", order_direction)
        if page_size is not None:
            _PAGE_SIZE.rule.check(LIST, "page_size", page_size)
        if limit is not None:
            check_int(LIST, "limit", limit, minimum=0)
        if page_size is None:
            page_size = MAX_PAGE_SIZE if limit is None else max(1, min(limit, MAX_PAGE_SIZE))
        size = page_size
        ordering, direction = SessionOrdering(order_by), OrderDirection(order_direction)

        async def fetch(page: int) -> TrinsicPage[Session]:
            body = ListSessionsRequest(
                order_by=ordering, order_direction=direction, page_size=size, page=page
            )
            kwargs = list_sessions._get_kwargs(body=body)
            result = await self._call(
                LIST, kwargs, options, ListSessionsResponse.from_dict, items="sessions"
            )
            sessions = result.sessions if isinstance(result.sessions, list) else []
            return TrinsicPage(sessions, page, size)

        return AsyncPaginator(
            fetch, 1, vendor="trinsic", operation=LIST.name, limit=limit, page_key=_session_id
        )


class TrinsicSessionsWithRawResponse:
    """`client.sessions.with_raw_response`: each method returns a `RawResponse`."""

    def __init__(self, sessions: TrinsicSessions) -> None:
        header = TrinsicConnect._request_id_header
        self.create = to_raw(sessions.create, header)
        self.get = to_raw(sessions.get, header)
        self.cancel = to_raw(sessions.cancel, header)


def _as_dict(item: object) -> object:
    return item.to_dict() if isinstance(item, RequestedVerification) else item


def _session_id(session: Session) -> object:
    return session.id


def _get_session(data: Any) -> Session:
    session = GetSessionResponse.from_dict(data).session
    if session is None:
        raise KeyError("session")
    return session
