"""Importing state (`PUT /_sandbox/state`, `Sandbox.import_state`) checks every value the
sandbox later uses, and refuses a bad state as a whole (review finding 3): before, a Twilio
session with `date_expiry: 1e300` imported and then every list was a 500, and a session
listed twice was silently merged."""

from __future__ import annotations

import copy
import json
import math
import os
import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sessionhub.sandbox import (
    EQUOS_API_KEY,
    SIPHER_API_KEY,
    TRINSIC_API_KEY,
    TWILIO_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN,
    TWILIO_SERVICE_SID,
    Sandbox,
    SandboxStateError,
    serve_in_thread,
)
from sessionhub.sandbox._spec import spec_for

TWILIO_AUTH = httpx.BasicAuth(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN)
SESSIONS = f"/twilio/v1/Services/{TWILIO_SERVICE_SID}/Sessions"
HEADERS = {
    "trinsic": {"Authorization": f"Bearer {TRINSIC_API_KEY}"},
    "sipher": {"X-API-Key": SIPHER_API_KEY},
    "equos": {"x-api-key": EQUOS_API_KEY},
}
# the spec's own limit, not typed again here
UNIQUE_NAME_MAX = spec_for("twilio_proxy").body(
    "create_session", "application/x-www-form-urlencoded"
)["properties"]["UniqueName"]["maxLength"]


def populate(http: httpx.Client) -> None:
    """Two sessions of each vendor (and an Equos avatar), as the APIs make them."""
    for _ in range(2):
        assert http.post(SESSIONS, auth=TWILIO_AUTH, data={"Ttl": "60"}).status_code == 201
        sipher = http.post(
            "/sipher/v1/sessions", json={"defaults": {"chain": "near"}}, headers=HEADERS["sipher"]
        )
        assert sipher.status_code == 201
        equos = http.post(
            "/equos/v3/sessions",
            json={
                "name": "call",
                "avatar": {"identity": "a", "name": "A", "refImage": "https://x.invalid/a"},
            },
            headers=HEADERS["equos"],
        )
        assert equos.status_code == 201, equos.text
        trinsic = http.post("/trinsic/v1/sessions", json={}, headers=HEADERS["trinsic"])
        assert trinsic.status_code == 200, trinsic.text


def serves(http: httpx.Client, state: dict[str, Any]) -> None:
    """Every vendor lists, and every imported session can be read back, without a 5xx."""
    vendors = state["vendors"]
    answers = [
        http.get(SESSIONS, auth=TWILIO_AUTH),
        http.get("/equos/v3/sessions", headers=HEADERS["equos"]),
        http.post("/trinsic/v1/sessions/list", json={}, headers=HEADERS["trinsic"]),
    ]
    for session in vendors["twilio"]["sessions"]:
        answers.append(http.get(f"{SESSIONS}/{session['sid']}", auth=TWILIO_AUTH))
    for session in vendors["sipher"]["sessions"]:
        answers.append(http.get(f"/sipher/v1/sessions/{session['id']}", headers=HEADERS["sipher"]))
    for session in vendors["equos"]["sessions"]:
        answers.append(
            http.get(f"/equos/v3/sessions/{session['body']['id']}", headers=HEADERS["equos"])
        )
    for session in vendors["trinsic"]["sessions"]:
        answers.append(
            http.get(
                "/trinsic/v1/sessions/get",
                params={"id": session["body"]["id"]},
                headers=HEADERS["trinsic"],
            )
        )
    for answer in answers:
        assert answer.status_code < 500, (answer.request.url, answer.text)
    assert answers[0].status_code == 200


@pytest.fixture(scope="module")
def thread_sandbox() -> Iterator[Sandbox]:
    with serve_in_thread() as sandbox:
        yield sandbox


@pytest.fixture
def http(thread_sandbox: Sandbox) -> Iterator[httpx.Client]:
    thread_sandbox.reset()
    with httpx.Client(base_url=thread_sandbox.url) as client:
        populate(client)
        yield client


