"""Sipher's request validation: zod 4's rules and issue objects, as Sipher's routes
apply them, so that a client's error handling meets the real `details`."""

from __future__ import annotations

import re
from typing import Any

__all__ = ["UNDEFINED", "check_body", "known_defaults"]

UNDEFINED: Any = object()
"""A body express.json left undefined (none, or not declared as JSON); zod says so."""

# fmt: off
_ENUMS: dict[str, tuple[str, ...]] = {
    "chain": (
        "solana", "ethereum", "polygon", "arbitrum", "optimism", "base", "near", "aptos",
        "sui", "cosmos", "osmosis", "injective", "celestia", "sei", "dydx", "bitcoin", "zcash",
    ),
    "privacyLevel": ("standard", "shielded", "maximum"),
    "rpcProvider": ("helius", "quicknode", "triton", "generic"),
    "backend": ("sip-native",),
}
# fmt: on
_VIEWING_KEY = re.compile(r"0x[0-9a-fA-F]+")
_MIN_TTL, _MAX_TTL = 60, 86400


def known_defaults(value: dict[str, Any]) -> dict[str, str]:
    """The known keys only: zod strips the others."""
    keys = (*_ENUMS, "defaultViewingKey")
    return {key: value[key] for key in keys if key in value}


def check_body(body: Any, *, with_ttl: bool) -> list[dict[str, Any]]:
    """zod's issues with a create body (`with_ttl`) or an update body; [] when valid."""
    if not isinstance(body, dict):
        return [_invalid_type("object", body, [])]
    issues: list[dict[str, Any]] = []
    defaults = body.get("defaults", UNDEFINED)
    if not isinstance(defaults, dict):
        issues.append(_invalid_type("object", defaults, ["defaults"]))
    else:
        issues.extend(_check_defaults(defaults))
    if with_ttl and "ttlSeconds" in body:
        issues.extend(_check_ttl(body["ttlSeconds"]))
    return issues


def _check_defaults(defaults: dict[str, Any]) -> list[dict[str, Any]]:
    issues: list[dict[str, Any]] = []
    for key, values in _ENUMS.items():
        if key in defaults and defaults[key] not in values:
            expected = "|".join(f'"{v}"' for v in values)
            message = (
                f"Invalid input: expected {expected}"
                if len(values) == 1
                else f"Invalid option: expected one of {expected}"
            )
            issues.append(
                {
                    "code": "invalid_value",
                    "values": list(values),
                    "path": ["defaults", key],
                    "message": message,
                }
            )
    if "defaultViewingKey" in defaults:
        key = defaults["defaultViewingKey"]
        path = ["defaults", "defaultViewingKey"]
        if not isinstance(key, str):
            issues.append(_invalid_type("string", key, path))
        elif not _VIEWING_KEY.fullmatch(key):
            issues.append(
                {
                    "origin": "string",
                    "code": "invalid_format",
                    "format": "regex",
                    "pattern": "/^0x[0-9a-fA-F]+$/",
                    "path": path,
                    "message": "0x-prefixed hex string",
                }
            )
    return issues


def _check_ttl(ttl: Any) -> list[dict[str, Any]]:
    path = ["ttlSeconds"]
    if isinstance(ttl, bool) or not isinstance(ttl, (int, float)):
        return [_invalid_type("number", ttl, path)]
    if isinstance(ttl, float) and not ttl.is_integer():
        return [
            {
                "expected": "int",
                "format": "safeint",
                "code": "invalid_type",
                "path": path,
                "message": "Invalid input: expected int, received number",
            }
        ]
    if ttl < _MIN_TTL:
        return [
            {
                "origin": "number",
                "code": "too_small",
                "minimum": _MIN_TTL,
                "inclusive": True,
                "path": path,
                "message": f"Too small: expected number to be >={_MIN_TTL}",
            }
        ]
    if ttl > _MAX_TTL:
        return [
            {
                "origin": "number",
                "code": "too_big",
                "maximum": _MAX_TTL,
                "inclusive": True,
                "path": path,
                "message": f"Too big: expected number to be <={_MAX_TTL}",
            }
        ]
    return []


def _invalid_type(expected: str, value: Any, path: list[str]) -> dict[str, Any]:
    received = _zod_type(value)
    return {
        "expected": expected,
        "code": "invalid_type",
        "path": path,
        "message": f"Invalid input: expected {expected}, received {received}",
    }


def _zod_type(value: Any) -> str:
    if value is UNDEFINED:
        return "undefined"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"
