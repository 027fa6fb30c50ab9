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
from ._pagination import AsyncPaginator, EquosPage, Page, TrinsicPage, TwilioPage
from ._version import __version__

if TYPE_CHECKING:
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
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "ConfigurationError",
    "ConflictError",
    "Equos",
    "EquosPage",
    "InternalServerError",
    "InvalidRequestError",
    "NotFoundError",
    "Page",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "SessionHubError",
    "Sipher",
    "TrinsicConnect",
    "TrinsicPage",
    "TwilioPage",
    "TwilioProxy",
    "UnprocessableEntityError",
    "__version__",
]

_LAZY = {
    "Equos": "sessionhub.equos",
    "Sipher": "sessionhub.sipher",
    "TrinsicConnect": "sessionhub.trinsic",
    "TwilioProxy": "sessionhub.twilio",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'sessionhub' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


# Tracebacks and reprs say `sessionhub.NotFoundError`, not `sessionhub._exceptions...`.
for _name in __all__:
    if _name not in _LAZY and _name != "__version__":
        globals()[_name].__module__ = "sessionhub"
del _name
