"""Sipher (SIP Protocol): the `Sipher` client and its `sessions` resource.

Sipher wraps every response in `{"success": true, "data": {...}}`; the methods return the
typed `data` model.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, ClassVar

import httpx
from _sessionhub_generated.sipher.api.sessions import (
    create_session,
    delete_session,
    get_session,
    update_session,
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
from _sessionhub_generated.sipher.types import UNSET

from .._client import (
    DEFAULT_MAX_RESPONSE_SIZE,
    DEFAULT_MAX_RETRIES,
    MAX_RETRY_AFTER,
    BaseClient,
    TimeoutTypes,
    credential,
)
from .._operation import Operation
from .._validation import check_id, check_int, invalid
from ._args import model_arg

__all__ = [
    "Backend",
    "Chain",
    "CreateSessionData",
    "DeleteSessionData",
    "PrivacyLevel",
    "RpcProvider",
    "SessionData",
    "SessionDefaults",
    "Sipher",
    "SipherSessions",
    "UpdateSessionData",
]

SESSION_ID = re.compile(r"sess_[0-9a-f]{64}")
VIEWING_KEY = re.compile(r"0x[0-9a-fA-F]+")

CREATE = Operation("sipher", "sessions.create", idempotent=False)
GET = Operation("sipher", "sessions.get", idempotent=True)
UPDATE = Operation("sipher", "sessions.update", idempotent=False)
DELETE = Operation("sipher", "sessions.delete", idempotent=True)

# Pythonic argument names accepted in `defaults=` besides the wire's camelCase ones.
_DEFAULT_KEYS = {
    "chain": "chain",
    "privacy_level": "privacyLevel",
    "privacyLevel": "privacyLevel",
    "rpc_provider": "rpcProvider",
    "rpcProvider": "rpcProvider",
    "backend": "backend",
    "default_viewing_key": "defaultViewingKey",
    "defaultViewingKey": "defaultViewingKey",
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
        defaults: SessionDefaults | Mapping[str, Any],
        ttl_seconds: int | None = None,
        timeout: TimeoutTypes = None,
    ) -> CreateSessionData:
        """Create a session with stored defaults, e.g. `defaults={"chain": "solana"}`.

        `ttl_seconds` is 60..86400 (Sipher's default 3600); expiry is absolute.
        """
        body = CreateSessionRequest(
            defaults=_defaults(CREATE, defaults),
            ttl_seconds=UNSET
            if ttl_seconds is None
            else check_int(CREATE, "ttl_seconds", ttl_seconds, minimum=60, maximum=86400),
        )
        response = await self._client._request(
            CREATE, create_session._get_kwargs(body=body), timeout=timeout
        )
        return self._client._parse(CREATE, response, CreateSessionResponse.from_dict).data

    async def get(self, session_id: str, *, timeout: TimeoutTypes = None) -> SessionData:
        """A session's stored defaults and timestamps (epoch milliseconds)."""
        check_id(GET, "session_id", session_id, pattern=SESSION_ID)
        response = await self._client._request(
            GET, get_session._get_kwargs(session_id), timeout=timeout
        )
        return self._client._parse(GET, response, GetSessionResponse.from_dict).data

    async def update(
        self,
        session_id: str,
        *,
        defaults: SessionDefaults | Mapping[str, Any],
        timeout: TimeoutTypes = None,
    ) -> UpdateSessionData:
        """Merge `defaults` into the session: given keys change, the others stay."""
        check_id(UPDATE, "session_id", session_id, pattern=SESSION_ID)
        body = UpdateSessionRequest(defaults=_defaults(UPDATE, defaults))
        response = await self._client._request(
            UPDATE, update_session._get_kwargs(session_id, body=body), timeout=timeout
        )
        return self._client._parse(UPDATE, response, UpdateSessionResponse.from_dict).data

    async def delete(self, session_id: str, *, timeout: TimeoutTypes = None) -> DeleteSessionData:
        """Delete the session; its id is invalid afterwards (a second delete is NotFoundError).

        When a retry gets 404 after an earlier attempt may have deleted the session, the
        session is gone as asked: that is success (`deleted=True`), logged at DEBUG."""
        check_id(DELETE, "session_id", session_id, pattern=SESSION_ID)
        response = await self._client._request(
            DELETE, delete_session._get_kwargs(session_id), timeout=timeout
        )
        if response.status_code == 404:  # only returned for a retried delete (see _request)
            return DeleteSessionData(session_id=session_id, deleted=True)
        return self._client._parse(DELETE, response, DeleteSessionResponse.from_dict).data


def _defaults(op: Operation, value: SessionDefaults | Mapping[str, Any]) -> SessionDefaults:
    """`defaults=` as a SessionDefaults with documented values only.

    Sipher silently drops unknown keys; sessionhub refuses them, since a typo would
    otherwise be lost without a word.
    """
    if isinstance(value, Mapping):
        unknown = sorted(str(key) for key in value if key not in _DEFAULT_KEYS)
        if unknown:
            raise invalid(
                op,
                f"defaults has unknown keys {unknown}; "
                f"known: chain, privacy_level, rpc_provider, backend, "
                f"default_viewing_key",
            )
        value = {_DEFAULT_KEYS[key]: item for key, item in value.items()}
    defaults: SessionDefaults = model_arg(op, "defaults", value, SessionDefaults)
    key = defaults.default_viewing_key
    if isinstance(key, str) and not VIEWING_KEY.fullmatch(key):
        raise invalid(op, "defaults.default_viewing_key must be 0x-prefixed hex")
    return defaults
