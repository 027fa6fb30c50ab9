from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FailureMessage")


@_attrs_define
class FailureMessage:
    """Error body of 401 (documented) and of 404, 429 and 500 (sessionhub's reading; see each response).

    Attributes:
        message (None | str): Human-readable error message.
    """

    message: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message: None | str
        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "FailureMessage: expected a JSON object, got " + type(src_dict).__name__
            )
        d = dict(src_dict)
        message: None | str = d.pop("message", None)
        if not (isinstance(message, str) or message is None):
            raise TypeError("message: unexpected " + type(message).__name__)

        failure_message = cls(
            message,
        )

        failure_message.additional_properties = d
        return failure_message

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
