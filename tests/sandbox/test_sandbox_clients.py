"""sessionhub's own clients against the sandbox, end to end over real sockets: the
ready-made clients of `Sandbox`, each vendor's full lifecycle, paging across several
pages, and each kind of error mapped to sessionhub's exceptions."""

from __future__ import annotations

import pytest

import sessionhub
from sessionhub.sandbox import TWILIO_SERVICE_SID, ManualClock, Sandbox


async def test_ready_made_clients_point_at_the_sandbox(sandbox: Sandbox) -> None:
    assert isinstance(sandbox.trinsic, sessionhub.TrinsicConnect)
    assert isinstance(sandbox.sipher, sessionhub.Sipher)
    assert isinstance(sandbox.equos, sessionhub.Equos)
    assert isinstance(sandbox.twilio, sessionhub.TwilioProxy)
    for vendor in ("trinsic", "sipher", "equos", "twilio"):
        client = getattr(sandbox, vendor)
        assert getattr(sandbox, vendor) is client, vendor  # one client per vendor
        assert client.base_url == sandbox.base_url(vendor), vendor
    # ... with the sandbox's credentials: each one's first call is a success.
    assert [s async for s in sandbox.trinsic.sessions.list()] == []
    await sandbox.sipher.sessions.create(defaults={})
    assert [s async for s in sandbox.equos.sessions.list()] == []
    assert [s async for s in sandbox.twilio.sessions.list(TWILIO_SERVICE_SID)] == []
    assert [(r.vendor, r.status) for r in sandbox.requests] == [
        ("trinsic", 200),
        ("sipher", 201),
        ("equos", 200),
        ("twilio", 200),
    ]


async def test_closing_the_ready_made_clients_closes_each_once(sandbox: Sandbox) -> None:
    first = sandbox.equos
    closed: list[object] = []

    async def aclose() -> None:
        closed.append(first)

    first.aclose = aclose  # type: ignore[method-assign]
    await sandbox.aclose_clients()
    await sandbox.aclose_clients()  # nothing left to close
    assert closed == [first]
    assert sandbox.equos is not first  # a new one on next use


async def test_twilio_lifecycle(sandbox: Sandbox) -> None:
    twilio = sandbox.twilio.sessions
    created = [await twilio.create(TWILIO_SERVICE_SID, unique_name=f"order-{i}") for i in range(5)]
    fetched = await twilio.fetch(TWILIO_SERVICE_SID, created[0].sid)
    assert fetched.unique_name == "order-0"
    listed = [s.sid async for s in twilio.list(TWILIO_SERVICE_SID, page_size=2)]
    assert listed == [s.sid for s in created]
    assert len(sandbox.requests.matching(operation="sessions.list")) == 3  # 2 + 2 + 1
    closed = await twilio.update(TWILIO_SERVICE_SID, created[0].sid, status="closed")
    assert str(closed.status) == "closed"
    await twilio.delete(TWILIO_SERVICE_SID, created[0].sid)
    with pytest.raises(sessionhub.NotFoundError):
        await twilio.fetch(TWILIO_SERVICE_SID, created[0].sid)
    with pytest.raises(sessionhub.BadRequestError):
        await twilio.update(TWILIO_SERVICE_SID, created[1].sid, status="in-progress")


async def test_sipher_lifecycle(sandbox: Sandbox, clock: ManualClock) -> None:
    sipher = sandbox.sipher.sessions
    created = await sipher.create(defaults={"chain": "solana"}, ttl_seconds=120)
    updated = await sipher.update(created.session_id, defaults={"privacy_level": "maximum"})
    got = await sipher.get(created.session_id)
    assert got.defaults.to_dict() == updated.defaults.to_dict()
    assert got.defaults.to_dict() == {"chain": "solana", "privacyLevel": "maximum"}
    assert await sipher.delete(created.session_id) is None
    with pytest.raises(sessionhub.NotFoundError):
        await sipher.get(created.session_id)
    short = await sipher.create(defaults={}, ttl_seconds=60)
    clock.advance(60)
    with pytest.raises(sessionhub.NotFoundError):
        await sipher.get(short.session_id)


