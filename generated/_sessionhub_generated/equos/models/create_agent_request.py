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
            name (str | None): Agent name.
            client (None | str | Unset): Your own identifier for the agent. Upstream declares `object` (a NestJS artefact);
                PY1 sends a string.
            model (AgentModel | None): Realtime model of an agent. On `create_session` upstream accepts only
                `gemini-2.5-flash-native-audio-preview-09-2025`; the OpenAI models appear only on
                existing agents. Equos adds models over time; sessionhub keeps unknown values.
            voice (AgentVoice | None): Voice of an agent. On `create_session` upstream accepts only the 30 Gemini voices
                (`Puck` to `Callirrhoe`); the 10 OpenAI voices (`alloy` to `verse`) appear only on
                existing agents. Equos adds voices over time; sessionhub keeps unknown values.
            instructions (str | None): System prompt.
            greeting_msg (str | None): What the agent says first.
            remote_id (str | None): Id of an agent hosted at the provider, e.g. an ElevenLabs agent (inference).
            search (bool | None): Lets the agent search the web (inference from the name). PY1 sends false by default; the
                server default is not documented.
            emotions (bool | None): Lets the avatar show emotions (inference from the name). PY1 sends false by default; the
                server default is not documented.
            memory (bool | None): Lets the agent remember earlier sessions (inference from the name). PY1 sends false by
                default; the server default is not documented.
    """

    provider: AgentProvider
    name: str | None = None
    client: None | str | Unset = UNSET
    model: AgentModel | None = None
    voice: AgentVoice | None = None
    instructions: str | None = None
    greeting_msg: str | None = None
    remote_id: str | None = None
    search: bool | None = None
    emotions: bool | None = None
    memory: bool | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        provider = self.provider.value

        client: None | str | Unset
        if isinstance(self.client, Unset):
            client = UNSET
        else:
            client = self.client

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "provider": provider,
            }
        )
        if self.name is not None:
            name = self.name
            field_dict["name"] = name
        if client is not UNSET:
            field_dict["client"] = client
        if self.model is not None:
            model = self.model.value
            field_dict["model"] = model
        if self.voice is not None:
            voice = self.voice.value
            field_dict["voice"] = voice
        if self.instructions is not None:
            instructions = self.instructions
            field_dict["instructions"] = instructions
        if self.greeting_msg is not None:
            greeting_msg = self.greeting_msg
            field_dict["greetingMsg"] = greeting_msg
        if self.remote_id is not None:
            remote_id = self.remote_id
            field_dict["remoteId"] = remote_id
        if self.search is not None:
            search = self.search
            field_dict["search"] = search
        if self.emotions is not None:
            emotions = self.emotions
            field_dict["emotions"] = emotions
        if self.memory is not None:
            memory = self.memory
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

        name = d.pop("name", None)
        if not (isinstance(name, str) or name is None):
            raise TypeError("name: unexpected " + type(name).__name__)

        client: None | str | Unset = d.pop("client", UNSET)
        if not (isinstance(client, str) or client is None or client is UNSET):
            raise TypeError("client: unexpected " + type(client).__name__)

        _model_value = d.pop("model", None)
        model: AgentModel | None
        if _model_value is None:
            model = None
        else:
            if not isinstance(_model_value, str):
                raise TypeError("model: unexpected " + type(_model_value).__name__)
            model = _AGENT_MODEL_BY_VALUE.get(_model_value) or AgentModel(_model_value)

        _voice_value = d.pop("voice", None)
        voice: AgentVoice | None
        if _voice_value is None:
            voice = None
        else:
            if not isinstance(_voice_value, str):
                raise TypeError("voice: unexpected " + type(_voice_value).__name__)
            voice = _AGENT_VOICE_BY_VALUE.get(_voice_value) or AgentVoice(_voice_value)

        instructions = d.pop("instructions", None)
        if not (isinstance(instructions, str) or instructions is None):
            raise TypeError("instructions: unexpected " + type(instructions).__name__)

        greeting_msg = d.pop("greetingMsg", None)
        if not (isinstance(greeting_msg, str) or greeting_msg is None):
            raise TypeError("greetingMsg: unexpected " + type(greeting_msg).__name__)

        remote_id = d.pop("remoteId", None)
        if not (isinstance(remote_id, str) or remote_id is None):
            raise TypeError("remoteId: unexpected " + type(remote_id).__name__)

        search = d.pop("search", None)
        if not ((search is True or search is False) or search is None):
            raise TypeError("search: unexpected " + type(search).__name__)

        emotions = d.pop("emotions", None)
        if not ((emotions is True or emotions is False) or emotions is None):
            raise TypeError("emotions: unexpected " + type(emotions).__name__)

        memory = d.pop("memory", None)
        if not ((memory is True or memory is False) or memory is None):
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
