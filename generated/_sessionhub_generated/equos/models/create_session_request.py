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

T = TypeVar("T", bound="CreateSessionRequest")


@_attrs_define
class CreateSessionRequest:
    """Body of `create_session`. Upstream name `CreateEquosSessionRequest`. Leave optional
    fields out rather than sending `null` (PY1 omits them).

        Attributes:
            name (str): Session name.
            avatar (CreateAvatarRequest | ResourceReference): Either an existing avatar (`{id}`) or a new avatar created on
                the fly.
            client (str | None): Your own identifier of the end user (or other segment) this session is for. Use it
                to filter `list_sessions`.
            host (EquosSessionHost | None): Your own LiveKit server and a token for the avatar (request side of `host`).
            max_duration (int | None): Maximum session length in seconds; must be below the organization's limit.
                Upstream declares `number`; PY1 sends an integer.
            additional_ctx (str | None): Extra context for the agent (inference: renamed `promptCtx` in the successor
                conversations API).
            template_vars (TemplateVars | None): Template variables, name to value, for the agent's prompt (inference:
                renamed
                `promptTemplateVars` in the successor conversations API).
            agent (CreateAgentRequest | ResourceReference | None): Either an existing agent (`{id}`) or a new agent created
                on the fly. Leave out
                when you bring your own agent (then send `remoteAgentConnectingIdentity`).
            remote_agent_connecting_identity (ParticipantIdentity | None): A LiveKit participant. Upstream name
                `EquosParticipantIdentity`.
            consumer_identity (ParticipantIdentity | None): A LiveKit participant. Upstream name `EquosParticipantIdentity`.
    """

    name: str
    avatar: CreateAvatarRequest | ResourceReference
    client: str | None = None
    host: EquosSessionHost | None = None
    max_duration: int | None = None
    additional_ctx: str | None = None
    template_vars: TemplateVars | None = None
    agent: CreateAgentRequest | ResourceReference | None = None
    remote_agent_connecting_identity: ParticipantIdentity | None = None
    consumer_identity: ParticipantIdentity | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        avatar: dict[str, Any]
        if isinstance(self.avatar, CreateAvatarRequest):
            avatar = self.avatar.to_dict()
        else:
            avatar = self.avatar.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "avatar": avatar,
            }
        )
        if self.client is not None:
            client = self.client
            field_dict["client"] = client
        if self.host is not None:
            host = self.host.to_dict()
            field_dict["host"] = host
        if self.max_duration is not None:
            max_duration = self.max_duration
            field_dict["maxDuration"] = max_duration
        if self.additional_ctx is not None:
            additional_ctx = self.additional_ctx
            field_dict["additionalCtx"] = additional_ctx
        if self.template_vars is not None:
            template_vars = self.template_vars.to_dict()
            field_dict["templateVars"] = template_vars
        if self.agent is not None:
            agent: dict[str, Any]
            if isinstance(self.agent, CreateAgentRequest):
                agent = self.agent.to_dict()
            else:
                agent = self.agent.to_dict()

            field_dict["agent"] = agent
        if self.remote_agent_connecting_identity is not None:
            remote_agent_connecting_identity = (
                self.remote_agent_connecting_identity.to_dict()
            )
            field_dict["remoteAgentConnectingIdentity"] = (
                remote_agent_connecting_identity
            )
        if self.consumer_identity is not None:
            consumer_identity = self.consumer_identity.to_dict()
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

        client = d.pop("client", None)
        if not (isinstance(client, str) or client is None):
            raise TypeError("client: unexpected " + type(client).__name__)

        _host_value = d.pop("host", None)
        host: EquosSessionHost | None
        if _host_value is None:
            host = None
        else:
            if not isinstance(_host_value, dict):
                raise TypeError("host: unexpected " + type(_host_value).__name__)
            host = EquosSessionHost.from_dict(_host_value)

        max_duration = d.pop("maxDuration", None)
        if not (
            (
                isinstance(max_duration, int)
                and max_duration is not True
                and max_duration is not False
            )
            or max_duration is None
        ):
            raise TypeError("maxDuration: unexpected " + type(max_duration).__name__)

        additional_ctx = d.pop("additionalCtx", None)
        if not (isinstance(additional_ctx, str) or additional_ctx is None):
            raise TypeError(
                "additionalCtx: unexpected " + type(additional_ctx).__name__
            )

        _template_vars_value = d.pop("templateVars", None)
        template_vars: TemplateVars | None
        if _template_vars_value is None:
            template_vars = None
        else:
            if not isinstance(_template_vars_value, dict):
                raise TypeError(
                    "templateVars: unexpected " + type(_template_vars_value).__name__
                )
            template_vars = TemplateVars.from_dict(_template_vars_value)

        _agent_value = d.pop("agent", None)
        agent: CreateAgentRequest | ResourceReference | None
        if _agent_value is None:
            agent = None
        else:

            def _parse_agent(data: object) -> CreateAgentRequest | ResourceReference:
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

            agent = _parse_agent(_agent_value)

        _remote_agent_connecting_identity_value = d.pop(
            "remoteAgentConnectingIdentity", None
        )
        remote_agent_connecting_identity: ParticipantIdentity | None
        if _remote_agent_connecting_identity_value is None:
            remote_agent_connecting_identity = None
        else:
            if not isinstance(_remote_agent_connecting_identity_value, dict):
                raise TypeError(
                    "remoteAgentConnectingIdentity: unexpected "
                    + type(_remote_agent_connecting_identity_value).__name__
                )
            remote_agent_connecting_identity = ParticipantIdentity.from_dict(
                _remote_agent_connecting_identity_value
            )

        _consumer_identity_value = d.pop("consumerIdentity", None)
        consumer_identity: ParticipantIdentity | None
        if _consumer_identity_value is None:
            consumer_identity = None
        else:
            if not isinstance(_consumer_identity_value, dict):
                raise TypeError(
                    "consumerIdentity: unexpected "
                    + type(_consumer_identity_value).__name__
                )
            consumer_identity = ParticipantIdentity.from_dict(_consumer_identity_value)

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
