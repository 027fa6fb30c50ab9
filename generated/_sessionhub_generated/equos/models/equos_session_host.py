from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="EquosSessionHost")


@_attrs_define
class EquosSessionHost:
    """Your own LiveKit server and a token for the avatar (request side of `host`).

    Attributes:
        server_url (str): The URL of the LiveKit server, e.g. `wss://my-project.livekit.cloud`.
        access_token (str): The LiveKit access token the avatar joins the room with.
    """

    server_url: str
    access_token: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        server_url = self.server_url

        access_token = self.access_token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "serverUrl": server_url,
                "accessToken": access_token,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "EquosSessionHost: expected a JSON object, got "
                + type(src_dict).__name__
            )
        d = dict(src_dict)
        server_url = d.pop("serverUrl")
        if not isinstance(server_url, str):
            raise TypeError("serverUrl: unexpected " + type(server_url).__name__)

        access_token = d.pop("accessToken")
        if not isinstance(access_token, str):
            raise TypeError("accessToken: unexpected " + type(access_token).__name__)

        equos_session_host = cls(
            server_url,
            access_token,
        )

        equos_session_host.additional_properties = d
        return equos_session_host

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
