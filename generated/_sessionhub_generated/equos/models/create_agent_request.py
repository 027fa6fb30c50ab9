from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.agent_model import AgentModel
from ..models.agent_provider import AgentProvider
from ..models.agent_voice import AgentVoice
from ..types import UNSET, Unset

_AGENT_PROVIDER_BY_VALUE: dict[str, AgentProvider] = {
    member.value: member for member in AgentProvider
}
_AGENT_MODEL_BY_VALUE: dict[str, AgentModel] = {
    member.value: member for member in AgentModel
}
_AGENT_VOICE_BY_VALUE: dict[str, AgentVoice] = {
    member.value: member for member in AgentVoice
}


T = TypeVar("T", bound="CreateAgentRequest")


@_attrs_define
class CreateAgentRequest:
    """A new agent created with the session. Upstream name `CreateEquosAgentRequest`. Told
    apart from `ResourceReference` by its required `provider`.

        Attributes:
            provider (AgentProvider): Who runs the agent's voice model.
            name (str | Unset): Agent name.
            client (None | str | Unset): Your own identifier for the agent. Upstream declares `object` (a NestJS artefact);
                PY1 sends a string.
            model (AgentModel | Unset): Realtime model of an agent. On `create_session` upstream accepts only
                `gemini-2.5-flash-native-audio-preview-09-2025`; the OpenAI models appear only on
                existing agents. Equos adds models over time; sessionhub keeps unknown values.
            voice (AgentVoice | Unset): Voice of an agent. On `create_session` upstream accepts only the 30 Gemini voices
                (`Puck` to `Callirrhoe`); the 10 OpenAI voices (`alloy` to `verse`) appear only on
                existing agents. Equos adds voices over time; sessionhub keeps unknown values.
            instructions (str | Unset): System prompt.
            greeting_msg (str | Unset): What the agent says first.
            remote_id (str | Unset): Id of an agent hosted at the provider, e.g. an ElevenLabs agent (inference).
            search (bool | Unset): Lets the agent search the web (inference from the name). PY1 sends false by default; the
                server default is not documented.
            emotions (bool | Unset): Lets the avatar show emotions (inference from the name). PY1 sends false by default;
                the server default is not documented.
            memory (bool | Unset): Lets the agent remember earlier sessions (inference from the name). PY1 sends false by
                default; the server default is not documented.
    """

    provider: AgentProvider
    name: str | Unset = UNSET
    client: None | str | Unset = UNSET
    model: AgentModel | Unset = UNSET
    voice: AgentVoice | Unset = UNSET
    instructions: str | Unset = UNSET
    greeting_msg: str | Unset = UNSET
    remote_id: str | Unset = UNSET
    search: bool | Unset = UNSET
    emotions: bool | Unset = UNSET
    memory: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        provider = self.provider.value

        name = self.name

        client: None | str | Unset
        if isinstance(self.client, Unset):
            client = UNSET
        else:
            client = self.client

        model: str | Unset = UNSET
        if not isinstance(self.model, Unset):
            model = self.model.value

        voice: str | Unset = UNSET
        if not isinstance(self.voice, Unset):
            voice = self.voice.value

        instructions = self.instructions

        greeting_msg = self.greeting_msg

        remote_id = self.remote_id

        search = self.search

        emotions = self.emotions

        memory = self.memory

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "provider": provider,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if client is not UNSET:
            field_dict["client"] = client
        if model is not UNSET:
            field_dict["model"] = model
        if voice is not UNSET:
            field_dict["voice"] = voice
        if instructions is not UNSET:
            field_dict["instructions"] = instructions
        if greeting_msg is not UNSET:
            field_dict["greetingMsg"] = greeting_msg
        if remote_id is not UNSET:
            field_dict["remoteId"] = remote_id
        if search is not UNSET:
            field_dict["search"] = search
        if emotions is not UNSET:
            field_dict["emotions"] = emotions
        if memory is not UNSET:
            field_dict["memory"] = memory

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "CreateAgentRequest: expected a JSON object, got "
                + type(src_dict).__name__
            )
        d = dict(src_dict)
        provider = _AGENT_PROVIDER_BY_VALUE.get(d.pop("provider")) or AgentProvider(
            d.pop("provider")
        )

        name = d.pop("name", UNSET)
        if not (isinstance(name, str) or name is UNSET):
            raise TypeError("name: unexpected " + type(name).__name__)

        client: None | str | Unset = d.pop("client", UNSET)
        if not (isinstance(client, str) or client is None or client is UNSET):
            raise TypeError("client: unexpected " + type(client).__name__)

        _model = d.pop("model", UNSET)
        model: AgentModel | Unset
        if isinstance(_model, Unset):
            model = UNSET
        else:
            model = _AGENT_MODEL_BY_VALUE.get(_model) or AgentModel(_model)

        _voice = d.pop("voice", UNSET)
        voice: AgentVoice | Unset
        if isinstance(_voice, Unset):
            voice = UNSET
        else:
            voice = _AGENT_VOICE_BY_VALUE.get(_voice) or AgentVoice(_voice)

        instructions = d.pop("instructions", UNSET)
        if not (isinstance(instructions, str) or instructions is UNSET):
            raise TypeError("instructions: unexpected " + type(instructions).__name__)

        greeting_msg = d.pop("greetingMsg", UNSET)
        if not (isinstance(greeting_msg, str) or greeting_msg is UNSET):
            raise TypeError("greetingMsg: unexpected " + type(greeting_msg).__name__)

        remote_id = d.pop("remoteId", UNSET)
        if not (isinstance(remote_id, str) or remote_id is UNSET):
            raise TypeError("remoteId: unexpected " + type(remote_id).__name__)

        search = d.pop("search", UNSET)
        if not ((search is True or search is False) or search is UNSET):
            raise TypeError("search: unexpected " + type(search).__name__)

        emotions = d.pop("emotions", UNSET)
        if not ((emotions is True or emotions is False) or emotions is UNSET):
            raise TypeError("emotions: unexpected " + type(emotions).__name__)

        memory = d.pop("memory", UNSET)
        if not ((memory is True or memory is False) or memory is UNSET):
            raise TypeError("memory: unexpected " + type(memory).__name__)

        create_agent_request = cls(
            provider,
            name,
            client,
            model,
            voice,
            instructions,
            greeting_msg,
            remote_id,
            search,
            emotions,
            memory,
        )

        create_agent_request.additional_properties = d
        return create_agent_request

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
