from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.equos_session import EquosSession

T = TypeVar("T", bound="ListSessionsResponse")


@_attrs_define
class ListSessionsResponse:
    """One page of `list_sessions`. Upstream name `ListEquosSessionsResponse`.

    Attributes:
        skip (int): The offset of this page, as requested (upstream `number`).
        take (int): The page size, as requested or defaulted (upstream `number`).
        total (int): Number of sessions that match the filter, over all pages (inference from the
            name; upstream `number`).
        sessions (list[EquosSession]): The sessions of this page.
    """

    skip: int
    take: int
    total: int
    sessions: list[EquosSession]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        skip = self.skip

        take = self.take

        total = self.total

        sessions = []
        for sessions_item_data in self.sessions:
            sessions_item = sessions_item_data.to_dict()
            sessions.append(sessions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "skip": skip,
                "take": take,
                "total": total,
                "sessions": sessions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "ListSessionsResponse: expected a JSON object, got "
                + type(src_dict).__name__
            )
        d = dict(src_dict)
        skip = d.pop("skip")
        if not (isinstance(skip, int) and skip is not True and skip is not False):
            raise TypeError("skip: unexpected " + type(skip).__name__)

        take = d.pop("take")
        if not (isinstance(take, int) and take is not True and take is not False):
            raise TypeError("take: unexpected " + type(take).__name__)

        total = d.pop("total")
        if not (isinstance(total, int) and total is not True and total is not False):
            raise TypeError("total: unexpected " + type(total).__name__)

        _sessions = d.pop("sessions")
        if not isinstance(_sessions, list):
            raise TypeError("sessions: unexpected " + type(_sessions).__name__)
        sessions = []
        for sessions_item_data in _sessions:
            sessions_item = EquosSession.from_dict(sessions_item_data)

            sessions.append(sessions_item)

        list_sessions_response = cls(
            skip,
            take,
            total,
            sessions,
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
