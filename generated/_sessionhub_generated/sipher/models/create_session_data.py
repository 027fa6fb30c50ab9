from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_defaults import SessionDefaults

T = TypeVar("T", bound="CreateSessionData")


@_attrs_define
class CreateSessionData:
    """The new session. Upstream name `createSession_201_response_data`.

    Attributes:
        session_id (str): Session id, `sess_` plus 64 lowercase hex characters. Opaque; pass it as `id` or as
            `X-Session-Id`.
        defaults (SessionDefaults): Default parameters stored in a session. All optional; in responses only the keys
            that were set appear. None is nullable: `null` is rejected with 400, and a stored key
            cannot be removed. When the session id is sent as `X-Session-Id`, each key is copied
            under the same name into the top level of the request's JSON body, unless the body
            already has it. Upstream name `createSession_request_defaults`; upstream types the
            response side as a bare object.
        created_at (int): Creation time, Unix epoch milliseconds.
        expires_at (int): Expiry time, Unix epoch milliseconds (`createdAt + ttlSeconds * 1000`). Fixed for the
            session's life.
    """

    session_id: str
    defaults: SessionDefaults
    created_at: int
    expires_at: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        session_id = self.session_id

        defaults = self.defaults.to_dict()

        created_at = self.created_at

        expires_at = self.expires_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sessionId": session_id,
                "defaults": defaults,
                "createdAt": created_at,
                "expiresAt": expires_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "CreateSessionData: expected a JSON object, got "
                + type(src_dict).__name__
            )
        d = dict(src_dict)
        session_id = d.pop("sessionId")
        if not isinstance(session_id, str):
            raise TypeError("sessionId: unexpected " + type(session_id).__name__)

        defaults = SessionDefaults.from_dict(d.pop("defaults"))

        created_at = d.pop("createdAt")
        if not (
            isinstance(created_at, int)
            and created_at is not True
            and created_at is not False
        ):
            raise TypeError("createdAt: unexpected " + type(created_at).__name__)

        expires_at = d.pop("expiresAt")
        if not (
            isinstance(expires_at, int)
            and expires_at is not True
            and expires_at is not False
        ):
            raise TypeError("expiresAt: unexpected " + type(expires_at).__name__)

        create_session_data = cls(
            session_id,
            defaults,
            created_at,
            expires_at,
        )

        create_session_data.additional_properties = d
        return create_session_data

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
