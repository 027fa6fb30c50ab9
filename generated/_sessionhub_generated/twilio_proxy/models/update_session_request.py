from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_status import SessionStatus
from ..types import UNSET, Unset

_SESSION_STATUS_BY_VALUE: dict[str, SessionStatus] = {
    member.value: member for member in SessionStatus
}
_datetime_fromisoformat = datetime.datetime.fromisoformat


T = TypeVar("T", bound="UpdateSessionRequest")


@_attrs_define
class UpdateSessionRequest:
    """Form body of `update_session`. Every field is optional. `Mode` and `Participants` cannot be changed.

    Attributes:
        date_expiry (datetime.datetime | Unset): New absolute expiry, as an ISO 8601 date-time; takes precedence over
            `Ttl`.
            twilio-python sends UTC as `YYYY-MM-DDTHH:MM:SSZ`.
        ttl (int | Unset): New time to live in seconds, counted from the last Interaction (or creation).
        status (SessionStatus | Unset): Status of a session. Upstream name `session_enum_status`. Note the hyphen in
            `in-progress`; some 2017 twilio-python fixtures misspelled it `in-progess`.
            `unknown` is a real Twilio value, not sessionhub's placeholder for values it does
            not know.
    """

    date_expiry: datetime.datetime | Unset = UNSET
    ttl: int | Unset = UNSET
    status: SessionStatus | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        date_expiry: str | Unset = UNSET
        if not isinstance(self.date_expiry, Unset):
            date_expiry = self.date_expiry.isoformat()

        ttl = self.ttl

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if date_expiry is not UNSET:
            field_dict["DateExpiry"] = date_expiry
        if ttl is not UNSET:
            field_dict["Ttl"] = ttl
        if status is not UNSET:
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
        _date_expiry = d.pop("DateExpiry", UNSET)
        date_expiry: datetime.datetime | Unset
        if isinstance(_date_expiry, Unset):
            date_expiry = UNSET
        else:
            date_expiry = _datetime_fromisoformat(_date_expiry)

        ttl = d.pop("Ttl", UNSET)
        if not (
            (isinstance(ttl, int) and ttl is not True and ttl is not False)
            or ttl is UNSET
        ):
            raise TypeError("Ttl: unexpected " + type(ttl).__name__)

        _status = d.pop("Status", UNSET)
        status: SessionStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = _SESSION_STATUS_BY_VALUE.get(_status) or SessionStatus(_status)

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
