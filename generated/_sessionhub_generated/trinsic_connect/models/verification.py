from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.verification_fail_code import VerificationFailCode
from ..models.verification_state import VerificationState
from ..models.verification_type import VerificationType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.government_id_options import GovernmentIdOptions
    from ..models.normalized_government_id_data import NormalizedGovernmentIdData


T = TypeVar("T", bound="Verification")


@_attrs_define
class Verification:
    """One verification within a session, with its state and disclosed data.

    Attributes:
        id (None | str | Unset): Verification id.
        type_ (None | Unset | VerificationType): Kind of verification. Uncertain: upstream declares a non-nullable enum;
            sessionhub reads it as nullable.
        state (None | Unset | VerificationState): Verification state. Uncertain: upstream declares a non-nullable enum;
            sessionhub
            reads it as nullable.
        fail_code (None | Unset | VerificationFailCode): Why the verification failed; `VerificationFailNone` when it has
            not failed.
            Uncertain: upstream declares a non-nullable enum; sessionhub reads it as nullable.
        reused (bool | Unset): Not documented. The name suggests the user's existing credential was reused instead of
            verifying again.
        updated (int | None | Unset): When the verification last changed, as an epoch number. Uncertain: the unit is
            not documented (the successor API uses Unix seconds for sessions), and upstream
            declares it non-nullable. sessionhub reads it as nullable Unix seconds.
        government_id_options (GovernmentIdOptions | None | Unset): The fields requested for disclosure. Uncertain:
            upstream uses a bare `$ref`,
            which in OpenAPI 3.0 cannot say nullable either way; sessionhub reads it as
            nullable.
        normalized_government_id_data (None | NormalizedGovernmentIdData | Unset): ID data extracted from the document.
            Before that data exists, the fields are
            null. Uncertain: upstream uses a bare `$ref`; sessionhub reads the object itself
            as nullable too.
    """

    id: None | str | Unset = UNSET
    type_: None | Unset | VerificationType = UNSET
    state: None | Unset | VerificationState = UNSET
    fail_code: None | Unset | VerificationFailCode = UNSET
    reused: bool | Unset = UNSET
    updated: int | None | Unset = UNSET
    government_id_options: GovernmentIdOptions | None | Unset = UNSET
    normalized_government_id_data: None | NormalizedGovernmentIdData | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.government_id_options import GovernmentIdOptions  # noqa: PLC0415
        from ..models.normalized_government_id_data import NormalizedGovernmentIdData  # noqa: PLC0415

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, VerificationType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        state: None | str | Unset
        if isinstance(self.state, Unset):
            state = UNSET
        elif isinstance(self.state, VerificationState):
            state = self.state.value
        else:
            state = self.state

        fail_code: None | str | Unset
        if isinstance(self.fail_code, Unset):
            fail_code = UNSET
        elif isinstance(self.fail_code, VerificationFailCode):
            fail_code = self.fail_code.value
        else:
            fail_code = self.fail_code

        reused = self.reused

        updated: int | None | Unset
        if isinstance(self.updated, Unset):
            updated = UNSET
        else:
            updated = self.updated

        government_id_options: dict[str, Any] | None | Unset
        if isinstance(self.government_id_options, Unset):
            government_id_options = UNSET
        elif isinstance(self.government_id_options, GovernmentIdOptions):
            government_id_options = self.government_id_options.to_dict()
        else:
            government_id_options = self.government_id_options

        normalized_government_id_data: dict[str, Any] | None | Unset
        if isinstance(self.normalized_government_id_data, Unset):
            normalized_government_id_data = UNSET
        elif isinstance(self.normalized_government_id_data, NormalizedGovernmentIdData):
            normalized_government_id_data = self.normalized_government_id_data.to_dict()
        else:
            normalized_government_id_data = self.normalized_government_id_data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if state is not UNSET:
            field_dict["state"] = state
        if fail_code is not UNSET:
            field_dict["failCode"] = fail_code
        if reused is not UNSET:
            field_dict["reused"] = reused
        if updated is not UNSET:
            field_dict["updated"] = updated
        if government_id_options is not UNSET:
            field_dict["governmentIdOptions"] = government_id_options
        if normalized_government_id_data is not UNSET:
            field_dict["normalizedGovernmentIdData"] = normalized_government_id_data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.government_id_options import GovernmentIdOptions  # noqa: PLC0415
        from ..models.normalized_government_id_data import NormalizedGovernmentIdData  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_type_(data: object) -> None | Unset | VerificationType:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError()
            type_type_1 = VerificationType(data)

            return type_type_1

        type_ = _parse_type_(d.pop("type", UNSET))

        def _parse_state(data: object) -> None | Unset | VerificationState:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError()
            state_type_1 = VerificationState(data)

            return state_type_1

        state = _parse_state(d.pop("state", UNSET))

        def _parse_fail_code(data: object) -> None | Unset | VerificationFailCode:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError()
            fail_code_type_1 = VerificationFailCode(data)

            return fail_code_type_1

        fail_code = _parse_fail_code(d.pop("failCode", UNSET))

        reused = d.pop("reused", UNSET)

        def _parse_updated(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        updated = _parse_updated(d.pop("updated", UNSET))

        def _parse_government_id_options(
            data: object,
        ) -> GovernmentIdOptions | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, dict):
                raise TypeError()
            government_id_options_type_1 = GovernmentIdOptions.from_dict(data)

            return government_id_options_type_1

        government_id_options = _parse_government_id_options(
            d.pop("governmentIdOptions", UNSET)
        )

        def _parse_normalized_government_id_data(
            data: object,
        ) -> None | NormalizedGovernmentIdData | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, dict):
                raise TypeError()
            normalized_government_id_data_type_1 = NormalizedGovernmentIdData.from_dict(
                data
            )

            return normalized_government_id_data_type_1

        normalized_government_id_data = _parse_normalized_government_id_data(
            d.pop("normalizedGovernmentIdData", UNSET)
        )

        verification = cls(
            id=id,
            type_=type_,
            state=state,
            fail_code=fail_code,
            reused=reused,
            updated=updated,
            government_id_options=government_id_options,
            normalized_government_id_data=normalized_government_id_data,
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
