"""Sipher agent sessions: the `Sipher` client, its models and argument types.

Every class here says `sessionhub.sipher` in its `__module__` (tracebacks, `repr`, docs and
pickles name this public path, not the private generated package); the `...Value` aliases
are `Literal`s of each enum's values and the `...Dict` classes `TypedDict`s of the nested
dict arguments, so a misspelt value or key fails a type checker."""

from ._public import publish
from ._vendors.sipher import (
    Backend,
    BackendValue,
    Chain,
    ChainValue,
    PrivacyLevel,
    PrivacyLevelValue,
    RpcProvider,
    RpcProviderValue,
    Session,
    SessionDefaults,
    SessionDefaultsDict,
    Sipher,
    SipherSessions,
    SipherSessionsWithRawResponse,
)

__all__ = [
    "Backend",
    "BackendValue",
    "Chain",
    "ChainValue",
    "PrivacyLevel",
    "PrivacyLevelValue",
    "RpcProvider",
    "RpcProviderValue",
    "Session",
    "SessionDefaults",
    "SessionDefaultsDict",
    "Sipher",
    "SipherSessions",
    "SipherSessionsWithRawResponse",
]

publish(__name__, globals(), __all__)  # classes, enums, TypedDicts; not the Literal aliases
