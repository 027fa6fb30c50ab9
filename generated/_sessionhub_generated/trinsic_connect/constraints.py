# written by scripts/codegen/constraints.py from specs/trinsic_connect.yaml; do not edit, run `make generate`.
"""Request constraints of specs/trinsic_connect.yaml, for the facade's checks before sending.

SCHEMAS and OPERATIONS hold the spec's validation keywords only (see
scripts/codegen/constraints.py); the Literal aliases and TypedDicts type the facade's
arguments. Generated: edit the spec, never this file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final, Literal, NotRequired, TypedDict

from .models import (
    IdvSessionState,
    OrderDirection,
    SessionFailCode,
    SessionOrdering,
    VerificationFailCode,
    VerificationState,
    VerificationType,
)

__all__ = [
    "GovernmentIdOptionsDict",
    "IdvSessionStateValue",
    "OPERATIONS",
    "OrderDirectionValue",
    "RequestedVerificationDict",
    "SCHEMAS",
    "SessionFailCodeValue",
    "SessionOrderingValue",
    "VerificationFailCodeValue",
    "VerificationStateValue",
    "VerificationTypeValue",
]

IdvSessionStateValue = Literal[
    "IdvCreated",
    "IdvInitiated",
    "IdvAuthenticating",
    "IdvInProgress",
    "IdvSuccess",
    "IdvFailed",
]
"""The values of `IdvSessionState`."""

SessionFailCodeValue = Literal[
    "SessionFailNone",
    "SessionFailInternal",
    "SessionFailVerificationFailed",
    "SessionFailAuthentication",
    "SessionFailExpired",
    "SessionFailUserCanceled",
    "SessionFailRpcCanceled",
    "SessionFailRpCanceled",
]
"""The values of `SessionFailCode`."""

VerificationStateValue = Literal[
    "VerificationPending", "VerificationSuccess", "VerificationFailed"
]
"""The values of `VerificationState`."""

VerificationFailCodeValue = Literal[
    "VerificationFailNone",
    "VerificationFailInternal",
    "VerificationFailInvalidImage",
    "VerificationFailInauthentic",
    "VerificationFailUnsupportedDocument",
]
"""The values of `VerificationFailCode`."""

VerificationTypeValue = Literal["GovernmentId"]
"""The values of `VerificationType`."""

SessionOrderingValue = Literal["Created", "Updated", "State"]
"""The values of `SessionOrdering`."""

OrderDirectionValue = Literal["Ascending", "Descending"]
"""The values of `OrderDirection`."""


class RequestedVerificationDict(TypedDict):
    """`RequestedVerification` as a dict (wire names)."""

    type: NotRequired[VerificationTypeValue | VerificationType]
    governmentIdOptions: NotRequired[GovernmentIdOptionsDict]


class GovernmentIdOptionsDict(TypedDict):
    """`GovernmentIdOptions` as a dict (wire names)."""

    idNumber: NotRequired[bool]
    givenName: NotRequired[bool]
    familyName: NotRequired[bool]
    address: NotRequired[bool]
    dateOfBirth: NotRequired[bool]
    country: NotRequired[bool]
    issueDate: NotRequired[bool]
    expirationDate: NotRequired[bool]


SCHEMAS: Final[dict[str, dict[str, Any]]] = {
    "CreateSessionRequest": {
        "type": "object",
        "properties": {
            "verifications": {
                "type": "array",
                "nullable": True,
                "items": {"$ref": "RequestedVerification"},
            }
        },
    },
    "RequestedVerification": {
        "type": "object",
        "properties": {
            "type": {"$ref": "VerificationType"},
            "governmentIdOptions": {"$ref": "GovernmentIdOptions"},
        },
    },
    "GovernmentIdOptions": {
        "type": "object",
        "properties": {
            "idNumber": {"type": "boolean"},
            "givenName": {"type": "boolean"},
            "familyName": {"type": "boolean"},
            "address": {"type": "boolean"},
            "dateOfBirth": {"type": "boolean"},
            "country": {"type": "boolean"},
            "issueDate": {"type": "boolean"},
            "expirationDate": {"type": "boolean"},
        },
    },
    "CreateSessionResponse": {
        "type": "object",
        "required": ["session"],
        "properties": {"session": {"$ref": "Session"}},
    },
    "GetSessionResponse": {
        "type": "object",
        "properties": {"session": {"$ref": "Session"}},
    },
    "CancelSessionResponse": {
        "type": "object",
        "required": ["session"],
        "properties": {"session": {"$ref": "Session"}},
    },
    "ListSessionsRequest": {
        "type": "object",
        "required": ["orderBy", "orderDirection"],
        "properties": {
            "orderBy": {"$ref": "SessionOrdering"},
            "orderDirection": {"$ref": "OrderDirection"},
            "pageSize": {
                "type": "integer",
                "format": "int32",
                "minimum": 1,
                "maximum": 10,
            },
            "page": {
                "type": "integer",
                "format": "int32",
                "minimum": 1,
                "maximum": 2147483647,
            },
        },
    },
    "ListSessionsResponse": {
        "type": "object",
        "properties": {
            "sessions": {
                "type": "array",
                "nullable": True,
                "items": {"$ref": "Session"},
            },
            "total": {"type": "integer", "format": "int32"},
            "more": {"type": "boolean"},
        },
    },
    "Session": {
        "type": "object",
        "required": ["id"],
        "properties": {
            "id": {"type": "string"},
            "clientToken": {"type": "string", "nullable": True},
            "state": {"nullable": True, "$ref": "IdvSessionState"},
            "verifications": {"nullable": True, "$ref": "VerificationMap"},
            "failCode": {"nullable": True, "$ref": "SessionFailCode"},
            "resultVp": {"type": "string", "nullable": True},
            "created": {"type": "integer", "format": "int64", "nullable": True},
            "updated": {"type": "integer", "format": "int64", "nullable": True},
        },
    },
    "VerificationMap": {
        "type": "object",
        "additionalProperties": {"$ref": "Verification"},
    },
    "Verification": {
        "type": "object",
        "properties": {
            "id": {"type": "string", "nullable": True},
            "type": {"nullable": True, "$ref": "VerificationType"},
            "state": {"nullable": True, "$ref": "VerificationState"},
            "failCode": {"nullable": True, "$ref": "VerificationFailCode"},
            "reused": {"type": "boolean"},
            "updated": {"type": "integer", "format": "int64", "nullable": True},
            "governmentIdOptions": {"nullable": True, "$ref": "GovernmentIdOptions"},
            "normalizedGovernmentIdData": {
                "nullable": True,
                "$ref": "NormalizedGovernmentIdData",
            },
        },
    },
    "NormalizedGovernmentIdData": {
        "type": "object",
        "properties": {
            "idNumber": {"type": "string", "nullable": True},
            "givenName": {"type": "string", "nullable": True},
            "familyName": {"type": "string", "nullable": True},
            "address": {"type": "string", "nullable": True},
            "dateOfBirth": {"type": "string", "nullable": True},
            "country": {"type": "string", "nullable": True},
            "issueDate": {"type": "string", "nullable": True},
            "expirationDate": {"type": "string", "nullable": True},
        },
    },
    "FailureMessage": {
        "type": "object",
        "properties": {"message": {"type": "string", "nullable": True}},
    },
    "ValidationErrors": {"type": "array", "items": {"$ref": "ValidationResult"}},
    "ValidationResult": {
        "type": "object",
        "properties": {
            "memberNames": {
                "type": "array",
                "nullable": True,
                "items": {"type": "string"},
            },
            "errorMessage": {"type": "string", "nullable": True},
        },
    },
    "IdvSessionState": {
        "type": "string",
        "enum": [
            "IdvCreated",
            "IdvInitiated",
            "IdvAuthenticating",
            "IdvInProgress",
            "IdvSuccess",
            "IdvFailed",
        ],
    },
    "SessionFailCode": {
        "type": "string",
        "enum": [
            "SessionFailNone",
            "SessionFailInternal",
            "SessionFailVerificationFailed",
            "SessionFailAuthentication",
            "SessionFailExpired",
            "SessionFailUserCanceled",
            "SessionFailRpcCanceled",
            "SessionFailRpCanceled",
        ],
    },
    "VerificationState": {
        "type": "string",
        "enum": ["VerificationPending", "VerificationSuccess", "VerificationFailed"],
    },
    "VerificationFailCode": {
        "type": "string",
        "enum": [
            "VerificationFailNone",
            "VerificationFailInternal",
            "VerificationFailInvalidImage",
            "VerificationFailInauthentic",
            "VerificationFailUnsupportedDocument",
        ],
    },
    "VerificationType": {"type": "string", "enum": ["GovernmentId"]},
    "SessionOrdering": {"type": "string", "enum": ["Created", "Updated", "State"]},
    "OrderDirection": {"type": "string", "enum": ["Ascending", "Descending"]},
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
        "path": "/v1/sessions/get",
        "parameters": {
            "sessionId": {
                "in": "query",
                "required": True,
                "schema": {"type": "string", "minLength": 5, "maxLength": 100},
            }
        },
    },
    "list_sessions": {
        "method": "POST",
        "path": "/v1/sessions/list",
        "parameters": {},
        "body": {
            "content_type": "application/json",
            "required": True,
            "schema": {"$ref": "ListSessionsRequest"},
        },
    },
    "cancel_session": {
        "method": "POST",
        "path": "/v1/sessions/cancel",
        "parameters": {
            "sessionId": {
                "in": "query",
                "required": True,
                "schema": {"type": "string", "minLength": 5, "maxLength": 100},
            }
        },
    },
}
"""Per operationId: method, path, parameters by name, and the body."""
