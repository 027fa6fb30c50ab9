"""The generated functions called directly, with no facade: `fetch_session.asyncio_detailed`
and `list_sessions.asyncio_detailed` paging by the query of `meta.next_page_url`, on the
same kind of httpx client sessionhub uses. The gap between this stack and sessionhub is
the facade's own cost (retries, error mapping, logging, its paginator).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
from _sessionhub_generated.twilio_proxy.api.sessions import fetch_session, list_sessions
from _sessionhub_generated.twilio_proxy.client import Client
from _sessionhub_generated.twilio_proxy.models import ListSessionsResponse, Session
from _sessionhub_generated.twilio_proxy.types import UNSET
from render import SERVICE_SID

from stacks._harness import main
from stacks._raw import AUTH_HEADERS
from stacks._transports import http_client


class Generated:
    def __init__(self, base_url: str, option: str | None) -> None:
        http = http_client(option)
        # The generated functions send relative URLs: the httpx client carries the rest.
        http.base_url = base_url
        http.headers.update(AUTH_HEADERS)
        # sessionhub's own default timeout (httpx's 5 s can expire while 200 callers queue
        # for 100 pooled connections on a busy machine).
        http.timeout = httpx.Timeout(30.0, connect=10.0)
        self.http = http
        self.client = Client(base_url=base_url).set_async_httpx_client(http)

    async def fetch(self, sid: str) -> str:
        response = await fetch_session.asyncio_detailed(SERVICE_SID, sid, client=self.client)
        if not isinstance(response.parsed, Session):
            raise RuntimeError(f"HTTP {response.status_code}: {response.parsed!r}")
        return response.parsed.sid

    async def sessions(self, page_size: int, limit: int | None) -> AsyncIterator[Any]:
        query: dict[str, Any] = {}
        remaining = limit
        while remaining is None or remaining > 0:
            response = await list_sessions.asyncio_detailed(
                SERVICE_SID,
                client=self.client,
                page_size=page_size,
                page=int(query["Page"]) if "Page" in query else UNSET,
                page_token=query.get("PageToken", UNSET),
            )
            page = response.parsed
            del response
            if not isinstance(page, ListSessionsResponse):
                raise RuntimeError(f"unexpected page {page!r}")
            next_url = page.meta.next_page_url
            items = page.sessions
            del page  # one page alive at a time
            if remaining is not None:
                del items[remaining:]
                remaining -= len(items)
            for item in items:
                yield item
            del items
            if not next_url:
                return
            query = {k: v[-1] for k, v in parse_qs(urlsplit(next_url).query).items()}

    async def aclose(self) -> None:
        await self.http.aclose()


async def open_stack(base_url: str, option: str | None) -> Generated:
    return Generated(base_url, option)


if __name__ == "__main__":
    main(open_stack)
