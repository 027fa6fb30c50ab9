"""The sandbox as a server: serve() and `python -m sessionhub.sandbox`, loopback only,
clean shutdown, body limits, and the request log."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from typing import Any

import httpx
import pytest

from sessionhub.sandbox import (
    EQUOS_API_KEY,
    MAX_BODY_BYTES,
    SIPHER_API_KEY,
    TRINSIC_API_KEY,
    TWILIO_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN,
    TWILIO_SERVICE_SID,
    Faults,
    RequestLog,
    Sandbox,
    create_app,
    serve,
    serve_in_thread,
)

OVERSIZE = b"x" * (MAX_BODY_BYTES + 1)
# One body-taking request per vendor, with the vendor's auth.
WRITES = {
    "trinsic": ("POST", "/trinsic/v1/sessions", {"Authorization": f"Bearer {TRINSIC_API_KEY}"}),
    "sipher": ("POST", "/sipher/v1/sessions", {"X-API-Key": SIPHER_API_KEY}),
    "equos": ("POST", "/equos/v3/sessions", {"x-api-key": EQUOS_API_KEY}),
    "twilio": ("POST", f"/twilio/v1/Services/{TWILIO_SERVICE_SID}/Sessions", {}),
}
TWILIO_AUTH = httpx.BasicAuth(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN)


def test_public_surface() -> None:
    import sessionhub.sandbox as public

    names = {name for name in vars(public) if name[0].isalpha()} - {"annotations"}
    assert set(public.__all__) == names
    for name in public.__all__:
        value = getattr(public, name)
        if isinstance(value, type):
            assert value.__module__ == "sessionhub.sandbox", name
    errors = {name for name in public.__all__ if name.startswith("Sandbox") and "Error" in name}
    errors |= {"SandboxStartTimeout"} & set(public.__all__)
    assert errors == {
        "SandboxError",
        "SandboxUsageError",
        "SandboxStateError",
        "SandboxStartError",
        "SandboxStartTimeout",
    }
    import sessionhub

    for name in errors:
        assert issubclass(getattr(public, name), sessionhub.SessionHubError), name


async def test_serve_listens_on_a_free_loopback_port(
    sandbox: Sandbox, http: httpx.AsyncClient
) -> None:
    assert sandbox.host == "127.0.0.1"
    assert sandbox.port > 0
    assert sandbox.url == f"http://127.0.0.1:{sandbox.port}"
    assert sandbox.base_url("twilio") == f"http://127.0.0.1:{sandbox.port}/twilio"
    with pytest.raises(ValueError):
        sandbox.base_url("stripe")
    health = await http.get("/healthz")
    assert (health.status_code, health.json()) == (200, {"status": "ok"})


async def test_two_sandboxes_share_nothing() -> None:
    async with serve() as one, serve() as two, httpx.AsyncClient() as http:
        assert one.port != two.port
        url = f"{one.base_url('twilio')}/v1/Services/{TWILIO_SERVICE_SID}/Sessions"
        await http.post(url, auth=TWILIO_AUTH)
        other = url.replace(one.url, two.url)
        assert len((await http.get(url, auth=TWILIO_AUTH)).json()["sessions"]) == 1
        assert (await http.get(other, auth=TWILIO_AUTH)).json()["sessions"] == []


async def test_exit_leaves_no_task_and_no_listening_socket() -> None:
    before = asyncio.all_tasks()
    closed: list[bool] = []
    async with serve() as sandbox, httpx.AsyncClient() as http:
        assert (await http.get(f"{sandbox.url}/healthz")).status_code == 200
        client = sandbox.twilio  # a ready-made client, closed on exit
        aclose = client.aclose

        async def recording_aclose() -> None:
            closed.append(True)
            await aclose()

        client.aclose = recording_aclose  # type: ignore[method-assign]
        port = sandbox.port
    assert closed == [True]
    assert asyncio.all_tasks() == before
    with pytest.raises(OSError):
        await asyncio.open_connection("127.0.0.1", port)


async def test_serve_refuses_a_remote_host() -> None:
    with pytest.raises(ValueError, match="loopback"):
        async with serve(host="0.0.0.0"):
            pass


async def test_create_app_runs_in_process_with_the_callers_log_and_faults() -> None:
    requests, faults = RequestLog(), Faults()
    faults.add("status=503", vendor="equos")
    app = create_app(requests=requests, faults=faults)
    assert app.requests is requests and app.faults is faults
    transport = httpx.ASGITransport(app)
    async with httpx.AsyncClient(transport=transport, base_url="http://sandbox") as client:
        headers = {"x-api-key": EQUOS_API_KEY}
        assert (await client.get("/equos/v3/sessions", headers=headers)).status_code == 503
        listed = await client.get("/equos/v3/sessions", headers=headers)
    assert listed.json()["sessions"] == []
    assert [r.status for r in requests] == [503, 200]


async def test_reset_forgets_sessions_faults_and_requests(
    sandbox: Sandbox, http: httpx.AsyncClient
) -> None:
    url = f"/twilio/v1/Services/{TWILIO_SERVICE_SID}/Sessions"
    assert (await http.post(url, auth=TWILIO_AUTH)).status_code == 201
    assert len((await http.get(url, auth=TWILIO_AUTH)).json()["sessions"]) == 1
    sandbox.faults.add("status=500", times=None)
    sandbox.reset()
    assert (len(sandbox.requests), len(sandbox.faults)) == (0, 0)
    assert (await http.get(url, auth=TWILIO_AUTH)).json()["sessions"] == []


@pytest.mark.parametrize("vendor", sorted(WRITES))
async def test_oversize_bodies_get_the_vendors_413(
    vendor: str, sandbox: Sandbox, http: httpx.AsyncClient
) -> None:
    method, path, headers = WRITES[vendor]
    auth = TWILIO_AUTH if vendor == "twilio" else None
    json_type = "application/x-www-form-urlencoded" if vendor == "twilio" else "application/json"
    response = await http.request(
        method, path, headers={**headers, "Content-Type": json_type}, auth=auth, content=OVERSIZE
    )
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    expected_keys = {
        "trinsic": {"message"},
        "sipher": {"success", "error"},
        "equos": {"message", "error", "statusCode"},
        "twilio": {"message", "status"},
    }[vendor]
    assert set(body) == expected_keys
    (record,) = sandbox.requests.matching(vendor=vendor)
    assert (record.operation, record.status, record.changed_state) == (
        "sessions.create",
        413,
        False,
    )


@pytest.mark.parametrize("vendor", sorted(WRITES))
@pytest.mark.parametrize(
    "raw",
    [b"{", b"\xff\xfe", b"[]", b"null", b'{"a": NaN}', b"%zz=%%", b"1e999999", b'"' + b"[" * 5000],
)
async def test_malformed_input_never_crashes(
    vendor: str, raw: bytes, sandbox: Sandbox, http: httpx.AsyncClient
) -> None:
    method, path, headers = WRITES[vendor]
    auth = TWILIO_AUTH if vendor == "twilio" else None
    for media in ("application/json", "application/x-www-form-urlencoded", "text/plain"):
        response = await http.request(
            method, path, headers={**headers, "Content-Type": media}, auth=auth, content=raw
        )
        # Twilio ignores form keys it does not know: a form that decodes is a valid create.
        form = vendor == "twilio" and media == "application/x-www-form-urlencoded"
        assert response.status_code in ((201, 400) if form else range(400, 500)), response.text
        assert response.headers["content-type"].startswith("application/"), response.text


async def test_the_request_log(sandbox: Sandbox, http: httpx.AsyncClient) -> None:
    await http.get("/healthz")
    await http.get("/sipher/v1/sessions/x?y=1", headers={"X-API-Key": SIPHER_API_KEY})
    await http.get("/sipher/v1/nowhere", headers={"X-API-Key": SIPHER_API_KEY})
    health, get, nowhere = sandbox.requests
    assert (health.vendor, health.operation, health.status) == (None, None, 200)
    assert (get.vendor, get.operation, get.method, get.path, get.query) == (
        "sipher",
        "sessions.get",
        "GET",
        "/sipher/v1/sessions/x",
        "y=1",
    )
    assert (get.handled, get.changed_state, get.status, get.fault) == (True, False, 400, None)
    assert (nowhere.vendor, nowhere.operation, nowhere.handled, nowhere.status) == (
        "sipher",
        None,
        False,
        404,
    )
    assert sandbox.requests.matching(vendor="sipher", method="get") == [get, nowhere]
    assert sandbox.requests[-1] is nowhere
    assert sandbox.requests[:1] == [health]


# python -m sessionhub.sandbox


@pytest.mark.slow  # starts the sandbox's command line in a child process
def test_main_refuses_a_non_loopback_host() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sessionhub.sandbox", "--host", "0.0.0.0", "--port", "0"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "--allow-remote" in result.stderr
    assert result.stdout == ""


@pytest.mark.slow  # starts the sandbox's command line in a child process
async def test_main_serves_until_terminated() -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "sessionhub.sandbox",
        "--port",
        "0",
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        url = (await asyncio.wait_for(process.stdout.readline(), 30)).decode().strip()
        assert url.startswith("http://127.0.0.1:")
        async with httpx.AsyncClient() as http:
            assert (await http.get(f"{url}/healthz")).status_code == 200
            listed = await http.get(
                f"{url}/equos/v3/sessions", headers={"x-api-key": EQUOS_API_KEY}
            )
            assert listed.json()["total"] == 0
    finally:
        process.send_signal(signal.SIGTERM)
        code = await asyncio.wait_for(process.wait(), 30)
    assert code == 0


# the sandbox's own errors (review finding 15): sessionhub errors that still are the builtins
# callers may already catch, with a message that says what to do


async def test_an_unknown_vendor_is_a_sandbox_usage_error(sandbox: Sandbox) -> None:
    from sessionhub import SessionHubError
    from sessionhub.sandbox import SandboxError, SandboxUsageError

    for call in (sandbox.base_url, sandbox.settings, sandbox.client):
        with pytest.raises(SandboxUsageError, match="unknown vendor 'stripe'; pass one of") as info:
            call("stripe")
        assert isinstance(info.value, SandboxError | SessionHubError | ValueError)


async def test_a_port_in_use_is_a_sandbox_start_error(sandbox: Sandbox) -> None:
    from sessionhub.sandbox import SandboxStartError

    with pytest.raises(SandboxStartError, match=f":{sandbox.port} .*pass port=0") as info:
        async with serve(port=sandbox.port):
            pass
    assert isinstance(info.value, OSError)
    assert info.value.errno is not None
    assert info.value.__cause__ is None


async def test_a_remote_host_is_a_sandbox_usage_error() -> None:
    from sessionhub.sandbox import SandboxUsageError

    with pytest.raises(SandboxUsageError, match="allow_remote=True"):
        async with serve(host="0.0.0.0"):
            pass


def test_a_thread_that_does_not_start_is_a_sandbox_start_timeout(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sessionhub.sandbox._server as server
    from sessionhub.sandbox import SandboxStartError, SandboxStartTimeout

    # a server that never reports started: the readiness wait runs out, not the test
    monkeypatch.setattr(server, "_READY_TIMEOUT", 0.2)
    monkeypatch.setattr(server, "_STOP_TIMEOUT", 0.2)
    real = server._embedded_server

    def never_started(config: Any) -> Any:
        made = real(config)

        async def serve(sockets: Any = None) -> None:
            await asyncio.sleep(3600)

        made.serve = serve
        return made

    monkeypatch.setattr(server, "_embedded_server", never_started)
    with pytest.raises(SandboxStartTimeout, match=r"did not start within .*retry") as info:
        with serve_in_thread():
            pass
    assert isinstance(info.value, TimeoutError | SandboxStartError)


async def test_bad_faults_and_clock_moves_are_sandbox_usage_errors(sandbox: Sandbox) -> None:
    from sessionhub.sandbox import SandboxUsageError

    with pytest.raises(SandboxUsageError, match="unknown vendor 'stripe'"):
        sandbox.faults.add("status=503", vendor="stripe")
    with pytest.raises(SandboxUsageError, match="unknown operation 'nope'"):
        sandbox.faults.add("status=503", vendor="twilio", operation="nope")
    with pytest.raises(SandboxUsageError, match="unknown fault item"):
        sandbox.faults.add("stauts=503")
    with pytest.raises(SandboxUsageError, match="time only moves forward"):
        sandbox.advance(-1)
    with pytest.raises(SandboxUsageError, match="past 9999-01-01"):
        sandbox.advance(1e12)
