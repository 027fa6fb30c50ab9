from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GovernmentIdOptions")


@_attrs_define
class GovernmentIdOptions:
    """Which fields of the government ID to disclose (`true` = disclose). Upstream name
    `GovernmentIDOptions`. No defaults are declared; the server's behaviour for an
    omitted flag is not documented.

        Attributes:
            id_number (bool | None): Disclose the document number.
            given_name (bool | None): Disclose the given name.
            family_name (bool | None): Disclose the family name.
            address (bool | None): Disclose the address.
            date_of_birth (bool | None): Disclose the date of birth.
            country (bool | None): Disclose the issuing country.
            issue_date (bool | None): Disclose the issue date.
            expiration_date (bool | None): Disclose the expiration date.
    """

    id_number: bool | None = None
    given_name: bool | None = None
    family_name: bool | None = None
    address: bool | None = None
    date_of_birth: bool | None = None
    country: bool | None = None
    issue_date: bool | None = None
    expiration_date: bool | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if self.id_number is not None:
            id_number = self.id_number
            field_dict["idNumber"] = id_number
        if self.given_name is not None:
            given_name = self.given_name
            field_dict["givenName"] = given_name
        if self.family_name is not None:
            family_name = self.family_name
            field_dict["familyName"] = family_name
        if self.address is not None:
            address = self.address
            field_dict["address"] = address
        if self.date_of_birth is not None:
            date_of_birth = self.date_of_birth
            field_dict["dateOfBirth"] = date_of_birth
        if self.country is not None:
            country = self.country
            field_dict["country"] = country
        if self.issue_date is not None:
            issue_date = self.issue_date
            field_dict["issueDate"] = issue_date
        if self.expiration_date is not None:
            expiration_date = self.expiration_date
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
        id_number = d.pop("idNumber", None)
        if not ((id_number is True or id_number is False) or id_number is None):
            raise TypeError("idNumber: unexpected " + type(id_number).__name__)

        given_name = d.pop("givenName", None)
        if not ((given_name is True or given_name is False) or given_name is None):
            raise TypeError("givenName: unexpected " + type(given_name).__name__)

        family_name = d.pop("familyName", None)
        if not ((family_name is True or family_name is False) or family_name is None):
            raise TypeError("familyName: unexpected " + type(family_name).__name__)

        address = d.pop("address", None)
        if not ((address is True or address is False) or address is None):
            raise TypeError("address: unexpected " + type(address).__name__)

        date_of_birth = d.pop("dateOfBirth", None)
        if not (
            (date_of_birth is True or date_of_birth is False) or date_of_birth is None
        ):
            raise TypeError("dateOfBirth: unexpected " + type(date_of_birth).__name__)

        country = d.pop("country", None)
        if not ((country is True or country is False) or country is None):
            raise TypeError("country: unexpected " + type(country).__name__)

        issue_date = d.pop("issueDate", None)
        if not ((issue_date is True or issue_date is False) or issue_date is None):
            raise TypeError("issueDate: unexpected " + type(issue_date).__name__)

        expiration_date = d.pop("expirationDate", None)
        if not (
            (expiration_date is True or expiration_date is False)
            or expiration_date is None
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
