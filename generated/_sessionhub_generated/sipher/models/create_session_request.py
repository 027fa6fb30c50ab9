from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_defaults import SessionDefaults

T = TypeVar("T", bound="CreateSessionRequest")


@_attrs_define
class CreateSessionRequest:
    """Body of `create_session`. Upstream name `createSession_request`.

    Attributes:
        defaults (SessionDefaults): Default parameters stored in a session. All optional; in responses only the keys
            that were set appear. None is nullable: `null` is rejected with 400, and a stored key
            cannot be removed. When the session id is sent as `X-Session-Id`, each key is copied
            under the same name into the top level of the request's JSON body, unless the body
            already has it. Upstream name `createSession_request_defaults`; upstream types the
            response side as a bare object.
        ttl_seconds (int | None): Lifetime in seconds, 60 to 86400. Server default when omitted: 3600 (one hour).
            Values out of range or not integers are rejected with 400, not clamped. The
            expiry is fixed at creation and never extended.
    """

    defaults: SessionDefaults
    ttl_seconds: int | None = None
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
        if self.ttl_seconds is not None:
            ttl_seconds = self.ttl_seconds
            field_dict["ttlSeconds"] = ttl_seconds

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "CreateSessionRequest: expected a JSON object, got "
                + type(src_dict).__name__
            )
        d = dict(src_dict)
        defaults = SessionDefaults.from_dict(d.pop("defaults"))

        ttl_seconds = d.pop("ttlSeconds", None)
        if not (
            (
                isinstance(ttl_seconds, int)
                and ttl_seconds is not True
                and ttl_seconds is not False
            )
            or ttl_seconds is None
        ):
            raise TypeError("ttlSeconds: unexpected " + type(ttl_seconds).__name__)

        create_session_request = cls(
            defaults,
            ttl_seconds,
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
