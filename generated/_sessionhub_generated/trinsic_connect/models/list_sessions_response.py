from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session import Session

T = TypeVar("T", bound="ListSessionsResponse")


@_attrs_define
class ListSessionsResponse:
    """One page of `list_sessions`. Upstream name `ListSessionsResponseV1`. This version
    sends only `sessions`: a page shorter than `pageSize`, or empty, is the last one.

        Attributes:
            sessions (list[Session] | None): The sessions on this page. May be null or empty past the last page.
            total (int | None): Total number of sessions of the account. Not sent by this version; kept if
                present (added in `67c8ac7`, 2024-06-13).
            more (bool | None): Whether more pages exist. Not sent by this version; kept if present (added in
                `67c8ac7`, 2024-06-13).
    """

    sessions: list[Session] | None = None
    total: int | None = None
    more: bool | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sessions: list[dict[str, Any]] | None
        if isinstance(self.sessions, list):
            sessions = []
            for sessions_type_0_item_data in self.sessions:
                sessions_type_0_item = sessions_type_0_item_data.to_dict()
                sessions.append(sessions_type_0_item)

        else:
            sessions = self.sessions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sessions": sessions,
            }
        )
        if self.total is not None:
            total = self.total
            field_dict["total"] = total
        if self.more is not None:
            more = self.more
            field_dict["more"] = more

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "ListSessionsResponse: expected a JSON object, got "
                + type(src_dict).__name__
            )
        d = dict(src_dict)
        _sessions_value = d.pop("sessions", None)
        sessions: list[Session] | None
        if _sessions_value is None:
            sessions = _sessions_value
        else:
            _sessions_type_0 = _sessions_value
            if not isinstance(_sessions_type_0, list):
                raise TypeError(
                    "sessions: unexpected " + type(_sessions_type_0).__name__
                )
            sessions_type_0 = []
            for sessions_type_0_item_data in _sessions_type_0:
                sessions_type_0_item = Session.from_dict(sessions_type_0_item_data)

                sessions_type_0.append(sessions_type_0_item)

            sessions = sessions_type_0

        total = d.pop("total", None)
        if not (
            (isinstance(total, int) and total is not True and total is not False)
            or total is None
        ):
            raise TypeError("total: unexpected " + type(total).__name__)

        more = d.pop("more", None)
        if not ((more is True or more is False) or more is None):
            raise TypeError("more: unexpected " + type(more).__name__)

        list_sessions_response = cls(
            sessions,
            total,
            more,
        )

        list_sessions_response.additional_properties = d
        return list_sessions_response

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
