from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="NormalizedGovernmentIdData")


@_attrs_define
class NormalizedGovernmentIdData:
    """Data read from the government ID, normalized by Trinsic. Only the fields requested
    in `GovernmentIdOptions` are disclosed; the others are null. Dates are free-form
    strings (the samples use `YYYY-MM-DD`), so no date format is declared.

        Attributes:
            id_number (None | str): Document number.
            given_name (None | str): Given name.
            family_name (None | str): Family name.
            address (None | str): Address, as one string.
            date_of_birth (None | str): Date of birth. Format not declared.
            country (None | str): Issuing country. Format not declared; the samples use ISO 3166-1 alpha-2 codes.
            issue_date (None | str): Issue date. Format not declared.
            expiration_date (None | str): Expiration date. Format not declared.
    """

    id_number: None | str = None
    given_name: None | str = None
    family_name: None | str = None
    address: None | str = None
    date_of_birth: None | str = None
    country: None | str = None
    issue_date: None | str = None
    expiration_date: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id_number: None | str
        id_number = self.id_number

        given_name: None | str
        given_name = self.given_name

        family_name: None | str
        family_name = self.family_name

        address: None | str
        address = self.address

        date_of_birth: None | str
        date_of_birth = self.date_of_birth

        country: None | str
        country = self.country

        issue_date: None | str
        issue_date = self.issue_date

        expiration_date: None | str
        expiration_date = self.expiration_date

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "idNumber": id_number,
                "givenName": given_name,
                "familyName": family_name,
                "address": address,
                "dateOfBirth": date_of_birth,
                "country": country,
                "issueDate": issue_date,
                "expirationDate": expiration_date,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "NormalizedGovernmentIdData: expected a JSON object, got "
                + type(src_dict).__name__
            )
        d = dict(src_dict)
        id_number: None | str = d.pop("idNumber", None)
        if not (isinstance(id_number, str) or id_number is None):
            raise TypeError("idNumber: unexpected " + type(id_number).__name__)

        given_name: None | str = d.pop("givenName", None)
        if not (isinstance(given_name, str) or given_name is None):
            raise TypeError("givenName: unexpected " + type(given_name).__name__)

        family_name: None | str = d.pop("familyName", None)
        if not (isinstance(family_name, str) or family_name is None):
            raise TypeError("familyName: unexpected " + type(family_name).__name__)

        address: None | str = d.pop("address", None)
        if not (isinstance(address, str) or address is None):
            raise TypeError("address: unexpected " + type(address).__name__)

        date_of_birth: None | str = d.pop("dateOfBirth", None)
        if not (isinstance(date_of_birth, str) or date_of_birth is None):
            raise TypeError("dateOfBirth: unexpected " + type(date_of_birth).__name__)

        country: None | str = d.pop("country", None)
        if not (isinstance(country, str) or country is None):
            raise TypeError("country: unexpected " + type(country).__name__)

        issue_date: None | str = d.pop("issueDate", None)
        if not (isinstance(issue_date, str) or issue_date is None):
            raise TypeError("issueDate: unexpected " + type(issue_date).__name__)

        expiration_date: None | str = d.pop("expirationDate", None)
        if not (isinstance(expiration_date, str) or expiration_date is None):
            raise TypeError(
                "expirationDate: unexpected " + type(expiration_date).__name__
            )

        normalized_government_id_data = cls(
            id_number,
            given_name,
            family_name,
            address,
            date_of_birth,
            country,
            issue_date,
            expiration_date,
        )

        normalized_government_id_data.additional_properties = d
        return normalized_government_id_data

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
