from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ValidationResult")


@_attrs_define
class ValidationResult:
    """One failed validation check. Seems to be .NET's serialized `System.ComponentModel.DataAnnotations.ValidationResult`
    (inferred from the names).

        Attributes:
            member_names (list[str] | None): Names of the request members that failed the check.
            error_message (None | str): Human-readable message.
    """

    member_names: list[str] | None = None
    error_message: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        member_names: list[str] | None
        if isinstance(self.member_names, list):
            member_names = self.member_names

        else:
            member_names = self.member_names

        error_message: None | str
        error_message = self.error_message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "memberNames": member_names,
                "errorMessage": error_message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "ValidationResult: expected a JSON object, got "
                + type(src_dict).__name__
            )
        d = dict(src_dict)
        _member_names_value = d.pop("memberNames", None)
        member_names: list[str] | None
        if _member_names_value is None:
            member_names = _member_names_value
        else:
            _member_names_type_0 = _member_names_value
            if not isinstance(_member_names_type_0, list):
                raise TypeError(
                    "memberNames: unexpected " + type(_member_names_type_0).__name__
                )
            for _member_names_type_0_item in _member_names_type_0:
                if not isinstance(_member_names_type_0_item, str):
                    raise TypeError(
                        "memberNames: unexpected "
                        + type(_member_names_type_0_item).__name__
                        + " item"
                    )

            member_names_type_0 = cast(list[str], _member_names_type_0)

            member_names = member_names_type_0

        error_message: None | str = d.pop("errorMessage", None)
        if not (isinstance(error_message, str) or error_message is None):
            raise TypeError("errorMessage: unexpected " + type(error_message).__name__)

        validation_result = cls(
            member_names,
            error_message,
        )

        validation_result.additional_properties = d
        return validation_result

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
