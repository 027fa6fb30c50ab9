from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_mode import SessionMode
from ..models.session_status import SessionStatus

_SESSION_MODE_BY_VALUE: dict[str, SessionMode] = {
    member.value: member for member in SessionMode
}
_SESSION_STATUS_BY_VALUE: dict[str, SessionStatus] = {
    member.value: member for member in SessionStatus
}
_datetime_fromisoformat = datetime.datetime.fromisoformat


T = TypeVar("T", bound="CreateSessionRequest")


@_attrs_define
class CreateSessionRequest:
    """Form body of `create_session`. Every field is optional.

    Attributes:
        unique_name (str | None): Your own unique name for the session, at most 191 characters, UTF-8. Must be
            unique (the scope is not stated; presumably the Service). Should not contain
            personal data.
        date_expiry (datetime.datetime | None): When the session expires, as an ISO 8601 date-time. Takes precedence
            over `Ttl`.
            twilio-python sends UTC as `YYYY-MM-DDTHH:MM:SSZ`. Uncertain: whether Twilio
            accepts a `+00:00` offset instead of `Z` was not verified, so send `Z`.
        ttl (int | None): Seconds until the session expires, counted from its creation or from its last
            Interaction. Uncertain: with neither `Ttl` nor `DateExpiry`, Twilio's error page
            80904 speaks of a default of 90 days, while upstream's response schema declares
            `ttl` default 0.
        mode (SessionMode | None): Channels a session carries. Upstream name `session_enum_mode`.
        status (SessionStatus | None): Status of a session. Upstream name `session_enum_status`. Note the hyphen in
            `in-progress`; some 2017 twilio-python fixtures misspelled it `in-progess`.
            `unknown` is a real Twilio value, not sessionhub's placeholder for values it does
            not know.
        participants (list[str] | None): Participants to add with the session, at most two (a session holds at most two
            participants). Each item is ONE participant object encoded as a JSON string, and
            the form repeats the key once per participant:
            `Participants={"Identifier":"+15558675310"}&Participants={"Identifier":"+15553217654"}`
            (percent-encoded on the wire), with no brackets or indexes. This is what
            twilio-python sends. The object's shape is `ParticipantRequest`: `Identifier`
            (required), `FriendlyName`, `ProxyIdentifier`, `ProxyIdentifierSid`. Inferred: the
            keys are not stated by Twilio's spec; they follow the Participant create form and
            community usage. Upstream declares the items untyped (`items: {}`).
    """

    unique_name: str | None = None
    date_expiry: datetime.datetime | None = None
    ttl: int | None = None
    mode: SessionMode | None = None
    status: SessionStatus | None = None
    participants: list[str] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if self.unique_name is not None:
            unique_name = self.unique_name
            field_dict["UniqueName"] = unique_name
        if self.date_expiry is not None:
            date_expiry = self.date_expiry.isoformat()
            field_dict["DateExpiry"] = date_expiry
        if self.ttl is not None:
            ttl = self.ttl
            field_dict["Ttl"] = ttl
        if self.mode is not None:
            mode = self.mode.value
            field_dict["Mode"] = mode
        if self.status is not None:
            status = self.status.value
            field_dict["Status"] = status
        if self.participants is not None:
            participants = self.participants

            field_dict["Participants"] = participants

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "CreateSessionRequest: expected a JSON object, got "
                + type(src_dict).__name__
            )
        d = dict(src_dict)
        unique_name = d.pop("UniqueName", None)
        if not (isinstance(unique_name, str) or unique_name is None):
            raise TypeError("UniqueName: unexpected " + type(unique_name).__name__)

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

        _mode_value = d.pop("Mode", None)
        mode: SessionMode | None
        if _mode_value is None:
            mode = None
        else:
            if not isinstance(_mode_value, str):
                raise TypeError("Mode: unexpected " + type(_mode_value).__name__)
            mode = _SESSION_MODE_BY_VALUE.get(_mode_value) or SessionMode(_mode_value)

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

        _participants_value = d.pop("Participants", None)
        participants: list[str] | None
        if _participants_value is None:
            participants = None
        else:
            _participants = _participants_value
            if not isinstance(_participants, list):
                raise TypeError(
                    "Participants: unexpected " + type(_participants).__name__
                )
            for _participants_item in _participants:
                if not isinstance(_participants_item, str):
                    raise TypeError(
                        "Participants: unexpected "
                        + type(_participants_item).__name__
                        + " item"
                    )

            participants = cast(list[str], _participants)

        create_session_request = cls(
            unique_name,
            date_expiry,
            ttl,
            mode,
            status,
            participants,
        )

        create_session_request.additional_properties = d
        return create_session_request

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
