"""Twilio Proxy v1 Sessions: the `TwilioProxy` client, its models and argument types.

Every class here says `sessionhub.twilio` in its `__module__` (tracebacks, `repr`, docs and
pickles name this public path, not the private generated package); the `...Value` aliases
are `Literal`s of each enum's values and the `...Dict` classes `TypedDict`s of the nested
dict arguments, so a misspelt value or key fails a type checker."""

from ._public import publish
from ._vendors.twilio import (
    ParticipantRequestDict,
    Session,
    SessionCreateStatus,
    SessionCreateStatusValue,
    SessionLinks,
    SessionMode,
    SessionModeValue,
    SessionStatus,
    SessionStatusValue,
    TwilioProxy,
    TwilioSessions,
    TwilioSessionsWithRawResponse,
)

__all__ = [
    "ParticipantRequestDict",
    "Session",
    "SessionCreateStatus",
    "SessionCreateStatusValue",
    "SessionLinks",
    "SessionMode",
    "SessionModeValue",
    "SessionStatus",
    "SessionStatusValue",
    "TwilioProxy",
    "TwilioSessions",
    "TwilioSessionsWithRawResponse",
]

publish(__name__, globals(), __all__)  # classes, enums, TypedDicts; not the Literal aliases
