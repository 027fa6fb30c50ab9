"""Twilio's own SDK, twilio-python (pinned in the dev extra), against the sandbox: it
creates, fetches, lists past several pages, updates and deletes sessions, sync and async.
The sandbox must satisfy Twilio's client, not only ours.

twilio-python always builds `https://proxy.twilio.com/...` URLs; its documented hook is
`http_client=`, so a subclass of its own HTTP client sends them to the sandbox on
loopback instead, and refuses any URL that would leave the machine.
"""

from __future__ import annotations

from typing import Any

import pytest
from twilio.base.exceptions import TwilioRestException
from twilio.http.async_http_client import AsyncTwilioHttpClient
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

from sessionhub.sandbox import (
    TWILIO_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN,
    TWILIO_SERVICE_SID,
    Sandbox,
    serve,
)

TWILIO = "https://proxy.twilio.com"


def _loopback(url: str, base_url: str) -> str:
    if url.startswith(TWILIO):
        url = base_url + url[len(TWILIO) :]
    assert url.startswith(base_url + "/"), f"twilio-python tried to leave the sandbox: {url}"
    return url


class SandboxHttpClient(TwilioHttpClient):
    def __init__(self, base_url: str) -> None:
        super().__init__(timeout=10)
        self.base_url = base_url
        self.urls: list[str] = []

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Any:
        url = _loopback(url, self.base_url)
        self.urls.append(url)
        return super().request(method, url, *args, **kwargs)


class AsyncSandboxHttpClient(AsyncTwilioHttpClient):
    def __init__(self, base_url: str) -> None:
        super().__init__(timeout=10)
        self.base_url = base_url

    async def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Any:
        return await super().request(method, _loopback(url, self.base_url), *args, **kwargs)


def test_twilio_python_sync_against_the_sandbox(sessionhub_sandbox_thread_fresh: Sandbox) -> None:
    sandbox = sessionhub_sandbox_thread_fresh
    http = SandboxHttpClient(sandbox.base_url("twilio"))
    client = Client(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, http_client=http)
    sessions = client.proxy.v1.services(TWILIO_SERVICE_SID).sessions

    created = [sessions.create(unique_name=f"order-{i}", ttl=3600) for i in range(7)]
    assert created[0].sid.startswith("KC") and created[0].status == "open"
    assert created[0].ttl == 3600 and created[0].date_created is not None

    fetched = sessions(created[3].sid).fetch()
    assert (fetched.sid, fetched.unique_name) == (created[3].sid, "order-3")
    by_name = sessions("order-4").fetch()  # Twilio fetches by UniqueName too
    assert by_name.sid == created[4].sid

    listed = list(sessions.stream(page_size=2))  # 4 pages, following next_page_url
    assert [s.sid for s in listed] == [s.sid for s in created]
    assert len([u for u in http.urls if "PageToken" in u]) == 3
    page = sessions.page(page_size=3)
    assert len(list(page)) == 3 and page.next_page() is not None
    assert [s.sid for s in sessions.list(limit=5)] == [s.sid for s in created[:5]]

    closed = sessions(created[0].sid).update(status="closed")
    assert closed.status == "closed" and closed.date_ended is not None
    reopened = sessions(created[0].sid).update(status="in-progress")
    assert reopened.status == "in-progress"
    with pytest.raises(TwilioRestException) as invalid:
        sessions(created[0].sid).update(status="open")  # in-progress -> open: not allowed
    assert (invalid.value.status, invalid.value.code) == (400, 80608)

    assert sessions(created[6].sid).delete() is True
    with pytest.raises(TwilioRestException) as missing:
        sessions(created[6].sid).fetch()
    assert (missing.value.status, missing.value.code) == (404, 20404)
    assert len(list(sessions.stream(page_size=50))) == 6

    operations = [r.operation for r in sandbox.requests]
    assert operations.count("sessions.create") == 7
    assert operations.count("sessions.delete") == 1


# twilio-python 9.13's async client passes aiohttp.BasicAuth as `auth=`, which aiohttp 3.14
# deprecates: its warnings, not ours.
@pytest.mark.filterwarnings("ignore:BasicAuth is deprecated:DeprecationWarning")
@pytest.mark.filterwarnings("ignore:The 'auth' parameter is deprecated:DeprecationWarning")
async def test_twilio_python_async_against_the_sandbox() -> None:
    async with serve() as sandbox:
        http = AsyncSandboxHttpClient(sandbox.base_url("twilio"))
        try:
            client = Client(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, http_client=http)
            sessions = client.proxy.v1.services(TWILIO_SERVICE_SID).sessions
            created = [await sessions.create_async(ttl=60) for _ in range(5)]
            fetched = await sessions(created[0].sid).fetch_async()
            assert fetched.sid == created[0].sid
            listed = [s.sid async for s in await sessions.stream_async(page_size=2)]
            assert listed == [s.sid for s in created]
            updated = await sessions(created[1].sid).update_async(status="closed")
            assert updated.status == "closed"
            assert await sessions(created[2].sid).delete_async() is True
            sandbox.advance(61)
            expired = await sessions(created[3].sid).fetch_async()
            assert (expired.status, expired.closed_reason) == ("closed", "expired")
        finally:
            await http.close()
