from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DeleteSessionData")


@_attrs_define
class DeleteSessionData:
    """Which session was deleted. Upstream name `deleteSession_200_response_data`.

    Attributes:
        session_id (str): Id of the deleted session.
        deleted (bool): Always `true`; a session that cannot be deleted gives 404 instead.
    """

    session_id: str
    deleted: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        session_id = self.session_id

        deleted = self.deleted

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sessionId": session_id,
                "deleted": deleted,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "DeleteSessionData: expected a JSON object, got "
                + type(src_dict).__name__
            )
        d = dict(src_dict)
        session_id = d.pop("sessionId")
        if not isinstance(session_id, str):
            raise TypeError("sessionId: unexpected " + type(session_id).__name__)

        deleted = d.pop("deleted")
        if not (deleted is True or deleted is False):
            raise TypeError("deleted: unexpected " + type(deleted).__name__)

        delete_session_data = cls(
            session_id,
            deleted,
        )

        delete_session_data.additional_properties = d
        return delete_session_data

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
