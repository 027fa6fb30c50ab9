from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.government_id_options import GovernmentIdOptions
from ..models.verification_type import VerificationType
from ..types import UNSET, Unset

_VERIFICATION_TYPE_BY_VALUE: dict[str, VerificationType] = {
    member.value: member for member in VerificationType
}


T = TypeVar("T", bound="RequestedVerification")


@_attrs_define
class RequestedVerification:
    """One verification to run in a new session.

    Attributes:
        type_ (VerificationType | Unset): Kind of verification. Only `GovernmentId` exists in this version.
        government_id_options (GovernmentIdOptions | Unset): Which fields of the government ID to disclose (`true` =
            disclose). Upstream name
            `GovernmentIDOptions`. No defaults are declared; the server's behaviour for an
            omitted flag is not documented.
    """

    type_: VerificationType | Unset = UNSET
    government_id_options: GovernmentIdOptions | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        government_id_options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.government_id_options, Unset):
            government_id_options = self.government_id_options.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if government_id_options is not UNSET:
            field_dict["governmentIdOptions"] = government_id_options

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "RequestedVerification: expected a JSON object, got "
                + type(src_dict).__name__
            )
        d = dict(src_dict)
        _type_ = d.pop("type", UNSET)
        type_: VerificationType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = _VERIFICATION_TYPE_BY_VALUE.get(_type_) or VerificationType(_type_)

        _government_id_options = d.pop("governmentIdOptions", UNSET)
        government_id_options: GovernmentIdOptions | Unset
        if isinstance(_government_id_options, Unset):
            government_id_options = UNSET
        else:
            government_id_options = GovernmentIdOptions.from_dict(
                _government_id_options
            )

        requested_verification = cls(
            type_,
            government_id_options,
        )

        requested_verification.additional_properties = d
        return requested_verification

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
