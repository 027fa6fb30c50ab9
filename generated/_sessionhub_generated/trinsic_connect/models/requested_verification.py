from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.government_id_options import GovernmentIdOptions
from ..models.verification_type import VerificationType

_VERIFICATION_TYPE_BY_VALUE: dict[str, VerificationType] = {
    member.value: member for member in VerificationType
}


T = TypeVar("T", bound="RequestedVerification")


@_attrs_define
class RequestedVerification:
    """One verification to run in a new session.

    Attributes:
        type_ (VerificationType | None): Kind of verification. Only `GovernmentId` exists in this version.
        government_id_options (GovernmentIdOptions | None): Which fields of the government ID to disclose (`true` =
            disclose). Upstream name
            `GovernmentIDOptions`. No defaults are declared; the server's behaviour for an
            omitted flag is not documented.
    """

    type_: VerificationType | None = None
    government_id_options: GovernmentIdOptions | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if self.type_ is not None:
            type_ = self.type_.value
            field_dict["type"] = type_
        if self.government_id_options is not None:
            government_id_options = self.government_id_options.to_dict()
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
        _type__value = d.pop("type", None)
        type_: VerificationType | None
        if _type__value is None:
            type_ = None
        else:
            if not isinstance(_type__value, str):
                raise TypeError("type: unexpected " + type(_type__value).__name__)
            type_ = _VERIFICATION_TYPE_BY_VALUE.get(_type__value) or VerificationType(
                _type__value
            )

        _government_id_options_value = d.pop("governmentIdOptions", None)
        government_id_options: GovernmentIdOptions | None
        if _government_id_options_value is None:
            government_id_options = None
        else:
            if not isinstance(_government_id_options_value, dict):
                raise TypeError(
                    "governmentIdOptions: unexpected "
                    + type(_government_id_options_value).__name__
                )
            government_id_options = GovernmentIdOptions.from_dict(
                _government_id_options_value
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
