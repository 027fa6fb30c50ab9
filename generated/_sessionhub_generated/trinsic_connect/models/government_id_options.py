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
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "GovernmentIdOptions: expected a JSON object, got "
                + type(src_dict).__name__
            )
        d = dict(src_dict)
        id_number = d.pop("idNumber", UNSET)
        if not ((id_number is True or id_number is False) or id_number is UNSET):
            raise TypeError("idNumber: unexpected " + type(id_number).__name__)

        given_name = d.pop("givenName", UNSET)
        if not ((given_name is True or given_name is False) or given_name is UNSET):
            raise TypeError("givenName: unexpected " + type(given_name).__name__)

        family_name = d.pop("familyName", UNSET)
        if not ((family_name is True or family_name is False) or family_name is UNSET):
            raise TypeError("familyName: unexpected " + type(family_name).__name__)

        address = d.pop("address", UNSET)
        if not ((address is True or address is False) or address is UNSET):
            raise TypeError("address: unexpected " + type(address).__name__)

        date_of_birth = d.pop("dateOfBirth", UNSET)
        if not (
            (date_of_birth is True or date_of_birth is False) or date_of_birth is UNSET
        ):
            raise TypeError("dateOfBirth: unexpected " + type(date_of_birth).__name__)

        country = d.pop("country", UNSET)
        if not ((country is True or country is False) or country is UNSET):
            raise TypeError("country: unexpected " + type(country).__name__)

        issue_date = d.pop("issueDate", UNSET)
        if not ((issue_date is True or issue_date is False) or issue_date is UNSET):
            raise TypeError("issueDate: unexpected " + type(issue_date).__name__)

        expiration_date = d.pop("expirationDate", UNSET)
        if not (
            (expiration_date is True or expiration_date is False)
            or expiration_date is UNSET
        ):
            raise TypeError(
                "expirationDate: unexpected " + type(expiration_date).__name__
            )

        government_id_options = cls(
            id_number,
            given_name,
            family_name,
            address,
            date_of_birth,
            country,
            issue_date,
            expiration_date,
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
