# written by scripts/codegen/constraints.py from specs/sipher.yaml; do not edit, run `make generate`.
"""Request constraints of specs/sipher.yaml, for the facade's checks before sending.

SCHEMAS and OPERATIONS hold the spec's validation keywords only (see
scripts/codegen/constraints.py); the Literal aliases and TypedDicts type the facade's
arguments. Generated: edit the spec, never this file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final, Literal, NotRequired, TypedDict

from .models import Backend, Chain, PrivacyLevel, RpcProvider

__all__ = [
    "BackendValue",
    "ChainValue",
    "OPERATIONS",
    "PrivacyLevelValue",
    "RpcProviderValue",
    "SCHEMAS",
    "SessionDefaultsDict",
]

ChainValue = Literal[
    "solana",
    "ethereum",
    "polygon",
    "arbitrum",
    "optimism",
    "base",
    "near",
    "aptos",
    "sui",
    "cosmos",
    "osmosis",
    "injective",
    "celestia",
    "sei",
    "dydx",
    "bitcoin",
    "zcash",
]
"""The values of `Chain`."""

PrivacyLevelValue = Literal["standard", "shielded", "maximum"]
"""The values of `PrivacyLevel`."""

RpcProviderValue = Literal["helius", "quicknode", "triton", "generic"]
"""The values of `RpcProvider`."""

BackendValue = Literal["sip-native"]
"""The values of `Backend`."""


class SessionDefaultsDict(TypedDict):
    """`SessionDefaults` as a dict (wire names)."""

    chain: NotRequired[ChainValue | Chain]
    privacyLevel: NotRequired[PrivacyLevelValue | PrivacyLevel]
    rpcProvider: NotRequired[RpcProviderValue | RpcProvider]
    backend: NotRequired[BackendValue | Backend]
    defaultViewingKey: NotRequired[str]


SCHEMAS: Final[dict[str, dict[str, Any]]] = {
    "CreateSessionRequest": {
        "type": "object",
        "required": ["defaults"],
        "properties": {
            "defaults": {"$ref": "SessionDefaults"},
            "ttlSeconds": {
                "type": "integer",
                "format": "int32",
                "minimum": 60,
                "maximum": 86400,
            },
        },
    },
    "UpdateSessionRequest": {
        "type": "object",
        "required": ["defaults"],
        "properties": {"defaults": {"$ref": "SessionDefaults"}},
    },
    "SessionDefaults": {
        "type": "object",
        "properties": {
            "chain": {"$ref": "Chain"},
            "privacyLevel": {"$ref": "PrivacyLevel"},
            "rpcProvider": {"$ref": "RpcProvider"},
            "backend": {"$ref": "Backend"},
            "defaultViewingKey": {
                "type": "string",
                "pattern": "^0x[0-9a-fA-F]+$",
                "minLength": 3,
            },
        },
    },
    "CreateSessionResponse": {
        "type": "object",
        "required": ["success", "data"],
        "properties": {
            "success": {"type": "boolean"},
            "data": {"$ref": "CreateSessionData"},
        },
    },
    "CreateSessionData": {
        "type": "object",
        "required": ["sessionId", "defaults", "createdAt", "expiresAt"],
        "properties": {
            "sessionId": {
                "type": "string",
                "pattern": "^sess_[0-9a-f]{64}$",
                "minLength": 69,
                "maxLength": 69,
            },
            "defaults": {"$ref": "SessionDefaults"},
            "createdAt": {"type": "integer", "format": "int64"},
            "expiresAt": {"type": "integer", "format": "int64"},
        },
    },
    "GetSessionResponse": {
        "type": "object",
        "required": ["success", "data"],
        "properties": {"success": {"type": "boolean"}, "data": {"$ref": "SessionData"}},
    },
    "SessionData": {
        "type": "object",
        "required": [
            "sessionId",
            "defaults",
            "createdAt",
            "expiresAt",
            "lastAccessedAt",
        ],
        "properties": {
            "sessionId": {
                "type": "string",
                "pattern": "^sess_[0-9a-f]{64}$",
                "minLength": 69,
                "maxLength": 69,
            },
            "defaults": {"$ref": "SessionDefaults"},
            "createdAt": {"type": "integer", "format": "int64"},
            "expiresAt": {"type": "integer", "format": "int64"},
            "lastAccessedAt": {"type": "integer", "format": "int64"},
        },
    },
    "UpdateSessionResponse": {
        "type": "object",
        "required": ["success", "data"],
        "properties": {
            "success": {"type": "boolean"},
            "data": {"$ref": "UpdateSessionData"},
        },
    },
    "UpdateSessionData": {
        "type": "object",
        "required": ["sessionId", "defaults", "expiresAt", "lastAccessedAt"],
        "properties": {
            "sessionId": {
                "type": "string",
                "pattern": "^sess_[0-9a-f]{64}$",
                "minLength": 69,
                "maxLength": 69,
            },
            "defaults": {"$ref": "SessionDefaults"},
            "expiresAt": {"type": "integer", "format": "int64"},
            "lastAccessedAt": {"type": "integer", "format": "int64"},
        },
    },
    "DeleteSessionResponse": {
        "type": "object",
        "required": ["success", "data"],
        "properties": {
            "success": {"type": "boolean"},
            "data": {"$ref": "DeleteSessionData"},
        },
    },
    "DeleteSessionData": {
        "type": "object",
        "required": ["sessionId", "deleted"],
        "properties": {
            "sessionId": {
                "type": "string",
                "pattern": "^sess_[0-9a-f]{64}$",
                "minLength": 69,
                "maxLength": 69,
            },
            "deleted": {"type": "boolean"},
        },
    },
    "ErrorResponse": {
        "type": "object",
        "required": ["success", "error"],
        "properties": {
            "success": {"type": "boolean", "enum": [False]},
            "error": {"$ref": "ErrorDetail"},
        },
    },
    "ErrorDetail": {
        "type": "object",
        "required": ["code", "message"],
        "properties": {
            "code": {"type": "string"},
            "message": {"type": "string"},
            "details": {},
            "retryable": {"type": "boolean"},
        },
    },
    "Chain": {
        "type": "string",
        "enum": [
            "solana",
            "ethereum",
            "polygon",
            "arbitrum",
            "optimism",
            "base",
            "near",
            "aptos",
            "sui",
            "cosmos",
            "osmosis",
            "injective",
            "celestia",
            "sei",
            "dydx",
            "bitcoin",
            "zcash",
        ],
    },
    "PrivacyLevel": {"type": "string", "enum": ["standard", "shielded", "maximum"]},
    "RpcProvider": {
        "type": "string",
        "enum": ["helius", "quicknode", "triton", "generic"],
    },
    "Backend": {"type": "string", "enum": ["sip-native"]},
}
"""Every component schema, by name; `$ref` values name one of these."""

OPERATIONS: Final[dict[str, dict[str, Any]]] = {
    "create_session": {
        "method": "POST",
        "path": "/v1/sessions",
        "parameters": {},
        "body": {
            "content_type": "application/json",
            "required": True,
            "schema": {"$ref": "CreateSessionRequest"},
        },
    },
    "get_session": {
        "method": "GET",
        "path": "/v1/sessions/{id}",
        "parameters": {
            "id": {
                "in": "path",
                "required": True,
                "schema": {
                    "type": "string",
                    "pattern": "^sess_[0-9a-f]{64}$",
                    "minLength": 69,
                    "maxLength": 69,
                },
            }
        },
    },
    "update_session": {
        "method": "PATCH",
        "path": "/v1/sessions/{id}",
        "parameters": {
            "id": {
                "in": "path",
                "required": True,
                "schema": {
                    "type": "string",
                    "pattern": "^sess_[0-9a-f]{64}$",
                    "minLength": 69,
                    "maxLength": 69,
                },
            }
        },
        "body": {
            "content_type": "application/json",
            "required": True,
            "schema": {"$ref": "UpdateSessionRequest"},
        },
    },
    "delete_session": {
        "method": "DELETE",
        "path": "/v1/sessions/{id}",
        "parameters": {
            "id": {
                "in": "path",
                "required": True,
                "schema": {
                    "type": "string",
                    "pattern": "^sess_[0-9a-f]{64}$",
                    "minLength": 69,
                    "maxLength": 69,
                },
            }
        },
    },
}
"""Per operationId: method, path, parameters by name, and the body."""
