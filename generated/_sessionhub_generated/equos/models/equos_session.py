from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.equos_agent import EquosAgent
from ..models.equos_avatar import EquosAvatar
from ..models.equos_session_server import EquosSessionServer
from ..models.equos_transcript import EquosTranscript
from ..models.resource_reference import ResourceReference
from ..models.template_vars import TemplateVars

_datetime_fromisoformat = datetime.datetime.fromisoformat


T = TypeVar("T", bound="EquosSession")


@_attrs_define
class EquosSession:
    """An avatar session.

    Attributes:
        id (str): Session id. Opaque; the samples use 25-character cuids.
        organization_id (str): Id of the organization that owns the session.
        freemium (bool): Whether the session runs under the free allowance (inference from the name).
        name (str): Session name, as given to `create_session`.
        provider (str): Session provider. Uncertain: the values are not documented (the samples' `"equos"`
            is a placeholder); sessionhub keeps it an open string.
        status (str): Lifecycle status. Uncertain: only `starting` (right after creation) is documented;
            the sample's `ended` is a reconstruction, and the successor conversations API uses
            `running`, `blocked`, `ended` and `error`. sessionhub keeps it an open string.
        host (EquosSessionServer): The LiveKit server of a session (response side of `host`).
        avatar (EquosAvatar): An avatar, as embedded in a session.
        started_at (datetime.datetime): When the session started.
        created_at (datetime.datetime): When the session was created.
        updated_at (datetime.datetime): When the session last changed.
        client (None | str): Your own identifier given to `create_session`, the same value `list_sessions` filters on.
        max_duration (int | None): Maximum session length in seconds (upstream `number`).
        additional_ctx (None | str): Extra context given to the agent.
        template_vars (None | TemplateVars): Template variables for the agent's prompt. Upstream declares a free-form
            object;
            NODE2 and PY1 type it as a map of strings.
        avatar_id (None | str): Id of the avatar. Uncertain: upstream leaves it optional, while PY1 and NODE2
            treat it as always present; sessionhub reads it as optional and nullable. The
            same id is in `avatar.id`.
        agent_id (None | str): Id of the Equos agent, or null when you bring your own agent.
        agent (EquosAgent | None): The Equos agent, or null when you bring your own agent.
        knowledge_base_id (None | str): Id of the knowledge base the agent uses, if any (v3 only).
        knowledge_base (None | ResourceReference): The knowledge base, if any (v3 only). Uncertain: upstream declares
            `{id}`, NODE2
            types it as the full knowledge-base object; sessionhub reads `{id}` and keeps any
            other fields as additional properties.
        remote_agent_identity (None | str): LiveKit identity of your own agent, when the session was created with
            `remoteAgentConnectingIdentity`. Upstream declares `object` (a NestJS artefact);
            PY1, NODE2 and BROWSER type it as a string.
        transcript (EquosTranscript | None): What was said in the session, or null. Upstream declares a free-form
            object;
            the shape is NODE2's (2.1.3 and later).
        ended_at (datetime.datetime | None): When the session ended; null while it runs.
    """

    id: str
    organization_id: str
    freemium: bool
    name: str
    provider: str
    status: str
    host: EquosSessionServer
    avatar: EquosAvatar
    started_at: datetime.datetime
    created_at: datetime.datetime
    updated_at: datetime.datetime
    client: None | str = None
    max_duration: int | None = None
    additional_ctx: None | str = None
    template_vars: None | TemplateVars = None
    avatar_id: None | str = None
    agent_id: None | str = None
    agent: EquosAgent | None = None
    knowledge_base_id: None | str = None
    knowledge_base: None | ResourceReference = None
    remote_agent_identity: None | str = None
    transcript: EquosTranscript | None = None
    ended_at: datetime.datetime | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        organization_id = self.organization_id

        freemium = self.freemium

        name = self.name

        provider = self.provider

        status = self.status

        host = self.host.to_dict()

        avatar = self.avatar.to_dict()

        started_at = self.started_at.isoformat()

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        client: None | str
        client = self.client

        max_duration: int | None
        max_duration = self.max_duration

        additional_ctx: None | str
        additional_ctx = self.additional_ctx

        template_vars: dict[str, Any] | None
        if isinstance(self.template_vars, TemplateVars):
            template_vars = self.template_vars.to_dict()
        else:
            template_vars = self.template_vars

        avatar_id: None | str
        avatar_id = self.avatar_id

        agent_id: None | str
        agent_id = self.agent_id

        agent: dict[str, Any] | None
        if isinstance(self.agent, EquosAgent):
            agent = self.agent.to_dict()
        else:
            agent = self.agent

        knowledge_base_id: None | str
        knowledge_base_id = self.knowledge_base_id

        knowledge_base: dict[str, Any] | None
        if isinstance(self.knowledge_base, ResourceReference):
            knowledge_base = self.knowledge_base.to_dict()
        else:
            knowledge_base = self.knowledge_base

        remote_agent_identity: None | str
        remote_agent_identity = self.remote_agent_identity

        transcript: dict[str, Any] | None
        if isinstance(self.transcript, EquosTranscript):
            transcript = self.transcript.to_dict()
        else:
            transcript = self.transcript

        ended_at: None | str
        if isinstance(self.ended_at, datetime.datetime):
            ended_at = self.ended_at.isoformat()
        else:
            ended_at = self.ended_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "organizationId": organization_id,
                "freemium": freemium,
                "name": name,
                "provider": provider,
                "status": status,
                "host": host,
                "avatar": avatar,
                "startedAt": started_at,
                "createdAt": created_at,
                "updatedAt": updated_at,
                "client": client,
                "maxDuration": max_duration,
                "additionalCtx": additional_ctx,
                "templateVars": template_vars,
                "avatarId": avatar_id,
                "agentId": agent_id,
                "agent": agent,
                "knowledgeBaseId": knowledge_base_id,
                "knowledgeBase": knowledge_base,
                "remoteAgentIdentity": remote_agent_identity,
                "transcript": transcript,
                "endedAt": ended_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "EquosSession: expected a JSON object, got " + type(src_dict).__name__
            )
        d = dict(src_dict)
        id = d.pop("id")
        if not isinstance(id, str):
            raise TypeError("id: unexpected " + type(id).__name__)

        organization_id = d.pop("organizationId")
        if not isinstance(organization_id, str):
            raise TypeError(
                "organizationId: unexpected " + type(organization_id).__name__
            )

        freemium = d.pop("freemium")
        if not (freemium is True or freemium is False):
            raise TypeError("freemium: unexpected " + type(freemium).__name__)

        name = d.pop("name")
        if not isinstance(name, str):
            raise TypeError("name: unexpected " + type(name).__name__)

        provider = d.pop("provider")
        if not isinstance(provider, str):
            raise TypeError("provider: unexpected " + type(provider).__name__)

        status = d.pop("status")
        if not isinstance(status, str):
            raise TypeError("status: unexpected " + type(status).__name__)

        host = EquosSessionServer.from_dict(d.pop("host"))

        avatar = EquosAvatar.from_dict(d.pop("avatar"))

        started_at = _datetime_fromisoformat(d.pop("startedAt"))

        created_at = _datetime_fromisoformat(d.pop("createdAt"))

        updated_at = _datetime_fromisoformat(d.pop("updatedAt"))

        client: None | str = d.pop("client", None)
        if not (isinstance(client, str) or client is None):
            raise TypeError("client: unexpected " + type(client).__name__)

        max_duration: int | None = d.pop("maxDuration", None)
        if not (
            (
                isinstance(max_duration, int)
                and max_duration is not True
                and max_duration is not False
            )
            or max_duration is None
        ):
            raise TypeError("maxDuration: unexpected " + type(max_duration).__name__)

        additional_ctx: None | str = d.pop("additionalCtx", None)
        if not (isinstance(additional_ctx, str) or additional_ctx is None):
            raise TypeError(
                "additionalCtx: unexpected " + type(additional_ctx).__name__
            )

        _template_vars_value = d.pop("templateVars", None)
        template_vars: None | TemplateVars
        if _template_vars_value is None:
            template_vars = _template_vars_value
        else:
            if not isinstance(_template_vars_value, dict):
                raise TypeError(
                    "templateVars: unexpected " + type(_template_vars_value).__name__
                )
            template_vars_type_1 = TemplateVars.from_dict(_template_vars_value)

            template_vars = template_vars_type_1

        avatar_id: None | str = d.pop("avatarId", None)
        if not (isinstance(avatar_id, str) or avatar_id is None):
            raise TypeError("avatarId: unexpected " + type(avatar_id).__name__)

        agent_id: None | str = d.pop("agentId", None)
        if not (isinstance(agent_id, str) or agent_id is None):
            raise TypeError("agentId: unexpected " + type(agent_id).__name__)

        _agent_value = d.pop("agent", None)
        agent: EquosAgent | None
        if _agent_value is None:
            agent = _agent_value
        else:
            if not isinstance(_agent_value, dict):
                raise TypeError("agent: unexpected " + type(_agent_value).__name__)
            agent_type_1 = EquosAgent.from_dict(_agent_value)

            agent = agent_type_1

        knowledge_base_id: None | str = d.pop("knowledgeBaseId", None)
        if not (isinstance(knowledge_base_id, str) or knowledge_base_id is None):
            raise TypeError(
                "knowledgeBaseId: unexpected " + type(knowledge_base_id).__name__
            )

        _knowledge_base_value = d.pop("knowledgeBase", None)
        knowledge_base: None | ResourceReference
        if _knowledge_base_value is None:
            knowledge_base = _knowledge_base_value
        else:
            if not isinstance(_knowledge_base_value, dict):
                raise TypeError(
                    "knowledgeBase: unexpected " + type(_knowledge_base_value).__name__
                )
            knowledge_base_type_1 = ResourceReference.from_dict(_knowledge_base_value)

            knowledge_base = knowledge_base_type_1

        remote_agent_identity: None | str = d.pop("remoteAgentIdentity", None)
        if not (
            isinstance(remote_agent_identity, str) or remote_agent_identity is None
        ):
            raise TypeError(
                "remoteAgentIdentity: unexpected "
                + type(remote_agent_identity).__name__
            )

        _transcript_value = d.pop("transcript", None)
        transcript: EquosTranscript | None
        if _transcript_value is None:
            transcript = _transcript_value
        else:
            if not isinstance(_transcript_value, dict):
                raise TypeError(
                    "transcript: unexpected " + type(_transcript_value).__name__
                )
            transcript_type_1 = EquosTranscript.from_dict(_transcript_value)

            transcript = transcript_type_1

        _ended_at_value = d.pop("endedAt", None)
        ended_at: datetime.datetime | None
        if _ended_at_value is None:
            ended_at = _ended_at_value
        else:
            if not isinstance(_ended_at_value, str):
                raise TypeError("endedAt: unexpected " + type(_ended_at_value).__name__)
            ended_at_type_0 = _datetime_fromisoformat(_ended_at_value)

            ended_at = ended_at_type_0

        equos_session = cls(
            id,
            organization_id,
            freemium,
            name,
            provider,
            status,
            host,
            avatar,
            started_at,
            created_at,
            updated_at,
            client,
            max_duration,
            additional_ctx,
            template_vars,
            avatar_id,
            agent_id,
            agent,
            knowledge_base_id,
            knowledge_base,
            remote_agent_identity,
            transcript,
            ended_at,
        )

        equos_session.additional_properties = d
        return equos_session

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