async def test_trinsic_lifecycle(sandbox: Sandbox) -> None:
    trinsic = sandbox.trinsic.sessions
    created = [await trinsic.create(verifications=[{"type": "GovernmentId"}]) for _ in range(12)]
    got = await trinsic.get(str(created[0].id))
    assert got.id == created[0].id
    listed = [s.id async for s in trinsic.list(page_size=5)]
    assert listed == [s.id for s in created]
    cancelled = await trinsic.cancel(str(created[0].id))
    assert (str(cancelled.state), str(cancelled.fail_code)) == (
        "IdvFailed",
        "SessionFailRpcCanceled",
    )
    with pytest.raises(sessionhub.NotFoundError):
        await trinsic.get("no-such-session")


async def test_equos_lifecycle(sandbox: Sandbox) -> None:
    equos = sandbox.equos.sessions
    created = [
        await equos.create(name=f"lesson {i}", avatar="cavatar", client="user-1") for i in range(7)
    ]
    session = created[0].session
    assert (await equos.get(session.id)) is not None
    listed = [s.id async for s in equos.list(client="user-1", page_size=3)]
    assert listed == [c.session.id for c in created]
    stopped = await equos.stop(session.id)
    assert stopped is not None and stopped.status == "ended"
    assert await equos.stop(session.id) is None  # already stopped: null, not an error
    with pytest.raises(sessionhub.NotFoundError):  # Equos's 200 null: not found (issue 13's policy)
        await equos.get("cnosuchsession")


async def test_errors_of_each_kind(sandbox: Sandbox) -> None:
    with pytest.raises(sessionhub.AuthenticationError):
        async with sessionhub.Equos(api_key="wrong", base_url=sandbox.base_url("equos")) as bad:
            await bad.sessions.get("cx")
    free = sessionhub.Sipher(api_key="sandbox-sipher-free", base_url=sandbox.base_url("sipher"))
    async with free:
        with pytest.raises(sessionhub.PermissionDeniedError):
            await free.sessions.create(defaults={})
    await sandbox.twilio.sessions.create(TWILIO_SERVICE_SID, unique_name="taken")
    with pytest.raises(sessionhub.BadRequestError):  # only the server can know this one
        await sandbox.twilio.sessions.create(TWILIO_SERVICE_SID, unique_name="taken")


async def test_rate_limit_is_retried_and_recovered(sandbox: Sandbox) -> None:
    rule = sandbox.faults.add(
        "status=429; retry-after=0", vendor="twilio", operation="sessions.create", times=2
    )
    session = await sandbox.twilio.sessions.create(TWILIO_SERVICE_SID)
    assert rule.hits == 2
    creates = sandbox.requests.matching(operation="sessions.create")
    assert [r.handled for r in creates] == [False, False, True]
    assert session.sid.startswith("KC")


async def test_a_dropped_read_is_retried(sandbox: Sandbox) -> None:
    created = await sandbox.sipher.sessions.create(defaults={})
    sandbox.faults.add("drop", vendor="sipher", operation="sessions.get")
    assert (await sandbox.sipher.sessions.get(created.session_id)).session_id == created.session_id
    gets = sandbox.requests.matching(operation="sessions.get")
    assert [(r.fault, r.status) for r in gets] == [("drop", None), (None, 200)]


async def test_a_dropped_create_is_not_retried(sandbox: Sandbox) -> None:
    sandbox.faults.add("drop=after", vendor="equos", operation="sessions.create")
    with pytest.raises(sessionhub.APIConnectionError):
        await sandbox.equos.sessions.create(name="x", avatar="cavatar")
    # It did happen: exactly one session exists, and the client did not create a second.
    assert len(sandbox.requests.matching(operation="sessions.create", changed_state=True)) == 1
    assert [s.name async for s in sandbox.equos.sessions.list()] == ["x"]


async def test_an_empty_equos_null_is_not_found(sandbox: Sandbox) -> None:
    sandbox.faults.add("empty", vendor="equos", operation="sessions.get")
    created = await sandbox.equos.sessions.create(name="x", avatar="cavatar")
    with pytest.raises(sessionhub.NotFoundError):
        await sandbox.equos.sessions.get(created.session.id)


async def test_a_malformed_body_is_a_response_error(sandbox: Sandbox) -> None:
    sandbox.faults.add("malformed-json", vendor="trinsic", operation="sessions.list")
    with pytest.raises(sessionhub.ResponseValidationError):
        await sandbox.trinsic.sessions.list()
