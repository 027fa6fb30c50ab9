from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.verification import Verification

T = TypeVar("T", bound="VerificationMap")


@_attrs_define
class VerificationMap:
    """Verifications of a session, keyed by a string (the samples use the verification id)."""

    additional_properties: dict[str, Verification] = _attrs_field(
        init=False, factory=dict
    )

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.to_dict()

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "VerificationMap: expected a JSON object, got "
                + type(src_dict).__name__
            )
        d = dict(src_dict)
        verification_map = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            additional_property = Verification.from_dict(prop_dict)

            additional_properties[prop_name] = additional_property

        verification_map.additional_properties = additional_properties
        return verification_map

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Verification:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Verification) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
