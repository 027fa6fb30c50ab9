"""The sandbox's request validation comes from specs/*.yaml (src/sessionhub/sandbox/_spec.py):
the hand-written checkers are gone, the fast validator (jsonschema-rs) and the one that
explains (jsonschema) agree on every value, and each vendor answers a spec violation in its
own 400 shape."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sessionhub.sandbox import (
    EQUOS_API_KEY,
    SIPHER_API_KEY,
    TRINSIC_API_KEY,
    TWILIO_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN,
    TWILIO_SERVICE_SID,
)
from sessionhub.sandbox._spec import spec_for, spec_path

ROOT = Path(__file__).resolve().parents[2]
SANDBOX = ROOT / "src" / "sessionhub" / "sandbox"

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from(["", "solana", "0xabc", "GovernmentId", "Created", "https://x.io", "x" * 70])
    | st.text(max_size=5),
    lambda children: st.lists(children, max_size=3)
    | st.dictionaries(
        st.sampled_from(
            ["defaults", "chain", "ttlSeconds", "name", "avatar", "identity", "refImage",
             "verifications", "type", "governmentIdOptions", "idNumber", "orderBy",
             "orderDirection", "pageSize", "page", "UniqueName", "Ttl", "Mode", "host",
             "serverUrl", "accessToken", "templateVars", "maxDuration", "agent", "provider"]
        ),
        children,
        max_size=4,
    ),
    max_leaves=10,
)  # fmt: skip

SCHEMAS = [
    ("sipher", "body", "create_session", "application/json"),
    ("sipher", "body", "update_session", "application/json"),
    ("equos", "body", "create_session", "application/json"),
    ("equos", "component", "CreateAgentRequest", None),
    ("equos", "component", "CreateAvatarRequest", None),
    ("twilio_proxy", "body", "create_session", "application/x-www-form-urlencoded"),
    ("twilio_proxy", "component", "ParticipantRequest", None),
    ("trinsic_connect", "body", "create_session", "application/json"),
    ("trinsic_connect", "body", "list_sessions", "application/json"),
]


def test_the_hand_written_checkers_are_gone() -> None:
    assert not (SANDBOX / "_sipher_checks.py").exists()
    assert not (SANDBOX / "_equos_checks.py").exists()
    for api in ("sipher", "equos", "trinsic_connect", "twilio_proxy"):
        assert spec_path(api) == ROOT / "specs" / f"{api}.yaml"  # a checkout reads specs/


@pytest.mark.parametrize(("api", "kind", "name", "media"), SCHEMAS)
@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(value=JSON)
def test_the_fast_and_the_explaining_validator_agree(
    api: str, kind: str, name: str, media: str | None, value: Any
) -> None:
    spec = spec_for(api)
    schema = spec.body(name, media) if kind == "body" and media else spec.component(name)
    fast, full = spec._validator(schema)
    try:
        quick = fast.is_valid(value)
    except (ValueError, TypeError, OverflowError):
        return  # past 64 bits: the explaining one decides alone
    if api == "trinsic_connect":  # strict integers: 5.0 is no Int32
        assert (spec.check(schema, value) == []) == full.is_valid(value), value
        return
    assert quick == full.is_valid(value), value
    assert (spec.check(schema, value) == []) == quick


def test_trinsic_integers_are_strict_as_in_dotnet() -> None:
    spec = spec_for("trinsic_connect")
    body = spec.body("list_sessions")
    order = {"orderBy": "Created", "orderDirection": "Ascending"}
    assert spec.check(body, {**order, "pageSize": 5}) == []
    (issue,) = spec.check(body, {**order, "pageSize": 5.0})
    assert (issue.path, issue.keyword) == (("pageSize",), "type")
    sipher = spec_for("sipher")  # JavaScript cannot tell 60.0 from 60
    assert sipher.check(sipher.body("create_session"), {"defaults": {}, "ttlSeconds": 60.0}) == []


async def test_each_vendor_answers_a_spec_violation_in_its_own_shape() -> None:
    from sessionhub.sandbox import serve

    async with serve() as sandbox, httpx.AsyncClient(base_url=sandbox.url) as http:
        sipher = await http.post(
            "/sipher/v1/sessions",
            headers={"X-API-Key": SIPHER_API_KEY},
            json={"defaults": {"privacyLevel": "total", "backend": "arcium"}, "ttlSeconds": 5},
        )
        assert [(i["code"], i["path"]) for i in sipher.json()["error"]["details"]] == [
            ("invalid_value", ["defaults", "privacyLevel"]),
            ("invalid_value", ["defaults", "backend"]),
            ("too_small", ["ttlSeconds"]),
        ]
        equos = await http.post(
            "/equos/v3/sessions",
            headers={"x-api-key": EQUOS_API_KEY},
            json={
                "name": 5,
                "host": {"serverUrl": "not a url", "accessToken": "t"},
                "templateVars": {"a": 1},
                "avatar": {"identity": "a", "name": "A", "refImage": "r", "client": "c" * 65},
                "agent": {"provider": "gemini", "voice": "Bob", "search": "yes"},
            },
        )
        assert equos.json()["message"] == [
            "name must be a string",
            "host.serverUrl must be a URL address",
            "templateVars.a must be a string",
            "agent.voice must be one of the following values: "
            + ", ".join(spec_for("equos").component("AgentVoice")["enum"]),
            "agent.search must be a boolean value",
            "avatar.client must be shorter than or equal to 64 characters",
        ]
        trinsic = await http.post(
            "/trinsic/v1/sessions",
            headers={"Authorization": f"Bearer {TRINSIC_API_KEY}"},
            json={"verifications": [{"governmentIdOptions": {"idNumber": "yes"}}]},
        )
        assert trinsic.json() == [
            {
                "memberNames": ["$.verifications[0].governmentIdOptions.idNumber"],
                "errorMessage": "The JSON value could not be converted to System.Boolean.",
            }
        ]
        auth = (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN)
        sessions = f"/twilio/v1/Services/{TWILIO_SERVICE_SID}/Sessions"
        for form, message in (
            ({"Mode": "fax"}, "Mode must be one of message-only, voice-only, voice-and-message"),
            ({"UniqueName": "x" * 192}, "UniqueName must be at most 191 characters"),
            ({"Ttl": "soon"}, "Ttl must be a whole number of seconds, 0 or more"),
            ({"DateExpiry": "tomorrow"}, "DateExpiry must be an ISO 8601 date-time"),
            ({"Participants": ["{}"]}, "Each Participants value must be a JSON object with an "
             "Identifier"),
        ):  # fmt: skip
            twilio = await http.post(sessions, auth=auth, data=form)
            assert twilio.json() == {"message": message, "status": 400}, form
        page = await http.get(sessions, auth=auth, params={"PageSize": 1001})
        assert page.json()["message"] == "PageSize must be a whole number between 1 and 1000"
