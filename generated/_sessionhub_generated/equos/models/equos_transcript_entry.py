from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="EquosTranscriptEntry")


@_attrs_define
class EquosTranscriptEntry:
    """One utterance of a transcript.

    Attributes:
        text (str): What was said.
        received_at (str): When the utterance was received. Uncertain: NODE2 types it as a plain string; the
            samples use ISO-8601 date-times. sessionhub keeps it a string rather than parse it.
        identity (str): LiveKit identity of the speaker (the avatar's or a participant's).
    """

    text: str
    received_at: str
    identity: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        received_at = self.received_at

        identity = self.identity

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "text": text,
                "received_at": received_at,
                "identity": identity,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "EquosTranscriptEntry: expected a JSON object, got "
                + type(src_dict).__name__
            )
        d = dict(src_dict)
        text = d.pop("text")
        if not isinstance(text, str):
            raise TypeError("text: unexpected " + type(text).__name__)

        received_at = d.pop("received_at")
        if not isinstance(received_at, str):
            raise TypeError("received_at: unexpected " + type(received_at).__name__)

        identity = d.pop("identity")
        if not isinstance(identity, str):
            raise TypeError("identity: unexpected " + type(identity).__name__)

        equos_transcript_entry = cls(
            text,
            received_at,
            identity,
        )

        equos_transcript_entry.additional_properties = d
        return equos_transcript_entry

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
