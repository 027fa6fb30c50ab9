"""Sipher (SIP Protocol): the `Sipher` client and its `sessions` resource.

Sipher wraps every response in `{"success": true, "data": {...}}`; the methods return the
typed `data` model.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Unpack

import attrs
from _sessionhub_generated.sipher import constraints as spec
from _sessionhub_generated.sipher.api.sessions import (
    create_session,
    delete_session,
    get_session,
    update_session,
)
from _sessionhub_generated.sipher.constraints import (
    BackendValue,
    ChainValue,
    PrivacyLevelValue,
    RpcProviderValue,
    SessionDefaultsDict,
)
from _sessionhub_generated.sipher.models import (
    Backend,
    Chain,
    CreateSessionData,
    CreateSessionRequest,
    CreateSessionResponse,
    DeleteSessionResponse,
    GetSessionResponse,
    PrivacyLevel,
    RpcProvider,
    SessionData,
    SessionDefaults,
    UpdateSessionData,
    UpdateSessionRequest,
    UpdateSessionResponse,
)

from .._client import BaseClient, credential
from .._operation import Operation
from .._options import ClientOptions, RequestOptions
from .._raw import to_raw
from .._resource import APIResource
from .._validation import Rules, invalid

__all__ = [
    "Backend",
    "BackendValue",
    "Chain",
    "ChainValue",
    "PrivacyLevel",
    "PrivacyLevelValue",
    "RpcProvider",
    "RpcProviderValue",
    "Session",
    "SessionDefaults",
    "SessionDefaultsDict",
    "Sipher",
    "SipherSessions",
    "SipherSessionsWithRawResponse",
]

_OPS = spec.OPERATIONS
CREATE = Operation.of("sipher", "sessions.create", _OPS, "create_session", idempotent=False)
GET = Operation.of("sipher", "sessions.get", _OPS, "get_session", idempotent=True)
UPDATE = Operation.of("sipher", "sessions.update", _OPS, "update_session", idempotent=False)
DELETE = Operation.of("sipher", "sessions.delete", _OPS, "delete_session", idempotent=True)

# Every limit below comes from specs/sipher.yaml through the generated constraints.
_RULES = Rules(spec.SCHEMAS, spec.OPERATIONS)
_SESSION_ID = _RULES.param("get_session", "id")  # the same on update and delete
_TTL_SECONDS = _RULES.field("create_session", "ttlSeconds")
_DEFAULTS = _RULES.schema("SessionDefaults")

# v0.1 documented snake_case keys for `defaults=`; they stay accepted as aliases of the
# wire names (the TypedDict, and so mypy, knows only the wire names).
_DEFAULT_ALIASES = {
    "privacy_level": "privacyLevel",
    "rpc_provider": "rpcProvider",
    "default_viewing_key": "defaultViewingKey",
}


@attrs.define
class Session:
    """A Sipher session, as create, get and update return it.

    Sipher answers the three with three shapes of one resource (upstream
    `createSession_200_response_data`, `getSession_...`, `updateSession_...`): create omits
    `lastAccessedAt`, update omits `createdAt`. Those two fields are None where the answer
    did not carry them; every other field is always set. Times are Unix epoch milliseconds.
    Parsing is the generated models' (strict); this class only unifies their results.
    """

    session_id: str
    defaults: SessionDefaults
    expires_at: int
    created_at: int | None = None
    last_accessed_at: int | None = None

    @classmethod
    def _of(cls, data: CreateSessionData | SessionData | UpdateSessionData) -> Session:
        return cls(
            data.session_id,
            data.defaults,
            data.expires_at,
            getattr(data, "created_at", None),
            getattr(data, "last_accessed_at", None),
        )

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Session:
        """Any of the three wire shapes (the `data` of a create, get or update answer)."""
        model: type[CreateSessionData | SessionData | UpdateSessionData]
        if "createdAt" in data:
            model = SessionData if "lastAccessedAt" in data else CreateSessionData
        else:
            model = UpdateSessionData
        return cls._of(model.from_dict(data))

    def to_dict(self) -> dict[str, Any]:
        wire: dict[str, Any] = {
            "sessionId": self.session_id,
            "defaults": self.defaults.to_dict(),
            "expiresAt": self.expires_at,
        }
        if self.created_at is not None:
            wire["createdAt"] = self.created_at
        if self.last_accessed_at is not None:
            wire["lastAccessedAt"] = self.last_accessed_at
        return wire


def _sipher_error(body: Any) -> tuple[str | int | None, str | None]:
    # {"success": false, "error": {"code": "SESSION_NOT_FOUND", "message": "...", "details": ...}}
    error = body.get("error") if isinstance(body, Mapping) else None
    if not isinstance(error, Mapping):
        return None, None
    code, message = error.get("code"), error.get("message")
    details = error.get("details")
    if isinstance(details, list) and details:  # zod issues: say which fields
        paths = [
            ".".join(str(p) for p in d.get("path", [])) for d in details if isinstance(d, Mapping)
        ]
        if any(paths):
            message = f"{message} ({', '.join(p for p in paths if p)})"
    return (code if isinstance(code, str) else None), (
        message if isinstance(message, str) else None
    )


class Sipher(BaseClient):
    """Async client for Sipher agent sessions (pro or enterprise tier keys).

    The key comes from `api_key`, else SIPHER_API_KEY, and is sent as `X-API-Key`.

    Keyword options (timeouts, retries, response size, headers, hooks, ...) are those of
    `sessionhub.ClientOptions`: see `help(sessionhub.ClientOptions)`.
    """

    _vendor = "sipher"
    _default_base_url: ClassVar[str] = "https://sipher.sip-protocol.org"
    _request_id_header = "X-Request-ID"
    _error_details = staticmethod(_sipher_error)

    def __init__(self, *, api_key: str | None = None, **options: Unpack[ClientOptions]) -> None:
        key = credential(api_key, argument="api_key", env="SIPHER_API_KEY", vendor="sipher")
        super().__init__({"X-API-Key": key}, (key,), options)

    def _bind(self) -> None:
        self.sessions = SipherSessions(self)


class SipherSessions(APIResource[Sipher]):
    """`client.sessions`: create, get, update and delete agent sessions."""

    @property
    def with_raw_response(self) -> SipherSessionsWithRawResponse:
        """The same methods, returning a `RawResponse` (status, headers, request id,
        elapsed) whose `parse()` gives the model."""
        return SipherSessionsWithRawResponse(self)

    async def create(
        self,
        *,
        defaults: SessionDefaultsDict | SessionDefaults,
        ttl_seconds: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Session:
        """Create a session with stored defaults, e.g. `defaults={"chain": "solana"}`.

        `ttl_seconds` is 60..86400 (Sipher's default 3600); expiry is absolute.
        """
        body = CreateSessionRequest(
            defaults=_defaults(CREATE, defaults),
            ttl_seconds=_TTL_SECONDS.check(CREATE, "ttl_seconds", ttl_seconds),
        )
        kwargs = create_session._get_kwargs(body=body)
        answer = await self._call(CREATE, kwargs, options, CreateSessionResponse.from_dict)
        return Session._of(answer.data)

    async def get(self, session_id: str, **options: Unpack[RequestOptions]) -> Session:
        """A session's stored defaults and timestamps; NotFoundError if there is none."""
        _SESSION_ID.check(GET, "session_id", session_id)
        kwargs = get_session._get_kwargs(session_id)
        return Session._of(
            (await self._call(GET, kwargs, options, GetSessionResponse.from_dict)).data
        )

    async def update(
        self,
        session_id: str,
        *,
        defaults: SessionDefaultsDict | SessionDefaults,
        **options: Unpack[RequestOptions],
    ) -> Session:
        """Merge `defaults` into the session: given keys change, the others stay."""
        _SESSION_ID.check(UPDATE, "session_id", session_id)
        body = UpdateSessionRequest(defaults=_defaults(UPDATE, defaults))
        kwargs = update_session._get_kwargs(session_id, body=body)
        answer = await self._call(UPDATE, kwargs, options, UpdateSessionResponse.from_dict)
        return Session._of(answer.data)

    async def delete(self, session_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete the session; its id is invalid afterwards (a second delete is NotFoundError).

        When a retry gets 404 after an earlier attempt may have deleted the session, the
        session is gone as asked: that is success, logged at DEBUG."""
        _SESSION_ID.check(DELETE, "session_id", session_id)
        reply = await self._send(DELETE, delete_session._get_kwargs(session_id), options)
        if reply.status_code != 404:  # 404 only for a retried delete (see _client._loop)
            # Read to check the answer is Sipher's `{"success": true, "data": {...}}`.
            self._parse(DELETE, reply, DeleteSessionResponse.from_dict)


class SipherSessionsWithRawResponse:
    """`client.sessions.with_raw_response`: each method returns a `RawResponse`."""

    def __init__(self, sessions: SipherSessions) -> None:
        header = Sipher._request_id_header
        self.create = to_raw(sessions.create, header)
        self.get = to_raw(sessions.get, header)
        self.update = to_raw(sessions.update, header)
        self.delete = to_raw(sessions.delete, header)


def _defaults(op: Operation, value: object) -> SessionDefaults:
    """`defaults=` (a dict with the wire keys, or a SessionDefaults) checked against the
    spec's SessionDefaults. Sipher silently drops unknown keys; sessionhub refuses them,
    since a typo would otherwise be lost without a word."""
    wire: dict[Any, Any]
    if isinstance(value, SessionDefaults):
        wire = value.to_dict()
    elif isinstance(value, Mapping):
        wire = {_DEFAULT_ALIASES.get(key, key): item for key, item in value.items()}
    else:
        raise invalid(op, f"defaults must be a dict or SessionDefaults, got {type(value).__name__}")
    _DEFAULTS.check(op, "defaults", wire)
    return SessionDefaults.from_dict(wire)
