from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.create_agent_request import CreateAgentRequest
from ..models.create_avatar_request import CreateAvatarRequest
from ..models.equos_session_host import EquosSessionHost
from ..models.participant_identity import ParticipantIdentity
from ..models.resource_reference import ResourceReference
from ..models.template_vars import TemplateVars
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateSessionRequest")


@_attrs_define
class CreateSessionRequest:
    """Body of `create_session`. Upstream name `CreateEquosSessionRequest`. Leave optional
    fields out rather than sending `null` (PY1 omits them).

        Attributes:
            name (str): Session name.
            avatar (CreateAvatarRequest | ResourceReference): Either an existing avatar (`{id}`) or a new avatar created on
                the fly.
            client (str | Unset): Your own identifier of the end user (or other segment) this session is for. Use it
                to filter `list_sessions`.
            host (EquosSessionHost | Unset): Your own LiveKit server and a token for the avatar (request side of `host`).
            max_duration (int | Unset): Maximum session length in seconds; must be below the organization's limit.
                Upstream declares `number`; PY1 sends an integer.
            additional_ctx (str | Unset): Extra context for the agent (inference: renamed `promptCtx` in the successor
                conversations API).
            template_vars (TemplateVars | Unset): Template variables, name to value, for the agent's prompt (inference:
                renamed
                `promptTemplateVars` in the successor conversations API).
            agent (CreateAgentRequest | ResourceReference | Unset): Either an existing agent (`{id}`) or a new agent created
                on the fly. Leave out
                when you bring your own agent (then send `remoteAgentConnectingIdentity`).
            remote_agent_connecting_identity (ParticipantIdentity | Unset): A LiveKit participant. Upstream name
                `EquosParticipantIdentity`.
            consumer_identity (ParticipantIdentity | Unset): A LiveKit participant. Upstream name
                `EquosParticipantIdentity`.
    """

    name: str
    avatar: CreateAvatarRequest | ResourceReference
    client: str | Unset = UNSET
    host: EquosSessionHost | Unset = UNSET
    max_duration: int | Unset = UNSET
    additional_ctx: str | Unset = UNSET
    template_vars: TemplateVars | Unset = UNSET
    agent: CreateAgentRequest | ResourceReference | Unset = UNSET
    remote_agent_connecting_identity: ParticipantIdentity | Unset = UNSET
    consumer_identity: ParticipantIdentity | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        avatar: dict[str, Any]
        if isinstance(self.avatar, CreateAvatarRequest):
            avatar = self.avatar.to_dict()
        else:
            avatar = self.avatar.to_dict()

        client = self.client

        host: dict[str, Any] | Unset = UNSET
        if not isinstance(self.host, Unset):
            host = self.host.to_dict()

        max_duration = self.max_duration

        additional_ctx = self.additional_ctx

        template_vars: dict[str, Any] | Unset = UNSET
        if not isinstance(self.template_vars, Unset):
            template_vars = self.template_vars.to_dict()

        agent: dict[str, Any] | Unset
        if isinstance(self.agent, Unset):
            agent = UNSET
        elif isinstance(self.agent, CreateAgentRequest):
            agent = self.agent.to_dict()
        else:
            agent = self.agent.to_dict()

        remote_agent_connecting_identity: dict[str, Any] | Unset = UNSET
        if not isinstance(self.remote_agent_connecting_identity, Unset):
            remote_agent_connecting_identity = (
                self.remote_agent_connecting_identity.to_dict()
            )

        consumer_identity: dict[str, Any] | Unset = UNSET
        if not isinstance(self.consumer_identity, Unset):
            consumer_identity = self.consumer_identity.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "avatar": avatar,
            }
        )
        if client is not UNSET:
            field_dict["client"] = client
        if host is not UNSET:
            field_dict["host"] = host
        if max_duration is not UNSET:
            field_dict["maxDuration"] = max_duration
        if additional_ctx is not UNSET:
            field_dict["additionalCtx"] = additional_ctx
        if template_vars is not UNSET:
            field_dict["templateVars"] = template_vars
        if agent is not UNSET:
            field_dict["agent"] = agent
        if remote_agent_connecting_identity is not UNSET:
            field_dict["remoteAgentConnectingIdentity"] = (
                remote_agent_connecting_identity
            )
        if consumer_identity is not UNSET:
            field_dict["consumerIdentity"] = consumer_identity

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "CreateSessionRequest: expected a JSON object, got "
                + type(src_dict).__name__
            )
        d = dict(src_dict)
        name = d.pop("name")
        if not isinstance(name, str):
            raise TypeError("name: unexpected " + type(name).__name__)

        def _parse_avatar(data: object) -> CreateAvatarRequest | ResourceReference:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                avatar_type_0 = CreateAvatarRequest.from_dict(data)

                return avatar_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            avatar_type_1 = ResourceReference.from_dict(data)

            return avatar_type_1

        avatar = _parse_avatar(d.pop("avatar"))

        client = d.pop("client", UNSET)
        if not (isinstance(client, str) or client is UNSET):
            raise TypeError("client: unexpected " + type(client).__name__)

        _host = d.pop("host", UNSET)
        host: EquosSessionHost | Unset
        if isinstance(_host, Unset):
            host = UNSET
        else:
            host = EquosSessionHost.from_dict(_host)

        max_duration = d.pop("maxDuration", UNSET)
        if not (
            (
                isinstance(max_duration, int)
                and max_duration is not True
                and max_duration is not False
            )
            or max_duration is UNSET
        ):
            raise TypeError("maxDuration: unexpected " + type(max_duration).__name__)

        additional_ctx = d.pop("additionalCtx", UNSET)
        if not (isinstance(additional_ctx, str) or additional_ctx is UNSET):
            raise TypeError(
                "additionalCtx: unexpected " + type(additional_ctx).__name__
            )

        _template_vars = d.pop("templateVars", UNSET)
        template_vars: TemplateVars | Unset
        if isinstance(_template_vars, Unset):
            template_vars = UNSET
        else:
            template_vars = TemplateVars.from_dict(_template_vars)

        def _parse_agent(
            data: object,
        ) -> CreateAgentRequest | ResourceReference | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                agent_type_0 = CreateAgentRequest.from_dict(data)

                return agent_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            agent_type_1 = ResourceReference.from_dict(data)

            return agent_type_1

        agent = _parse_agent(d.pop("agent", UNSET))

        _remote_agent_connecting_identity = d.pop(
            "remoteAgentConnectingIdentity", UNSET
        )
        remote_agent_connecting_identity: ParticipantIdentity | Unset
        if isinstance(_remote_agent_connecting_identity, Unset):
            remote_agent_connecting_identity = UNSET
        else:
            remote_agent_connecting_identity = ParticipantIdentity.from_dict(
                _remote_agent_connecting_identity
            )

        _consumer_identity = d.pop("consumerIdentity", UNSET)
        consumer_identity: ParticipantIdentity | Unset
        if isinstance(_consumer_identity, Unset):
            consumer_identity = UNSET
        else:
            consumer_identity = ParticipantIdentity.from_dict(_consumer_identity)

        create_session_request = cls(
            name,
            avatar,
            client,
            host,
            max_duration,
            additional_ctx,
            template_vars,
            agent,
            remote_agent_connecting_identity,
            consumer_identity,
        )

        create_session_request.additional_properties = d
        return create_session_request

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
