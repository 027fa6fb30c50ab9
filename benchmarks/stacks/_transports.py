"""The httpx clients the sessionhub and generated stacks can run on (their `--option`).

- none: the sessionhub stack passes no `http_client=` at all and runs on sessionhub's own
  default sender (aiohttp, no httpx objects per call). The generated functions need an
  httpx client, so for them `none` means the fastest httpx client measured: httpx on
  httpx-aiohttp's `AiohttpTransport` (what sessionhub itself defaulted to before).
- aiohttp: httpx on httpx-aiohttp's `AiohttpTransport` (aiohttp's connection pool).
- keepalive: httpx's stock pool with every connection kept alive (100/100), instead of
  httpx's default 20 idle connections, which makes a busy client close and reopen
  connections all the time.
"""

from __future__ import annotations

import httpx

OPTIONS = (None, "aiohttp", "keepalive")


def http_client(option: str | None) -> httpx.AsyncClient:
    if option is None or option == "aiohttp":
        from httpx_aiohttp import AiohttpTransport  # noqa: PLC0415  (bench-only dependency)

        return httpx.AsyncClient(transport=AiohttpTransport())
    if option == "keepalive":
        limits = httpx.Limits(max_connections=100, max_keepalive_connections=100)
        return httpx.AsyncClient(limits=limits)
    raise SystemExit(f"unknown option {option!r}; expected one of {OPTIONS}")
