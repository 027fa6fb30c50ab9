"""Trinsic Connect sessions: the `TrinsicConnect` client, its models and argument types.

Every class here says `sessionhub.trinsic` in its `__module__` (tracebacks, `repr`, docs and
pickles name this public path, not the private generated package); the `...Value` aliases
are `Literal`s of each enum's values and the `...Dict` classes `TypedDict`s of the nested
dict arguments, so a misspelt value or key fails a type checker."""

from ._public import publish
from ._vendors.trinsic import (
    GovernmentIdOptions,
    GovernmentIdOptionsDict,
    IdvSessionState,
    NormalizedGovernmentIdData,
    OrderDirection,
    OrderDirectionValue,
    RequestedVerification,
    RequestedVerificationDict,
    Session,
    SessionFailCode,
    SessionOrdering,
    SessionOrderingValue,
    TrinsicConnect,
    TrinsicSessions,
    TrinsicSessionsWithRawResponse,
    Verification,
    VerificationFailCode,
    VerificationMap,
    VerificationState,
    VerificationType,
    VerificationTypeValue,
)

__all__ = [
    "GovernmentIdOptions",
    "GovernmentIdOptionsDict",
    "IdvSessionState",
    "NormalizedGovernmentIdData",
    "OrderDirection",
    "OrderDirectionValue",
    "RequestedVerification",
    "RequestedVerificationDict",
    "Session",
    "SessionFailCode",
    "SessionOrdering",
    "SessionOrderingValue",
    "TrinsicConnect",
    "TrinsicSessions",
    "TrinsicSessionsWithRawResponse",
    "Verification",
    "VerificationFailCode",
    "VerificationMap",
    "VerificationState",
    "VerificationType",
    "VerificationTypeValue",
]

publish(__name__, globals(), __all__)  # classes, enums, TypedDicts; not the Literal aliases
