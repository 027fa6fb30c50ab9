"""Paging for the raw stacks: plain dicts from json.loads, following meta.next_page_url."""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from render import ACCOUNT_SID, SESSIONS_PATH

# Every stack sends the same Basic credentials, as a real Twilio client must.
AUTH_HEADERS = {
    "Authorization": "Basic " + base64.b64encode(f"{ACCOUNT_SID}:token".encode()).decode(),
    "Accept": "application/json",
}


def session_url(base_url: str, sid: str) -> str:
    return f"{base_url}{SESSIONS_PATH}/{sid}"


async def pages(
    get_json: Callable[[str], Awaitable[Any]], base_url: str, page_size: int, limit: int | None
) -> AsyncIterator[dict[str, Any]]:
    url: str | None = f"{base_url}{SESSIONS_PATH}?PageSize={page_size}"
    remaining = limit
    while url and (remaining is None or remaining > 0):
        page = await get_json(url)
        url = page["meta"]["next_page_url"]
        items = page["sessions"]
        del page  # hold one page at a time, not two, while the next one is fetched
        if remaining is not None:
            del items[remaining:]
            remaining -= len(items)
        for item in items:
            yield item
        del items
