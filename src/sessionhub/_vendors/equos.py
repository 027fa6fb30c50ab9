"""Equos v3 avatar sessions: the `Equos` client and its `sessions` resource.

Equos answers "not found" (get) and "already stopped or not found" (stop) with HTTP 200
and a null session, most likely as an empty body (NestJS sends `null` as zero bytes);
both an empty body and the JSON literal `null` are read as "no session". sessionhub's
not-found policy, the same for the four vendors: `get` of an unknown session raises
NotFoundError (here with the vendor's status, 200, in `status_code`); `stop` returns None
when Equos answers null, since Equos cannot tell "unknown" from "already stopped".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Unpack

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

from .._client import BaseClient, credential
from .._exceptions import NotFoundError
from .._operation import Operation
from .._options import ClientOptions, RequestOptions
from .._pagination import AsyncPaginator, EquosPage
from .._raw import to_raw
from .._resource import APIResource
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
    "EquosSessionsWithRawResponse",
    "EquosTranscript",
    "EquosTranscriptEntry",
    "ParticipantIdentityDict",
    "ResourceReference",
    "ResourceReferenceDict",
    "Session",
    "TemplateVars",
]

# The one session model of this module is `Session` (as in the other three); the generated
# name stays importable as an alias.
Session = EquosSession

_OPS = spec.OPERATIONS
CREATE = Operation.of("equos", "sessions.create", _OPS, "create_session", idempotent=False)
GET = Operation.of("equos", "sessions.get", _OPS, "get_session", idempotent=True)
LIST = Operation.of("equos", "sessions.list", _OPS, "list_sessions", idempotent=True)
# Documented as safe to repeat: stopping a stopped session returns null, not an error.
STOP = Operation.of("equos", "sessions.stop", _OPS, "stop_session", idempotent=True)

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
    and is sent as `x-api-key`.

    Keyword options (timeouts, retries, response size, headers, hooks, ...) are those of
    `sessionhub.ClientOptions`: see `help(sessionhub.ClientOptions)`.
    """

    _vendor = "equos"
    _default_base_url: ClassVar[str] = "https://api.equos.ai"
    _request_id_header = "x-request-id"
    _error_details = staticmethod(_equos_error)

    def __init__(self, *, api_key: str | None = None, **options: Unpack[ClientOptions]) -> None:
        key = credential(api_key, argument="api_key", env="EQUOS_API_KEY", vendor="equos")
        super().__init__({"x-api-key": key}, (key,), options)

    def _bind(self) -> None:
        self.sessions = EquosSessions(self)


class EquosSessions(APIResource[Equos]):
    """`client.sessions`: create, get, list and stop avatar sessions."""

    @property
    def with_raw_response(self) -> EquosSessionsWithRawResponse:
        """The same methods, returning a `RawResponse` (status, headers, request id,
        elapsed) whose `parse()` gives the model."""
        return EquosSessionsWithRawResponse(self)

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
        **options: Unpack[RequestOptions],
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
        kwargs = create_session._get_kwargs(body=body)
        return await self._call(CREATE, kwargs, options, CreateSessionResponse.from_dict)

    async def get(self, session_id: str, **options: Unpack[RequestOptions]) -> Session:
        """The session; NotFoundError when Equos does not know it (it answers 200 null)."""
        _SESSION_ID.check(GET, "session_id", session_id)
        reply = await self._send(GET, get_session._get_kwargs(session_id), options)
        session = _nullable_session(self._client, GET, reply)
        if session is None:
            raise NotFoundError(
                f"no session {session_id!r} (Equos answered 200 with a null session, its "
                "way of saying not found); check the id",
                vendor="equos",
                operation=GET.name,
                response=reply.to_httpx(),
                request_id=reply.headers.get(Equos._request_id_header),
            )
        return session

    async def stop(self, session_id: str, **options: Unpack[RequestOptions]) -> Session | None:
        """Stop the session and return it; None when Equos answers null, which it does both
        for a session already stopped and for an unknown one (it cannot tell them apart)."""
        _STOP_ID.check(STOP, "session_id", session_id)
        reply = await self._send(STOP, stop_session._get_kwargs(session_id), options)
        return _nullable_session(self._client, STOP, reply)

    def list(
        self,
        *,
        client: str | None = None,
        page_size: int | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[Session]:
        """Every session (optionally of one end-user `client`), `page_size` (take) 1..50
        (None: Equos's default, 20, or `limit` if smaller)."""
        if page_size is not None:
            _TAKE.rule.check(LIST, "page_size", page_size)
        _CLIENT_QUERY.check(LIST, "client", client)
        if limit is not None:
            check_int(LIST, "limit", limit, minimum=0)
        if page_size is None:
            page_size = DEFAULT_TAKE if limit is None else max(1, min(limit, MAX_TAKE))
        take = page_size

        async def fetch(skip: int) -> EquosPage[Session]:
            kwargs = list_sessions._get_kwargs(
                take=take, skip=skip, client_query=UNSET if client is None else client
            )
            page = await self._call(
                LIST, kwargs, options, ListSessionsResponse.from_dict, items="sessions"
            )
            return EquosPage(page.sessions, skip, page.skip, page.total)

        return AsyncPaginator(
            fetch, 0, vendor="equos", operation=LIST.name, limit=limit, page_key=_session_id
        )


class EquosSessionsWithRawResponse:
    """`client.sessions.with_raw_response`: each method returns a `RawResponse`."""

    def __init__(self, sessions: EquosSessions) -> None:
        header = Equos._request_id_header
        self.create = to_raw(sessions.create, header)
        self.get = to_raw(sessions.get, header)
        self.stop = to_raw(sessions.stop, header)


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
