"""Trinsic Connect sessions: the `TrinsicConnect` client, its models and argument types.

Every class here says `sessionhub.trinsic` in its `__module__` (tracebacks, `repr`, docs and
pickles name this public path, not the private generated package); the `...Value` aliases
are `Literal`s of each enum's values and the `...Dict` classes `TypedDict`s of the nested
dict arguments, so a misspelt value or key fails a type checker."""

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
    "Verification",
    "VerificationFailCode",
    "VerificationMap",
    "VerificationState",
    "VerificationType",
    "VerificationTypeValue",
]

for _name in __all__:
    _value = globals()[_name]
    if isinstance(_value, type):  # classes, enums and TypedDicts; not the Literal aliases
        _value.__module__ = __name__
del _name, _value
