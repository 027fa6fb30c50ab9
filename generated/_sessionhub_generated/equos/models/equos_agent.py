from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.agent_model import AgentModel
from ..models.agent_provider import AgentProvider
from ..models.agent_voice import AgentVoice

_AGENT_PROVIDER_BY_VALUE: dict[str, AgentProvider] = {
    member.value: member for member in AgentProvider
}
_AGENT_MODEL_BY_VALUE: dict[str, AgentModel] = {
    member.value: member for member in AgentModel
}
_AGENT_VOICE_BY_VALUE: dict[str, AgentVoice] = {
    member.value: member for member in AgentVoice
}
_datetime_fromisoformat = datetime.datetime.fromisoformat


T = TypeVar("T", bound="EquosAgent")


@_attrs_define
class EquosAgent:
    """An agent, as embedded in a session.

    Attributes:
        id (str): Agent id.
        organization_id (str): Id of the organization that owns the agent.
        provider (AgentProvider): Who runs the agent's voice model.
        search (bool): Whether the agent may search the web (inference from the name).
        emotions (bool): Whether the avatar shows emotions (inference from the name).
        memory (bool): Whether the agent remembers earlier sessions (inference from the name).
        created_at (datetime.datetime): When the agent was created.
        updated_at (datetime.datetime): When the agent last changed.
        name (None | str): Agent name.
        client (None | str): Your own identifier for the agent.
        model (AgentModel | None): The realtime model the agent runs on.
        voice (AgentVoice | None): The agent's voice.
        instructions (None | str): System prompt.
        greeting_msg (None | str): What the agent says first.
        remote_id (None | str): Id of an agent hosted at the provider, e.g. an ElevenLabs agent (inference).
    """

    id: str
    organization_id: str
    provider: AgentProvider
    search: bool
    emotions: bool
    memory: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    name: None | str = None
    client: None | str = None
    model: AgentModel | None = None
    voice: AgentVoice | None = None
    instructions: None | str = None
    greeting_msg: None | str = None
    remote_id: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        organization_id = self.organization_id

        provider = self.provider.value

        search = self.search

        emotions = self.emotions

        memory = self.memory

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        name: None | str
        name = self.name

        client: None | str
        client = self.client

        model: None | str
        if isinstance(self.model, AgentModel):
            model = self.model.value
        else:
            model = self.model

        voice: None | str
        if isinstance(self.voice, AgentVoice):
            voice = self.voice.value
        else:
            voice = self.voice

        instructions: None | str
        instructions = self.instructions

        greeting_msg: None | str
        greeting_msg = self.greeting_msg

        remote_id: None | str
        remote_id = self.remote_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "organizationId": organization_id,
                "provider": provider,
                "search": search,
                "emotions": emotions,
                "memory": memory,
                "createdAt": created_at,
                "updatedAt": updated_at,
                "name": name,
                "client": client,
                "model": model,
                "voice": voice,
                "instructions": instructions,
                "greetingMsg": greeting_msg,
                "remoteId": remote_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "EquosAgent: expected a JSON object, got " + type(src_dict).__name__
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

        provider = _AGENT_PROVIDER_BY_VALUE.get(d.pop("provider")) or AgentProvider(
            d.pop("provider")
        )

        search = d.pop("search")
        if not (search is True or search is False):
            raise TypeError("search: unexpected " + type(search).__name__)

        emotions = d.pop("emotions")
        if not (emotions is True or emotions is False):
            raise TypeError("emotions: unexpected " + type(emotions).__name__)

        memory = d.pop("memory")
        if not (memory is True or memory is False):
            raise TypeError("memory: unexpected " + type(memory).__name__)

        created_at = _datetime_fromisoformat(d.pop("createdAt"))

        updated_at = _datetime_fromisoformat(d.pop("updatedAt"))

        name: None | str = d.pop("name", None)
        if not (isinstance(name, str) or name is None):
            raise TypeError("name: unexpected " + type(name).__name__)

        client: None | str = d.pop("client", None)
        if not (isinstance(client, str) or client is None):
            raise TypeError("client: unexpected " + type(client).__name__)

        _model_value = d.pop("model", None)
        model: AgentModel | None
        if _model_value is None:
            model = _model_value
        else:
            if not isinstance(_model_value, str):
                raise TypeError("model: unexpected " + type(_model_value).__name__)
            model_type_1 = _AGENT_MODEL_BY_VALUE.get(_model_value) or AgentModel(
                _model_value
            )

            model = model_type_1

        _voice_value = d.pop("voice", None)
        voice: AgentVoice | None
        if _voice_value is None:
            voice = _voice_value
        else:
            if not isinstance(_voice_value, str):
                raise TypeError("voice: unexpected " + type(_voice_value).__name__)
            voice_type_1 = _AGENT_VOICE_BY_VALUE.get(_voice_value) or AgentVoice(
                _voice_value
            )

            voice = voice_type_1

        instructions: None | str = d.pop("instructions", None)
        if not (isinstance(instructions, str) or instructions is None):
            raise TypeError("instructions: unexpected " + type(instructions).__name__)

        greeting_msg: None | str = d.pop("greetingMsg", None)
        if not (isinstance(greeting_msg, str) or greeting_msg is None):
            raise TypeError("greetingMsg: unexpected " + type(greeting_msg).__name__)

        remote_id: None | str = d.pop("remoteId", None)
        if not (isinstance(remote_id, str) or remote_id is None):
            raise TypeError("remoteId: unexpected " + type(remote_id).__name__)

        equos_agent = cls(
            id,
            organization_id,
            provider,
            search,
            emotions,
            memory,
            created_at,
            updated_at,
            name,
            client,
            model,
            voice,
            instructions,
            greeting_msg,
            remote_id,
        )

        equos_agent.additional_properties = d
        return equos_agent

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
