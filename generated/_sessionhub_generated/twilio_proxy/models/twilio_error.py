from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

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
            code (int | None): Twilio error code, e.g. 20404; see `more_info`.
            message (str | None): Human-readable message.
            more_info (str | None): URL of the error's page in Twilio's error dictionary
                (`https://www.twilio.com/docs/errors/<code>`).
            status (int | None): The HTTP status, repeated in the body.
            detail (str | None): Extra explanation, e.g. on 401 ("Your AccountSid or AuthToken was incorrect.").
    """

    code: int | None = None
    message: str | None = None
    more_info: str | None = None
    status: int | None = None
    detail: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if self.code is not None:
            code = self.code
            field_dict["code"] = code
        if self.message is not None:
            message = self.message
            field_dict["message"] = message
        if self.more_info is not None:
            more_info = self.more_info
            field_dict["more_info"] = more_info
        if self.status is not None:
            status = self.status
            field_dict["status"] = status
        if self.detail is not None:
            detail = self.detail
            field_dict["detail"] = detail

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "TwilioError: expected a JSON object, got " + type(src_dict).__name__
            )
        d = dict(src_dict)
        code = d.pop("code", None)
        if not (
            (isinstance(code, int) and code is not True and code is not False)
            or code is None
        ):
            raise TypeError("code: unexpected " + type(code).__name__)

        message = d.pop("message", None)
        if not (isinstance(message, str) or message is None):
            raise TypeError("message: unexpected " + type(message).__name__)

        more_info = d.pop("more_info", None)
        if not (isinstance(more_info, str) or more_info is None):
            raise TypeError("more_info: unexpected " + type(more_info).__name__)

        status = d.pop("status", None)
        if not (
            (isinstance(status, int) and status is not True and status is not False)
            or status is None
        ):
            raise TypeError("status: unexpected " + type(status).__name__)

        detail = d.pop("detail", None)
        if not (isinstance(detail, str) or detail is None):
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
