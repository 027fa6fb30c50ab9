from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="EquosError")


@_attrs_define
class EquosError:
    """Error body. Uncertain: a reconstruction of NestJS's default exception body; no Equos
    source documents it.

        Attributes:
            status_code (int): The HTTP status code, repeated.
            message (list[str] | str): What went wrong: one string, or a list of strings for validation errors
                (NestJS's ValidationPipe).
            error (str | None): The HTTP reason phrase, e.g. `Bad Request`. Not sent on every error.
    """

    status_code: int
    message: list[str] | str
    error: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status_code = self.status_code

        message: list[str] | str
        if isinstance(self.message, list):
            message = self.message

        else:
            message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "statusCode": status_code,
                "message": message,
            }
        )
        if self.error is not None:
            error = self.error
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "EquosError: expected a JSON object, got " + type(src_dict).__name__
            )
        d = dict(src_dict)
        status_code = d.pop("statusCode")
        if not (
            isinstance(status_code, int)
            and status_code is not True
            and status_code is not False
        ):
            raise TypeError("statusCode: unexpected " + type(status_code).__name__)

        def _parse_message(data: object) -> list[str] | str:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                _message_type_1 = data
                if not isinstance(_message_type_1, list):
                    raise TypeError(
                        "message: unexpected " + type(_message_type_1).__name__
                    )
                for _message_type_1_item in _message_type_1:
                    if not isinstance(_message_type_1_item, str):
                        raise TypeError(
                            "message: unexpected "
                            + type(_message_type_1_item).__name__
                            + " item"
                        )

                message_type_1 = cast(list[str], _message_type_1)

                return message_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if isinstance(data, str):
                return cast(list[str] | str, data)
            raise TypeError("message: unexpected " + type(data).__name__)

        message = _parse_message(d.pop("message"))

        error = d.pop("error", None)
        if not (isinstance(error, str) or error is None):
            raise TypeError("error: unexpected " + type(error).__name__)

        equos_error = cls(
            status_code,
            message,
            error,
        )

        equos_error.additional_properties = d
        return equos_error

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
