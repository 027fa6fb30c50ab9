from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.idv_session_state import IdvSessionState
from ..models.session_fail_code import SessionFailCode
from ..models.verification_map import VerificationMap

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
        id (None | str): Session id, the value passed as `sessionId`. Format not documented; the samples use UUIDs, as
            the successor API does.
        client_token (None | str): Token to hand to the end user's front end, which runs the verification flow with it.
        state (IdvSessionState | None): Lifecycle state. Uncertain: upstream declares a non-nullable enum, but that
            cannot be confirmed; sessionhub reads it as nullable.
        verifications (None | VerificationMap): The session's verifications, as a map (not a list). Key meaning is not
            documented; the samples key by verification id.
        fail_code (None | SessionFailCode): Why the session failed; `SessionFailNone` when it has not failed. Uncertain:
            upstream declares a non-nullable enum; sessionhub reads it as nullable.
        result_vp (None | str): Not documented. The name suggests a serialized verifiable presentation of the results.
        created (int | None): When the session was created, as an epoch number. Uncertain: the unit is not
            documented for this version (the successor API uses Unix seconds), and upstream
            declares it non-nullable. sessionhub reads it as nullable Unix seconds.
        updated (int | None): When the session's state or data last changed, as an epoch number. Uncertain: the
            unit is not documented for this version (the successor API uses Unix seconds),
            and upstream declares it non-nullable. sessionhub reads it as nullable Unix
            seconds.
    """

    id: None | str = None
    client_token: None | str = None
    state: IdvSessionState | None = None
    verifications: None | VerificationMap = None
    fail_code: None | SessionFailCode = None
    result_vp: None | str = None
    created: int | None = None
    updated: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: None | str
        id = self.id

        client_token: None | str
        client_token = self.client_token

        state: None | str
        if isinstance(self.state, IdvSessionState):
            state = self.state.value
        else:
            state = self.state

        verifications: dict[str, Any] | None
        if isinstance(self.verifications, VerificationMap):
            verifications = self.verifications.to_dict()
        else:
            verifications = self.verifications

        fail_code: None | str
        if isinstance(self.fail_code, SessionFailCode):
            fail_code = self.fail_code.value
        else:
            fail_code = self.fail_code

        result_vp: None | str
        result_vp = self.result_vp

        created: int | None
        created = self.created

        updated: int | None
        updated = self.updated

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "clientToken": client_token,
                "state": state,
                "verifications": verifications,
                "failCode": fail_code,
                "resultVp": result_vp,
                "created": created,
                "updated": updated,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "Session: expected a JSON object, got " + type(src_dict).__name__
            )
        d = dict(src_dict)
        id: None | str = d.pop("id", None)
        if not (isinstance(id, str) or id is None):
            raise TypeError("id: unexpected " + type(id).__name__)

        client_token: None | str = d.pop("clientToken", None)
        if not (isinstance(client_token, str) or client_token is None):
            raise TypeError("clientToken: unexpected " + type(client_token).__name__)

        _state_value = d.pop("state", None)
        state: IdvSessionState | None
        if _state_value is None:
            state = _state_value
        else:
            if not isinstance(_state_value, str):
                raise TypeError("state: unexpected " + type(_state_value).__name__)
            state_type_1 = _IDV_SESSION_STATE_BY_VALUE.get(
                _state_value
            ) or IdvSessionState(_state_value)

            state = state_type_1

        _verifications_value = d.pop("verifications", None)
        verifications: None | VerificationMap
        if _verifications_value is None:
            verifications = _verifications_value
        else:
            if not isinstance(_verifications_value, dict):
                raise TypeError(
                    "verifications: unexpected " + type(_verifications_value).__name__
                )
            verifications_type_1 = VerificationMap.from_dict(_verifications_value)

            verifications = verifications_type_1

        _fail_code_value = d.pop("failCode", None)
        fail_code: None | SessionFailCode
        if _fail_code_value is None:
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

        result_vp: None | str = d.pop("resultVp", None)
        if not (isinstance(result_vp, str) or result_vp is None):
            raise TypeError("resultVp: unexpected " + type(result_vp).__name__)

        created: int | None = d.pop("created", None)
        if not (
            (isinstance(created, int) and created is not True and created is not False)
            or created is None
        ):
            raise TypeError("created: unexpected " + type(created).__name__)

        updated: int | None = d.pop("updated", None)
        if not (
            (isinstance(updated, int) and updated is not True and updated is not False)
            or updated is None
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
