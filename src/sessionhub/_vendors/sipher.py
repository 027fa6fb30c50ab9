"""Sipher (SIP Protocol): the `Sipher` client and its `sessions` resource.

Sipher wraps every response in `{"success": true, "data": {...}}`; the methods return the
typed `data` model.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import httpx
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
    DeleteSessionData,
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

from .._client import (
    DEFAULT_MAX_RESPONSE_SIZE,
    DEFAULT_MAX_RETRIES,
    MAX_RETRY_AFTER,
    BaseClient,
    TimeoutTypes,
    credential,
)
from .._operation import Operation
from .._validation import Rules, invalid

__all__ = [
    "Backend",
    "BackendValue",
    "Chain",
    "ChainValue",
    "CreateSessionData",
    "DeleteSessionData",
    "PrivacyLevel",
    "PrivacyLevelValue",
    "RpcProvider",
    "RpcProviderValue",
    "SessionData",
    "SessionDefaults",
    "SessionDefaultsDict",
    "Sipher",
    "SipherSessions",
    "UpdateSessionData",
]

CREATE = Operation("sipher", "sessions.create", idempotent=False)
GET = Operation("sipher", "sessions.get", idempotent=True)
UPDATE = Operation("sipher", "sessions.update", idempotent=False)
DELETE = Operation("sipher", "sessions.delete", idempotent=True)

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
    """

    _vendor = "sipher"
    _default_base_url: ClassVar[str] = "https://sipher.sip-protocol.org"
    _request_id_header = "X-Request-ID"
    _error_details = staticmethod(_sipher_error)

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
        key = credential(api_key, argument="api_key", env="SIPHER_API_KEY", vendor="sipher")
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
        self._auth_headers = {"X-API-Key": key}
        self._secrets = (key,)
        self.sessions = SipherSessions(self)


class SipherSessions:
    """`client.sessions`: create, get, update and delete agent sessions."""

    def __init__(self, client: Sipher) -> None:
        self._client = client

    async def create(
        self,
        *,
        defaults: SessionDefaultsDict | SessionDefaults,
        ttl_seconds: int | None = None,
        timeout: TimeoutTypes = None,
    ) -> CreateSessionData:
        """Create a session with stored defaults, e.g. `defaults={"chain": "solana"}`.

        `ttl_seconds` is 60..86400 (Sipher's default 3600); expiry is absolute.
        """
        body = CreateSessionRequest(
            defaults=_defaults(CREATE, defaults),
            ttl_seconds=_TTL_SECONDS.check(CREATE, "ttl_seconds", ttl_seconds),
        )
        response = await self._client._request(
            CREATE, create_session._get_kwargs(body=body), timeout=timeout
        )
        return self._client._parse(CREATE, response, CreateSessionResponse.from_dict).data

    async def get(self, session_id: str, *, timeout: TimeoutTypes = None) -> SessionData:
        """A session's stored defaults and timestamps (epoch milliseconds)."""
        _SESSION_ID.check(GET, "session_id", session_id)
        response = await self._client._request(
            GET, get_session._get_kwargs(session_id), timeout=timeout
        )
        return self._client._parse(GET, response, GetSessionResponse.from_dict).data

    async def update(
        self,
        session_id: str,
        *,
        defaults: SessionDefaultsDict | SessionDefaults,
        timeout: TimeoutTypes = None,
    ) -> UpdateSessionData:
        """Merge `defaults` into the session: given keys change, the others stay."""
        _SESSION_ID.check(UPDATE, "session_id", session_id)
        body = UpdateSessionRequest(defaults=_defaults(UPDATE, defaults))
        response = await self._client._request(
            UPDATE, update_session._get_kwargs(session_id, body=body), timeout=timeout
        )
        return self._client._parse(UPDATE, response, UpdateSessionResponse.from_dict).data

    async def delete(self, session_id: str, *, timeout: TimeoutTypes = None) -> DeleteSessionData:
        """Delete the session; its id is invalid afterwards (a second delete is NotFoundError).

        When a retry gets 404 after an earlier attempt may have deleted the session, the
        session is gone as asked: that is success (`deleted=True`), logged at DEBUG."""
        _SESSION_ID.check(DELETE, "session_id", session_id)
        response = await self._client._request(
            DELETE, delete_session._get_kwargs(session_id), timeout=timeout
        )
        if response.status_code == 404:  # only returned for a retried delete (see _request)
            return DeleteSessionData(session_id=session_id, deleted=True)
        return self._client._parse(DELETE, response, DeleteSessionResponse.from_dict).data


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
