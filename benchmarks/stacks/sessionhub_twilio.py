"""sessionhub's `TwilioProxy`: `await sessions.fetch()` and `async for ... in sessions.list()`,
returning the generated, typed `Session` models, with the facade's retries, errors,
logging and pagination all in the path.

Plain http to 127.0.0.1 is accepted for loopback base URLs. With no `--option` the client
builds its own default transport, which is the one users get.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from sessionhub import TwilioProxy

from render import ACCOUNT_SID, SERVICE_SID
from stacks._harness import main
from stacks._transports import http_client


class Sessionhub:
    def __init__(self, client: TwilioProxy) -> None:
        self.client = client

    async def fetch(self, sid: str) -> str:
        session = await self.client.sessions.fetch(SERVICE_SID, sid)
        return session.sid

    def sessions(self, page_size: int, limit: int | None) -> AsyncIterator[Any]:
        return aiter(self.client.sessions.list(SERVICE_SID, page_size=page_size, limit=limit))

    async def aclose(self) -> None:
        await self.client.aclose()
        if self.client._http is not None and not self.client._owns_http:
            await self.client._http.aclose()


async def open_stack(base_url: str, option: str | None) -> Sessionhub:
    client = TwilioProxy(
        account_sid=ACCOUNT_SID,
        auth_token="token",
        base_url=base_url,
        http_client=None if option is None else http_client(option),
    )
    return Sessionhub(client)


if __name__ == "__main__":
    main(open_stack)
