"""Issue 11, item 8: false rejections, raw exceptions and invalid requests that were sent.

Each case names the defect it covers; the spec-wide boundary walk is test_constraints.py.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import Any

import pytest

from sessionhub import Equos, InvalidRequestError, Sipher, TrinsicConnect, TwilioProxy
from tests.conftest import Script
from tests.test_readme import equos, sipher, trinsic, twilio

SERVICE = "KS" + "a" * 32
AVATAR = "cmfkz80fl000do50jj2u2nim5"


def scripted(handler: Any) -> Script:
    script = Script()
    script.default = handler
    return script


def twilio_client(script: Script) -> TwilioProxy:
    return TwilioProxy(
        account_sid="AC" + "0" * 32, auth_token="t" * 32, http_client=script.client()
    )


# --- false rejections: body fields get body rules ----------------------------------------


@pytest.mark.parametrize("name", ["Line one\nline two", "Tab\there", "...", "..", " "])
async def test_equos_session_name_is_a_body_field_not_a_path_segment(name: str) -> None:
    script = scripted(equos)
    async with Equos(api_key="k" * 32, http_client=script.client()) as client:
        await client.sessions.create(name=name, avatar=AVATAR)
    assert script.body()["name"] == name


async def test_equos_client_longer_than_64_is_accepted_on_create_and_list() -> None:
    long_client = "user-" + "x" * 200  # neither the spec nor Equos limits a session's client
    script = scripted(equos)
    async with Equos(api_key="k" * 32, http_client=script.client()) as client:
        await client.sessions.create(name="s", avatar=AVATAR, client=long_client)
        await client.sessions.list(client=long_client)
    assert script.body(0)["client"] == long_client
    assert script.requests[1].url.params["client"] == long_client


async def test_path_ids_keep_their_segment_rules() -> None:
    script = scripted(equos)
    async with Equos(api_key="k" * 32, http_client=script.client()) as client:
        for bad in ["..", "a\nb", "x" * 129]:
            with pytest.raises(InvalidRequestError):
                await client.sessions.get(bad)
    assert script.requests == []


# --- raw exceptions become InvalidRequestError --------------------------------------------


@pytest.mark.parametrize(
    "participant",
    [
        {"Identifier": "+15550001111", "FriendlyName": {"a", "set"}},  # was a raw TypeError
        {"Identifier": "+15550001111", "FriendlyName": math.nan},  # was sent as NaN
        {"Identifier": {"+1"}},
        {"Identifier": "+15550001111", "FriendlyName": "x" * 256},
        {"FriendlyName": "no identifier"},
    ],
)
async def test_bad_participants_are_invalid_requests(participant: dict[str, Any]) -> None:
    script = scripted(twilio)
    async with twilio_client(script) as client:
        with pytest.raises(InvalidRequestError, match=r"participants\[0\]"):
            await client.sessions.create(SERVICE, participants=[participant])  # type: ignore[list-item]
    assert script.requests == []


async def test_date_expiry_out_of_range_in_utc_is_an_invalid_request() -> None:
    late = dt.datetime(9999, 12, 31, 23, 0, tzinfo=dt.timezone(-dt.timedelta(hours=5)))
    script = scripted(twilio)
    async with twilio_client(script) as client:
        with pytest.raises(InvalidRequestError, match="out of range"):  # was OverflowError
            await client.sessions.create(SERVICE, date_expiry=late)
        with pytest.raises(InvalidRequestError, match="out of range"):
            await client.sessions.update(SERVICE, "KC" + "b" * 32, date_expiry=late)
    assert script.requests == []


# --- sent although invalid ----------------------------------------------------------------


async def test_three_participants_are_refused() -> None:
    script = scripted(twilio)
    people = [{"Identifier": f"+1555000000{i}"} for i in range(3)]
    async with twilio_client(script) as client:
        with pytest.raises(InvalidRequestError, match="at most 2 items"):
            await client.sessions.create(SERVICE, participants=people)  # type: ignore[arg-type]
        await client.sessions.create(SERVICE, participants=people[:2])  # type: ignore[arg-type]
    assert len(script.requests) == 1
    sent = [v for k, v in script.form() if k == "Participants"]
    assert [json.loads(item) for item in sent] == people[:2]


@pytest.mark.parametrize("status", ["closed", "failed", "unknown"])
async def test_twilio_create_takes_only_open_or_in_progress(status: str) -> None:
    script = scripted(twilio)
    async with twilio_client(script) as client:
        with pytest.raises(InvalidRequestError, match="'open', 'in-progress'"):
            await client.sessions.create(SERVICE, status=status)  # type: ignore[arg-type]
        await client.sessions.create(SERVICE, status="in-progress")
        await client.sessions.update(SERVICE, "KC" + "b" * 32, status=status)  # type: ignore[arg-type]
    assert [r.method for r in script.requests] == ["POST", "POST"]


async def test_equos_additional_ctx_must_be_a_string() -> None:
    script = scripted(equos)
    async with Equos(api_key="k" * 32, http_client=script.client()) as client:
        with pytest.raises(InvalidRequestError, match="additional_ctx must be a string"):
            await client.sessions.create(name="s", avatar=AVATAR, additional_ctx=123)  # type: ignore[arg-type]
    assert script.requests == []


# --- one rule for unknown keys in nested dicts ---------------------------------------------


async def test_trinsic_verification_with_unknown_key_names_the_allowed_keys() -> None:
    script = scripted(trinsic)
    async with TrinsicConnect(api_key="k" * 32, http_client=script.client()) as client:
        with pytest.raises(InvalidRequestError) as info:
            await client.sessions.create(verifications=[{"typ": "GovernmentId"}])  # type: ignore[typeddict-unknown-key]
    assert "unknown keys 'typ'; allowed: type, governmentIdOptions" in str(info.value)
    assert script.requests == []


async def test_equos_identity_with_unknown_key_names_the_allowed_keys() -> None:
    script = scripted(equos)
    identity = {"identity": "user-1", "name": "Ana", "nmae": "Ana"}
    async with Equos(api_key="k" * 32, http_client=script.client()) as client:
        with pytest.raises(InvalidRequestError) as info:
            await client.sessions.create(name="s", avatar=AVATAR, consumer_identity=identity)  # type: ignore[arg-type]
    assert "consumer_identity has unknown keys 'nmae'; allowed: identity, name" in str(info.value)
    assert script.requests == []


async def test_sipher_defaults_with_unknown_key_names_the_allowed_keys() -> None:
    script = scripted(sipher)
    async with Sipher(api_key="k" * 32, http_client=script.client()) as client:
        with pytest.raises(InvalidRequestError) as info:
            await client.sessions.create(defaults={"chian": "solana"})  # type: ignore[typeddict-unknown-key]
        # v0.1's snake_case aliases stay accepted at run time
        await client.sessions.create(defaults={"privacy_level": "maximum"})  # type: ignore[typeddict-unknown-key]
    assert "defaults has unknown keys 'chian'; allowed: chain, privacyLevel" in str(info.value)
    assert script.body()["defaults"] == {"privacyLevel": "maximum"}
