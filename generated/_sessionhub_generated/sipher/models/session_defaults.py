from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.backend import Backend
from ..models.chain import Chain
from ..models.privacy_level import PrivacyLevel
from ..models.rpc_provider import RpcProvider
from ..types import UNSET, Unset

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
            chain (Chain | Unset): Chains a session can default to (17 values).
            privacy_level (PrivacyLevel | Unset): Privacy level of a session's defaults. Not the `PrivacyLevel` of the npm
                package
                `@sip-protocol/types` (`transparent`, `shielded`, `compliant`), which is a different set.
            rpc_provider (RpcProvider | Unset): RPC provider a session can default to.
            backend (Backend | Unset): Privacy backend. Only `sip-native` since commit `41e32a7` (2026-04-10); the earlier
                values `arcium` and `inco` are now rejected with 400. Sessions live at most 24 hours,
                so no stored session still carries them.
            default_viewing_key (str | Unset): Default viewing key: `0x` followed by hex digits (either case). Any length of
                one
                hex digit or more; not limited to 32 bytes.
    """

    chain: Chain | Unset = UNSET
    privacy_level: PrivacyLevel | Unset = UNSET
    rpc_provider: RpcProvider | Unset = UNSET
    backend: Backend | Unset = UNSET
    default_viewing_key: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        chain: str | Unset = UNSET
        if not isinstance(self.chain, Unset):
            chain = self.chain.value

        privacy_level: str | Unset = UNSET
        if not isinstance(self.privacy_level, Unset):
            privacy_level = self.privacy_level.value

        rpc_provider: str | Unset = UNSET
        if not isinstance(self.rpc_provider, Unset):
            rpc_provider = self.rpc_provider.value

        backend: str | Unset = UNSET
        if not isinstance(self.backend, Unset):
            backend = self.backend.value

        default_viewing_key = self.default_viewing_key

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if chain is not UNSET:
            field_dict["chain"] = chain
        if privacy_level is not UNSET:
            field_dict["privacyLevel"] = privacy_level
        if rpc_provider is not UNSET:
            field_dict["rpcProvider"] = rpc_provider
        if backend is not UNSET:
            field_dict["backend"] = backend
        if default_viewing_key is not UNSET:
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
        _chain = d.pop("chain", UNSET)
        chain: Chain | Unset
        if isinstance(_chain, Unset):
            chain = UNSET
        else:
            chain = _CHAIN_BY_VALUE.get(_chain) or Chain(_chain)

        _privacy_level = d.pop("privacyLevel", UNSET)
        privacy_level: PrivacyLevel | Unset
        if isinstance(_privacy_level, Unset):
            privacy_level = UNSET
        else:
            privacy_level = _PRIVACY_LEVEL_BY_VALUE.get(_privacy_level) or PrivacyLevel(
                _privacy_level
            )

        _rpc_provider = d.pop("rpcProvider", UNSET)
        rpc_provider: RpcProvider | Unset
        if isinstance(_rpc_provider, Unset):
            rpc_provider = UNSET
        else:
            rpc_provider = _RPC_PROVIDER_BY_VALUE.get(_rpc_provider) or RpcProvider(
                _rpc_provider
            )

        _backend = d.pop("backend", UNSET)
        backend: Backend | Unset
        if isinstance(_backend, Unset):
            backend = UNSET
        else:
            backend = _BACKEND_BY_VALUE.get(_backend) or Backend(_backend)

        default_viewing_key = d.pop("defaultViewingKey", UNSET)
        if not (isinstance(default_viewing_key, str) or default_viewing_key is UNSET):
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
