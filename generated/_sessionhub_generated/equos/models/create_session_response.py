from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.equos_session import EquosSession

T = TypeVar("T", bound="CreateSessionResponse")


@_attrs_define
class CreateSessionResponse:
    """Result of `create_session`. Upstream name `CreateEquosSessionResponse`.

    Attributes:
        session (EquosSession): An avatar session.
        consumer_access_token (None | str): LiveKit access token (a JWT) for the end user, present when
            `consumerIdentity` was
            sent. Join the room at `session.host.serverUrl` with it.
        remote_agent_access_token (None | str): LiveKit access token for your own agent, present when
            `remoteAgentConnectingIdentity` was sent. Join the room with it and stream audio
            to the avatar.
    """

    session: EquosSession
    consumer_access_token: None | str = None
    remote_agent_access_token: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        session = self.session.to_dict()

        consumer_access_token: None | str
        consumer_access_token = self.consumer_access_token

        remote_agent_access_token: None | str
        remote_agent_access_token = self.remote_agent_access_token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "session": session,
                "consumerAccessToken": consumer_access_token,
                "remoteAgentAccessToken": remote_agent_access_token,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "CreateSessionResponse: expected a JSON object, got "
                + type(src_dict).__name__
            )
        d = dict(src_dict)
        session = EquosSession.from_dict(d.pop("session"))

        consumer_access_token: None | str = d.pop("consumerAccessToken", None)
        if not (
            isinstance(consumer_access_token, str) or consumer_access_token is None
        ):
            raise TypeError(
                "consumerAccessToken: unexpected "
                + type(consumer_access_token).__name__
            )

        remote_agent_access_token: None | str = d.pop("remoteAgentAccessToken", None)
        if not (
            isinstance(remote_agent_access_token, str)
            or remote_agent_access_token is None
        ):
            raise TypeError(
                "remoteAgentAccessToken: unexpected "
                + type(remote_agent_access_token).__name__
            )

        create_session_response = cls(
            session,
            consumer_access_token,
            remote_agent_access_token,
        )

        create_session_response.additional_properties = d
        return create_session_response

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
