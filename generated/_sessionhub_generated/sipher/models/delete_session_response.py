from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.delete_session_data import DeleteSessionData

T = TypeVar("T", bound="DeleteSessionResponse")


@_attrs_define
class DeleteSessionResponse:
    """Result of `delete_session`. Upstream name `deleteSession_200_response`.

    Attributes:
        success (bool): Always `true` on success.
        data (DeleteSessionData): Which session was deleted. Upstream name `deleteSession_200_response_data`.
    """

    success: bool
    data: DeleteSessionData
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "DeleteSessionResponse: expected a JSON object, got "
                + type(src_dict).__name__
            )
        d = dict(src_dict)
        success = d.pop("success")
        if not (success is True or success is False):
            raise TypeError("success: unexpected " + type(success).__name__)

        data = DeleteSessionData.from_dict(d.pop("data"))

        delete_session_response = cls(
            success,
            data,
        )

        delete_session_response.additional_properties = d
        return delete_session_response

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
