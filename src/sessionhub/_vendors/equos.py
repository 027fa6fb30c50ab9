"""Equos v3 avatar sessions: the `Equos` client and its `sessions` resource.

Equos answers "not found" (get) and "already stopped or not found" (stop) with HTTP 200
and a null session, most likely as an empty body (NestJS sends `null` as zero bytes);
both an empty body and the JSON literal `null` are read as None.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import httpx
from _sessionhub_generated.equos import constraints as spec
from _sessionhub_generated.equos.api.sessions import (
    create_session,
    get_session,
    list_sessions,
    stop_session,
)
from _sessionhub_generated.equos.constraints import (
    AgentModelValue,
    AgentProviderValue,
    AgentVoiceValue,
    CreateAgentRequestDict,
    CreateAvatarRequestDict,
    EquosSessionHostDict,
    ParticipantIdentityDict,
    ResourceReferenceDict,
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
    EquosSessionServer,
    EquosTranscript,
    EquosTranscriptEntry,
    ListSessionsResponse,
    ParticipantIdentity,
    ResourceReference,
    TemplateVars,
)
from _sessionhub_generated.equos.types import UNSET

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
from .._validation import Rules, check_int

__all__ = [
    "AgentModel",
    "AgentModelValue",
    "AgentProvider",
    "AgentProviderValue",
    "AgentVoice",
    "AgentVoiceValue",
    "CreateAgentRequestDict",
    "CreateAvatarRequestDict",
    "CreateSessionResponse",
    "Equos",
    "EquosAgent",
    "EquosAvatar",
    "EquosSession",
    "EquosSessionHostDict",
    "EquosSessionServer",
    "EquosSessions",
    "EquosTranscript",
    "EquosTranscriptEntry",
    "ParticipantIdentityDict",
    "ResourceReference",
    "ResourceReferenceDict",
    "TemplateVars",
]

CREATE = Operation("equos", "sessions.create", idempotent=False)
GET = Operation("equos", "sessions.get", idempotent=True)
LIST = Operation("equos", "sessions.list", idempotent=True)
# Documented as safe to repeat: stopping a stopped session returns null, not an error.
STOP = Operation("equos", "sessions.stop", idempotent=True)

# Every limit below comes from specs/equos.yaml through the generated constraints.
_RULES = Rules(spec.SCHEMAS, spec.OPERATIONS)
_SESSION_ID = _RULES.param("get_session", "id")  # the same on stop
_STOP_ID = _RULES.param("stop_session", "id")
_TAKE = _RULES.param("list_sessions", "take")
_CLIENT_QUERY = _RULES.param("list_sessions", "client")
_CREATE = {
    name: _RULES.field("create_session", wire)
    for name, wire in [
        ("name", "name"),
        ("avatar", "avatar"),
        ("agent", "agent"),
        ("client", "client"),
        ("consumer_identity", "consumerIdentity"),
        ("remote_agent_connecting_identity", "remoteAgentConnectingIdentity"),
        ("host", "host"),
        ("max_duration", "maxDuration"),
        ("additional_ctx", "additionalCtx"),
        ("template_vars", "templateVars"),
    ]
}
_NEW_AVATAR = _RULES.schema("CreateAvatarRequest")
_NEW_AGENT = _RULES.schema("CreateAgentRequest")
MAX_TAKE = int(_TAKE.maximum or 1)
DEFAULT_TAKE = 20  # Equos's own default page size (not a limit)


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
        avatar: str | ResourceReferenceDict | CreateAvatarRequestDict,
        agent: str | ResourceReferenceDict | CreateAgentRequestDict | None = None,
        client: str | None = None,
        consumer_identity: ParticipantIdentityDict | None = None,
        remote_agent_connecting_identity: ParticipantIdentityDict | None = None,
        host: EquosSessionHostDict | None = None,
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
        args: dict[str, Any] = {
            "name": name,
            "avatar": _reference(avatar),
            "agent": _reference(agent),
            "client": client,
            "consumer_identity": consumer_identity,
            "remote_agent_connecting_identity": remote_agent_connecting_identity,
            "host": host,
            "max_duration": max_duration,
            "additional_ctx": additional_ctx,
            "template_vars": template_vars,
        }
        for key, value in args.items():
            _CREATE[key].check(CREATE, key, value)
        body = CreateSessionRequest(
            name=name,
            avatar=_resource(args["avatar"], _NEW_AVATAR, CreateAvatarRequest),
            agent=None
            if agent is None
            else _resource(args["agent"], _NEW_AGENT, CreateAgentRequest),
            client=client,
            consumer_identity=_parsed(consumer_identity, ParticipantIdentity),
            remote_agent_connecting_identity=_parsed(
                remote_agent_connecting_identity, ParticipantIdentity
            ),
            host=_parsed(host, EquosSessionHost),
            max_duration=max_duration,
            additional_ctx=additional_ctx,
            template_vars=_parsed(template_vars, TemplateVars),
        )
        response = await self._client._request(
            CREATE, create_session._get_kwargs(body=body), timeout=timeout
        )
        return self._client._parse(CREATE, response, CreateSessionResponse.from_dict)

    async def get(self, session_id: str, *, timeout: TimeoutTypes = None) -> EquosSession | None:
        """The session, or None when Equos does not know it."""
        _SESSION_ID.check(GET, "session_id", session_id)
        response = await self._client._request(
            GET, get_session._get_kwargs(session_id), timeout=timeout
        )
        return _nullable_session(self._client, GET, response)

    async def stop(self, session_id: str, *, timeout: TimeoutTypes = None) -> EquosSession | None:
        """Stop the session; None when it was already stopped or is unknown."""
        _STOP_ID.check(STOP, "session_id", session_id)
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
        _TAKE.rule.check(LIST, "page_size", page_size)
        _CLIENT_QUERY.check(LIST, "client", client)
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


def _reference(value: object) -> object:
    """An existing avatar or agent given by its id (a string) as its wire reference."""
    return {"id": value} if isinstance(value, str) else value


def _resource(value: Any, create_rule: Any, create: type[Any]) -> Any:
    """The checked `avatar`/`agent` dict as the generated model of the alternative it is."""
    if create_rule.problem("", value, 0) is None:
        return create.from_dict(value)
    return ResourceReference.from_dict(value)


def _parsed(value: Mapping[str, Any] | None, model: type[Any]) -> Any:
    """A checked nested dict as its generated request model (None stays None)."""
    return None if value is None else model.from_dict(dict(value))
