from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.page_meta import PageMeta
from ..models.session import Session

T = TypeVar("T", bound="ListSessionsResponse")


@_attrs_define
class ListSessionsResponse:
    """One page of `list_sessions`. Upstream declares it inline (title
    `ListSessionResponse`) with no required property. Both properties are required here:
    a body without them is not a page, and paging depends on `meta`.

        Attributes:
            sessions (list[Session]): The sessions on this page; empty on an empty page.
            meta (PageMeta): Paging metadata of a Twilio v1 list response. Upstream declares it inline with no
                required property; all properties stay optional, and an absent `next_page_url` is
                read as "last page". There is no total or page count.
    """

    sessions: list[Session]
    meta: PageMeta
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sessions = []
        for sessions_item_data in self.sessions:
            sessions_item = sessions_item_data.to_dict()
            sessions.append(sessions_item)

        meta = self.meta.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sessions": sessions,
                "meta": meta,
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
        _sessions = d.pop("sessions")
        if not isinstance(_sessions, list):
            raise TypeError("sessions: unexpected " + type(_sessions).__name__)
        sessions = []
        for sessions_item_data in _sessions:
            sessions_item = Session.from_dict(sessions_item_data)

            sessions.append(sessions_item)

        meta = PageMeta.from_dict(d.pop("meta"))

        list_sessions_response = cls(
            sessions,
            meta,
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
