"""The control plane over real HTTP (`/_sandbox/...`), the Python API it shares, seeded
random faults, `serve_in_thread()`, the thread fixtures and `--state FILE`."""

from __future__ import annotations

import asyncio
import collections
import json
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import httpx
import pytest

from sessionhub import InternalServerError, NotFoundError
from sessionhub.sandbox import (
    TWILIO_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN,
    TWILIO_SERVICE_SID,
    Faults,
    ManualClock,
    Sandbox,
    serve_in_thread,
)

TWILIO_AUTH = httpx.BasicAuth(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN)
SESSIONS = f"/twilio/v1/Services/{TWILIO_SERVICE_SID}/Sessions"
SIPHER = {"X-API-Key": "sandbox-sipher"}


# faults


async def test_faults_over_http_are_the_python_rules(
    http: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    rule = {"fault": "status=503", "vendor": "twilio", "operation": "sessions.create", "times": 2}
    added = await http.post("/_sandbox/faults", json=rule)
    assert added.status_code == 201
    assert added.json() == {**rule, "id": 1, "hits": 0}
    (python_rule,) = list(sandbox.faults)  # the same rule, seen from Python
    assert (python_rule.id, python_rule.remaining) == (1, 2)

    statuses = [(await http.post(SESSIONS, auth=TWILIO_AUTH)).status_code for _ in range(3)]
    assert statuses == [503, 503, 201]
    assert python_rule.hits == 2
    assert (await http.get("/_sandbox/faults")).json() == []

    twice = await http.post("/_sandbox/faults", json={"fault": "drop", "times": None})
    assert twice.json()["times"] is None
    sandbox.faults.add("status=500", vendor="sipher")
    listed = (await http.get("/_sandbox/faults")).json()
    assert [r["fault"] for r in listed] == ["drop", "status=500"]
    assert (await http.delete(f"/_sandbox/faults/{listed[0]['id']}")).status_code == 204
    assert (await http.delete(f"/_sandbox/faults/{listed[0]['id']}")).status_code == 404
    assert (await http.delete("/_sandbox/faults")).status_code == 204
    assert len(sandbox.faults) == 0


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ({"fault": "status=200"}, "400 to 599"),
        ({"fault": "explode"}, "unknown fault item"),
        ({"fault": "drop", "vendor": "stripe"}, "unknown vendor"),
        ({"fault": "drop", "vendor": "twilio", "operation": "sessions.stop"}, "unknown operation"),
        ({"fault": "drop", "times": 0}, "times"),
        ({"fault": "drop", "times": "2"}, "times"),
        ({"fault": "drop", "rate": 1.5}, "rate"),
        ({"fault": "drop", "seed": 7}, "seed= goes with rate="),
        ({"fault": ["drop", "empty"]}, "rate="),
        ({"fault": []}, "at least one"),
        ({"fault": 503}, "a fault is a string"),
        ({"fault": "drop", "extra": 1}, "got keys"),
        ({"vendor": "twilio"}, "got keys"),
    ],
)
async def test_a_bad_fault_is_a_400_that_says_why(
    http: httpx.AsyncClient, sandbox: Sandbox, body: dict[str, Any], says: str
) -> None:
    response = await http.post("/_sandbox/faults", json=body)
    assert response.status_code == 400
    assert says in response.json()["error"]
    assert len(sandbox.faults) == 0


async def test_not_json_is_a_400(http: httpx.AsyncClient) -> None:
    for path in ("/_sandbox/faults", "/_sandbox/clock"):
        for body in (b"{", b"[1]", b""):
            response = await http.post(path, content=body)
            assert response.status_code == 400, (path, body)
            assert "error" in response.json()
    assert (await http.put("/_sandbox/state", content=b"nope")).status_code == 400


