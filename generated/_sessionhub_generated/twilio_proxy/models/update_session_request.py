from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_status import SessionStatus

_SESSION_STATUS_BY_VALUE: dict[str, SessionStatus] = {
    member.value: member for member in SessionStatus
}
_datetime_fromisoformat = datetime.datetime.fromisoformat


T = TypeVar("T", bound="UpdateSessionRequest")


@_attrs_define
class UpdateSessionRequest:
    """Form body of `update_session`. Every field is optional. `Mode` and `Participants` cannot be changed.

    Attributes:
        date_expiry (datetime.datetime | None): New absolute expiry, as an ISO 8601 date-time; takes precedence over
            `Ttl`.
            twilio-python sends UTC as `YYYY-MM-DDTHH:MM:SSZ`.
        ttl (int | None): New time to live in seconds, counted from the last Interaction (or creation).
        status (SessionStatus | None): Status of a session. Upstream name `session_enum_status`. Note the hyphen in
            `in-progress`; some 2017 twilio-python fixtures misspelled it `in-progess`.
            `unknown` is a real Twilio value, not sessionhub's placeholder for values it does
            not know.
    """

    date_expiry: datetime.datetime | None = None
    ttl: int | None = None
    status: SessionStatus | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if self.date_expiry is not None:
            date_expiry = self.date_expiry.isoformat()
            field_dict["DateExpiry"] = date_expiry
        if self.ttl is not None:
            ttl = self.ttl
            field_dict["Ttl"] = ttl
        if self.status is not None:
            status = self.status.value
            field_dict["Status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "UpdateSessionRequest: expected a JSON object, got "
                + type(src_dict).__name__
            )
        d = dict(src_dict)
        _date_expiry_value = d.pop("DateExpiry", None)
        date_expiry: datetime.datetime | None
        if _date_expiry_value is None:
            date_expiry = None
        else:
            if not isinstance(_date_expiry_value, str):
                raise TypeError(
                    "DateExpiry: unexpected " + type(_date_expiry_value).__name__
                )
            date_expiry = _datetime_fromisoformat(_date_expiry_value)

        ttl = d.pop("Ttl", None)
        if not (
            (isinstance(ttl, int) and ttl is not True and ttl is not False)
            or ttl is None
        ):
            raise TypeError("Ttl: unexpected " + type(ttl).__name__)

        _status_value = d.pop("Status", None)
        status: SessionStatus | None
        if _status_value is None:
            status = None
        else:
            if not isinstance(_status_value, str):
                raise TypeError("Status: unexpected " + type(_status_value).__name__)
            status = _SESSION_STATUS_BY_VALUE.get(_status_value) or SessionStatus(
                _status_value
            )

        update_session_request = cls(
            date_expiry,
            ttl,
            status,
        )

        update_session_request.additional_properties = d
        return update_session_request

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
