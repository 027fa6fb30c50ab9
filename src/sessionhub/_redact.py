"""Keeping credentials out of everything an exception carries.

One `Redactor` per client knows that client's secrets. Every message, error code, parsed
error body, response body and request header that ends up on a raised exception goes
through it; `_transport.to_httpx` uses it to build the `httpx.Response` (and its
`httpx.Request`) that exceptions expose, so no object reachable from an exception holds a
credential. Text is scrubbed *before* it is cut to length: a secret cut in half by a
truncation would no longer match.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = ["CREDENTIAL_HEADERS", "MIN_SECRET_LENGTH", "REDACTED", "Redactor", "encodable"]

# Secrets shorter than this are not scrubbed from text: a toy token such as "t" would turn
# every message into asterisks. Real credentials are far longer; credential *headers* are
# redacted by name whatever their length.
MIN_SECRET_LENGTH = 8
REDACTED = "[redacted]"
# Lower-case names of the headers that carry a credential for one of the four vendors, or
# for any proxy in between.
CREDENTIAL_HEADERS = frozenset(
    {
        "authorization",
        "proxy-authorization",
        "trinsicauthorization",
        "x-api-key",
        "cookie",
        "set-cookie",
    }
)


def encodable(text: str) -> str:
    """`text` with lone surrogates (from a JSON `\\udc80` escape, or undecodable header
    bytes) spelled as backslash escapes, so it can always be written as UTF-8."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


class Redactor:
    """Scrubs one client's secrets. `secrets` may be replaced after construction (the
    vendor clients set theirs once their credentials are checked)."""

    __slots__ = ("_secret_bytes", "_secrets")

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        self._secrets: tuple[str, ...] = ()
        self._secret_bytes: tuple[bytes, ...] = ()
        self.secrets = tuple(secrets)

    @property
    def secrets(self) -> tuple[str, ...]:
        return self._secrets

    @secrets.setter
    def secrets(self, secrets: tuple[str, ...]) -> None:
        # Longest first: a secret that contains another (Twilio's Basic value contains
        # neither, but a caller's token could) is replaced whole.
        kept = sorted({s for s in secrets if len(s) >= MIN_SECRET_LENGTH}, key=len, reverse=True)
        self._secrets = tuple(kept)
        self._secret_bytes = tuple(s.encode("utf-8", "replace") for s in kept)

    def text(self, text: str) -> str:
        for secret in self._secrets:
            if secret in text:
                text = text.replace(secret, "***")
        return text

    def data(self, data: bytes) -> bytes:
        for secret in self._secret_bytes:
            if secret in data:
                data = data.replace(secret, b"***")
        return data

    def value(self, value: Any, depth: int = 0) -> Any:
        """A copy of decoded JSON with every string (keys included) scrubbed."""
        if isinstance(value, str):
            return encodable(self.text(value))
        if depth > 64:  # hostile nesting: nothing deeper is kept
            return "..."
        if isinstance(value, dict):
            return {self.value(k, depth + 1): self.value(v, depth + 1) for k, v in value.items()}
        if isinstance(value, list):
            return [self.value(item, depth + 1) for item in value]
        return value

    def header(self, name: str, value: str) -> str:
        if name.lower() in CREDENTIAL_HEADERS:
            return REDACTED
        return self.text(value)

    def header_bytes(self, name: bytes, value: bytes) -> bytes:
        if name.lower().decode("latin-1") in CREDENTIAL_HEADERS:
            return REDACTED.encode()
        return self.data(value)
