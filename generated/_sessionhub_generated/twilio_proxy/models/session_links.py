from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SessionLinks")


@_attrs_define
class SessionLinks:
    """URLs of a session's sub-resources. Upstream declares an untyped object with
    `format: uri-map`; every example has exactly these two keys. Other keys are kept.

        Attributes:
            interactions (str | None): Absolute URL of the session's Interactions (`…/Sessions/{Sid}/Interactions`).
            participants (str | None): Absolute URL of the session's Participants (`…/Sessions/{Sid}/Participants`).
    """

    interactions: str | None = None
    participants: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if self.interactions is not None:
            interactions = self.interactions
            field_dict["interactions"] = interactions
        if self.participants is not None:
            participants = self.participants
            field_dict["participants"] = participants

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "SessionLinks: expected a JSON object, got " + type(src_dict).__name__
            )
        d = dict(src_dict)
        interactions = d.pop("interactions", None)
        if not (isinstance(interactions, str) or interactions is None):
            raise TypeError("interactions: unexpected " + type(interactions).__name__)

        participants = d.pop("participants", None)
        if not (isinstance(participants, str) or participants is None):
            raise TypeError("participants: unexpected " + type(participants).__name__)

        session_links = cls(
            interactions,
            participants,
        )

        session_links.additional_properties = d
        return session_links

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
