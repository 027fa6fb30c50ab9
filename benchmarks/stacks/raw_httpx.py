"""Raw httpx.AsyncClient + json.loads, on httpx's stock pool or (option "aiohttp") on
httpx-aiohttp's AiohttpTransport: what the transport alone costs, without models.

Waiting for a pooled connection is not bounded (`pool=None`): at concurrency 1,000 httpx's
default 5 s pool timeout expires on its 100-connection stock pool (PoolTimeout) before
every coroutine gets its turn, as aiohttp's pool, which has no such limit, never does."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx

from stacks._harness import main
from stacks._raw import AUTH_HEADERS, pages, session_url


class RawHttpx:
    def __init__(self, base_url: str, client: httpx.AsyncClient) -> None:
        self.base_url = base_url
        self.client = client

    async def _get_json(self, url: str) -> Any:
        response = await self.client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"HTTP {response.status_code} for {url}")
        return json.loads(response.content)

    async def fetch(self, sid: str) -> str:
        data = await self._get_json(session_url(self.base_url, sid))
        return str(data["sid"])

    def sessions(self, page_size: int, limit: int | None) -> AsyncIterator[Any]:
        return pages(self._get_json, self.base_url, page_size, limit)

    async def aclose(self) -> None:
        await self.client.aclose()


async def open_stack(base_url: str, option: str | None) -> RawHttpx:
    transport: httpx.AsyncBaseTransport | None = None
    if option == "aiohttp":
        from httpx_aiohttp import AiohttpTransport  # noqa: PLC0415  (bench-only dependency)

        transport = AiohttpTransport()
    elif option is not None:
        raise SystemExit(f"unknown option {option!r}")
    timeout = httpx.Timeout(5.0, pool=None)
    return RawHttpx(
        base_url, httpx.AsyncClient(headers=AUTH_HEADERS, transport=transport, timeout=timeout)
    )


if __name__ == "__main__":
    main(open_stack)
