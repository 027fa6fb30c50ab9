from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session import Session

T = TypeVar("T", bound="GetSessionResponse")


@_attrs_define
class GetSessionResponse:
    """Result of `get_session`. Upstream name `GetSessionResponseV1`. Upstream never marks
    `session` as required here (create and cancel do), so it stays optional.

        Attributes:
            session (Session | None): An identity-verification session.
    """

    session: Session | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if self.session is not None:
            session = self.session.to_dict()
            field_dict["session"] = session

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "GetSessionResponse: expected a JSON object, got "
                + type(src_dict).__name__
            )
        d = dict(src_dict)
        _session_value = d.pop("session", None)
        session: Session | None
        if _session_value is None:
            session = None
        else:
            if not isinstance(_session_value, dict):
                raise TypeError("session: unexpected " + type(_session_value).__name__)
            session = Session.from_dict(_session_value)

        get_session_response = cls(
            session,
        )

        get_session_response.additional_properties = d
        return get_session_response

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
