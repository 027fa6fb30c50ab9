"""Helpers for the tests that run against the embedded sandbox over real loopback sockets."""

from __future__ import annotations

import base64
import ssl
from typing import Any

import sessionhub
from sessionhub._aiohttp import AiohttpSender
from sessionhub.sandbox import (
    EQUOS_API_KEY,
    SIPHER_API_KEY,
    TRINSIC_API_KEY,
    TWILIO_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN,
    TWILIO_SERVICE_SID,
    Sandbox,
)

SANDBOX_SECRETS = [
    TRINSIC_API_KEY,
    SIPHER_API_KEY,
    EQUOS_API_KEY,
    TWILIO_AUTH_TOKEN,
    base64.b64encode(f"{TWILIO_ACCOUNT_SID}:{TWILIO_AUTH_TOKEN}".encode()).decode(),
]


def sandbox_client(sandbox: Sandbox, vendor: str, **kwargs: Any) -> Any:
    """A new client of `vendor` on the sandbox (not the sandbox's shared ready-made one)."""
    base_url = sandbox.base_url(vendor)
    if vendor == "trinsic":
        return sessionhub.TrinsicConnect(api_key=TRINSIC_API_KEY, base_url=base_url, **kwargs)
    if vendor == "sipher":
        return sessionhub.Sipher(api_key=SIPHER_API_KEY, base_url=base_url, **kwargs)
    if vendor == "equos":
        return sessionhub.Equos(api_key=EQUOS_API_KEY, base_url=base_url, **kwargs)
    return sessionhub.TwilioProxy(
        account_sid=TWILIO_ACCOUNT_SID,
        auth_token=TWILIO_AUTH_TOKEN,
        base_url=base_url,
        **kwargs,
    )


async def every_operation(vendor: str, client: Any) -> int:
    """Call each of the vendor's operations once, successfully; returns the calls made."""
    s = client.sessions
    if vendor == "trinsic":
        created = await s.create(verifications=[{"type": "GovernmentId"}])
        await s.get(created.id)
        await s.list(page_size=10)
        await s.cancel(created.id)
        return 4
    if vendor == "sipher":
        created = await s.create(defaults={"chain": "solana"}, ttl_seconds=600)
        await s.get(created.session_id)
        await s.update(created.session_id, defaults={"privacy_level": "maximum"})
        await s.delete(created.session_id)
        return 4
    if vendor == "equos":
        created = await s.create(name="reliability", avatar="avatar-demo")
        await s.get(created.session.id)
        await s.list(page_size=10)
        await s.stop(created.session.id)
        return 4
    created = await s.create(TWILIO_SERVICE_SID, unique_name=None, ttl=600)
    await s.fetch(TWILIO_SERVICE_SID, created.sid)
    await s.list(TWILIO_SERVICE_SID, page_size=10)
    await s.update(TWILIO_SERVICE_SID, created.sid, status="closed")
    await s.delete(TWILIO_SERVICE_SID, created.sid)
    return 5


def transport_of(client: Any) -> Any:
    """What a sessionhub client sends with: its own AiohttpSender, or the httpx transport
    of the `http_client=` it was given."""
    sender = client._sender
    return sender if isinstance(sender, AiohttpSender) else sender.client._transport


def ssl_context_of(client: Any) -> ssl.SSLContext:
    """The TLS context the client's transport connects with (aiohttp or httpcore)."""
    transport = transport_of(client)
    if hasattr(transport, "_pool"):  # httpx's own transport (httpcore)
        return transport._pool._ssl_context  # type: ignore[no-any-return]
    return transport.ssl_context  # type: ignore[no-any-return]


def connections(client: Any) -> tuple[int, int]:
    """(connections in use, idle pooled connections) of the client's transport."""
    transport = transport_of(client)
    if hasattr(transport, "_pool"):
        pool = transport._pool
        busy = sum(1 for c in pool.connections if not c.is_idle() and not c.is_closed())
        return busy, sum(1 for c in pool.connections if c.is_idle())
    session = transport.session
    if session is None or session.connector is None:
        return 0, 0
    connector = session.connector
    idle = sum(len(v) for v in connector._conns.values())
    return len(connector._acquired), idle


def transport_closed(client: Any) -> bool:
    transport = transport_of(client)
    if hasattr(transport, "_pool"):
        return not transport._pool.connections
    session = transport.session
    return session is None or bool(session.closed)
