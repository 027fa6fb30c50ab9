"""Equos v3 avatar sessions: the `Equos` client and its `sessions` resource.

Equos answers "not found" (get) and "already stopped or not found" (stop) with HTTP 200
and a null session, most likely as an empty body (NestJS sends `null` as zero bytes);
both an empty body and the JSON literal `null` are read as None.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import httpx
from _sessionhub_generated.equos.api.sessions import (
    create_session,
    get_session,
    list_sessions,
    stop_session,
)
from _sessionhub_generated.equos.models import (
    AgentModel,
    AgentProvider,
    AgentVoice,
    CreateAgentRequest,
    CreateAvatarRequest,
    CreateSessionRequest,
    CreateSessionResponse,
    EquosAgent,
    EquosAvatar,
    EquosSession,
    EquosSessionHost,
    ListSessionsResponse,
    ParticipantIdentity,
    ResourceReference,
    TemplateVars,
)
from _sessionhub_generated.equos.types import UNSET, Unset

from .._client import (
    DEFAULT_MAX_RESPONSE_SIZE,
    DEFAULT_MAX_RETRIES,
    MAX_RETRY_AFTER,
    BaseClient,
    TimeoutTypes,
    credential,
)
from .._operation import Operation
from .._pagination import AsyncPaginator, EquosPage
from .._response import decode_json, parse_model
from .._transport import Reply
from .._validation import check_id, check_int, invalid
from ._args import model_arg

__all__ = [
    "AgentModel",
    "AgentProvider",
    "AgentVoice",
    "CreateSessionResponse",
    "Equos",
    "EquosAgent",
    "EquosAvatar",
    "EquosSession",
    "EquosSessions",
]

CREATE = Operation("equos", "sessions.create", idempotent=False)
GET = Operation("equos", "sessions.get", idempotent=True)
LIST = Operation("equos", "sessions.list", idempotent=True)
# Documented as safe to repeat: stopping a stopped session returns null, not an error.
STOP = Operation("equos", "sessions.stop", idempotent=True)

MAX_TAKE = 50
DEFAULT_TAKE = 20


def _equos_error(body: Any) -> tuple[str | int | None, str | None]:
    # NestJS: {"statusCode": 400, "message": ["take must not be greater than 50"], "error": "..."}
    if not isinstance(body, Mapping):
        return None, None
    message = body.get("message")
    if isinstance(message, list):
        message = "; ".join(str(m) for m in message)
    code = body.get("error")
    return (code if isinstance(code, str) else None), (
        message if isinstance(message, str) else None
    )


class Equos(BaseClient):
    """Async client for Equos v3 avatar sessions (deprecated upstream in favour of
    conversations, but still served). The key comes from `api_key`, else EQUOS_API_KEY,
    and is sent as `x-api-key`."""

    _vendor = "equos"
    _default_base_url: ClassVar[str] = "https://api.equos.ai"
    _request_id_header = "x-request-id"
    _error_details = staticmethod(_equos_error)

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
        key = credential(api_key, argument="api_key", env="EQUOS_API_KEY", vendor="equos")
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
        self._auth_headers = {"x-api-key": key}
        self._secrets = (key,)
        self.sessions = EquosSessions(self)


class EquosSessions:
    """`client.sessions`: create, get, list and stop avatar sessions."""

    def __init__(self, client: Equos) -> None:
        self._client = client

    async def create(
        self,
        *,
        name: str,
        avatar: str | ResourceReference | CreateAvatarRequest | Mapping[str, Any],
        agent: str | ResourceReference | CreateAgentRequest | Mapping[str, Any] | None = None,
        client: str | None = None,
        consumer_identity: ParticipantIdentity | Mapping[str, Any] | None = None,
        remote_agent_connecting_identity: ParticipantIdentity | Mapping[str, Any] | None = None,
        host: EquosSessionHost | Mapping[str, Any] | None = None,
        max_duration: int | None = None,
        additional_ctx: str | None = None,
        template_vars: Mapping[str, str] | None = None,
        timeout: TimeoutTypes = None,
    ) -> CreateSessionResponse:
        """Start an avatar session.

        `avatar`/`agent` are an existing id (a string), or a dict creating one on the fly
        (wire keys, e.g. {"identity": ..., "name": ..., "refImage": ...}). Returns the
        session and the LiveKit access tokens.
        """
        body = CreateSessionRequest(
            name=check_id(CREATE, "name", name),
            avatar=_resource(avatar, "avatar", CreateAvatarRequest),
            agent=UNSET if agent is None else _resource(agent, "agent", CreateAgentRequest),
            client=UNSET if client is None else check_id(CREATE, "client", client, max_length=64),
            consumer_identity=_opt(consumer_identity, "consumer_identity", ParticipantIdentity),
            remote_agent_connecting_identity=_opt(
                remote_agent_connecting_identity,
                "remote_agent_connecting_identity",
                ParticipantIdentity,
            ),
            host=_opt(host, "host", EquosSessionHost),
            max_duration=UNSET
            if max_duration is None
            else check_int(CREATE, "max_duration", max_duration, minimum=1),
            additional_ctx=UNSET if additional_ctx is None else additional_ctx,
            template_vars=UNSET if template_vars is None else _template_vars(template_vars),
        )
        response = await self._client._request(
            CREATE, create_session._get_kwargs(body=body), timeout=timeout
        )
        return self._client._parse(CREATE, response, CreateSessionResponse.from_dict)

    async def get(self, session_id: str, *, timeout: TimeoutTypes = None) -> EquosSession | None:
        """The session, or None when Equos does not know it."""
        check_id(GET, "session_id", session_id, max_length=128)
        response = await self._client._request(
            GET, get_session._get_kwargs(session_id), timeout=timeout
        )
        return _nullable_session(self._client, GET, response)

    async def stop(self, session_id: str, *, timeout: TimeoutTypes = None) -> EquosSession | None:
        """Stop the session; None when it was already stopped or is unknown."""
        check_id(STOP, "session_id", session_id, max_length=128)
        response = await self._client._request(
            STOP, stop_session._get_kwargs(session_id), timeout=timeout
        )
        return _nullable_session(self._client, STOP, response)

    def list(
        self,
        *,
        client: str | None = None,
        page_size: int = DEFAULT_TAKE,
        limit: int | None = None,
        timeout: TimeoutTypes = None,
    ) -> AsyncPaginator[EquosSession]:
        """Every session (optionally of one end-user `client`), `page_size` (take) 1..50."""
        check_int(LIST, "page_size", page_size, minimum=1, maximum=MAX_TAKE)
        if client is not None:
            check_id(LIST, "client", client, max_length=64)
        if limit is not None:
            check_int(LIST, "limit", limit, minimum=0)

        async def fetch(skip: int) -> EquosPage[EquosSession]:
            kwargs = list_sessions._get_kwargs(
                take=page_size, skip=skip, client_query=UNSET if client is None else client
            )
            response = await self._client._request(LIST, kwargs, timeout=timeout)
            page = self._client._parse(LIST, response, ListSessionsResponse.from_dict)
            return EquosPage(page.sessions, skip, page.skip, page.total)

        return AsyncPaginator(
            fetch, 0, vendor="equos", operation=LIST.name, limit=limit, page_key=_session_id
        )


def _session_id(session: EquosSession) -> object:
    return session.id


def _nullable_session(client: Equos, op: Operation, response: Reply) -> EquosSession | None:
    if not response.content.strip():
        return None
    data = decode_json(op, response)  # checks the content type before reading JSON null
    if data is None:
        return None
    return parse_model(op, response, data, EquosSession.from_dict, secrets=client._secrets)


def _resource(value: object, name: str, create: type[Any]) -> Any:
    """An existing resource by id (a string) or a definition to create on the fly."""
    if isinstance(value, str):
        return ResourceReference(id=check_id(CREATE, name, value, max_length=128))
    return model_arg(CREATE, name, value, create, ResourceReference)


def _opt(value: object, name: str, model: type[Any]) -> Any:
    return UNSET if value is None else model_arg(CREATE, name, value, model)


def _template_vars(value: Mapping[str, str]) -> TemplateVars | Unset:
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise invalid(CREATE, "template_vars must be a dict of strings to strings")
    return TemplateVars.from_dict(dict(value))
