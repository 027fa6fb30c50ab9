"""Secrets and transport safety: credentials never appear in reprs, messages or log
records (DEBUG included, over real sockets); TLS is verified by default; plain http:// to
a non-loopback host is refused; redirects are never followed.
"""

from __future__ import annotations

import asyncio
import json
import logging
import shutil
import ssl
import subprocess
from pathlib import Path
from typing import Any

import httpx
import pytest

import sessionhub
from sessionhub.sandbox import Sandbox
from tests.conftest import FakeSleep, Script

from ._ops import ALL_SECRETS, OPS, OPS_BY_ID, REQUEST_ID_HEADERS, Op, make_client, secrets_of
from ._sandbox import SANDBOX_SECRETS, every_operation, sandbox_client, ssl_context_of
from .conftest import assert_readable

VENDORS = ("trinsic", "sipher", "equos", "twilio")
# httpcore logs under httpx's own transport; aiohttp under the default (httpx-aiohttp) one
LOGGERS = ("sessionhub", "httpx", "httpcore", "aiohttp")


def _no_secret(text: str, secrets: list[str]) -> None:
    for secret in secrets:
        assert secret not in text, f"credential {secret[:6]}... found in {text[:200]!r}"


@pytest.mark.parametrize("vendor", VENDORS)
async def test_client_repr_and_str_hide_credentials(vendor: str) -> None:
    async with make_client(vendor, Script().client()) as client:
        for text in (repr(client), str(client), repr(client.sessions), f"{client!r:>10}"):
            _no_secret(text, ALL_SECRETS)
        assert "redacted" in repr(client)


def _echo_body(op: Op, secrets: list[str], *, in_code: bool = False) -> Any:
    """An error body in the vendor's shape whose message (or, with `in_code`, its error
    code) echoes every credential back."""
    echoed = "; ".join(f"bad credential {s}" for s in secrets)
    code = echoed if in_code else "BAD"
    return {
        "trinsic": {"message": echoed},
        "sipher": {"success": False, "error": {"code": code, "message": echoed}},
        "equos": {"statusCode": 400, "message": [echoed], "error": code},
        "twilio": {"code": code if in_code else 20003, "message": echoed, "detail": echoed},
    }[op.vendor]


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 422, 429, 500, 502, 418])
@pytest.mark.parametrize("op", OPS, ids=[op.id for op in OPS])
async def test_status_errors_scrub_an_echoed_credential(op: Op, status: int) -> None:
    secrets = secrets_of(op.vendor)
    script = Script()
    body = _echo_body(op, secrets)
    raw = json.dumps(body).encode() if status != 502 else f"<html>{secrets}</html>".encode()
    script.default = httpx.Response(
        status,
        content=raw,
        headers={"content-type": "text/html" if status == 502 else "application/json"},
    )
    async with make_client(op.vendor, script.client(), max_retries=0) as client:
        with pytest.raises(sessionhub.APIStatusError) as info:
            await op.call(client)
    err = info.value
    assert_readable(err, vendor=op.vendor, operation=op.name)
    _no_secret(err.message, secrets)
    _no_secret(repr(err.response) + repr(err.request), secrets)


@pytest.mark.parametrize("op_id", ["sipher.get", "equos.get", "twilio.get"])
async def test_status_errors_scrub_a_credential_echoed_in_the_code(op_id: str) -> None:
    op = OPS_BY_ID[op_id]
    secrets = secrets_of(op.vendor)
    script = Script().json(400, _echo_body(op, secrets, in_code=True))
    async with make_client(op.vendor, script.client(), max_retries=0) as client:
        with pytest.raises(sessionhub.APIStatusError) as info:
            await op.call(client)
    assert_readable(info.value, vendor=op.vendor, operation=op.name)
    assert info.value.code is not None
    _no_secret(str(info.value.code), secrets)


@pytest.mark.parametrize(
    ("op_id", "field"), [("twilio.get", "date_created"), ("equos.get", "startedAt")]
)
async def test_validation_errors_scrub_an_echoed_credential(op_id: str, field: str) -> None:
    """A 2xx body echoing the credential in a malformed field: the message names the problem
    without repeating the credential."""
    op = OPS_BY_ID[op_id]
    body = {**op.sample(), field: f"echo {secrets_of(op.vendor)[0]}"}
    script = Script().json(op.status, body)
    async with make_client(op.vendor, script.client(), max_retries=0) as client:
        with pytest.raises(sessionhub.ResponseValidationError) as info:
            await op.call(client)
    assert_readable(info.value, vendor=op.vendor, operation=op.name)


