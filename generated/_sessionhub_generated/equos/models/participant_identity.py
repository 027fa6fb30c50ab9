from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ParticipantIdentity")


@_attrs_define
class ParticipantIdentity:
    """A LiveKit participant. Upstream name `EquosParticipantIdentity`.

    Attributes:
        identity (str): LiveKit participant identity.
        name (str): Display name.
    """

    identity: str
    name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        identity = self.identity

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "identity": identity,
                "name": name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "ParticipantIdentity: expected a JSON object, got "
                + type(src_dict).__name__
            )
        d = dict(src_dict)
        identity = d.pop("identity")
        if not isinstance(identity, str):
            raise TypeError("identity: unexpected " + type(identity).__name__)

        name = d.pop("name")
        if not isinstance(name, str):
            raise TypeError("name: unexpected " + type(name).__name__)

        participant_identity = cls(
            identity,
            name,
        )

        participant_identity.additional_properties = d
        return participant_identity

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
