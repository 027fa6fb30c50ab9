from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.equos_transcript_entry import EquosTranscriptEntry

T = TypeVar("T", bound="EquosTranscript")


@_attrs_define
class EquosTranscript:
    """The transcript of a session. Uncertain: upstream declares a free-form object; the
    shape is NODE2's type (2.1.3 and later), which sessionhub follows.

        Attributes:
            transcription (list[EquosTranscriptEntry]): The utterances, in the order received.
    """

    transcription: list[EquosTranscriptEntry]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        transcription = []
        for transcription_item_data in self.transcription:
            transcription_item = transcription_item_data.to_dict()
            transcription.append(transcription_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "transcription": transcription,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "EquosTranscript: expected a JSON object, got "
                + type(src_dict).__name__
            )
        d = dict(src_dict)
        _transcription = d.pop("transcription")
        if not isinstance(_transcription, list):
            raise TypeError(
                "transcription: unexpected " + type(_transcription).__name__
            )
        transcription = []
        for transcription_item_data in _transcription:
            transcription_item = EquosTranscriptEntry.from_dict(transcription_item_data)

            transcription.append(transcription_item)

        equos_transcript = cls(
            transcription,
        )

        equos_transcript.additional_properties = d
        return equos_transcript

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
