"""twilio-python 9.13 async: `AsyncTwilioHttpClient` (aiohttp inside), `fetch_async()` and
`stream_async()`, exactly as its documentation shows them.

twilio-python always builds `https://proxy.twilio.com/...` URLs. `LoopbackHttpClient`
rewrites that prefix to the loopback server and hands the call to twilio's own
`AsyncTwilioHttpClient.request`, so everything twilio does per request (auth, headers,
logging, response wrapping, instance parsing) is still measured. `next_page_url` already
points at the loopback server (the fake server renders it so) and passes through unchanged.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable
from typing import Any

from render import ACCOUNT_SID, SERVICE_SID
from twilio.http.async_http_client import AsyncTwilioHttpClient
from twilio.rest import Client

from stacks._harness import main

TWILIO = "https://proxy.twilio.com"


class LoopbackHttpClient(AsyncTwilioHttpClient):
    def __init__(self, base_url: str) -> None:
        super().__init__()
        self._base_url = base_url

    async def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Any:
        if url.startswith(TWILIO):
            url = self._base_url + url[len(TWILIO) :]
        return await super().request(method, url, *args, **kwargs)


class TwilioPython:
    def __init__(self, base_url: str) -> None:
        self.http = LoopbackHttpClient(base_url)
        self.client = Client(ACCOUNT_SID, "token", http_client=self.http)

    async def fetch(self, sid: str) -> str:
        session = await self.client.proxy.v1.services(SERVICE_SID).sessions(sid).fetch_async()
        return str(session.sid)

    def sessions(self, page_size: int, limit: int | None) -> Awaitable[AsyncIterator[Any]]:
        sessions = self.client.proxy.v1.services(SERVICE_SID).sessions
        return sessions.stream_async(limit=limit, page_size=page_size)

    async def aclose(self) -> None:
        await self.http.close()


async def open_stack(base_url: str, option: str | None) -> TwilioPython:
    return TwilioPython(base_url)


if __name__ == "__main__":
    main(open_stack)
