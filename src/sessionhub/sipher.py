"""Sipher agent sessions: the `Sipher` client and the models it returns."""

from ._vendors.sipher import (
    Backend,
    Chain,
    CreateSessionData,
    DeleteSessionData,
    PrivacyLevel,
    RpcProvider,
    SessionData,
    SessionDefaults,
    Sipher,
    SipherSessions,
    UpdateSessionData,
)

__all__ = [
    "Backend",
    "Chain",
    "CreateSessionData",
    "DeleteSessionData",
    "PrivacyLevel",
    "RpcProvider",
    "SessionData",
    "SessionDefaults",
    "Sipher",
    "SipherSessions",
    "UpdateSessionData",
]
