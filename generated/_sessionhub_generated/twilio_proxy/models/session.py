from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_links import SessionLinks
from ..models.session_mode import SessionMode
from ..models.session_status import SessionStatus
from ..types import UNSET, Unset

_SESSION_STATUS_BY_VALUE: dict[str, SessionStatus] = {
    member.value: member for member in SessionStatus
}
_SESSION_MODE_BY_VALUE: dict[str, SessionMode] = {
    member.value: member for member in SessionMode
}
_datetime_fromisoformat = datetime.datetime.fromisoformat


T = TypeVar("T", bound="Session")


@_attrs_define
class Session:
    """A Proxy Session. Upstream declares no required property and marks every property
    except `status`, `ttl` and `mode` nullable. Twilio always sends every property, but
    sessionhub tolerates any of them being absent, except `sid`: a session without its
    SID cannot be fetched, updated or deleted, so `sid` is required and not nullable
    (upstream marks it nullable). Unknown properties are kept. Dates are ISO 8601 with
    `Z`.

        Attributes:
            sid (str): The session's SID, created by Twilio (`KC` followed by 32 hex digits).
            service_sid (None | str | Unset): SID of the Proxy Service the session belongs to.
            account_sid (None | str | Unset): SID of the Account that created the session.
            date_started (datetime.datetime | None | Unset): When the session started. Null before it has started.
            date_ended (datetime.datetime | None | Unset): When the session ended. Null while it is open.
            date_last_interaction (datetime.datetime | None | Unset): When the session last had an Interaction.
            date_expiry (datetime.datetime | None | Unset): When the session expires. When set, it overrides `ttl`.
            unique_name (None | str | Unset): Your own unique name for the session (at most 191 characters, UTF-8; not
                enforced when reading). Should not contain personal data.
            status (None | SessionStatus | Unset): The session's status. Uncertain: upstream uses a bare `$ref`, which in
                OpenAPI
                3.0 cannot be null; sessionhub reads it as nullable.
            closed_reason (None | str | Unset): Why the session ended. Free text; upstream's examples use an empty string.
            ttl (int | None | Unset): Seconds until the session expires, counted from its creation or from its last
                Interaction. Uncertain: upstream declares it non-nullable with `default: 0`;
                sessionhub reads it as nullable and declares no default, so an absent `ttl` stays
                absent instead of becoming 0.
            mode (None | SessionMode | Unset): Which channels the session carries. Uncertain: upstream uses a bare `$ref`;
                sessionhub reads it as nullable.
            date_created (datetime.datetime | None | Unset): When the session was created (UTC).
            date_updated (datetime.datetime | None | Unset): When the session was last updated (UTC).
            url (None | str | Unset): Absolute URL of this session.
            links (None | SessionLinks | Unset): URLs of the session's sub-resources.
    """

    sid: str
    service_sid: None | str | Unset = UNSET
    account_sid: None | str | Unset = UNSET
    date_started: datetime.datetime | None | Unset = UNSET
    date_ended: datetime.datetime | None | Unset = UNSET
    date_last_interaction: datetime.datetime | None | Unset = UNSET
    date_expiry: datetime.datetime | None | Unset = UNSET
    unique_name: None | str | Unset = UNSET
    status: None | SessionStatus | Unset = UNSET
    closed_reason: None | str | Unset = UNSET
    ttl: int | None | Unset = UNSET
    mode: None | SessionMode | Unset = UNSET
    date_created: datetime.datetime | None | Unset = UNSET
    date_updated: datetime.datetime | None | Unset = UNSET
    url: None | str | Unset = UNSET
    links: None | SessionLinks | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sid = self.sid

        service_sid: None | str | Unset
        if isinstance(self.service_sid, Unset):
            service_sid = UNSET
        else:
            service_sid = self.service_sid

        account_sid: None | str | Unset
        if isinstance(self.account_sid, Unset):
            account_sid = UNSET
        else:
            account_sid = self.account_sid

        date_started: None | str | Unset
        if isinstance(self.date_started, Unset):
            date_started = UNSET
        elif isinstance(self.date_started, datetime.datetime):
            date_started = self.date_started.isoformat()
        else:
            date_started = self.date_started

        date_ended: None | str | Unset
        if isinstance(self.date_ended, Unset):
            date_ended = UNSET
        elif isinstance(self.date_ended, datetime.datetime):
            date_ended = self.date_ended.isoformat()
        else:
            date_ended = self.date_ended

        date_last_interaction: None | str | Unset
        if isinstance(self.date_last_interaction, Unset):
            date_last_interaction = UNSET
        elif isinstance(self.date_last_interaction, datetime.datetime):
            date_last_interaction = self.date_last_interaction.isoformat()
        else:
            date_last_interaction = self.date_last_interaction

        date_expiry: None | str | Unset
        if isinstance(self.date_expiry, Unset):
            date_expiry = UNSET
        elif isinstance(self.date_expiry, datetime.datetime):
            date_expiry = self.date_expiry.isoformat()
        else:
            date_expiry = self.date_expiry

        unique_name: None | str | Unset
        if isinstance(self.unique_name, Unset):
            unique_name = UNSET
        else:
            unique_name = self.unique_name

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, SessionStatus):
            status = self.status.value
        else:
            status = self.status

        closed_reason: None | str | Unset
        if isinstance(self.closed_reason, Unset):
            closed_reason = UNSET
        else:
            closed_reason = self.closed_reason

        ttl: int | None | Unset
        if isinstance(self.ttl, Unset):
            ttl = UNSET
        else:
            ttl = self.ttl

        mode: None | str | Unset
        if isinstance(self.mode, Unset):
            mode = UNSET
        elif isinstance(self.mode, SessionMode):
            mode = self.mode.value
        else:
            mode = self.mode

        date_created: None | str | Unset
        if isinstance(self.date_created, Unset):
            date_created = UNSET
        elif isinstance(self.date_created, datetime.datetime):
            date_created = self.date_created.isoformat()
        else:
            date_created = self.date_created

        date_updated: None | str | Unset
        if isinstance(self.date_updated, Unset):
            date_updated = UNSET
        elif isinstance(self.date_updated, datetime.datetime):
            date_updated = self.date_updated.isoformat()
        else:
            date_updated = self.date_updated

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        links: dict[str, Any] | None | Unset
        if isinstance(self.links, Unset):
            links = UNSET
        elif isinstance(self.links, SessionLinks):
            links = self.links.to_dict()
        else:
            links = self.links

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sid": sid,
            }
        )
        if service_sid is not UNSET:
            field_dict["service_sid"] = service_sid
        if account_sid is not UNSET:
            field_dict["account_sid"] = account_sid
        if date_started is not UNSET:
            field_dict["date_started"] = date_started
        if date_ended is not UNSET:
            field_dict["date_ended"] = date_ended
        if date_last_interaction is not UNSET:
            field_dict["date_last_interaction"] = date_last_interaction
        if date_expiry is not UNSET:
            field_dict["date_expiry"] = date_expiry
        if unique_name is not UNSET:
            field_dict["unique_name"] = unique_name
        if status is not UNSET:
            field_dict["status"] = status
        if closed_reason is not UNSET:
            field_dict["closed_reason"] = closed_reason
        if ttl is not UNSET:
            field_dict["ttl"] = ttl
        if mode is not UNSET:
            field_dict["mode"] = mode
        if date_created is not UNSET:
            field_dict["date_created"] = date_created
        if date_updated is not UNSET:
            field_dict["date_updated"] = date_updated
        if url is not UNSET:
            field_dict["url"] = url
        if links is not UNSET:
            field_dict["links"] = links

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "Session: expected a JSON object, got " + type(src_dict).__name__
            )
        d = dict(src_dict)
        sid = d.pop("sid")
        if not isinstance(sid, str):
            raise TypeError("sid: unexpected " + type(sid).__name__)

        service_sid: None | str | Unset = d.pop("service_sid", UNSET)
        if not (
            isinstance(service_sid, str) or service_sid is None or service_sid is UNSET
        ):
            raise TypeError("service_sid: unexpected " + type(service_sid).__name__)

        account_sid: None | str | Unset = d.pop("account_sid", UNSET)
        if not (
            isinstance(account_sid, str) or account_sid is None or account_sid is UNSET
        ):
            raise TypeError("account_sid: unexpected " + type(account_sid).__name__)

        _date_started_value = d.pop("date_started", UNSET)
        date_started: datetime.datetime | None | Unset
        if _date_started_value is None or _date_started_value is UNSET:
            date_started = _date_started_value
        else:
            if not isinstance(_date_started_value, str):
                raise TypeError(
                    "date_started: unexpected " + type(_date_started_value).__name__
                )
            date_started_type_0 = _datetime_fromisoformat(_date_started_value)

            date_started = date_started_type_0

        _date_ended_value = d.pop("date_ended", UNSET)
        date_ended: datetime.datetime | None | Unset
        if _date_ended_value is None or _date_ended_value is UNSET:
            date_ended = _date_ended_value
        else:
            if not isinstance(_date_ended_value, str):
                raise TypeError(
                    "date_ended: unexpected " + type(_date_ended_value).__name__
                )
            date_ended_type_0 = _datetime_fromisoformat(_date_ended_value)

            date_ended = date_ended_type_0

        _date_last_interaction_value = d.pop("date_last_interaction", UNSET)
        date_last_interaction: datetime.datetime | None | Unset
        if (
            _date_last_interaction_value is None
            or _date_last_interaction_value is UNSET
        ):
            date_last_interaction = _date_last_interaction_value
        else:
            if not isinstance(_date_last_interaction_value, str):
                raise TypeError(
                    "date_last_interaction: unexpected "
                    + type(_date_last_interaction_value).__name__
                )
            date_last_interaction_type_0 = _datetime_fromisoformat(
                _date_last_interaction_value
            )

            date_last_interaction = date_last_interaction_type_0

        _date_expiry_value = d.pop("date_expiry", UNSET)
        date_expiry: datetime.datetime | None | Unset
        if _date_expiry_value is None or _date_expiry_value is UNSET:
            date_expiry = _date_expiry_value
        else:
            if not isinstance(_date_expiry_value, str):
                raise TypeError(
                    "date_expiry: unexpected " + type(_date_expiry_value).__name__
                )
            date_expiry_type_0 = _datetime_fromisoformat(_date_expiry_value)

            date_expiry = date_expiry_type_0

        unique_name: None | str | Unset = d.pop("unique_name", UNSET)
        if not (
            isinstance(unique_name, str) or unique_name is None or unique_name is UNSET
        ):
            raise TypeError("unique_name: unexpected " + type(unique_name).__name__)

        _status_value = d.pop("status", UNSET)
        status: None | SessionStatus | Unset
        if _status_value is None or _status_value is UNSET:
            status = _status_value
        else:
            if not isinstance(_status_value, str):
                raise TypeError("status: unexpected " + type(_status_value).__name__)
            status_type_1 = _SESSION_STATUS_BY_VALUE.get(
                _status_value
            ) or SessionStatus(_status_value)

            status = status_type_1

        closed_reason: None | str | Unset = d.pop("closed_reason", UNSET)
        if not (
            isinstance(closed_reason, str)
            or closed_reason is None
            or closed_reason is UNSET
        ):
            raise TypeError("closed_reason: unexpected " + type(closed_reason).__name__)

        ttl: int | None | Unset = d.pop("ttl", UNSET)
        if not (
            (isinstance(ttl, int) and ttl is not True and ttl is not False)
            or ttl is None
            or ttl is UNSET
        ):
            raise TypeError("ttl: unexpected " + type(ttl).__name__)

        _mode_value = d.pop("mode", UNSET)
        mode: None | SessionMode | Unset
        if _mode_value is None or _mode_value is UNSET:
            mode = _mode_value
        else:
            if not isinstance(_mode_value, str):
                raise TypeError("mode: unexpected " + type(_mode_value).__name__)
            mode_type_1 = _SESSION_MODE_BY_VALUE.get(_mode_value) or SessionMode(
                _mode_value
            )

            mode = mode_type_1

        _date_created_value = d.pop("date_created", UNSET)
        date_created: datetime.datetime | None | Unset
        if _date_created_value is None or _date_created_value is UNSET:
            date_created = _date_created_value
        else:
            if not isinstance(_date_created_value, str):
                raise TypeError(
                    "date_created: unexpected " + type(_date_created_value).__name__
                )
            date_created_type_0 = _datetime_fromisoformat(_date_created_value)

            date_created = date_created_type_0

        _date_updated_value = d.pop("date_updated", UNSET)
        date_updated: datetime.datetime | None | Unset
        if _date_updated_value is None or _date_updated_value is UNSET:
            date_updated = _date_updated_value
        else:
            if not isinstance(_date_updated_value, str):
                raise TypeError(
                    "date_updated: unexpected " + type(_date_updated_value).__name__
                )
            date_updated_type_0 = _datetime_fromisoformat(_date_updated_value)

            date_updated = date_updated_type_0

        url: None | str | Unset = d.pop("url", UNSET)
        if not (isinstance(url, str) or url is None or url is UNSET):
            raise TypeError("url: unexpected " + type(url).__name__)

        _links_value = d.pop("links", UNSET)
        links: None | SessionLinks | Unset
        if _links_value is None or _links_value is UNSET:
            links = _links_value
        else:
            if not isinstance(_links_value, dict):
                raise TypeError("links: unexpected " + type(_links_value).__name__)
            links_type_1 = SessionLinks.from_dict(_links_value)

            links = links_type_1

        session = cls(
            sid,
            service_sid,
            account_sid,
            date_started,
            date_ended,
            date_last_interaction,
            date_expiry,
            unique_name,
            status,
            closed_reason,
            ttl,
            mode,
            date_created,
            date_updated,
            url,
            links,
        )

        session.additional_properties = d
        return session

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
