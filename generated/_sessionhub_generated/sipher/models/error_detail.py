from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ErrorDetail")


@_attrs_define
class ErrorDetail:
    """The error itself. Upstream inline name `getHealth_503_response_error`. Extra fields
    are kept.

        Attributes:
            code (str): Machine-readable code. Codes seen on these operations: `VALIDATION_ERROR`,
                `INVALID_JSON`, `UNAUTHORIZED`, `INVALID_API_KEY`, `TIER_ACCESS_DENIED`,
                `SESSION_NOT_FOUND`, `NOT_FOUND` (unknown route or method), `REQUEST_TIMEOUT`,
                `RATE_LIMIT_EXCEEDED`, `DAILY_QUOTA_EXCEEDED`, `INTERNAL_SERVER_ERROR`,
                `SERVICE_UNAVAILABLE`. Deliberately not an enum: Sipher's published catalog and
                its code disagree (`RATE_LIMITED` vs `RATE_LIMIT_EXCEEDED`), and codes get added.
            message (str): Human-readable message. Some embed values (the session id, the tier, quota counts).
            details (Any | None): Extra data, any JSON value; absent on most errors. For `VALIDATION_ERROR` from a
                body check, an array of zod issue objects (`code`, `path`, `message`, ...); for
                `RATE_LIMIT_EXCEEDED` and `DAILY_QUOTA_EXCEEDED`, an object with the limit and
                when to retry (`retryAfter` in seconds, or `resetAt` as an ISO date-time).
            retryable (bool | None): Sent as `true` with `REQUEST_TIMEOUT` (408); absent otherwise.
    """

    code: str
    message: str
    details: Any | None = None
    retryable: bool | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "message": message,
            }
        )
        if self.details is not None:
            details = self.details
            field_dict["details"] = details
        if self.retryable is not None:
            retryable = self.retryable
            field_dict["retryable"] = retryable

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "ErrorDetail: expected a JSON object, got " + type(src_dict).__name__
            )
        d = dict(src_dict)
        code = d.pop("code")
        if not isinstance(code, str):
            raise TypeError("code: unexpected " + type(code).__name__)

        message = d.pop("message")
        if not isinstance(message, str):
            raise TypeError("message: unexpected " + type(message).__name__)

        details = d.pop("details", None)

        retryable = d.pop("retryable", None)
        if not ((retryable is True or retryable is False) or retryable is None):
            raise TypeError("retryable: unexpected " + type(retryable).__name__)

        error_detail = cls(
            code,
            message,
            details,
            retryable,
        )

        error_detail.additional_properties = d
        return error_detail

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
