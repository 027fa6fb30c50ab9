# written by scripts/codegen/constraints.py from specs/equos.yaml; do not edit, run `make generate`.
"""Request constraints of specs/equos.yaml, for the facade's checks before sending.

SCHEMAS and OPERATIONS hold the spec's validation keywords only (see
scripts/codegen/constraints.py); the Literal aliases and TypedDicts type the facade's
arguments. Generated: edit the spec, never this file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final, Literal, NotRequired, TypedDict

from .models import AgentModel, AgentProvider, AgentVoice

__all__ = [
    "AgentModelValue",
    "AgentProviderValue",
    "AgentVoiceValue",
    "CreateAgentRequestDict",
    "CreateAvatarRequestDict",
    "EquosSessionHostDict",
    "OPERATIONS",
    "ParticipantIdentityDict",
    "ResourceReferenceDict",
    "SCHEMAS",
]

AgentProviderValue = Literal["openai", "gemini", "elevenlabs"]
"""The values of `AgentProvider`."""

AgentModelValue = Literal[
    "gemini-2.5-flash-native-audio-preview-09-2025",
    "gpt-4o-realtime-preview",
    "gpt-realtime",
]
"""The values of `AgentModel`."""

AgentVoiceValue = Literal[
    "Puck",
    "Charon",
    "Kore",
    "Fenrir",
    "Aoede",
    "Leda",
    "Orus",
    "Zephyr",
    "Sulafat",
    "Sadachbia",
    "Sadaltager",
    "Vindemiatrix",
    "Zubenelgenubi",
    "Achird",
    "Pulcherrima",
    "Gacrux",
    "Schedar",
    "Alnilam",
    "Achernar",
    "Laomedeia",
    "Rasalgethi",
    "Algenib",
    "Erinome",
    "Despina",
    "Algieba",
    "Umbriel",
    "Iapetus",
    "Enceladus",
    "Autonoe",
    "Callirrhoe",
    "alloy",
    "marin",
    "cedar",
    "ash",
    "ballad",
    "coral",
    "echo",
    "sage",
    "shimmer",
    "verse",
]
"""The values of `AgentVoice`."""


class EquosSessionHostDict(TypedDict):
    """`EquosSessionHost` as a dict (wire names)."""

    serverUrl: str
    accessToken: str


class ParticipantIdentityDict(TypedDict):
    """`ParticipantIdentity` as a dict (wire names)."""

    identity: str
    name: str


class ResourceReferenceDict(TypedDict):
    """`ResourceReference` as a dict (wire names)."""

    id: str


class CreateAgentRequestDict(TypedDict):
    """`CreateAgentRequest` as a dict (wire names)."""

    name: NotRequired[str]
    client: NotRequired[str | None]
    provider: AgentProviderValue | AgentProvider
    model: NotRequired[AgentModelValue | AgentModel]
    voice: NotRequired[AgentVoiceValue | AgentVoice]
    instructions: NotRequired[str]
    greetingMsg: NotRequired[str]
    remoteId: NotRequired[str]
    search: NotRequired[bool]
    emotions: NotRequired[bool]
    memory: NotRequired[bool]


class CreateAvatarRequestDict(TypedDict):
    """`CreateAvatarRequest` as a dict (wire names)."""

    identity: str
    name: str
    refImage: str
    agentId: NotRequired[str | None]
    client: NotRequired[str | None]


SCHEMAS: Final[dict[str, dict[str, Any]]] = {
    "CreateSessionRequest": {
        "type": "object",
        "required": ["name", "avatar"],
        "properties": {
            "name": {"type": "string"},
            "client": {"type": "string"},
            "host": {"$ref": "EquosSessionHost"},
            "maxDuration": {"type": "integer", "minimum": 1},
            "additionalCtx": {"type": "string"},
            "templateVars": {"$ref": "TemplateVars"},
            "agent": {
                "oneOf": [{"$ref": "CreateAgentRequest"}, {"$ref": "ResourceReference"}]
            },
            "avatar": {
                "oneOf": [
                    {"$ref": "CreateAvatarRequest"},
                    {"$ref": "ResourceReference"},
                ]
            },
            "remoteAgentConnectingIdentity": {"$ref": "ParticipantIdentity"},
            "consumerIdentity": {"$ref": "ParticipantIdentity"},
        },
    },
    "CreateSessionResponse": {
        "type": "object",
        "required": ["session"],
        "properties": {
            "session": {"$ref": "EquosSession"},
            "consumerAccessToken": {"type": "string", "nullable": True},
            "remoteAgentAccessToken": {"type": "string", "nullable": True},
        },
    },
    "ListSessionsResponse": {
        "type": "object",
        "required": ["skip", "take", "total", "sessions"],
        "properties": {
            "skip": {"type": "integer"},
            "take": {"type": "integer"},
            "total": {"type": "integer"},
            "sessions": {"type": "array", "items": {"$ref": "EquosSession"}},
        },
    },
    "EquosSession": {
        "type": "object",
        "required": [
            "id",
            "organizationId",
            "freemium",
            "name",
            "provider",
            "status",
            "host",
            "avatar",
            "startedAt",
            "createdAt",
            "updatedAt",
        ],
        "properties": {
            "id": {"type": "string"},
            "organizationId": {"type": "string"},
            "freemium": {"type": "boolean"},
            "name": {"type": "string"},
            "provider": {"type": "string"},
            "client": {"type": "string", "nullable": True},
            "status": {"type": "string"},
            "maxDuration": {"type": "integer", "nullable": True},
            "additionalCtx": {"type": "string", "nullable": True},
            "templateVars": {"nullable": True, "$ref": "TemplateVars"},
            "host": {"$ref": "EquosSessionServer"},
            "avatarId": {"type": "string", "nullable": True},
            "avatar": {"$ref": "EquosAvatar"},
            "agentId": {"type": "string", "nullable": True},
            "agent": {"nullable": True, "$ref": "EquosAgent"},
            "knowledgeBaseId": {"type": "string", "nullable": True},
            "knowledgeBase": {"nullable": True, "$ref": "ResourceReference"},
            "remoteAgentIdentity": {"type": "string", "nullable": True},
            "transcript": {"nullable": True, "$ref": "EquosTranscript"},
            "startedAt": {"type": "string", "format": "date-time"},
            "endedAt": {"type": "string", "format": "date-time", "nullable": True},
            "createdAt": {"type": "string", "format": "date-time"},
            "updatedAt": {"type": "string", "format": "date-time"},
        },
    },
    "EquosSessionHost": {
        "type": "object",
        "required": ["serverUrl", "accessToken"],
        "properties": {
            "serverUrl": {"type": "string", "format": "uri"},
            "accessToken": {"type": "string"},
        },
    },
    "EquosSessionServer": {
        "type": "object",
        "required": ["serverUrl"],
        "properties": {"serverUrl": {"type": "string", "format": "uri"}},
    },
    "ParticipantIdentity": {
        "type": "object",
        "required": ["identity", "name"],
        "properties": {"identity": {"type": "string"}, "name": {"type": "string"}},
    },
    "ResourceReference": {
        "type": "object",
        "required": ["id"],
        "properties": {"id": {"type": "string"}},
    },
    "TemplateVars": {"type": "object", "additionalProperties": {"type": "string"}},
    "CreateAgentRequest": {
        "type": "object",
        "required": ["provider"],
        "properties": {
            "name": {"type": "string", "maxLength": 64},
            "client": {"type": "string", "nullable": True, "maxLength": 64},
            "provider": {"$ref": "AgentProvider"},
            "model": {"$ref": "AgentModel"},
            "voice": {"$ref": "AgentVoice"},
            "instructions": {"type": "string"},
            "greetingMsg": {"type": "string"},
            "remoteId": {"type": "string"},
            "search": {"type": "boolean"},
            "emotions": {"type": "boolean"},
            "memory": {"type": "boolean"},
        },
    },
    "CreateAvatarRequest": {
        "type": "object",
        "required": ["identity", "name", "refImage"],
        "properties": {
            "identity": {"type": "string"},
            "name": {"type": "string"},
            "refImage": {"type": "string"},
            "agentId": {"type": "string", "nullable": True},
            "client": {"type": "string", "nullable": True, "maxLength": 64},
        },
    },
    "EquosAvatar": {
        "type": "object",
        "required": [
            "id",
            "organizationId",
            "identity",
            "name",
            "description",
            "thumbnailUrl",
            "createdAt",
            "updatedAt",
        ],
        "properties": {
            "id": {"type": "string"},
            "organizationId": {"type": "string"},
            "identity": {"type": "string"},
            "name": {"type": "string"},
            "description": {"type": "string"},
            "client": {"type": "string", "nullable": True},
            "thumbnailUrl": {"type": "string", "format": "uri"},
            "agentId": {"type": "string", "nullable": True},
            "agent": {"nullable": True, "$ref": "EquosAgent"},
            "createdAt": {"type": "string", "format": "date-time"},
            "updatedAt": {"type": "string", "format": "date-time"},
        },
    },
    "EquosAgent": {
        "type": "object",
        "required": [
            "id",
            "organizationId",
            "provider",
            "search",
            "emotions",
            "memory",
            "createdAt",
            "updatedAt",
        ],
        "properties": {
            "id": {"type": "string"},
            "organizationId": {"type": "string"},
            "name": {"type": "string", "nullable": True},
            "provider": {"$ref": "AgentProvider"},
            "client": {"type": "string", "nullable": True},
            "model": {"nullable": True, "$ref": "AgentModel"},
            "voice": {"nullable": True, "$ref": "AgentVoice"},
            "instructions": {"type": "string", "nullable": True},
            "greetingMsg": {"type": "string", "nullable": True},
            "remoteId": {"type": "string", "nullable": True},
            "search": {"type": "boolean"},
            "emotions": {"type": "boolean"},
            "memory": {"type": "boolean"},
            "createdAt": {"type": "string", "format": "date-time"},
            "updatedAt": {"type": "string", "format": "date-time"},
        },
    },
    "EquosTranscript": {
        "type": "object",
        "required": ["transcription"],
        "properties": {
            "transcription": {
                "type": "array",
                "items": {"$ref": "EquosTranscriptEntry"},
            }
        },
    },
    "EquosTranscriptEntry": {
        "type": "object",
        "required": ["text", "received_at", "identity"],
        "properties": {
            "text": {"type": "string"},
            "received_at": {"type": "string"},
            "identity": {"type": "string"},
        },
    },
    "EquosError": {
        "type": "object",
        "required": ["statusCode", "message"],
        "properties": {
            "statusCode": {"type": "integer"},
            "message": {
                "oneOf": [
                    {"type": "string"},
                    {"type": "array", "items": {"type": "string"}},
                ]
            },
            "error": {"type": "string"},
        },
    },
    "AgentProvider": {"type": "string", "enum": ["openai", "gemini", "elevenlabs"]},
    "AgentModel": {
        "type": "string",
        "enum": [
            "gemini-2.5-flash-native-audio-preview-09-2025",
            "gpt-4o-realtime-preview",
            "gpt-realtime",
        ],
    },
    "AgentVoice": {
        "type": "string",
        "enum": [
            "Puck",
            "Charon",
            "Kore",
            "Fenrir",
            "Aoede",
            "Leda",
            "Orus",
            "Zephyr",
            "Sulafat",
            "Sadachbia",
            "Sadaltager",
            "Vindemiatrix",
            "Zubenelgenubi",
            "Achird",
            "Pulcherrima",
            "Gacrux",
            "Schedar",
            "Alnilam",
            "Achernar",
            "Laomedeia",
            "Rasalgethi",
            "Algenib",
            "Erinome",
            "Despina",
            "Algieba",
            "Umbriel",
            "Iapetus",
            "Enceladus",
            "Autonoe",
            "Callirrhoe",
            "alloy",
            "marin",
            "cedar",
            "ash",
            "ballad",
            "coral",
            "echo",
            "sage",
            "shimmer",
            "verse",
        ],
    },
}
"""Every component schema, by name; `$ref` values name one of these."""

OPERATIONS: Final[dict[str, dict[str, Any]]] = {
    "create_session": {
        "method": "POST",
        "path": "/v3/sessions",
        "parameters": {},
        "body": {
            "content_type": "application/json",
            "required": True,
            "schema": {"$ref": "CreateSessionRequest"},
        },
    },
    "list_sessions": {
        "method": "GET",
        "path": "/v3/sessions",
        "parameters": {
            "take": {
                "in": "query",
                "required": False,
                "schema": {"type": "integer", "minimum": 1, "maximum": 50},
            },
            "skip": {
                "in": "query",
                "required": False,
                "schema": {"type": "integer", "minimum": 0},
            },
            "client": {"in": "query", "required": False, "schema": {"type": "string"}},
        },
    },
    "get_session": {
        "method": "GET",
        "path": "/v3/sessions/{id}",
        "parameters": {
            "id": {
                "in": "path",
                "required": True,
                "schema": {"type": "string", "minLength": 1, "maxLength": 128},
            }
        },
    },
    "stop_session": {
        "method": "PATCH",
        "path": "/v3/sessions/{id}/stop",
        "parameters": {
            "id": {
                "in": "path",
                "required": True,
                "schema": {"type": "string", "minLength": 1, "maxLength": 128},
            }
        },
    },
}
"""Per operationId: method, path, parameters by name, and the body."""
