from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.idv_session_state import IdvSessionState
from ..models.session_fail_code import SessionFailCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.verification_map import VerificationMap


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
        from ..models.verification_map import VerificationMap  # noqa: PLC0415

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
        from ..models.verification_map import VerificationMap  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_client_token(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_token = _parse_client_token(d.pop("clientToken", UNSET))

        def _parse_state(data: object) -> IdvSessionState | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError()
            state_type_1 = IdvSessionState(data)

            return state_type_1

        state = _parse_state(d.pop("state", UNSET))

        def _parse_verifications(data: object) -> None | Unset | VerificationMap:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, dict):
                raise TypeError()
            verifications_type_1 = VerificationMap.from_dict(data)

            return verifications_type_1

        verifications = _parse_verifications(d.pop("verifications", UNSET))

        def _parse_fail_code(data: object) -> None | SessionFailCode | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError()
            fail_code_type_1 = SessionFailCode(data)

            return fail_code_type_1

        fail_code = _parse_fail_code(d.pop("failCode", UNSET))

        def _parse_result_vp(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        result_vp = _parse_result_vp(d.pop("resultVp", UNSET))

        def _parse_created(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        created = _parse_created(d.pop("created", UNSET))

        def _parse_updated(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        updated = _parse_updated(d.pop("updated", UNSET))

        session = cls(
            id=id,
            client_token=client_token,
            state=state,
            verifications=verifications,
            fail_code=fail_code,
            result_vp=result_vp,
            created=created,
            updated=updated,
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