def _set(state: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(state)
    target: Any = changed["vendors"]
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return changed


# (path below "vendors", value, what the message names); all encodable as JSON
BAD = [
    (("twilio", "sessions", 0, "date_expiry"), 1e300, "twilio sessions[0].date_expiry"),
    (("twilio", "sessions", 1, "date_expiry"), "tomorrow", "twilio sessions[1].date_expiry"),
    (("twilio", "sessions", 0, "created"), -1, "twilio sessions[0].created"),
    (("twilio", "sessions", 0, "ttl_since"), 1e300, "twilio sessions[0].ttl_since"),
    (("twilio", "sessions", 0, "sid"), "KCnot-hex", "twilio sessions[0].sid"),
    (("twilio", "sessions", 0, "sid"), 7, "twilio sessions[0].sid"),
    (("twilio", "sessions", 0, "status"), "bogus", "twilio sessions[0].status"),
    (("twilio", "sessions", 0, "mode"), None, "twilio sessions[0].mode"),
    (("twilio", "sessions", 0, "ttl"), -1, "twilio sessions[0].ttl"),
    (("twilio", "sessions", 0, "ttl"), 10**30, "twilio sessions[0].ttl"),
    (("twilio", "sessions", 0, "sequence"), True, "twilio sessions[0].sequence"),
    (
        ("twilio", "sessions", 0, "unique_name"),
        "u" * (UNIQUE_NAME_MAX + 1),
        "twilio sessions[0].unique_name",
    ),
    (("sipher", "sessions", 0, "id"), "sess_xyz", "sipher sessions[0].id"),
    (("sipher", "sessions", 1, "expires_at"), 1e300, "sipher sessions[1].expires_at"),
    (("sipher", "sessions", 0, "created_at"), "x", "sipher sessions[0].created_at"),
    (("sipher", "sessions", 0, "owner"), 3, "sipher sessions[0].owner"),
    (("sipher", "sessions", 0, "defaults"), {"chain": "doge"}, "sipher sessions[0].defaults.chain"),
    (("trinsic", "sessions", 0, "body", "id"), 5, "trinsic sessions[0].body.id"),
    (("trinsic", "sessions", 1, "body", "created"), 10**20, "trinsic sessions[1].body.created"),
    (("trinsic", "sessions", 0, "body", "state"), "Nope", "trinsic sessions[0].body.state"),
    (("equos", "sessions", 0, "body", "createdAt"), "soon", "equos sessions[0].body.createdAt"),
    (("equos", "sessions", 0, "started"), 1e300, "equos sessions[0].started"),
    (("equos", "sessions", 0, "body", "maxDuration"), "1h", "equos sessions[0].body.maxDuration"),
    (("equos", "avatars", 0, "id"), None, "equos avatars[0].body.id"),
    (("trinsic", "sessions", 0, "body", "state"), None, "trinsic sessions[0].body.state"),
]


@pytest.mark.parametrize(("path", "value", "named"), BAD, ids=[b[2] for b in BAD])
def test_a_bad_value_is_a_400_naming_vendor_session_and_field(
    http: httpx.Client, thread_sandbox: Sandbox, path: tuple[Any, ...], value: Any, named: str
) -> None:
    before = thread_sandbox.export_state()
    answer = http.put("/_sandbox/state", json=_set(before, path, value))
    assert answer.status_code == 400, answer.text
    assert f"not a sandbox state: {named}: " in answer.json()["error"]
    assert thread_sandbox.export_state() == before
    serves(http, before)


@pytest.mark.parametrize(("path", "value", "named"), BAD, ids=[b[2] for b in BAD])
def test_import_state_raises_a_sandbox_state_error_and_changes_nothing(
    http: httpx.Client, thread_sandbox: Sandbox, path: tuple[Any, ...], value: Any, named: str
) -> None:
    before = thread_sandbox.export_state()
    with pytest.raises(SandboxStateError, match="^" + re.escape(named) + ": ") as info:
        thread_sandbox.import_state(_set(before, path, value))
    assert isinstance(info.value, ValueError)  # what callers caught before
    assert thread_sandbox.export_state() == before


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_non_finite_times_from_python_are_refused(
    http: httpx.Client, thread_sandbox: Sandbox, value: float
) -> None:
    before = thread_sandbox.export_state()
    for path in [
        ("twilio", "sessions", 0, "date_expiry"),
        ("twilio", "sessions", 0, "updated"),
        ("equos", "sessions", 0, "started"),
        ("sipher", "sessions", 0, "last_accessed_at"),
    ]:
        with pytest.raises(SandboxStateError, match="not a timestamp from 1970 to 9999-01-01"):
            thread_sandbox.import_state(_set(before, path, value))
    assert thread_sandbox.export_state() == before


@pytest.mark.parametrize(
    ("vendor", "key"),
    [("equos", "maxDuration"), ("equos", "status"), ("equos", "client"), ("trinsic", "state")],
)
def test_a_member_the_sandbox_reads_may_not_be_left_out(
    http: httpx.Client, thread_sandbox: Sandbox, vendor: str, key: str
) -> None:
    """Found by the fuzz test below: an Equos body without maxDuration (the spec does not
    require it) imported, and the next fetch was a KeyError, a 500."""
    before = thread_sandbox.export_state()
    state = copy.deepcopy(before)
    del state["vendors"][vendor]["sessions"][1]["body"][key]
    with pytest.raises(SandboxStateError, match=rf"^{vendor} sessions\[1\]\.body\.{key}: "):
        thread_sandbox.import_state(state)
    assert thread_sandbox.export_state() == before
    serves(http, before)


def test_the_reviewers_repro_no_longer_breaks_listing(
    http: httpx.Client, thread_sandbox: Sandbox
) -> None:
    state = thread_sandbox.export_state()
    state["vendors"]["twilio"]["sessions"][0]["date_expiry"] = 1e300
    with pytest.raises(SandboxStateError, match=r"twilio sessions\[0\]\.date_expiry: 1e\+300"):
        thread_sandbox.import_state(state)
    listed = http.get(SESSIONS, auth=TWILIO_AUTH)
    assert listed.status_code == 200
    assert len(listed.json()["sessions"]) == 2


@pytest.mark.parametrize(
    ("vendor", "key", "named"),
    [
        (
            "twilio",
            "sessions",
            r"twilio sessions\[2\]\.sid: 'KC[0-9a-f]{32}' is also sessions\[0\]",
        ),
        ("sipher", "sessions", r"sipher sessions\[2\]\.id: .* is also sessions\[0\]"),
        ("trinsic", "sessions", r"trinsic sessions\[2\]\.body\.id: .* is also sessions\[0\]"),
        ("equos", "sessions", r"equos sessions\[2\]\.body\.id: .* is also sessions\[0\]"),
        ("equos", "avatars", r"equos avatars\[2\]\.id: .* is also avatars\[0\]"),
    ],
)
def test_an_id_listed_twice_is_refused_not_merged(
    http: httpx.Client, thread_sandbox: Sandbox, vendor: str, key: str, named: str
) -> None:
    before = thread_sandbox.export_state()
    doubled = copy.deepcopy(before)
    items = doubled["vendors"][vendor][key]
    items.append(copy.deepcopy(items[0]))
    answer = http.put("/_sandbox/state", json=doubled)
    assert answer.status_code == 400
    with pytest.raises(SandboxStateError, match=named):
        thread_sandbox.import_state(doubled)
    assert thread_sandbox.export_state() == before


def test_a_good_state_still_round_trips(http: httpx.Client, thread_sandbox: Sandbox) -> None:
    before = thread_sandbox.export_state()
    answer = http.put("/_sandbox/state", json=before)
    assert answer.json() == {"imported": {"trinsic": 2, "sipher": 2, "equos": 2, "twilio": 2}}
    assert thread_sandbox.export_state() == before
    serves(http, before)


# the control plane, fuzzed: whatever it is sent, it answers below 500 and keeps serving

_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=6,
)


