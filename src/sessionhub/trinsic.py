"""Trinsic Connect sessions: the `TrinsicConnect` client and the models it returns."""

from ._vendors.trinsic import (
    GovernmentIdOptions,
    IdvSessionState,
    OrderDirection,
    RequestedVerification,
    Session,
    SessionFailCode,
    SessionOrdering,
    TrinsicConnect,
    TrinsicSessions,
    Verification,
    VerificationType,
)

__all__ = [
    "GovernmentIdOptions",
    "IdvSessionState",
    "OrderDirection",
    "RequestedVerification",
    "Session",
    "SessionFailCode",
    "SessionOrdering",
    "TrinsicConnect",
    "TrinsicSessions",
    "Verification",
    "VerificationType",
]
