from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ParticipantRequest")


@_attrs_define
class ParticipantRequest:
    """The object inside each `Participants` item of `create_session`, documented here for
    callers. It is not referenced by the request body: each participant is sent as this
    object JSON-encoded into one string. Inferred: Twilio's spec does not state these
    keys; they are those of the Participant create form
    (`POST /v1/Services/{ServiceSid}/Sessions/{SessionSid}/Participants`), which
    community code also uses inside `Participants`.

        Attributes:
            identifier (str): The participant's phone number (E.164) or channel address, e.g. `+15558675310`.
            friendly_name (str | None): A display name for the participant, at most 255 characters.
            proxy_identifier (str | None): The proxy phone number (or channel address) to use for this participant.
            proxy_identifier_sid (str | None): SID of the proxy phone number (`PN…`) to use for this participant.
    """

    identifier: str
    friendly_name: str | None = None
    proxy_identifier: str | None = None
    proxy_identifier_sid: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        identifier = self.identifier

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Identifier": identifier,
            }
        )
        if self.friendly_name is not None:
            friendly_name = self.friendly_name
            field_dict["FriendlyName"] = friendly_name
        if self.proxy_identifier is not None:
            proxy_identifier = self.proxy_identifier
            field_dict["ProxyIdentifier"] = proxy_identifier
        if self.proxy_identifier_sid is not None:
            proxy_identifier_sid = self.proxy_identifier_sid
            field_dict["ProxyIdentifierSid"] = proxy_identifier_sid

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "ParticipantRequest: expected a JSON object, got "
                + type(src_dict).__name__
            )
        d = dict(src_dict)
        identifier = d.pop("Identifier")
        if not isinstance(identifier, str):
            raise TypeError("Identifier: unexpected " + type(identifier).__name__)

        friendly_name = d.pop("FriendlyName", None)
        if not (isinstance(friendly_name, str) or friendly_name is None):
            raise TypeError("FriendlyName: unexpected " + type(friendly_name).__name__)

        proxy_identifier = d.pop("ProxyIdentifier", None)
        if not (isinstance(proxy_identifier, str) or proxy_identifier is None):
            raise TypeError(
                "ProxyIdentifier: unexpected " + type(proxy_identifier).__name__
            )

        proxy_identifier_sid = d.pop("ProxyIdentifierSid", None)
        if not (isinstance(proxy_identifier_sid, str) or proxy_identifier_sid is None):
            raise TypeError(
                "ProxyIdentifierSid: unexpected " + type(proxy_identifier_sid).__name__
            )

        participant_request = cls(
            identifier,
            friendly_name,
            proxy_identifier,
            proxy_identifier_sid,
        )

        participant_request.additional_properties = d
        return participant_request

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