@pytest.mark.parametrize("op", OPS, ids=[op.id for op in OPS])
async def test_results_and_pages_reprs_hold_no_credentials(op: Op) -> None:
    script = Script()
    script.default = lambda request: op.success()
    async with make_client(op.vendor, script.client()) as client:
        result = await op.call(client)
        texts = [repr(result), str(result)]
        if op.name == "sessions.list":
            assert result.items, "the sample page has items to show"
            texts += [repr(item) for item in result.items]
            texts += [
                repr(client.sessions.list(*(["KS" + "a" * 32] if op.vendor == "twilio" else [])))
            ]
    for text in texts:
        _no_secret(text, ALL_SECRETS)


async def test_debug_logs_over_real_sockets_hold_no_credentials(
    sandbox: Sandbox, caplog: pytest.LogCaptureFixture
) -> None:
    """Every operation of every vendor over a real loopback socket, with retries (503,
    dropped connections) and errors (400, 404, 401), while the sessionhub, httpx and
    httpcore loggers record at DEBUG: no record, formatted or not, holds a credential."""
    for name in LOGGERS:
        caplog.set_level(logging.DEBUG, logger=name)
    sandbox.faults.add("status=503", operation="sessions.get", times=2)
    sandbox.faults.add("drop", operation="sessions.list", times=2)
    calls = 0
    for vendor in VENDORS:
        async with sandbox_client(sandbox, vendor) as client:
            client._sleep = FakeSleep()
            calls += await every_operation(vendor, client)
            with pytest.raises(sessionhub.APIStatusError) as info:
                if vendor == "twilio":
                    await client.sessions.fetch("KS" + "0" * 32, "KC" + "f" * 32)
                elif vendor == "sipher":
                    await client.sessions.get("sess_" + "f" * 64)
                elif vendor == "equos":  # an unknown id is a documented null: a 400 instead
                    await client.sessions.create(  # absolute (so sent), but no valid port
                        name="x", avatar="a", host={"serverUrl": "wss://h:port", "accessToken": "t"}
                    )
                else:
                    await client.sessions.get("00000000-0000-0000-0000-000000000000")
            logging.getLogger("sessionhub").debug("caught %s", info.value, exc_info=info.value)
    assert len(sandbox.faults) == 0, "the 503s and dropped connections were all retried"
    # wrong credentials are credentials too: they must not be logged either, by sessionhub
    # or by httpx (here the caller's own client, so that httpx's loggers run too)
    async with (
        httpx.AsyncClient() as own,
        sessionhub.TwilioProxy(
            account_sid="AC" + "9" * 32,
            auth_token="wrong-SECRET-token",
            base_url=sandbox.base_url("twilio"),
            http_client=own,
        ) as wrong,
    ):
        with pytest.raises(sessionhub.AuthenticationError) as auth_info:
            await wrong.sessions.list("KS" + "0" * 32)
    _no_secret(str(auth_info.value), ["wrong-SECRET-token"])

    records = [r for r in caplog.records if r.name.split(".")[0] in LOGGERS]
    by_logger = {name: [r for r in records if r.name.split(".")[0] == name] for name in LOGGERS}
    assert by_logger["sessionhub"] and by_logger["httpx"], {k: len(v) for k, v in by_logger.items()}
    assert any("retry" in r.getMessage() for r in by_logger["sessionhub"])
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    for record in records:
        text = formatter.format(record) + repr(record.args) + repr(record.__dict__)
        _no_secret(text, [*SANDBOX_SECRETS, "wrong-SECRET-token"])
    assert calls == 17


async def test_tls_verification_is_on_by_default() -> None:
    for vendor in VENDORS:
        async with make_client(vendor, None) as client:
            context = ssl_context_of(client)
            assert context.verify_mode == ssl.CERT_REQUIRED
            assert context.check_hostname is True
            # the aiohttp session, made at the first request, connects with that context
            assert client._sender._session().connector._ssl is context


