from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="GovernmentIdOptions")


@_attrs_define
class GovernmentIdOptions:
    """Which fields of the government ID to disclose (`true` = disclose). Upstream name
    `GovernmentIDOptions`. No defaults are declared; the server's behaviour for an
    omitted flag is not documented.

        Attributes:
            id_number (bool | Unset): Disclose the document number.
            given_name (bool | Unset): Disclose the given name.
            family_name (bool | Unset): Disclose the family name.
            address (bool | Unset): Disclose the address.
            date_of_birth (bool | Unset): Disclose the date of birth.
            country (bool | Unset): Disclose the issuing country.
            issue_date (bool | Unset): Disclose the issue date.
            expiration_date (bool | Unset): Disclose the expiration date.
    """

    id_number: bool | Unset = UNSET
    given_name: bool | Unset = UNSET
    family_name: bool | Unset = UNSET
    address: bool | Unset = UNSET
    date_of_birth: bool | Unset = UNSET
    country: bool | Unset = UNSET
    issue_date: bool | Unset = UNSET
    expiration_date: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id_number = self.id_number

        given_name = self.given_name

        family_name = self.family_name

        address = self.address

        date_of_birth = self.date_of_birth

        country = self.country

        issue_date = self.issue_date

        expiration_date = self.expiration_date

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id_number is not UNSET:
            field_dict["idNumber"] = id_number
        if given_name is not UNSET:
            field_dict["givenName"] = given_name
        if family_name is not UNSET:
            field_dict["familyName"] = family_name
        if address is not UNSET:
            field_dict["address"] = address
        if date_of_birth is not UNSET:
            field_dict["dateOfBirth"] = date_of_birth
        if country is not UNSET:
            field_dict["country"] = country
        if issue_date is not UNSET:
            field_dict["issueDate"] = issue_date
        if expiration_date is not UNSET:
            field_dict["expirationDate"] = expiration_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id_number = d.pop("idNumber", UNSET)

        given_name = d.pop("givenName", UNSET)

        family_name = d.pop("familyName", UNSET)

        address = d.pop("address", UNSET)

        date_of_birth = d.pop("dateOfBirth", UNSET)

        country = d.pop("country", UNSET)

        issue_date = d.pop("issueDate", UNSET)

        expiration_date = d.pop("expirationDate", UNSET)

        government_id_options = cls(
            id_number=id_number,
            given_name=given_name,
            family_name=family_name,
            address=address,
            date_of_birth=date_of_birth,
            country=country,
            issue_date=issue_date,
            expiration_date=expiration_date,
        )

        government_id_options.additional_properties = d
        return government_id_options

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
