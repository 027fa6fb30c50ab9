"""The default sender is imported on a client's first request (or `async with`), not when
the client is built: `_transport.DeferredSender` and `_aiohttp.AiohttpSender`."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap

import pytest

from sessionhub import ClientClosedError, TwilioProxy
from sessionhub._aiohttp import AiohttpSender
from sessionhub._redact import Redactor
from sessionhub._transport import DEFAULT_MAX_RESPONSE_SIZE, DeferredSender, SenderClosed
from tests.hostile._server import response, serve

ACCOUNT = "AC" + "0" * 32
SID = "KC" + "0" * 32
SERVICE = "KS" + "0" * 32
BODY = b'{"sid": "%s", "service_sid": "%s", "account_sid": "%s", "status": "open"}' % (
    SID.encode(),
    SERVICE.encode(),
    ACCOUNT.encode(),
)


def _child(code: str) -> None:
    prelude = (
        "import asyncio, sys\n"
        "from sessionhub import TwilioProxy, APIConnectionError, ClientClosedError\n"
        f"ACCOUNT = {ACCOUNT!r}\n"
        "def fresh():\n"
        "    return TwilioProxy(account_sid=ACCOUNT, auth_token='t' * 32,\n"
        "                       base_url='http://127.0.0.1:9', max_retries=0)\n"
    )
    subprocess.run([sys.executable, "-c", prelude + textwrap.dedent(code)], check=True)


@pytest.mark.slow  # a child process per case: the test process has aiohttp imported already
def test_building_a_client_does_not_import_aiohttp_its_first_request_does() -> None:
    _child(
        """
        async def main():
            client = fresh()
            assert 'aiohttp' not in sys.modules
            try:
                await client.sessions.get(SERVICE, SID)
            except APIConnectionError:
                pass  # nothing listens on port 9: the request was attempted all the same
            assert 'aiohttp' in sys.modules
            await client.aclose()
        SERVICE, SID = 'KS' + '0' * 32, 'KC' + '0' * 32
        asyncio.run(main())
        """
    )


@pytest.mark.slow
def test_async_with_imports_aiohttp_up_front() -> None:
    _child(
        """
        async def main():
            async with fresh() as client:
                assert 'aiohttp' in sys.modules
                assert type(client._sender).__name__ == 'AiohttpSender'
        asyncio.run(main())
        """
    )


@pytest.mark.slow
def test_a_client_closed_before_its_first_call_never_imports_aiohttp() -> None:
    _child(
        """
        async def main():
            client = fresh()
            await client.aclose()
            async with client:  # entering a closed client opens nothing
                pass
            try:
                await client.sessions.get('KS' + '0' * 32, 'KC' + '0' * 32)
            except ClientClosedError:
                pass
            else:
                raise AssertionError('a closed client sent a request')
            assert 'aiohttp' not in sys.modules
        asyncio.run(main())
        """
    )


def test_the_deferred_sender_opens_one_aiohttp_sender_and_refuses_once_closed() -> None:
    deferred = DeferredSender(Redactor(), DEFAULT_MAX_RESPONSE_SIZE)
    sender = deferred.open()
    assert isinstance(sender, AiohttpSender)
    assert deferred.open() is sender
    unopened = DeferredSender(Redactor(), DEFAULT_MAX_RESPONSE_SIZE)
    asyncio.run(unopened.aclose())
    assert unopened.closed
    with pytest.raises(SenderClosed):
        unopened.open()


async def _ok(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    writer.write(response(200, BODY))
    await writer.drain()


async def test_with_options_copies_share_the_sender_the_first_call_opens() -> None:
    async with serve(_ok, keep_alive=True) as server:
        client = TwilioProxy(account_sid=ACCOUNT, auth_token="t" * 32, base_url=server.url)
        copy = client.with_options(max_retries=0)
        assert type(client._sender) is DeferredSender
        await copy.sessions.get(SERVICE, SID)  # opens the shared sender through the copy
        await client.sessions.get(SERVICE, SID)
        assert isinstance(client._sender, AiohttpSender)
        assert client._sender is copy._sender
        assert len(server.requests) == 2
        assert server.connections == 1  # one pool: the second call reused the connection
        await copy.aclose()  # closing either closes both
        with pytest.raises(ClientClosedError):
            await client.sessions.get(SERVICE, SID)
        assert len(server.requests) == 2  # nothing sent after the close
