"""The sandbox at scale, through sessionhub's public clients over a real socket: listings of
0, 1, 99, 100, 101, 1,000 and 5,000 sessions with several page sizes give every id exactly
once, also while sessions are added (and, for Twilio, deleted) mid-listing where the
vendor's paging promises stability. Sipher has no listing: its sessions are read back one
by one.

Issue 14: Twilio's PageToken broke once a listing passed 99 sessions (the base64 was
padded by the whole token's length, `PT` included), and no test listed past 99.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest

from sessionhub import Equos, TrinsicConnect
from sessionhub.sandbox import TWILIO_SERVICE_SID, Sandbox, serve

SIZES = (0, 1, 99, 100, 101, 1000, 5000)
AVATAR = {"identity": "avatar-1", "name": "Ana", "refImage": "https://example.invalid/a.png"}


@pytest.fixture
async def sandbox() -> AsyncIterator[Sandbox]:
    async with serve() as running:
        yield running


async def grow(ids: list[str], target: int, create: Callable[[int], Awaitable[str]]) -> None:
    """Create sessions until there are `target`, 100 at a time."""
    while len(ids) < target:
        batch = range(len(ids), min(target, len(ids) + 100))
        ids.extend(await asyncio.gather(*(create(i) for i in batch)))


def exactly_once(listed: list[str], expected: list[str]) -> None:
    assert len(listed) == len(set(listed)), "an id was listed twice"
    assert listed == expected


# Twilio: link paging with an opaque PageToken, in creation order


async def test_twilio_lists_every_size_with_every_page_size(sandbox: Sandbox) -> None:
    twilio = sandbox.twilio
    ids: list[str] = []

    async def create(i: int) -> str:
        return (await twilio.sessions.create(TWILIO_SERVICE_SID, unique_name=f"n{i}")).sid

    for size in SIZES:
        await grow(ids, size, create)
        for page_size in (1, 50, 99, 100, 101, 1000):
            if size == 5000 and page_size == 1:
                continue  # 5,000 pages of one: nothing the 1,000 case does not show
            listed = [
                s.sid async for s in twilio.sessions.list(TWILIO_SERVICE_SID, page_size=page_size)
            ]
            exactly_once(listed, ids)
        limited = [s.sid async for s in twilio.sessions.list(TWILIO_SERVICE_SID, limit=150)]
        assert limited == ids[:150]


async def test_the_issue_14_reproduction(sandbox: Sandbox) -> None:
    twilio = sandbox.twilio
    for _ in range(150):
        await twilio.sessions.create(TWILIO_SERVICE_SID)
    pages = [
        len(p.items) async for p in twilio.sessions.list(TWILIO_SERVICE_SID, page_size=100).pages()
    ]
    assert pages == [100, 50]


async def test_twilio_listing_is_stable_while_sessions_come_and_go(sandbox: Sandbox) -> None:
    twilio = sandbox.twilio
    ids: list[str] = []

    async def create(i: int) -> str:
        return (await twilio.sessions.create(TWILIO_SERVICE_SID)).sid

    await grow(ids, 1000, create)
    seen: list[str] = []
    added: list[str] = []
    deleted_unseen: set[str] = set()
    async for page in twilio.sessions.list(TWILIO_SERVICE_SID, page_size=64).pages():
        seen.extend(s.sid for s in page.items)
        if len(seen) in (64, 320, 640):
            # delete two already listed and two not yet listed, then add three
            for sid in (seen[0], seen[len(seen) // 2]):
                if sid in ids:
                    await twilio.sessions.delete(TWILIO_SERVICE_SID, sid)
                    ids.remove(sid)
            for sid in [s for s in ids if s not in seen][-2:]:
                await twilio.sessions.delete(TWILIO_SERVICE_SID, sid)
                ids.remove(sid)
                deleted_unseen.add(sid)
            for _ in range(3):
                added.append((await twilio.sessions.create(TWILIO_SERVICE_SID)).sid)
    assert len(seen) == len(set(seen))
    assert not deleted_unseen & set(seen)
    original = [s for s in seen if s not in added]
    survivors = [s for s in ids if s not in added]
    assert [s for s in original if s in survivors] == survivors  # each once, in order
    assert set(added) <= set(seen)  # created behind the cursor, so listed at the end
    assert seen[-len(added) :] == added


# Trinsic: numbered pages of 1..10 with no total; Created Ascending is stable under growth


async def test_trinsic_lists_every_size_with_every_page_size(sandbox: Sandbox) -> None:
    trinsic: TrinsicConnect = sandbox.trinsic
    ids: list[str] = []

    async def create(i: int) -> str:
        session = await trinsic.sessions.create(verifications=[{"type": "GovernmentId"}])
        assert isinstance(session.id, str)
        return session.id

    for size in SIZES:
        await grow(ids, size, create)
        for page_size in (1, 3, 10):
            if size >= 1000 and page_size != 10:
                continue  # thousands of 1-session requests show nothing new
            listed = [str(s.id) async for s in trinsic.sessions.list(page_size=page_size)]
            exactly_once(listed, ids)
        descending = [str(s.id) async for s in trinsic.sessions.list(order_direction="Descending")]
        assert descending == ids[::-1]


async def test_trinsic_created_ascending_is_stable_while_sessions_are_added(
    sandbox: Sandbox,
) -> None:
    trinsic = sandbox.trinsic
    ids: list[str] = []

    async def create(i: int) -> str:
        return str((await trinsic.sessions.create()).id)

    await grow(ids, 101, create)
    seen: list[str] = []
    async for page in trinsic.sessions.list(page_size=10).pages():
        seen.extend(str(s.id) for s in page.items)
        if len(seen) in (10, 50):
            ids.append(await create(0))
            await trinsic.sessions.cancel(seen[0])  # a state change does not move it
    exactly_once(seen, ids)


# Equos: skip/take, oldest first, with a total; stable under growth, and stop only
# changes a status


async def test_equos_lists_every_size_with_every_page_size(sandbox: Sandbox) -> None:
    equos: Equos = sandbox.equos
    ids: list[str] = []

    async def create(i: int) -> str:
        created = await equos.sessions.create(
            name=f"call {i}", avatar=AVATAR, client=f"user-{i % 3}"
        )
        return str(created.session.id)

    for size in SIZES:
        await grow(ids, size, create)
        for page_size in (1, 7, 50):
            if size >= 1000 and page_size == 1:
                continue
            listed = [str(s.id) async for s in equos.sessions.list(page_size=page_size)]
            exactly_once(listed, ids)
        one_client = [str(s.id) async for s in equos.sessions.list(client="user-1", page_size=50)]
        assert one_client == ids[1::3]


async def test_equos_listing_is_stable_while_sessions_are_added_and_stopped(
    sandbox: Sandbox,
) -> None:
    equos = sandbox.equos
    ids: list[str] = []

    async def create(i: int) -> str:
        return str((await equos.sessions.create(name="call", avatar=AVATAR)).session.id)

    await grow(ids, 260, create)
    seen: list[str] = []
    async for page in equos.sessions.list(page_size=50).pages():
        seen.extend(str(s.id) for s in page.items)
        if len(seen) in (50, 150):
            ids.append(await create(0))
            await equos.sessions.stop(seen[-1])
    exactly_once(seen, ids)


# Sipher: no listing; every session reads back, and deleted ones are gone


async def test_sipher_keeps_5000_sessions_apart(sandbox: Sandbox) -> None:
    sipher = sandbox.sipher
    ids: list[str] = []

    async def create(i: int) -> str:
        chain = ("solana", "ethereum", "near")[i % 3]
        return (await sipher.sessions.create(defaults={"chain": chain})).session_id

    await grow(ids, 5000, create)
    assert len(set(ids)) == 5000
    got: list[Any] = []
    for start in range(0, 5000, 250):
        got.extend(
            await asyncio.gather(*(sipher.sessions.get(i) for i in ids[start : start + 250]))
        )
    assert [g.session_id for g in got] == ids
    assert [str(g.defaults.chain) for g in got[:3]] == ["solana", "ethereum", "near"]