# One change: (vendor, session, a path of key choices, replace-or-drop, new value); the
# choices are plain numbers taken modulo what is there, so what hypothesis draws does not
# depend on the state (which moves between examples: timestamps, Equos expiry).
_CHANGE = st.tuples(
    st.sampled_from(["equos", "sipher", "trinsic", "twilio"]),
    st.integers(0, 9),
    st.lists(st.integers(0, 63), min_size=1, max_size=3),
    st.sampled_from(["replace", "drop", "duplicate"]),
    _JSON,
)


def _mutated(state: dict[str, Any], changes: list[Any]) -> dict[str, Any]:
    """`state` with each change applied: a value anywhere in a session replaced or dropped,
    or a session listed twice."""
    changed = copy.deepcopy(state)
    for vendor, pick, path, action, value in changes:
        items = changed["vendors"][vendor]["sessions"]
        if not items:
            continue
        index = pick % len(items)
        if action == "duplicate":
            items.append(copy.deepcopy(items[index]))
            continue
        target: Any = items[index]
        for depth, choice in enumerate(path):
            if not isinstance(target, dict) or not target:  # emptied by an earlier change
                break
            key = sorted(target)[choice % len(target)]
            if depth < len(path) - 1 and isinstance(target[key], dict) and target[key]:
                target = target[key]
                continue
            if action == "replace":
                target[key] = value
            else:
                del target[key]
            break
    return changed


_CONTROL = st.one_of(
    st.tuples(st.just("/_sandbox/clock"), st.dictionaries(st.sampled_from(["advance"]), _JSON)),
    st.tuples(
        st.just("/_sandbox/faults"),
        st.dictionaries(st.sampled_from(["fault", "vendor", "operation", "times", "rate"]), _JSON),
    ),
    st.tuples(st.just("/_sandbox/state"), _JSON),
)


@settings(
    max_examples=int(os.environ.get("SESSIONHUB_CONTROL_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_control_plane_fuzz_never_5xx_and_keeps_serving(
    http: httpx.Client, thread_sandbox: Sandbox, data: st.DataObject
) -> None:
    good = thread_sandbox.export_state()
    document = _mutated(good, data.draw(st.lists(_CHANGE, min_size=1, max_size=3)))
    answer = http.put("/_sandbox/state", content=json.dumps(document))
    assert answer.status_code in (200, 400), answer.text
    now = thread_sandbox.export_state()
    assert now == (good if answer.status_code == 400 else now)
    serves(http, now)
    path, body = data.draw(_CONTROL)
    method = "PUT" if path.endswith("state") else "POST"
    answer = http.request(method, path, content=json.dumps(body))
    assert answer.status_code < 500, answer.text
    assert http.get("/_sandbox/faults").status_code == 200
    assert http.get("/_sandbox/clock").status_code == 200
    thread_sandbox.faults.clear()
    serves(http, thread_sandbox.export_state())
    thread_sandbox.import_state(good)