def _self_signed(tmp_path: Path) -> tuple[Path, Path]:
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is needed to make a self-signed certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            *(openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
            *("-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1"),
            *("-addext", "subjectAltName=IP:127.0.0.1"),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


async def test_an_untrusted_certificate_is_refused_and_nothing_is_sent(tmp_path: Path) -> None:
    """A TLS server on loopback with a self-signed certificate: the default client refuses
    the handshake, so no HTTP request (and no credential) reaches it."""
    cert, key = _self_signed(tmp_path)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    received: list[bytes] = []

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            received.append(await reader.read(65536))
        except (ssl.SSLError, ConnectionError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0, ssl=context)
    port = server.sockets[0].getsockname()[1]
    try:
        async with make_client("sipher", None, base_url=f"https://127.0.0.1:{port}") as client:
            client._sleep = FakeSleep()
            with pytest.raises(sessionhub.APIConnectionError) as info:
                await OPS_BY_ID["sipher.get"].call(client)
    finally:
        server.close()
        await server.wait_closed()
    assert "CERTIFICATE_VERIFY_FAILED" in repr(info.value.__cause__)
    assert_readable(info.value, vendor="sipher", operation="sessions.get")
    assert not any(received), received


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("http://api.example.com", False),
        ("http://10.0.0.1", False),
        ("http://192.168.1.10:8080", False),
        ("http://127.0.0.1.evil.example", False),
        ("http://localhost.evil.example", False),
        ("http://[::ffff:8.8.8.8]", False),
        ("HTTP://API.EXAMPLE.COM", False),
        ("http://127.0.0.1:8080", True),
        ("http://127.8.9.10", True),
        ("http://localhost:9000", True),
        ("http://[::1]:9000", True),
        ("https://api.example.com", True),
    ],
)
@pytest.mark.parametrize("vendor", VENDORS)
def test_plain_http_to_a_remote_host_is_refused(vendor: str, url: str, allowed: bool) -> None:
    if allowed:
        make_client(vendor, Script().client(), base_url=url)
    else:
        with pytest.raises(sessionhub.ConfigurationError) as info:
            make_client(vendor, Script().client(), base_url=url)
        assert "allow_insecure_http" in str(info.value)
        _no_secret(str(info.value), ALL_SECRETS)
    # explicitly allowed: accepted
    make_client(vendor, Script().client(), base_url=url, allow_insecure_http=True)


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
@pytest.mark.parametrize("follow", [False, True])
@pytest.mark.parametrize("op", OPS, ids=[op.id for op in OPS])
async def test_redirects_are_not_followed(op: Op, follow: bool, status: int) -> None:
    """A redirect to another host is an error after one request: no second request, so the
    credentials never travel there, even on an httpx client configured to follow."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(
            status,
            headers={
                "location": "https://evil.example/steal?x=1",
                REQUEST_ID_HEADERS[op.vendor]: "req-1",
            },
        )

    http = httpx.AsyncClient(transport=httpx.MockTransport(handler), follow_redirects=follow)
    async with make_client(op.vendor, http) as client:
        client._sleep = FakeSleep()
        with pytest.raises(sessionhub.APIStatusError) as info:
            await op.call(client)
    await http.aclose()
    assert len(seen) == 1 and seen[0].url.host != "evil.example"
    assert type(info.value) is sessionhub.APIStatusError and info.value.status_code == status
    assert_readable(info.value, vendor=op.vendor, operation=op.name)


async def test_twilio_next_page_url_never_moves_the_request_to_another_host() -> None:
    op = OPS_BY_ID["twilio.list"]
    first = op.sample()
    first["meta"]["next_page_url"] = (
        "https://evil.example/v1/Services/KSx/Sessions?PageSize=1&Page=1&PageToken=PT9&Secret=1"
    )
    script = Script().json(200, first).json(200, {"sessions": [], "meta": {"next_page_url": None}})
    async with make_client("twilio", script.client()) as client:
        items = [item async for item in client.sessions.list("KS" + "a" * 32, page_size=1)]
    assert len(items) == len(first["sessions"])
    second = script.requests[1]
    assert second.url.host == "proxy.twilio.com"
    assert dict(second.url.params) == {"PageSize": "1", "Page": "1", "PageToken": "PT9"}
