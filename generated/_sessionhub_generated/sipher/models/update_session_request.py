from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_defaults import SessionDefaults

T = TypeVar("T", bound="UpdateSessionRequest")


@_attrs_define
class UpdateSessionRequest:
    """Body of `update_session`. Upstream name `updateSession_request`. There is no
    `ttlSeconds`: the lifetime cannot be changed.

        Attributes:
            defaults (SessionDefaults): Default parameters stored in a session. All optional; in responses only the keys
                that were set appear. None is nullable: `null` is rejected with 400, and a stored key
                cannot be removed. When the session id is sent as `X-Session-Id`, each key is copied
                under the same name into the top level of the request's JSON body, unless the body
                already has it. Upstream name `createSession_request_defaults`; upstream types the
                response side as a bare object.
    """

    defaults: SessionDefaults
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        defaults = self.defaults.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "defaults": defaults,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "UpdateSessionRequest: expected a JSON object, got "
                + type(src_dict).__name__
            )
        d = dict(src_dict)
        defaults = SessionDefaults.from_dict(d.pop("defaults"))

        update_session_request = cls(
            defaults,
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
