from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TwilioError")


@_attrs_define
class TwilioError:
    """Twilio's error body, the shape other Twilio specs declare (the Proxy spec declares
    none): `{"code", "message", "more_info", "status"}`, sometimes with `detail`. Every
    property is optional: Twilio documents that `code` and `more_info` are only sent when
    available. Other properties (twilio-python also reads a `details` object) are kept.
    Uncertain: no evidence that Proxy ever sends the RFC 9457 problem-details shape that
    twilio-python also understands.

        Attributes:
            code (int | Unset): Twilio error code, e.g. 20404; see `more_info`.
            message (str | Unset): Human-readable message.
            more_info (str | Unset): URL of the error's page in Twilio's error dictionary
                (`https://www.twilio.com/docs/errors/<code>`).
            status (int | Unset): The HTTP status, repeated in the body.
            detail (str | Unset): Extra explanation, e.g. on 401 ("Your AccountSid or AuthToken was incorrect.").
    """

    code: int | Unset = UNSET
    message: str | Unset = UNSET
    more_info: str | Unset = UNSET
    status: int | Unset = UNSET
    detail: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        message = self.message

        more_info = self.more_info

        status = self.status

        detail = self.detail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if code is not UNSET:
            field_dict["code"] = code
        if message is not UNSET:
            field_dict["message"] = message
        if more_info is not UNSET:
            field_dict["more_info"] = more_info
        if status is not UNSET:
            field_dict["status"] = status
        if detail is not UNSET:
            field_dict["detail"] = detail

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "TwilioError: expected a JSON object, got " + type(src_dict).__name__
            )
        d = dict(src_dict)
        code = d.pop("code", UNSET)
        if not (
            (isinstance(code, int) and code is not True and code is not False)
            or code is UNSET
        ):
            raise TypeError("code: unexpected " + type(code).__name__)

        message = d.pop("message", UNSET)
        if not (isinstance(message, str) or message is UNSET):
            raise TypeError("message: unexpected " + type(message).__name__)

        more_info = d.pop("more_info", UNSET)
        if not (isinstance(more_info, str) or more_info is UNSET):
            raise TypeError("more_info: unexpected " + type(more_info).__name__)

        status = d.pop("status", UNSET)
        if not (
            (isinstance(status, int) and status is not True and status is not False)
            or status is UNSET
        ):
            raise TypeError("status: unexpected " + type(status).__name__)

        detail = d.pop("detail", UNSET)
        if not (isinstance(detail, str) or detail is UNSET):
            raise TypeError("detail: unexpected " + type(detail).__name__)

        twilio_error = cls(
            code,
            message,
            more_info,
            status,
            detail,
        )

        twilio_error.additional_properties = d
        return twilio_error

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
