from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.government_id_options import GovernmentIdOptions
from ..models.normalized_government_id_data import NormalizedGovernmentIdData
from ..models.verification_fail_code import VerificationFailCode
from ..models.verification_state import VerificationState
from ..models.verification_type import VerificationType

_VERIFICATION_TYPE_BY_VALUE: dict[str, VerificationType] = {
    member.value: member for member in VerificationType
}
_VERIFICATION_STATE_BY_VALUE: dict[str, VerificationState] = {
    member.value: member for member in VerificationState
}
_VERIFICATION_FAIL_CODE_BY_VALUE: dict[str, VerificationFailCode] = {
    member.value: member for member in VerificationFailCode
}


T = TypeVar("T", bound="Verification")


@_attrs_define
class Verification:
    """One verification within a session, with its state and disclosed data.

    Attributes:
        id (None | str): Verification id.
        type_ (None | VerificationType): Kind of verification. Uncertain: upstream declares a non-nullable enum;
            sessionhub reads it as nullable.
        state (None | VerificationState): Verification state. Uncertain: upstream declares a non-nullable enum;
            sessionhub
            reads it as nullable.
        fail_code (None | VerificationFailCode): Why the verification failed; `VerificationFailNone` when it has not
            failed.
            Uncertain: upstream declares a non-nullable enum; sessionhub reads it as nullable.
        reused (bool | None): Not documented. The name suggests the user's existing credential was reused instead of
            verifying again.
        updated (int | None): When the verification last changed, as an epoch number. Uncertain: the unit is
            not documented (the successor API uses Unix seconds for sessions), and upstream
            declares it non-nullable. sessionhub reads it as nullable Unix seconds.
        government_id_options (GovernmentIdOptions | None): The fields requested for disclosure. Uncertain: upstream
            uses a bare `$ref`,
            which in OpenAPI 3.0 cannot say nullable either way; sessionhub reads it as
            nullable.
        normalized_government_id_data (None | NormalizedGovernmentIdData): ID data extracted from the document. Before
            that data exists, the fields are
            null. Uncertain: upstream uses a bare `$ref`; sessionhub reads the object itself
            as nullable too.
    """

    id: None | str = None
    type_: None | VerificationType = None
    state: None | VerificationState = None
    fail_code: None | VerificationFailCode = None
    reused: bool | None = None
    updated: int | None = None
    government_id_options: GovernmentIdOptions | None = None
    normalized_government_id_data: None | NormalizedGovernmentIdData = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: None | str
        id = self.id

        type_: None | str
        if isinstance(self.type_, VerificationType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        state: None | str
        if isinstance(self.state, VerificationState):
            state = self.state.value
        else:
            state = self.state

        fail_code: None | str
        if isinstance(self.fail_code, VerificationFailCode):
            fail_code = self.fail_code.value
        else:
            fail_code = self.fail_code

        updated: int | None
        updated = self.updated

        government_id_options: dict[str, Any] | None
        if isinstance(self.government_id_options, GovernmentIdOptions):
            government_id_options = self.government_id_options.to_dict()
        else:
            government_id_options = self.government_id_options

        normalized_government_id_data: dict[str, Any] | None
        if isinstance(self.normalized_government_id_data, NormalizedGovernmentIdData):
            normalized_government_id_data = self.normalized_government_id_data.to_dict()
        else:
            normalized_government_id_data = self.normalized_government_id_data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "state": state,
                "failCode": fail_code,
                "updated": updated,
                "governmentIdOptions": government_id_options,
                "normalizedGovernmentIdData": normalized_government_id_data,
            }
        )
        if self.reused is not None:
            reused = self.reused
            field_dict["reused"] = reused

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "Verification: expected a JSON object, got " + type(src_dict).__name__
            )
        d = dict(src_dict)
        id: None | str = d.pop("id", None)
        if not (isinstance(id, str) or id is None):
            raise TypeError("id: unexpected " + type(id).__name__)

        _type__value = d.pop("type", None)
        type_: None | VerificationType
        if _type__value is None:
            type_ = _type__value
        else:
            if not isinstance(_type__value, str):
                raise TypeError("type: unexpected " + type(_type__value).__name__)
            type_type_1 = _VERIFICATION_TYPE_BY_VALUE.get(
                _type__value
            ) or VerificationType(_type__value)

            type_ = type_type_1

        _state_value = d.pop("state", None)
        state: None | VerificationState
        if _state_value is None:
            state = _state_value
        else:
            if not isinstance(_state_value, str):
                raise TypeError("state: unexpected " + type(_state_value).__name__)
            state_type_1 = _VERIFICATION_STATE_BY_VALUE.get(
                _state_value
            ) or VerificationState(_state_value)

            state = state_type_1

        _fail_code_value = d.pop("failCode", None)
        fail_code: None | VerificationFailCode
        if _fail_code_value is None:
            fail_code = _fail_code_value
        else:
            if not isinstance(_fail_code_value, str):
                raise TypeError(
                    "failCode: unexpected " + type(_fail_code_value).__name__
                )
            fail_code_type_1 = _VERIFICATION_FAIL_CODE_BY_VALUE.get(
                _fail_code_value
            ) or VerificationFailCode(_fail_code_value)

            fail_code = fail_code_type_1

        reused = d.pop("reused", None)
        if not ((reused is True or reused is False) or reused is None):
            raise TypeError("reused: unexpected " + type(reused).__name__)

        updated: int | None = d.pop("updated", None)
        if not (
            (isinstance(updated, int) and updated is not True and updated is not False)
            or updated is None
        ):
            raise TypeError("updated: unexpected " + type(updated).__name__)

        _government_id_options_value = d.pop("governmentIdOptions", None)
        government_id_options: GovernmentIdOptions | None
        if _government_id_options_value is None:
            government_id_options = _government_id_options_value
        else:
            if not isinstance(_government_id_options_value, dict):
                raise TypeError(
                    "governmentIdOptions: unexpected "
                    + type(_government_id_options_value).__name__
                )
            government_id_options_type_1 = GovernmentIdOptions.from_dict(
                _government_id_options_value
            )

            government_id_options = government_id_options_type_1

        _normalized_government_id_data_value = d.pop("normalizedGovernmentIdData", None)
        normalized_government_id_data: None | NormalizedGovernmentIdData
        if _normalized_government_id_data_value is None:
            normalized_government_id_data = _normalized_government_id_data_value
        else:
            if not isinstance(_normalized_government_id_data_value, dict):
                raise TypeError(
                    "normalizedGovernmentIdData: unexpected "
                    + type(_normalized_government_id_data_value).__name__
                )
            normalized_government_id_data_type_1 = NormalizedGovernmentIdData.from_dict(
                _normalized_government_id_data_value
            )

            normalized_government_id_data = normalized_government_id_data_type_1

        verification = cls(
            id,
            type_,
            state,
            fail_code,
            reused,
            updated,
            government_id_options,
            normalized_government_id_data,
        )

        verification.additional_properties = d
        return verification

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
