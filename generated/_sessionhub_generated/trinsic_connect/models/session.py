from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.idv_session_state import IdvSessionState
from ..models.session_fail_code import SessionFailCode
from ..models.verification_map import VerificationMap
from ..types import UNSET, Unset

_IDV_SESSION_STATE_BY_VALUE: dict[str, IdvSessionState] = {
    member.value: member for member in IdvSessionState
}
_SESSION_FAIL_CODE_BY_VALUE: dict[str, SessionFailCode] = {
    member.value: member for member in SessionFailCode
}


T = TypeVar("T", bound="Session")


@_attrs_define
class Session:
    """An identity-verification session.

    Attributes:
        id (None | str | Unset): Session id, the value passed as `sessionId`. Format not documented; the samples use
            UUIDs, as the successor API does.
        client_token (None | str | Unset): Token to hand to the end user's front end, which runs the verification flow
            with it.
        state (IdvSessionState | None | Unset): Lifecycle state. Uncertain: upstream declares a non-nullable enum, but
            that
            cannot be confirmed; sessionhub reads it as nullable.
        verifications (None | Unset | VerificationMap): The session's verifications, as a map (not a list). Key meaning
            is not documented; the samples key by verification id.
        fail_code (None | SessionFailCode | Unset): Why the session failed; `SessionFailNone` when it has not failed.
            Uncertain:
            upstream declares a non-nullable enum; sessionhub reads it as nullable.
        result_vp (None | str | Unset): Not documented. The name suggests a serialized verifiable presentation of the
            results.
        created (int | None | Unset): When the session was created, as an epoch number. Uncertain: the unit is not
            documented for this version (the successor API uses Unix seconds), and upstream
            declares it non-nullable. sessionhub reads it as nullable Unix seconds.
        updated (int | None | Unset): When the session's state or data last changed, as an epoch number. Uncertain: the
            unit is not documented for this version (the successor API uses Unix seconds),
            and upstream declares it non-nullable. sessionhub reads it as nullable Unix
            seconds.
    """

    id: None | str | Unset = UNSET
    client_token: None | str | Unset = UNSET
    state: IdvSessionState | None | Unset = UNSET
    verifications: None | Unset | VerificationMap = UNSET
    fail_code: None | SessionFailCode | Unset = UNSET
    result_vp: None | str | Unset = UNSET
    created: int | None | Unset = UNSET
    updated: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        client_token: None | str | Unset
        if isinstance(self.client_token, Unset):
            client_token = UNSET
        else:
            client_token = self.client_token

        state: None | str | Unset
        if isinstance(self.state, Unset):
            state = UNSET
        elif isinstance(self.state, IdvSessionState):
            state = self.state.value
        else:
            state = self.state

        verifications: dict[str, Any] | None | Unset
        if isinstance(self.verifications, Unset):
            verifications = UNSET
        elif isinstance(self.verifications, VerificationMap):
            verifications = self.verifications.to_dict()
        else:
            verifications = self.verifications

        fail_code: None | str | Unset
        if isinstance(self.fail_code, Unset):
            fail_code = UNSET
        elif isinstance(self.fail_code, SessionFailCode):
            fail_code = self.fail_code.value
        else:
            fail_code = self.fail_code

        result_vp: None | str | Unset
        if isinstance(self.result_vp, Unset):
            result_vp = UNSET
        else:
            result_vp = self.result_vp

        created: int | None | Unset
        if isinstance(self.created, Unset):
            created = UNSET
        else:
            created = self.created

        updated: int | None | Unset
        if isinstance(self.updated, Unset):
            updated = UNSET
        else:
            updated = self.updated

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if client_token is not UNSET:
            field_dict["clientToken"] = client_token
        if state is not UNSET:
            field_dict["state"] = state
        if verifications is not UNSET:
            field_dict["verifications"] = verifications
        if fail_code is not UNSET:
            field_dict["failCode"] = fail_code
        if result_vp is not UNSET:
            field_dict["resultVp"] = result_vp
        if created is not UNSET:
            field_dict["created"] = created
        if updated is not UNSET:
            field_dict["updated"] = updated

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "Session: expected a JSON object, got " + type(src_dict).__name__
            )
        d = dict(src_dict)
        id: None | str | Unset = d.pop("id", UNSET)
        if not (isinstance(id, str) or id is None or id is UNSET):
            raise TypeError("id: unexpected " + type(id).__name__)

        client_token: None | str | Unset = d.pop("clientToken", UNSET)
        if not (
            isinstance(client_token, str)
            or client_token is None
            or client_token is UNSET
        ):
            raise TypeError("clientToken: unexpected " + type(client_token).__name__)

        _state_value = d.pop("state", UNSET)
        state: IdvSessionState | None | Unset
        if _state_value is None or _state_value is UNSET:
            state = _state_value
        else:
            if not isinstance(_state_value, str):
                raise TypeError("state: unexpected " + type(_state_value).__name__)
            state_type_1 = _IDV_SESSION_STATE_BY_VALUE.get(
                _state_value
            ) or IdvSessionState(_state_value)

            state = state_type_1

        _verifications_value = d.pop("verifications", UNSET)
        verifications: None | Unset | VerificationMap
        if _verifications_value is None or _verifications_value is UNSET:
            verifications = _verifications_value
        else:
            if not isinstance(_verifications_value, dict):
                raise TypeError(
                    "verifications: unexpected " + type(_verifications_value).__name__
                )
            verifications_type_1 = VerificationMap.from_dict(_verifications_value)

            verifications = verifications_type_1

        _fail_code_value = d.pop("failCode", UNSET)
        fail_code: None | SessionFailCode | Unset
        if _fail_code_value is None or _fail_code_value is UNSET:
            fail_code = _fail_code_value
        else:
            if not isinstance(_fail_code_value, str):
                raise TypeError(
                    "failCode: unexpected " + type(_fail_code_value).__name__
                )
            fail_code_type_1 = _SESSION_FAIL_CODE_BY_VALUE.get(
                _fail_code_value
            ) or SessionFailCode(_fail_code_value)

            fail_code = fail_code_type_1

        result_vp: None | str | Unset = d.pop("resultVp", UNSET)
        if not (isinstance(result_vp, str) or result_vp is None or result_vp is UNSET):
            raise TypeError("resultVp: unexpected " + type(result_vp).__name__)

        created: int | None | Unset = d.pop("created", UNSET)
        if not (
            (isinstance(created, int) and created is not True and created is not False)
            or created is None
            or created is UNSET
        ):
            raise TypeError("created: unexpected " + type(created).__name__)

        updated: int | None | Unset = d.pop("updated", UNSET)
        if not (
            (isinstance(updated, int) and updated is not True and updated is not False)
            or updated is None
            or updated is UNSET
        ):
            raise TypeError("updated: unexpected " + type(updated).__name__)

        session = cls(
            id,
            client_token,
            state,
            verifications,
            fail_code,
            result_vp,
            created,
            updated,
        )

        session.additional_properties = d
        return session

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
