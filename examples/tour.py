"""A tour of sessionhub against the embedded sandbox: what `make demo` runs.

For each vendor: create sessions, read one back, list them with auto-pagination across
several pages, update / cancel / stop / delete one, then one handled error of each kind:
not found, validation (rejected before sending, and by the vendor), and a rate limit that
a retry recovers from. Everything talks to 127.0.0.1 only.
"""

from __future__ import annotations

import asyncio
import sys

from sessionhub import InvalidRequestError, NotFoundError, SessionHubError
from sessionhub.sandbox import TWILIO_SERVICE_SID, Sandbox, serve

SERVICE = TWILIO_SERVICE_SID


def line(vendor: str, what: str) -> None:
    print(f"  {vendor:<8} {what}")


async def rate_limit_recovered(sandbox: Sandbox, vendor: str, operation: str, call: object) -> None:
    """A 429 (Retry-After: 0) on the next call; the client's retry makes the call succeed."""
    before = len(sandbox.requests)
    sandbox.faults.add("status=429; retry-after=0", vendor=vendor, operation=operation)
    await call  # type: ignore[misc]
    attempts = len(sandbox.requests) - before
    line(vendor, f"rate limit: 429 then success after {attempts - 1} retry (Retry-After honoured)")


async def twilio_tour(sandbox: Sandbox) -> None:
    twilio = sandbox.twilio
    created = [
        await twilio.sessions.create(
            SERVICE,
            unique_name=f"order-{i}",
            ttl=3600,
            participants=[{"Identifier": f"+1555000{i:04d}"}],
        )
        for i in range(5)
    ]
    line("twilio", f"created {len(created)} sessions ({created[0].sid}, ...)")
    fetched = await twilio.sessions.get(SERVICE, created[0].sid)
    line(
        "twilio",
        f"fetched {fetched.sid}: status={fetched.status}, unique_name={fetched.unique_name}",
    )
    pages = [len(page.items) async for page in twilio.sessions.list(SERVICE, page_size=2).pages()]
    line("twilio", f"listed {sum(pages)} sessions in {len(pages)} pages of {pages}")
    closed = await twilio.sessions.update(SERVICE, created[1].sid, status="closed")
    line("twilio", f"updated {closed.sid} -> status={closed.status}")
    await twilio.sessions.delete(SERVICE, created[2].sid)
    line("twilio", f"deleted {created[2].sid}")
    try:
        await twilio.sessions.get(SERVICE, created[2].sid)
    except NotFoundError as err:
        line("twilio", f"not found: {type(err).__name__} code={err.code}")
    try:
        await twilio.sessions.update(SERVICE, created[1].sid, status="open")
    except SessionHubError as err:
        line("twilio", f"vendor validation: {type(err).__name__} code={err.code}")  # type: ignore[attr-defined]
    try:
        await twilio.sessions.delete(SERVICE, "../../Accounts")
    except InvalidRequestError:
        line("twilio", "delete '../../Accounts': InvalidRequestError (not a KC sid), nothing sent")
    await rate_limit_recovered(
        sandbox, "twilio", "sessions.get", twilio.sessions.get(SERVICE, created[0].sid)
    )


async def trinsic_tour(sandbox: Sandbox) -> None:
    trinsic = sandbox.trinsic
    created = [
        await trinsic.sessions.create(verifications=[{"type": "GovernmentId"}]) for _ in range(12)
    ]
    line("trinsic", f"created {len(created)} sessions ({created[0].id}, ...)")
    got = await trinsic.sessions.get(created[0].id)
    line("trinsic", f"got {got.id}: state={got.state}")
    pages = [len(page.items) async for page in trinsic.sessions.list(page_size=5).pages()]
    line("trinsic", f"listed {sum(pages)} sessions in {len(pages)} pages of {pages}")
    cancelled = await trinsic.sessions.cancel(created[1].id)
    line(
        "trinsic",
        f"cancelled {cancelled.id} -> state={cancelled.state}, fail_code={cancelled.fail_code}",
    )
    try:
        await trinsic.sessions.get("00000000-0000-0000-0000-000000000000")
    except NotFoundError as err:
        line("trinsic", f"not found: {type(err).__name__} ({err.message.split(';')[0]})")
    try:
        trinsic.sessions.list(page_size=50)
    except InvalidRequestError:
        line("trinsic", "page_size=50: InvalidRequestError (Trinsic allows 1..10), nothing sent")
    await rate_limit_recovered(
        sandbox, "trinsic", "sessions.get", trinsic.sessions.get(created[0].id)
    )


