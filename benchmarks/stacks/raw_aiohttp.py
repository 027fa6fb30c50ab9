"""Raw aiohttp + json.loads: the floor for an asyncio client (no models, no retries)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp

from stacks._harness import main
from stacks._raw import AUTH_HEADERS, pages, session_url


class RawAiohttp:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        # Default connector (100 connections), as a user would create it.
        self.session = aiohttp.ClientSession(headers=AUTH_HEADERS)

    async def _get_json(self, url: str) -> Any:
        async with self.session.get(url) as response:
            if response.status != 200:
                raise RuntimeError(f"HTTP {response.status} for {url}")
            return json.loads(await response.read())

    async def fetch(self, sid: str) -> str:
        data = await self._get_json(session_url(self.base_url, sid))
        return str(data["sid"])

    def sessions(self, page_size: int, limit: int | None) -> AsyncIterator[Any]:
        return pages(self._get_json, self.base_url, page_size, limit)

    async def aclose(self) -> None:
        await self.session.close()


async def open_stack(base_url: str, option: str | None) -> RawAiohttp:
    return RawAiohttp(base_url)


if __name__ == "__main__":
    main(open_stack)
