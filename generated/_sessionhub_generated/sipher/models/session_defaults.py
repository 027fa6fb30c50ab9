from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.backend import Backend
from ..models.chain import Chain
from ..models.privacy_level import PrivacyLevel
from ..models.rpc_provider import RpcProvider

_CHAIN_BY_VALUE: dict[str, Chain] = {member.value: member for member in Chain}
_PRIVACY_LEVEL_BY_VALUE: dict[str, PrivacyLevel] = {
    member.value: member for member in PrivacyLevel
}
_RPC_PROVIDER_BY_VALUE: dict[str, RpcProvider] = {
    member.value: member for member in RpcProvider
}
_BACKEND_BY_VALUE: dict[str, Backend] = {member.value: member for member in Backend}


T = TypeVar("T", bound="SessionDefaults")


@_attrs_define
class SessionDefaults:
    """Default parameters stored in a session. All optional; in responses only the keys
    that were set appear. None is nullable: `null` is rejected with 400, and a stored key
    cannot be removed. When the session id is sent as `X-Session-Id`, each key is copied
    under the same name into the top level of the request's JSON body, unless the body
    already has it. Upstream name `createSession_request_defaults`; upstream types the
    response side as a bare object.

        Attributes:
            chain (Chain | None): Chains a session can default to (17 values).
            privacy_level (PrivacyLevel | None): Privacy level of a session's defaults. Not the `PrivacyLevel` of the npm
                package
                `@sip-protocol/types` (`transparent`, `shielded`, `compliant`), which is a different set.
            rpc_provider (RpcProvider | None): RPC provider a session can default to.
            backend (Backend | None): Privacy backend. Only `sip-native` since commit `41e32a7` (2026-04-10); the earlier
                values `arcium` and `inco` are now rejected with 400. Sessions live at most 24 hours,
                so no stored session still carries them.
            default_viewing_key (str | None): Default viewing key: `0x` followed by hex digits (either case). Any length of
                one
                hex digit or more; not limited to 32 bytes.
    """

    chain: Chain | None = None
    privacy_level: PrivacyLevel | None = None
    rpc_provider: RpcProvider | None = None
    backend: Backend | None = None
    default_viewing_key: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if self.chain is not None:
            chain = self.chain.value
            field_dict["chain"] = chain
        if self.privacy_level is not None:
            privacy_level = self.privacy_level.value
            field_dict["privacyLevel"] = privacy_level
        if self.rpc_provider is not None:
            rpc_provider = self.rpc_provider.value
            field_dict["rpcProvider"] = rpc_provider
        if self.backend is not None:
            backend = self.backend.value
            field_dict["backend"] = backend
        if self.default_viewing_key is not None:
            default_viewing_key = self.default_viewing_key
            field_dict["defaultViewingKey"] = default_viewing_key

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "SessionDefaults: expected a JSON object, got "
                + type(src_dict).__name__
            )
        d = dict(src_dict)
        _chain_value = d.pop("chain", None)
        chain: Chain | None
        if _chain_value is None:
            chain = None
        else:
            if not isinstance(_chain_value, str):
                raise TypeError("chain: unexpected " + type(_chain_value).__name__)
            chain = _CHAIN_BY_VALUE.get(_chain_value) or Chain(_chain_value)

        _privacy_level_value = d.pop("privacyLevel", None)
        privacy_level: PrivacyLevel | None
        if _privacy_level_value is None:
            privacy_level = None
        else:
            if not isinstance(_privacy_level_value, str):
                raise TypeError(
                    "privacyLevel: unexpected " + type(_privacy_level_value).__name__
                )
            privacy_level = _PRIVACY_LEVEL_BY_VALUE.get(
                _privacy_level_value
            ) or PrivacyLevel(_privacy_level_value)

        _rpc_provider_value = d.pop("rpcProvider", None)
        rpc_provider: RpcProvider | None
        if _rpc_provider_value is None:
            rpc_provider = None
        else:
            if not isinstance(_rpc_provider_value, str):
                raise TypeError(
                    "rpcProvider: unexpected " + type(_rpc_provider_value).__name__
                )
            rpc_provider = _RPC_PROVIDER_BY_VALUE.get(
                _rpc_provider_value
            ) or RpcProvider(_rpc_provider_value)

        _backend_value = d.pop("backend", None)
        backend: Backend | None
        if _backend_value is None:
            backend = None
        else:
            if not isinstance(_backend_value, str):
                raise TypeError("backend: unexpected " + type(_backend_value).__name__)
            backend = _BACKEND_BY_VALUE.get(_backend_value) or Backend(_backend_value)

        default_viewing_key = d.pop("defaultViewingKey", None)
        if not (isinstance(default_viewing_key, str) or default_viewing_key is None):
            raise TypeError(
                "defaultViewingKey: unexpected " + type(default_viewing_key).__name__
            )

        session_defaults = cls(
            chain,
            privacy_level,
            rpc_provider,
            backend,
            default_viewing_key,
        )

        session_defaults.additional_properties = d
        return session_defaults

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