async def sipher_tour(sandbox: Sandbox) -> None:
    sipher = sandbox.sipher
    created = [
        await sipher.sessions.create(defaults={"chain": "solana"}, ttl_seconds=600)
        for _ in range(3)
    ]
    line("sipher", f"created {len(created)} sessions ({created[0].session_id[:16]}..., ...)")
    got = await sipher.sessions.get(created[0].session_id)
    assert got.created_at is not None  # get always carries it (create and update omit one each)
    line(
        "sipher",
        f"got defaults chain={got.defaults.chain}, expires in "
        f"{(got.expires_at - got.created_at) // 1000}s",
    )
    updated = await sipher.sessions.update(
        created[0].session_id, defaults={"privacyLevel": "maximum"}
    )
    line(
        "sipher",
        f"updated (merge): chain={updated.defaults.chain}, "
        f"privacy_level={updated.defaults.privacy_level}",
    )
    await sipher.sessions.delete(created[1].session_id)
    line("sipher", "deleted (Sipher has no list operation)")
    try:
        await sipher.sessions.get(created[1].session_id)
    except NotFoundError as err:
        line("sipher", f"not found: {type(err).__name__} code={err.code}")
    try:
        # deliberately invalid: a type checker refuses it too
        await sipher.sessions.create(defaults={"chain": "tron"})  # type: ignore[arg-type]
    except InvalidRequestError:
        line("sipher", "chain='tron': InvalidRequestError, nothing sent")
    await rate_limit_recovered(
        sandbox, "sipher", "sessions.get", sipher.sessions.get(created[0].session_id)
    )


async def equos_tour(sandbox: Sandbox) -> None:
    equos = sandbox.equos
    created = [
        await equos.sessions.create(
            name=f"support-{i}",
            avatar="avatar-demo",
            client="user-1",
            consumer_identity={"identity": "user-1", "name": "Ana"},
        )
        for i in range(7)
    ]
    line("equos", f"created {len(created)} sessions ({created[0].session.id}, ...)")
    got = await equos.sessions.get(created[0].session.id)
    line("equos", f"got {got.id if got else None}: status={got.status if got else None}")
    pages = [
        len(page.items) async for page in equos.sessions.list(client="user-1", page_size=3).pages()
    ]
    line("equos", f"listed {sum(pages)} sessions in {len(pages)} pages of {pages}")
    stopped = await equos.sessions.stop(created[1].session.id)
    again = await equos.sessions.stop(created[1].session.id)
    line(
        "equos",
        f"stopped -> status={stopped.status if stopped else None}; "
        f"stopping again -> {again} (Equos answers null)",
    )
    try:
        await equos.sessions.get("no-such-session")
    except NotFoundError as err:
        line("equos", f"not found: NotFoundError (Equos answers 200 null; HTTP {err.status_code})")
    try:
        equos.sessions.list(page_size=100)
    except InvalidRequestError:
        line("equos", "page_size=100: InvalidRequestError (Equos allows 1..50), nothing sent")
    await rate_limit_recovered(
        sandbox, "equos", "sessions.get", equos.sessions.get(created[0].session.id)
    )


async def main() -> int:
    async with serve() as sandbox:
        print(
            f"sessionhub tour against the sandbox at {sandbox.base_url('twilio').rsplit('/', 1)[0]}"
        )
        for title, tour in (
            ("Twilio Proxy", twilio_tour),
            ("Trinsic Connect", trinsic_tour),
            ("Sipher", sipher_tour),
            ("Equos", equos_tour),
        ):
            print(f"\n{title}")
            await tour(sandbox)
        print(f"\n{len(sandbox.requests)} requests served; all four vendors OK")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
