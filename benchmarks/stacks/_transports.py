"""The httpx clients the sessionhub and generated stacks can run on (their `--option`).

- none: sessionhub's own default (`sessionhub._transport.default_http_client()`), whatever
  it currently is; the sessionhub stack then passes no `http_client=` at all.
- aiohttp: httpx on httpx-aiohttp's `AiohttpTransport` (aiohttp's connection pool).
- keepalive: httpx's stock pool with every connection kept alive (100/100), instead of
  httpx's default 20 idle connections, which makes a busy client close and reopen
  connections all the time.
"""

from __future__ import annotations

import httpx

OPTIONS = (None, "aiohttp", "keepalive")


def http_client(option: str | None) -> httpx.AsyncClient:
    if option is None:
        from sessionhub._transport import default_http_client  # noqa: PLC0415

        return default_http_client()
    if option == "aiohttp":
        from httpx_aiohttp import AiohttpTransport  # noqa: PLC0415  (bench-only dependency)

        return httpx.AsyncClient(transport=AiohttpTransport())
    if option == "keepalive":
        limits = httpx.Limits(max_connections=100, max_keepalive_connections=100)
        return httpx.AsyncClient(limits=limits)
    raise SystemExit(f"unknown option {option!r}; expected one of {OPTIONS}")
