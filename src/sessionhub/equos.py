"""Equos v3 avatar sessions: the `Equos` client and the models it returns."""

from ._vendors.equos import (
    AgentModel,
    AgentProvider,
    AgentVoice,
    CreateSessionResponse,
    Equos,
    EquosAgent,
    EquosAvatar,
    EquosSession,
    EquosSessions,
)

__all__ = [
    "AgentModel",
    "AgentProvider",
    "AgentVoice",
    "CreateSessionResponse",
    "Equos",
    "EquosAgent",
    "EquosAvatar",
    "EquosSession",
    "EquosSessions",
]
