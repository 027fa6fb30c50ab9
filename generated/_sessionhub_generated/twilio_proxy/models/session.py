from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_links import SessionLinks
from ..models.session_mode import SessionMode
from ..models.session_status import SessionStatus

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
            service_sid (None | str): SID of the Proxy Service the session belongs to.
            account_sid (None | str): SID of the Account that created the session.
            date_started (datetime.datetime | None): When the session started. Null before it has started.
            date_ended (datetime.datetime | None): When the session ended. Null while it is open.
            date_last_interaction (datetime.datetime | None): When the session last had an Interaction.
            date_expiry (datetime.datetime | None): When the session expires. When set, it overrides `ttl`.
            unique_name (None | str): Your own unique name for the session (at most 191 characters, UTF-8; not
                enforced when reading). Should not contain personal data.
            status (None | SessionStatus): The session's status. Uncertain: upstream uses a bare `$ref`, which in OpenAPI
                3.0 cannot be null; sessionhub reads it as nullable.
            closed_reason (None | str): Why the session ended. Free text; upstream's examples use an empty string.
            ttl (int | None): Seconds until the session expires, counted from its creation or from its last
                Interaction. Uncertain: upstream declares it non-nullable with `default: 0`;
                sessionhub reads it as nullable and declares no default, so an absent `ttl` stays
                absent instead of becoming 0.
            mode (None | SessionMode): Which channels the session carries. Uncertain: upstream uses a bare `$ref`;
                sessionhub reads it as nullable.
            date_created (datetime.datetime | None): When the session was created (UTC).
            date_updated (datetime.datetime | None): When the session was last updated (UTC).
            url (None | str): Absolute URL of this session.
            links (None | SessionLinks): URLs of the session's sub-resources.
    """

    sid: str
    service_sid: None | str = None
    account_sid: None | str = None
    date_started: datetime.datetime | None = None
    date_ended: datetime.datetime | None = None
    date_last_interaction: datetime.datetime | None = None
    date_expiry: datetime.datetime | None = None
    unique_name: None | str = None
    status: None | SessionStatus = None
    closed_reason: None | str = None
    ttl: int | None = None
    mode: None | SessionMode = None
    date_created: datetime.datetime | None = None
    date_updated: datetime.datetime | None = None
    url: None | str = None
    links: None | SessionLinks = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sid = self.sid

        service_sid: None | str
        service_sid = self.service_sid

        account_sid: None | str
        account_sid = self.account_sid

        date_started: None | str
        if isinstance(self.date_started, datetime.datetime):
            date_started = self.date_started.isoformat()
        else:
            date_started = self.date_started

        date_ended: None | str
        if isinstance(self.date_ended, datetime.datetime):
            date_ended = self.date_ended.isoformat()
        else:
            date_ended = self.date_ended

        date_last_interaction: None | str
        if isinstance(self.date_last_interaction, datetime.datetime):
            date_last_interaction = self.date_last_interaction.isoformat()
        else:
            date_last_interaction = self.date_last_interaction

        date_expiry: None | str
        if isinstance(self.date_expiry, datetime.datetime):
            date_expiry = self.date_expiry.isoformat()
        else:
            date_expiry = self.date_expiry

        unique_name: None | str
        unique_name = self.unique_name

        status: None | str
        if isinstance(self.status, SessionStatus):
            status = self.status.value
        else:
            status = self.status

        closed_reason: None | str
        closed_reason = self.closed_reason

        ttl: int | None
        ttl = self.ttl

        mode: None | str
        if isinstance(self.mode, SessionMode):
            mode = self.mode.value
        else:
            mode = self.mode

        date_created: None | str
        if isinstance(self.date_created, datetime.datetime):
            date_created = self.date_created.isoformat()
        else:
            date_created = self.date_created

        date_updated: None | str
        if isinstance(self.date_updated, datetime.datetime):
            date_updated = self.date_updated.isoformat()
        else:
            date_updated = self.date_updated

        url: None | str
        url = self.url

        links: dict[str, Any] | None
        if isinstance(self.links, SessionLinks):
            links = self.links.to_dict()
        else:
            links = self.links

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sid": sid,
                "service_sid": service_sid,
                "account_sid": account_sid,
                "date_started": date_started,
                "date_ended": date_ended,
                "date_last_interaction": date_last_interaction,
                "date_expiry": date_expiry,
                "unique_name": unique_name,
                "status": status,
                "closed_reason": closed_reason,
                "ttl": ttl,
                "mode": mode,
                "date_created": date_created,
                "date_updated": date_updated,
                "url": url,
                "links": links,
            }
        )

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

        service_sid: None | str = d.pop("service_sid", None)
        if not (isinstance(service_sid, str) or service_sid is None):
            raise TypeError("service_sid: unexpected " + type(service_sid).__name__)

        account_sid: None | str = d.pop("account_sid", None)
        if not (isinstance(account_sid, str) or account_sid is None):
            raise TypeError("account_sid: unexpected " + type(account_sid).__name__)

        _date_started_value = d.pop("date_started", None)
        date_started: datetime.datetime | None
        if _date_started_value is None:
            date_started = _date_started_value
        else:
            if not isinstance(_date_started_value, str):
                raise TypeError(
                    "date_started: unexpected " + type(_date_started_value).__name__
                )
            date_started_type_0 = _datetime_fromisoformat(_date_started_value)

            date_started = date_started_type_0

        _date_ended_value = d.pop("date_ended", None)
        date_ended: datetime.datetime | None
        if _date_ended_value is None:
            date_ended = _date_ended_value
        else:
            if not isinstance(_date_ended_value, str):
                raise TypeError(
                    "date_ended: unexpected " + type(_date_ended_value).__name__
                )
            date_ended_type_0 = _datetime_fromisoformat(_date_ended_value)

            date_ended = date_ended_type_0

        _date_last_interaction_value = d.pop("date_last_interaction", None)
        date_last_interaction: datetime.datetime | None
        if _date_last_interaction_value is None:
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

        _date_expiry_value = d.pop("date_expiry", None)
        date_expiry: datetime.datetime | None
        if _date_expiry_value is None:
            date_expiry = _date_expiry_value
        else:
            if not isinstance(_date_expiry_value, str):
                raise TypeError(
                    "date_expiry: unexpected " + type(_date_expiry_value).__name__
                )
            date_expiry_type_0 = _datetime_fromisoformat(_date_expiry_value)

            date_expiry = date_expiry_type_0

        unique_name: None | str = d.pop("unique_name", None)
        if not (isinstance(unique_name, str) or unique_name is None):
            raise TypeError("unique_name: unexpected " + type(unique_name).__name__)

        _status_value = d.pop("status", None)
        status: None | SessionStatus
        if _status_value is None:
            status = _status_value
        else:
            if not isinstance(_status_value, str):
                raise TypeError("status: unexpected " + type(_status_value).__name__)
            status_type_1 = _SESSION_STATUS_BY_VALUE.get(
                _status_value
            ) or SessionStatus(_status_value)

            status = status_type_1

        closed_reason: None | str = d.pop("closed_reason", None)
        if not (isinstance(closed_reason, str) or closed_reason is None):
            raise TypeError("closed_reason: unexpected " + type(closed_reason).__name__)

        ttl: int | None = d.pop("ttl", None)
        if not (
            (isinstance(ttl, int) and ttl is not True and ttl is not False)
            or ttl is None
        ):
            raise TypeError("ttl: unexpected " + type(ttl).__name__)

        _mode_value = d.pop("mode", None)
        mode: None | SessionMode
        if _mode_value is None:
            mode = _mode_value
        else:
            if not isinstance(_mode_value, str):
                raise TypeError("mode: unexpected " + type(_mode_value).__name__)
            mode_type_1 = _SESSION_MODE_BY_VALUE.get(_mode_value) or SessionMode(
                _mode_value
            )

            mode = mode_type_1

        _date_created_value = d.pop("date_created", None)
        date_created: datetime.datetime | None
        if _date_created_value is None:
            date_created = _date_created_value
        else:
            if not isinstance(_date_created_value, str):
                raise TypeError(
                    "date_created: unexpected " + type(_date_created_value).__name__
                )
            date_created_type_0 = _datetime_fromisoformat(_date_created_value)

            date_created = date_created_type_0

        _date_updated_value = d.pop("date_updated", None)
        date_updated: datetime.datetime | None
        if _date_updated_value is None:
            date_updated = _date_updated_value
        else:
            if not isinstance(_date_updated_value, str):
                raise TypeError(
                    "date_updated: unexpected " + type(_date_updated_value).__name__
                )
            date_updated_type_0 = _datetime_fromisoformat(_date_updated_value)

            date_updated = date_updated_type_0

        url: None | str = d.pop("url", None)
        if not (isinstance(url, str) or url is None):
            raise TypeError("url: unexpected " + type(url).__name__)

        _links_value = d.pop("links", None)
        links: None | SessionLinks
        if _links_value is None:
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
