from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.requested_verification import RequestedVerification
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateSessionRequest")


@_attrs_define
class CreateSessionRequest:
    """Body of `create_session`.

    Attributes:
        verifications (list[RequestedVerification] | None | Unset): Verifications the session should perform. Today only
            `GovernmentId` exists.
    """

    verifications: list[RequestedVerification] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        verifications: list[dict[str, Any]] | None | Unset
        if isinstance(self.verifications, Unset):
            verifications = UNSET
        elif isinstance(self.verifications, list):
            verifications = []
            for verifications_type_0_item_data in self.verifications:
                verifications_type_0_item = verifications_type_0_item_data.to_dict()
                verifications.append(verifications_type_0_item)

        else:
            verifications = self.verifications

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if verifications is not UNSET:
            field_dict["verifications"] = verifications

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "CreateSessionRequest: expected a JSON object, got "
                + type(src_dict).__name__
            )
        d = dict(src_dict)
        _verifications_value = d.pop("verifications", UNSET)
        verifications: list[RequestedVerification] | None | Unset
        if _verifications_value is None or _verifications_value is UNSET:
            verifications = _verifications_value
        else:
            _verifications_type_0 = _verifications_value
            if not isinstance(_verifications_type_0, list):
                raise TypeError(
                    "verifications: unexpected " + type(_verifications_type_0).__name__
                )
            verifications_type_0 = []
            for verifications_type_0_item_data in _verifications_type_0:
                verifications_type_0_item = RequestedVerification.from_dict(
                    verifications_type_0_item_data
                )

                verifications_type_0.append(verifications_type_0_item)

            verifications = verifications_type_0

        create_session_request = cls(
            verifications,
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
