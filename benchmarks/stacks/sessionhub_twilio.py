"""sessionhub's `TwilioProxy`: `await sessions.fetch()` and `async for ... in sessions.list()`,
returning the generated, typed `Session` models, with the facade's retries, errors,
logging and pagination all in the path.

Plain http to 127.0.0.1 is accepted for loopback base URLs. With no `--option` the client
builds its own default transport, which is the one users get.

The same script runs the `sh-base` stack: run.py puts sessionhub as it was before issue 13
(baseline.py) first on PYTHONPATH, and `check_imported` exits unless that is what was
imported. Only calls both versions have are used: `sessions.fetch` (since issue 13 the same
function object as `sessions.get`, kept as twilio-python's name) and the keyword arguments
of `TwilioProxy` that 0.1 already took.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
from baseline import check_imported
from render import ACCOUNT_SID, SERVICE_SID

from sessionhub import TwilioProxy
from stacks._harness import main
from stacks._transports import http_client

check_imported()


class Sessionhub:
    def __init__(self, client: TwilioProxy, http: httpx.AsyncClient | None) -> None:
        self.client = client
        self.http = http  # a client passed in stays the caller's to close

    async def fetch(self, sid: str) -> str:
        session = await self.client.sessions.fetch(SERVICE_SID, sid)
        return session.sid

    def sessions(self, page_size: int, limit: int | None) -> AsyncIterator[Any]:
        return aiter(self.client.sessions.list(SERVICE_SID, page_size=page_size, limit=limit))

    async def aclose(self) -> None:
        await self.client.aclose()
        if self.http is not None:
            await self.http.aclose()


async def open_stack(base_url: str, option: str | None) -> Sessionhub:
    http = None if option is None else http_client(option)
    client = TwilioProxy(
        account_sid=ACCOUNT_SID, auth_token="token", base_url=base_url, http_client=http
    )
    return Sessionhub(client, http)


if __name__ == "__main__":
    main(open_stack)
