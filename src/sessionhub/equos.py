"""Equos v3 avatar sessions: the `Equos` client, its models and argument types.

Every class here says `sessionhub.equos` in its `__module__` (tracebacks, `repr`, docs and
pickles name this public path, not the private generated package); the `...Value` aliases
are `Literal`s of each enum's values and the `...Dict` classes `TypedDict`s of the nested
dict arguments, so a misspelt value or key fails a type checker."""

from ._public import publish
from ._vendors.equos import (
    AgentModel,
    AgentModelValue,
    AgentProvider,
    AgentProviderValue,
    AgentVoice,
    AgentVoiceValue,
    CreateAgentRequestDict,
    CreateAvatarRequestDict,
    CreateSessionResponse,
    Equos,
    EquosAgent,
    EquosAvatar,
    EquosSession,
    EquosSessionHostDict,
    EquosSessions,
    EquosSessionServer,
    EquosSessionsWithRawResponse,
    EquosTranscript,
    EquosTranscriptEntry,
    ParticipantIdentityDict,
    ResourceReference,
    ResourceReferenceDict,
    Session,
    TemplateVars,
)

__all__ = [
    "AgentModel",
    "AgentModelValue",
    "AgentProvider",
    "AgentProviderValue",
    "AgentVoice",
    "AgentVoiceValue",
    "CreateAgentRequestDict",
    "CreateAvatarRequestDict",
    "CreateSessionResponse",
    "Equos",
    "EquosAgent",
    "EquosAvatar",
    "EquosSession",
    "EquosSessionHostDict",
    "EquosSessionServer",
    "EquosSessions",
    "EquosSessionsWithRawResponse",
    "EquosTranscript",
    "EquosTranscriptEntry",
    "ParticipantIdentityDict",
    "ResourceReference",
    "ResourceReferenceDict",
    "Session",
    "TemplateVars",
]

publish(__name__, globals(), __all__)  # classes, enums, TypedDicts; not the Literal aliases