async def test_the_control_plane_is_not_logged_and_never_faulted(
    http: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    sandbox.faults.add("status=503", times=None)
    for _ in range(3):
        assert (await http.get("/_sandbox/requests")).status_code == 200
    assert (
        await http.get("/_sandbox/faults", headers={"X-Sandbox-Fault": "drop"})
    ).status_code == 200
    assert len(sandbox.requests) == 0
    assert (await http.get("/_sandbox/nothing")).status_code == 404
    assert (await http.put("/_sandbox/reset")).status_code == 405
    # and no vendor prefix serves it
    response = await http.get("/twilio/_sandbox/requests", auth=TWILIO_AUTH)
    assert response.status_code == 503  # a Twilio path: the catch-all rule applies


# seeded random faults


def _outcomes(seed: int, calls: int = 2000) -> list[str | None]:
    faults = Faults()
    faults.add(["status=503", "drop", "delay=0.01"], rate=0.02, seed=seed)
    taken = [faults.take("twilio", "sessions.get") for _ in range(calls)]
    return [None if f is None else str(f) for f in taken]


def test_random_faults_are_reproducible_from_the_seed() -> None:
    first = _outcomes(7)
    assert first == _outcomes(7)
    assert first != _outcomes(8)
    hits = [f for f in first if f is not None]
    assert 15 <= len(hits) <= 70  # 2 % of 2,000 is 40
    assert collections.Counter(hits).keys() == {"status=503", "drop", "delay=0.01"}


def test_a_random_rule_passes_unlucky_requests_on_and_caps_at_times() -> None:
    faults = Faults()
    rare = faults.add("status=500", rate=0.5, seed=1, times=3)
    every = faults.add("status=503", times=None)
    taken = [str(faults.take("sipher", "sessions.get")) for _ in range(20)]
    assert taken.count("status=500") == 3 == rare.hits
    assert taken.count("status=503") == 17 == every.hits
    assert rare not in list(faults)


async def test_random_faults_over_a_socket_fail_the_same_calls(http: httpx.AsyncClient) -> None:
    async def run() -> list[int]:
        await http.post("/_sandbox/reset")
        rule = {"fault": ["status=503", "status=429; retry-after=0"], "rate": 0.1, "seed": 7}
        await http.post("/_sandbox/faults", json={**rule, "vendor": "sipher"})
        statuses = []
        for _ in range(100):
            body = {"defaults": {"chain": "solana"}}
            statuses.append(
                (await http.post("/sipher/v1/sessions", json=body, headers=SIPHER)).status_code
            )
        return statuses

    first = await run()
    assert first == await run()
    assert {503, 429, 201} == set(first)
    log = (await http.get("/_sandbox/requests?faulted=true")).json()
    assert len(log) == first.count(503) + first.count(429)


# the request log


async def test_the_request_log_as_json_with_filters(
    http: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    await http.post(SESSIONS, auth=TWILIO_AUTH)
    await http.get(f"{SESSIONS}/KC{'0' * 32}", auth=TWILIO_AUTH)
    await http.get(SESSIONS, auth=TWILIO_AUTH, headers={"X-Sandbox-Fault": "status=500"})
    log = (await http.get("/_sandbox/requests")).json()
    assert [(r["operation"], r["status"]) for r in log] == [
        ("sessions.create", 201),
        ("sessions.get", 404),
        ("sessions.list", 500),
    ]
    assert log[0] == {
        "vendor": "twilio",
        "operation": "sessions.create",
        "method": "POST",
        "path": SESSIONS,
        "query": "",
        "at": log[0]["at"],
        "fault": None,
        "handled": True,
        "changed_state": True,
        "status": 201,
    }
    assert log[0]["at"] == sandbox.requests[0].at
    for query, expected in (
        ("operation=sessions.fetch", ["sessions.get"]),  # twilio-python's name for it
        ("faulted=true", ["sessions.list"]),
        ("changed_state=true", ["sessions.create"]),
        ("handled=false", ["sessions.list"]),
        ("method=get&vendor=twilio", ["sessions.get", "sessions.list"]),
        ("vendor=sipher", []),
    ):
        got = (await http.get(f"/_sandbox/requests?{query}")).json()
        assert [r["operation"] for r in got] == expected, query
    assert (await http.get("/_sandbox/requests?faulted=maybe")).status_code == 400
    assert (await http.get("/_sandbox/requests?operation=nope")).json() == []
    assert (await http.delete("/_sandbox/requests")).status_code == 204
    assert len(sandbox.requests) == 0


# the clock


async def test_the_clock_moves_expiry_on_a_live_sandbox(
    http: httpx.AsyncClient, sandbox: Sandbox, clock: ManualClock
) -> None:
    created = await http.post(
        "/sipher/v1/sessions", json={"defaults": {}, "ttlSeconds": 60}, headers=SIPHER
    )
    session_id = created.json()["data"]["sessionId"]
    before = (await http.get("/_sandbox/clock")).json()
    assert before == {"now": clock.now, "iso": "2026-01-01T00:00:00.000Z"}
    moved = await http.post("/_sandbox/clock", json={"advance": 59.5})
    assert moved.json()["now"] == clock.now == before["now"] + 59.5
    assert (await http.get(f"/sipher/v1/sessions/{session_id}", headers=SIPHER)).status_code == 200
    await http.post("/_sandbox/clock", json={"advance": 1})
    assert (await http.get(f"/sipher/v1/sessions/{session_id}", headers=SIPHER)).status_code == 404
    for bad in (-1, "10", None, True, float("inf")):
        body = json.dumps({"advance": bad}) if bad != float("inf") else '{"advance": 1e999}'
        assert (await http.post("/_sandbox/clock", content=body)).status_code == 400, bad
    assert (await http.post("/_sandbox/clock", json={"advance": 1, "to": 5})).status_code == 400


async def test_the_clock_cannot_be_moved_past_what_a_timestamp_can_show(
    http: httpx.AsyncClient, clock: ManualClock
) -> None:
    # 1e12 s is year ~33700: accepted, it made every later clock read and Twilio create a 500
    # until the process restarted (reset keeps the clock).
    refused = await http.post("/_sandbox/clock", json={"advance": 1e12})
    assert refused.status_code == 400
    assert "9999" in refused.json()["error"]
    assert (await http.get("/_sandbox/clock")).status_code == 200
    assert (await http.post(SESSIONS, auth=TWILIO_AUTH)).status_code == 201
    assert (await http.post("/_sandbox/clock", json={"advance": 86400 * 365})).status_code == 200


async def test_a_control_body_that_cannot_be_echoed_is_a_400(http: httpx.AsyncClient) -> None:
    # A lone surrogate parses but cannot be encoded: the rule was stored and every later
    # GET /_sandbox/faults was a 500. Nesting past the recursion limit was a 500 too.
    for body in (
        '{"fault": "status=418; body=\\ud800"}',
        "[" * 100_000 + "]" * 100_000,
        '{"fault": "status=503", "rate": NaN}',
    ):
        answer = await http.post(
            "/_sandbox/faults", content=body, headers={"Content-Type": "application/json"}
        )
        assert answer.status_code == 400, body[:40]
    assert (await http.get("/_sandbox/faults")).json() == []


def test_advance_on_the_real_clock_is_an_offset() -> None:
    with serve_in_thread() as sandbox:
        start = sandbox.now()
        sandbox.advance(3600)
        assert sandbox.now() - start >= 3600
        assert httpx.get(sandbox.control_url + "/clock").json()["now"] - start >= 3600


# reset and state


async def test_reset_forgets_sessions_faults_and_log_but_not_the_clock(
    http: httpx.AsyncClient, sandbox: Sandbox, clock: ManualClock
) -> None:
    await http.post(SESSIONS, auth=TWILIO_AUTH)
    await http.post("/_sandbox/faults", json={"fault": "drop", "vendor": "equos"})
    await http.post("/_sandbox/clock", json={"advance": 10})
    assert (await http.post("/_sandbox/reset")).status_code == 204
    assert len(sandbox.requests) == len(sandbox.faults) == 0
    assert sandbox.export_state()["vendors"]["twilio"]["sessions"] == []
    assert (await http.get("/_sandbox/clock")).json()["now"] == clock.now


async def test_state_round_trips_every_vendor_and_keeps_listing_order(
    http: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    twilio = [(await http.post(SESSIONS, auth=TWILIO_AUTH)).json()["sid"] for _ in range(3)]
    sipher = (
        await http.post("/sipher/v1/sessions", json={"defaults": {"chain": "near"}}, headers=SIPHER)
    ).json()["data"]["sessionId"]
    equos = await sandbox.equos.sessions.create(
        name="call", avatar={"identity": "a", "name": "A", "refImage": "https://x.invalid/a"}
    )
    trinsic = await sandbox.trinsic.sessions.create()
    exported = (await http.get("/_sandbox/state")).json()
    assert exported == sandbox.export_state()
    assert exported["format"] == "sessionhub-sandbox-state/1"

    await http.post("/_sandbox/reset")
    shuffled = json.loads(json.dumps(exported))
    shuffled["vendors"]["twilio"]["sessions"].reverse()  # a hand-edited file, out of order
    imported = await http.put("/_sandbox/state", json=shuffled)
    assert imported.json() == {"imported": {"trinsic": 1, "sipher": 1, "equos": 1, "twilio": 3}}
    assert exported == sandbox.export_state()

    listed = [s.sid async for s in sandbox.twilio.sessions.list(TWILIO_SERVICE_SID, page_size=2)]
    assert listed == twilio
    assert (await sandbox.sipher.sessions.get(sipher)).defaults.chain == "near"
    assert (await sandbox.equos.sessions.get(equos.session.id)) is not None
    assert (await sandbox.trinsic.sessions.get(str(trinsic.id))).id == trinsic.id
    later = (await http.post(SESSIONS, auth=TWILIO_AUTH)).json()["sid"]  # numbering goes on
    assert [s.sid async for s in sandbox.twilio.sessions.list(TWILIO_SERVICE_SID)] == [
        *twilio,
        later,
    ]


@pytest.mark.parametrize(
    "document",
    [
        {},
        {"format": "sessionhub-sandbox-state/2"},
        {"format": "sessionhub-sandbox-state/1", "vendors": {"stripe": {}}},
        {"format": "sessionhub-sandbox-state/1", "sequence": -1},
        {"format": "sessionhub-sandbox-state/1", "vendors": {"twilio": {"sessions": [{}]}}},
        {"format": "sessionhub-sandbox-state/1", "vendors": {"twilio": {"sessions": "x"}}},
        {"format": "sessionhub-sandbox-state/1", "vendors": {"equos": {"avatars": [1]}}},
        {
            "format": "sessionhub-sandbox-state/1",
            "vendors": {"trinsic": {"sessions": [{"sequence": 1, "body": {}}]}},
        },
    ],
)
async def test_a_bad_state_is_a_400_and_changes_nothing(
    http: httpx.AsyncClient, sandbox: Sandbox, document: dict[str, Any]
) -> None:
    await http.post(SESSIONS, auth=TWILIO_AUTH)
    before = sandbox.export_state()
    response = await http.put("/_sandbox/state", json=document)
    assert response.status_code == 400
    assert response.json()["error"].startswith("not a sandbox state")
    assert sandbox.export_state() == before


# serve_in_thread and the fixtures


def test_serve_in_thread_serves_sync_callers_while_they_block() -> None:
    with serve_in_thread() as sandbox:
        assert sandbox.threaded and sandbox.url.startswith("http://127.0.0.1:")
        assert threading.current_thread() is threading.main_thread()
        # A sync client blocks this thread; the sandbox answers from its own.
        created = httpx.post(sandbox.url + SESSIONS, auth=TWILIO_AUTH)
        assert created.status_code == 201
        sandbox.faults.add("status=503", vendor="twilio", operation="sessions.get")
        fetched = httpx.get(f"{sandbox.url}{SESSIONS}/{created.json()['sid']}", auth=TWILIO_AUTH)
        assert fetched.status_code == 503
        assert [r.operation for r in sandbox.requests] == ["sessions.create", "sessions.get"]
        assert sandbox.settings("sipher") == {
            "api_key": "sandbox-sipher",
            "base_url": sandbox.base_url("sipher"),
        }
        with pytest.raises(RuntimeError, match=r"sandbox\.client\('twilio'\)"):
            _ = sandbox.twilio
        state = sandbox.export_state()
        sandbox.reset()
        assert sandbox.import_state(state)["twilio"] == 1
        url = sandbox.url
    with pytest.raises(httpx.ConnectError):  # stopped, and the port released
        httpx.get(url + "/healthz", timeout=2)


def test_serve_in_thread_gives_clients_for_any_loop() -> None:
    with serve_in_thread(clock=ManualClock()) as sandbox:

        async def use() -> str:
            async with sandbox.client("twilio") as twilio:
                session = await twilio.sessions.create(TWILIO_SERVICE_SID, ttl=60)
                sandbox.advance(61)
                fetched = await twilio.sessions.fetch(TWILIO_SERVICE_SID, session.sid)
                sandbox.faults.add("status=500", vendor="twilio", times=3)
                with pytest.raises(InternalServerError):
                    await twilio.sessions.fetch(TWILIO_SERVICE_SID, session.sid, timeout=5)
                await twilio.sessions.delete(TWILIO_SERVICE_SID, session.sid)
                with pytest.raises(NotFoundError):
                    await twilio.sessions.fetch(TWILIO_SERVICE_SID, session.sid)
                return str(fetched.closed_reason)

        assert asyncio.run(use()) == "expired"  # one loop
        assert asyncio.run(use()) == "expired"  # and another


def test_serve_in_thread_reports_a_failure_to_start() -> None:
    with pytest.raises(ValueError, match="loopback"), serve_in_thread(host="192.0.2.1"):
        pass


def test_the_thread_fixture_is_shared_and_the_fresh_one_is_clean(
    sessionhub_sandbox_thread: Sandbox, sessionhub_sandbox_thread_fresh: Sandbox
) -> None:
    assert sessionhub_sandbox_thread is sessionhub_sandbox_thread_fresh
    assert len(sessionhub_sandbox_thread_fresh.requests) == 0
    httpx.post(sessionhub_sandbox_thread.url + SESSIONS, auth=TWILIO_AUTH)


def test_the_fresh_fixture_forgot_the_last_test(sessionhub_sandbox_thread_fresh: Sandbox) -> None:
    assert len(sessionhub_sandbox_thread_fresh.requests) == 0
    assert sessionhub_sandbox_thread_fresh.export_state()["vendors"]["twilio"]["sessions"] == []


# python -m sessionhub.sandbox --state FILE


def _start(state: Path) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "sessionhub.sandbox", "--port", "0", "--state", str(state)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    return process, process.stdout.readline().strip()


def test_state_file_survives_a_restart(tmp_path: Path) -> None:
    state = tmp_path / "sandbox.json"
    process, url = _start(state)
    try:
        sid = httpx.post(url + SESSIONS, auth=TWILIO_AUTH, data={"UniqueName": "kept"}).json()[
            "sid"
        ]
    finally:
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    assert f"state saved to {state}" in out
    saved = json.loads(state.read_text())
    assert [s["sid"] for s in saved["vendors"]["twilio"]["sessions"]] == [sid]

    process, url = _start(state)
    try:
        fetched = httpx.get(f"{url}{SESSIONS}/kept", auth=TWILIO_AUTH)
        assert fetched.json()["sid"] == sid
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=20)


def test_a_bad_state_file_stops_the_start_with_a_message(tmp_path: Path) -> None:
    state = tmp_path / "broken.json"
    for content, says in (("{", "cannot read"), ('{"format": "x"}', "is not a sandbox state")):
        state.write_text(content)
        result = subprocess.run(
            [sys.executable, "-m", "sessionhub.sandbox", "--port", "0", "--state", str(state)],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        assert result.returncode == 1
        assert says in result.stderr
        assert state.read_text() == content  # not overwritten
