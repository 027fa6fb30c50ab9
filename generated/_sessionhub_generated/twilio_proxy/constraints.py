# written by scripts/codegen/constraints.py from specs/twilio_proxy.yaml; do not edit, run `make generate`.
"""Request constraints of specs/twilio_proxy.yaml, for the facade's checks before sending.

SCHEMAS and OPERATIONS hold the spec's validation keywords only (see
scripts/codegen/constraints.py); the Literal aliases and TypedDicts type the facade's
arguments. Generated: edit the spec, never this file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final, Literal, NotRequired, TypedDict

from .models import SessionCreateStatus, SessionMode, SessionStatus

__all__ = [
    "OPERATIONS",
    "ParticipantRequestDict",
    "SCHEMAS",
    "SessionCreateStatusValue",
    "SessionModeValue",
    "SessionStatusValue",
]

SessionStatusValue = Literal["open", "in-progress", "closed", "failed", "unknown"]
"""The values of `SessionStatus`."""

SessionCreateStatusValue = Literal["open", "in-progress"]
"""The values of `SessionCreateStatus`."""

SessionModeValue = Literal["message-only", "voice-only", "voice-and-message"]
"""The values of `SessionMode`."""


class ParticipantRequestDict(TypedDict):
    """`ParticipantRequest` as a dict (wire names)."""

    Identifier: str
    FriendlyName: NotRequired[str]
    ProxyIdentifier: NotRequired[str]
    ProxyIdentifierSid: NotRequired[str]


SCHEMAS: Final[dict[str, dict[str, Any]]] = {
    "CreateSessionRequest": {
        "type": "object",
        "properties": {
            "UniqueName": {"type": "string", "maxLength": 191},
            "DateExpiry": {"type": "string", "format": "date-time"},
            "Ttl": {"type": "integer", "minimum": 0},
            "Mode": {"$ref": "SessionMode"},
            "Status": {"$ref": "SessionCreateStatus"},
            "Participants": {
                "type": "array",
                "maxItems": 2,
                "items": {"type": "string"},
            },
        },
    },
    "UpdateSessionRequest": {
        "type": "object",
        "properties": {
            "DateExpiry": {"type": "string", "format": "date-time"},
            "Ttl": {"type": "integer", "minimum": 0},
            "Status": {"$ref": "SessionStatus"},
        },
    },
    "ParticipantRequest": {
        "type": "object",
        "required": ["Identifier"],
        "properties": {
            "Identifier": {"type": "string"},
            "FriendlyName": {"type": "string", "maxLength": 255},
            "ProxyIdentifier": {"type": "string"},
            "ProxyIdentifierSid": {
                "type": "string",
                "minLength": 34,
                "maxLength": 34,
                "pattern": "^PN[0-9a-fA-F]{32}$",
            },
        },
    },
    "Session": {
        "type": "object",
        "required": ["sid"],
        "properties": {
            "sid": {
                "type": "string",
                "minLength": 34,
                "maxLength": 34,
                "pattern": "^KC[0-9a-fA-F]{32}$",
            },
            "service_sid": {
                "type": "string",
                "nullable": True,
                "minLength": 34,
                "maxLength": 34,
                "pattern": "^KS[0-9a-fA-F]{32}$",
            },
            "account_sid": {
                "type": "string",
                "nullable": True,
                "minLength": 34,
                "maxLength": 34,
                "pattern": "^AC[0-9a-fA-F]{32}$",
            },
            "date_started": {"type": "string", "format": "date-time", "nullable": True},
            "date_ended": {"type": "string", "format": "date-time", "nullable": True},
            "date_last_interaction": {
                "type": "string",
                "format": "date-time",
                "nullable": True,
            },
            "date_expiry": {"type": "string", "format": "date-time", "nullable": True},
            "unique_name": {"type": "string", "nullable": True},
            "status": {"nullable": True, "$ref": "SessionStatus"},
            "closed_reason": {"type": "string", "nullable": True},
            "ttl": {"type": "integer", "nullable": True},
            "mode": {"nullable": True, "$ref": "SessionMode"},
            "date_created": {"type": "string", "format": "date-time", "nullable": True},
            "date_updated": {"type": "string", "format": "date-time", "nullable": True},
            "url": {"type": "string", "format": "uri", "nullable": True},
            "links": {"nullable": True, "$ref": "SessionLinks"},
        },
    },
    "SessionLinks": {
        "type": "object",
        "properties": {
            "interactions": {"type": "string", "format": "uri"},
            "participants": {"type": "string", "format": "uri"},
        },
    },
    "SessionStatus": {
        "type": "string",
        "enum": ["open", "in-progress", "closed", "failed", "unknown"],
    },
    "SessionCreateStatus": {"type": "string", "enum": ["open", "in-progress"]},
    "SessionMode": {
        "type": "string",
        "enum": ["message-only", "voice-only", "voice-and-message"],
    },
    "ListSessionsResponse": {
        "type": "object",
        "required": ["sessions", "meta"],
        "properties": {
            "sessions": {"type": "array", "items": {"$ref": "Session"}},
            "meta": {"$ref": "PageMeta"},
        },
    },
    "PageMeta": {
        "type": "object",
        "properties": {
            "first_page_url": {"type": "string", "format": "uri"},
            "key": {"type": "string"},
            "next_page_url": {"type": "string", "format": "uri", "nullable": True},
            "page": {"type": "integer"},
            "page_size": {"type": "integer"},
            "previous_page_url": {"type": "string", "format": "uri", "nullable": True},
            "url": {"type": "string", "format": "uri"},
        },
    },
    "TwilioError": {
        "type": "object",
        "properties": {
            "code": {"type": "integer", "format": "int32"},
            "message": {"type": "string"},
            "more_info": {"type": "string"},
            "status": {"type": "integer", "format": "int32"},
            "detail": {"type": "string"},
        },
    },
}
"""Every component schema, by name; `$ref` values name one of these."""

OPERATIONS: Final[dict[str, dict[str, Any]]] = {
    "create_session": {
        "method": "POST",
        "path": "/v1/Services/{ServiceSid}/Sessions",
        "parameters": {
            "ServiceSid": {
                "in": "path",
                "required": True,
                "schema": {
                    "type": "string",
                    "minLength": 34,
                    "maxLength": 34,
                    "pattern": "^KS[0-9a-fA-F]{32}$",
                },
            }
        },
        "body": {
            "content_type": "application/x-www-form-urlencoded",
            "required": True,
            "schema": {"$ref": "CreateSessionRequest"},
        },
    },
    "list_sessions": {
        "method": "GET",
        "path": "/v1/Services/{ServiceSid}/Sessions",
        "parameters": {
            "ServiceSid": {
                "in": "path",
                "required": True,
                "schema": {
                    "type": "string",
                    "minLength": 34,
                    "maxLength": 34,
                    "pattern": "^KS[0-9a-fA-F]{32}$",
                },
            },
            "PageSize": {
                "in": "query",
                "required": False,
                "schema": {
                    "type": "integer",
                    "format": "int64",
                    "minimum": 1,
                    "maximum": 1000,
                },
            },
            "Page": {
                "in": "query",
                "required": False,
                "schema": {"type": "integer", "minimum": 0},
            },
            "PageToken": {
                "in": "query",
                "required": False,
                "schema": {"type": "string"},
            },
        },
    },
    "fetch_session": {
        "method": "GET",
        "path": "/v1/Services/{ServiceSid}/Sessions/{Sid}",
        "parameters": {
            "ServiceSid": {
                "in": "path",
                "required": True,
                "schema": {
                    "type": "string",
                    "minLength": 34,
                    "maxLength": 34,
                    "pattern": "^KS[0-9a-fA-F]{32}$",
                },
            },
            "Sid": {
                "in": "path",
                "required": True,
                "schema": {"type": "string", "minLength": 1, "maxLength": 191},
            },
        },
    },
    "update_session": {
        "method": "POST",
        "path": "/v1/Services/{ServiceSid}/Sessions/{Sid}",
        "parameters": {
            "ServiceSid": {
                "in": "path",
                "required": True,
                "schema": {
                    "type": "string",
                    "minLength": 34,
                    "maxLength": 34,
                    "pattern": "^KS[0-9a-fA-F]{32}$",
                },
            },
            "Sid": {
                "in": "path",
                "required": True,
                "schema": {
                    "type": "string",
                    "minLength": 34,
                    "maxLength": 34,
                    "pattern": "^KC[0-9a-fA-F]{32}$",
                },
            },
        },
        "body": {
            "content_type": "application/x-www-form-urlencoded",
            "required": True,
            "schema": {"$ref": "UpdateSessionRequest"},
        },
    },
    "delete_session": {
        "method": "DELETE",
        "path": "/v1/Services/{ServiceSid}/Sessions/{Sid}",
        "parameters": {
            "ServiceSid": {
                "in": "path",
                "required": True,
                "schema": {
                    "type": "string",
                    "minLength": 34,
                    "maxLength": 34,
                    "pattern": "^KS[0-9a-fA-F]{32}$",
                },
            },
            "Sid": {
                "in": "path",
                "required": True,
                "schema": {
                    "type": "string",
                    "minLength": 34,
                    "maxLength": 34,
                    "pattern": "^KC[0-9a-fA-F]{32}$",
                },
            },
        },
    },
}
"""Per operationId: method, path, parameters by name, and the body."""
