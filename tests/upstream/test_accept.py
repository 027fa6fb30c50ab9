"""Every request says `Accept: application/json`, on both senders: a server, or a mock built
from a vendor's spec, that could also answer text/plain (Trinsic lists it first) answers JSON."""

from __future__ import annotations

import contextlib
from typing import Any

import httpx
import pytest

from sessionhub import Equos, Sipher, TrinsicConnect, TwilioProxy
from tests.conftest import Script
from tests.test_transport import ok, tcp_server

SIPHER_ID = "sess_" + "0" * 64


def clients(**kwargs: Any) -> list[tuple[Any, Any]]:
    """(client, one call) for each vendor."""
    return [
        (
            TwilioProxy(account_sid="AC" + "0" * 32, auth_token="token", **kwargs),
            lambda c: c.sessions.fetch("KS" + "0" * 32, "KC" + "0" * 32),
        ),
        (TrinsicConnect(api_key="trinsic-key", **kwargs), lambda c: c.sessions.get("session-1")),
        (Sipher(api_key="sk_pro_" + "0" * 48, **kwargs), lambda c: c.sessions.get(SIPHER_ID)),
        (
            Equos(api_key="equos-key", **kwargs),
            lambda c: c.sessions.get("cmfkz80fl000do50jj2u2nim5"),
        ),
    ]


async def test_the_default_sender_sends_accept_json() -> None:
    async with tcp_server(ok) as (url, received):
        for client, call in clients(base_url=url, max_retries=0):
            async with client:
                # the body `{}` is no session; only the request matters here
                with contextlib.suppress(Exception):
                    await call(client)
    assert len(received) == 4
    for head in received:
        lines = head.decode().lower().split("\r\n")
        assert lines.count("accept: application/json") == 1, head


@pytest.mark.parametrize("index", range(4))
async def test_an_http_client_sends_accept_json(script: Script, index: int) -> None:
    script.default = httpx.Response(200, json={})
    client, call = clients(http_client=script.client(), max_retries=0)[index]
    async with client:
        with contextlib.suppress(Exception):
            await call(client)
    assert script.last.headers.get_list("accept") == ["application/json"]
