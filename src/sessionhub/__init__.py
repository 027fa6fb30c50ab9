"""sessionhub: one asyncio-native client for the Sessions APIs of Trinsic Connect, Sipher,
Equos and Twilio Proxy.

    from sessionhub import TwilioProxy

    async with TwilioProxy() as twilio:          # TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN
        async for session in twilio.sessions.list(service_sid):
            ...

The four clients are loaded on first use (PEP 562), so `import sessionhub` stays cheap and
importing one vendor does not load the other three, nor httpx, until a client is needed.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._exceptions import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    ConfigurationError,
    ConflictError,
    InternalServerError,
    InvalidRequestError,
    NotFoundError,
    PaginationError,
    PermissionDeniedError,
    RateLimitError,
    ResponseTooLargeError,
    ResponseValidationError,
    SessionHubError,
    UnprocessableEntityError,
)
from ._options import ClientOptions, RequestOptions
from ._pagination import AsyncPaginator, EquosPage, Page, TrinsicPage, TwilioPage
from ._registry import VENDORS
from ._version import __version__

if TYPE_CHECKING:
    from ._hooks import AttemptResult, CallInfo, Hook
    from ._raw import RawResponse
    from ._retry import RetryDecision
    from .equos import Equos
    from .sipher import Sipher
    from .trinsic import TrinsicConnect
    from .twilio import TwilioProxy

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncPaginator",
    "AttemptResult",
    "AuthenticationError",
    "BadRequestError",
    "CallInfo",
    "ClientClosedError",
    "ClientOptions",
    "ConfigurationError",
    "ConflictError",
    "Equos",
    "EquosPage",
    "Hook",
    "InternalServerError",
    "InvalidRequestError",
    "NotFoundError",
    "Page",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "RawResponse",
    "RequestOptions",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "RetryDecision",
    "SessionHubError",
    "Sipher",
    "TrinsicConnect",
    "TrinsicPage",
    "TwilioPage",
    "TwilioProxy",
    "UnprocessableEntityError",
    "__version__",
]

# The clients, from the vendor registry; RawResponse needs httpx, and the hook and retry
# types need dataclasses and email.utils (about 30 ms together), so they are lazy too:
# `import sessionhub` alone loads none of them.
_LAZY = {info.client: info.module for info in VENDORS} | {
    "RawResponse": "sessionhub._raw",
    "Hook": "sessionhub._hooks",
    "AttemptResult": "sessionhub._hooks",
    "CallInfo": "sessionhub._hooks",
    "RetryDecision": "sessionhub._retry",
}
_NOT_A_CLIENT = {"sessionhub._raw", "sessionhub._hooks", "sessionhub._retry"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'sessionhub' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    if module in _NOT_A_CLIENT:
        value.__module__ = "sessionhub"
    globals()[name] = value  # later lookups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


# Tracebacks and reprs say `sessionhub.NotFoundError`, not `sessionhub._exceptions...`.
for _name in __all__:
    if _name not in _LAZY and _name != "__version__" and isinstance(globals()[_name], type):
        globals()[_name].__module__ = "sessionhub"
del _name
