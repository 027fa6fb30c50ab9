from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="NormalizedGovernmentIdData")


@_attrs_define
class NormalizedGovernmentIdData:
    """Data read from the government ID, normalized by Trinsic. Only the fields requested
    in `GovernmentIdOptions` are disclosed; the others are null. Dates are free-form
    strings (the samples use `YYYY-MM-DD`), so no date format is declared.

        Attributes:
            id_number (None | str | Unset): Document number.
            given_name (None | str | Unset): Given name.
            family_name (None | str | Unset): Family name.
            address (None | str | Unset): Address, as one string.
            date_of_birth (None | str | Unset): Date of birth. Format not declared.
            country (None | str | Unset): Issuing country. Format not declared; the samples use ISO 3166-1 alpha-2 codes.
            issue_date (None | str | Unset): Issue date. Format not declared.
            expiration_date (None | str | Unset): Expiration date. Format not declared.
    """

    id_number: None | str | Unset = UNSET
    given_name: None | str | Unset = UNSET
    family_name: None | str | Unset = UNSET
    address: None | str | Unset = UNSET
    date_of_birth: None | str | Unset = UNSET
    country: None | str | Unset = UNSET
    issue_date: None | str | Unset = UNSET
    expiration_date: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id_number: None | str | Unset
        if isinstance(self.id_number, Unset):
            id_number = UNSET
        else:
            id_number = self.id_number

        given_name: None | str | Unset
        if isinstance(self.given_name, Unset):
            given_name = UNSET
        else:
            given_name = self.given_name

        family_name: None | str | Unset
        if isinstance(self.family_name, Unset):
            family_name = UNSET
        else:
            family_name = self.family_name

        address: None | str | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        else:
            address = self.address

        date_of_birth: None | str | Unset
        if isinstance(self.date_of_birth, Unset):
            date_of_birth = UNSET
        else:
            date_of_birth = self.date_of_birth

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        issue_date: None | str | Unset
        if isinstance(self.issue_date, Unset):
            issue_date = UNSET
        else:
            issue_date = self.issue_date

        expiration_date: None | str | Unset
        if isinstance(self.expiration_date, Unset):
            expiration_date = UNSET
        else:
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
                "NormalizedGovernmentIdData: expected a JSON object, got "
                + type(src_dict).__name__
            )
        d = dict(src_dict)
        id_number: None | str | Unset = d.pop("idNumber", UNSET)
        if not (isinstance(id_number, str) or id_number is None or id_number is UNSET):
            raise TypeError("idNumber: unexpected " + type(id_number).__name__)

        given_name: None | str | Unset = d.pop("givenName", UNSET)
        if not (
            isinstance(given_name, str) or given_name is None or given_name is UNSET
        ):
            raise TypeError("givenName: unexpected " + type(given_name).__name__)

        family_name: None | str | Unset = d.pop("familyName", UNSET)
        if not (
            isinstance(family_name, str) or family_name is None or family_name is UNSET
        ):
            raise TypeError("familyName: unexpected " + type(family_name).__name__)

        address: None | str | Unset = d.pop("address", UNSET)
        if not (isinstance(address, str) or address is None or address is UNSET):
            raise TypeError("address: unexpected " + type(address).__name__)

        date_of_birth: None | str | Unset = d.pop("dateOfBirth", UNSET)
        if not (
            isinstance(date_of_birth, str)
            or date_of_birth is None
            or date_of_birth is UNSET
        ):
            raise TypeError("dateOfBirth: unexpected " + type(date_of_birth).__name__)

        country: None | str | Unset = d.pop("country", UNSET)
        if not (isinstance(country, str) or country is None or country is UNSET):
            raise TypeError("country: unexpected " + type(country).__name__)

        issue_date: None | str | Unset = d.pop("issueDate", UNSET)
        if not (
            isinstance(issue_date, str) or issue_date is None or issue_date is UNSET
        ):
            raise TypeError("issueDate: unexpected " + type(issue_date).__name__)

        expiration_date: None | str | Unset = d.pop("expirationDate", UNSET)
        if not (
            isinstance(expiration_date, str)
            or expiration_date is None
            or expiration_date is UNSET
        ):
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
