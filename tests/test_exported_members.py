"""The public surface is exactly what the README documents, and cheap to import."""

from __future__ import annotations

import subprocess
import sys

import pytest

import sessionhub

DOCUMENTED = {
    # clients
    "TrinsicConnect",
    "Sipher",
    "Equos",
    "TwilioProxy",
    # errors
    "SessionHubError",
    "ConfigurationError",
    "InvalidRequestError",
    "APIError",
    "ClientClosedError",
    "APIConnectionError",
    "APITimeoutError",
    "ResponseTooLargeError",
    "APIStatusError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "UnprocessableEntityError",
    "RateLimitError",
    "InternalServerError",
    "ResponseValidationError",
    "PaginationError",
    # pagination
    "AsyncPaginator",
    "Page",
    "TwilioPage",
    "TrinsicPage",
    "EquosPage",
    # options, raw responses, retry policy and hooks (v0.2)
    "ClientOptions",
    "RequestOptions",
    "RawResponse",
    "RetryDecision",
    "Hook",
    "CallInfo",
    "AttemptResult",
    "__version__",
}


def test_all_is_exactly_the_documented_surface() -> None:
    assert set(sessionhub.__all__) == DOCUMENTED
    assert sessionhub.__all__ == sorted(sessionhub.__all__)


def test_every_public_name_resolves_and_says_sessionhub() -> None:
    for name in sessionhub.__all__:
        value = getattr(sessionhub, name)
        if isinstance(value, type) and name.endswith(("Error", "Page", "Paginator")):
            assert value.__module__ == "sessionhub", name


def test_dir_shows_only_the_public_surface() -> None:
    assert dir(sessionhub) == sorted(DOCUMENTED)


def test_error_tree() -> None:
    e = sessionhub
    assert issubclass(e.APIError, e.SessionHubError)
    assert issubclass(e.APITimeoutError, e.APIConnectionError)
    assert issubclass(e.APIConnectionError, e.APIError)
    for leaf in (
        e.BadRequestError,
        e.AuthenticationError,
        e.PermissionDeniedError,
        e.NotFoundError,
        e.ConflictError,
        e.UnprocessableEntityError,
        e.RateLimitError,
        e.InternalServerError,
    ):
        assert issubclass(leaf, e.APIStatusError)
    assert issubclass(e.APIStatusError, e.APIError)
    assert issubclass(e.ResponseValidationError, e.APIError)
    assert issubclass(e.InvalidRequestError, e.SessionHubError)
    assert issubclass(e.ClientClosedError, e.APIError)
    assert not issubclass(e.ClientClosedError, e.APIConnectionError)  # never retried
    assert issubclass(e.ResponseTooLargeError, e.APIConnectionError)


@pytest.mark.slow  # imports in a child process
def test_import_is_lazy() -> None:
    probe = (
        "import sys, sessionhub\n"
        "heavy = [m for m in ('httpx', '_sessionhub_generated') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
        "sessionhub.Sipher\n"
        "assert 'httpx' in sys.modules and '_sessionhub_generated.sipher' in sys.modules\n"
        "assert '_sessionhub_generated.twilio_proxy' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", probe], check=True)
