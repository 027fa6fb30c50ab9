"""The promise of v0.2's one vocabulary: the same service code (create, get, list with a
limit, the vendor's way to end a session, delete where there is one, not-found handling)
runs unchanged in shape against the four vendors' sandboxes.

What differs per vendor is data, not code: the create arguments, Twilio's service scope,
the attribute that holds the id, and which ending operation the vendor has.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

import sessionhub
from sessionhub.sandbox import TWILIO_SERVICE_SID, Sandbox


@dataclass(frozen=True)
class Vendor:
    name: str
    scope: tuple[str, ...]  # leading arguments of every call (Twilio's service SID)
    create: dict[str, Any]
    session_of: Callable[[Any], Any]  # the session in what create returns
    id_of: Callable[[Any], str]
    unknown_id: str  # well-formed, but no such session
    end: str  # update / cancel / stop
    end_args: dict[str, Any]


VENDORS = [
    Vendor(
        "trinsic",
        (),
        {"verifications": [{"type": "GovernmentId"}]},
        lambda created: created,
        lambda s: str(s.id),
        "no-such-session",
        "cancel",
        {},
    ),
    Vendor(
        "sipher",
        (),
        {"defaults": {"chain": "solana"}},
        lambda created: created,
        lambda s: s.session_id,
        "sess_" + "0" * 64,
        "update",
        {"defaults": {"chain": "ethereum"}},
    ),
    Vendor(
        "equos",
        (),
        {"name": "demo", "avatar": "cavatar"},
        lambda created: created.session,
        lambda s: s.id,
        "cnosuchsession",
        "stop",
        {},
    ),
    Vendor(
        "twilio",
        (TWILIO_SERVICE_SID,),
        {"ttl": 3600},
        lambda created: created,
        lambda s: s.sid,
        "KC" + "0" * 32,
        "update",
        {"status": "closed"},
    ),
]


async def service_code(sessions: Any, v: Vendor) -> list[str]:
    """What a service written once for "a sessions API" does. Returns what it did."""
    done = []
    first = v.session_of(await sessions.create(*v.scope, **v.create))
    v.session_of(await sessions.create(*v.scope, **v.create))
    session_id = v.id_of(first)
    done.append("create")

    got = await sessions.get(*v.scope, session_id)
    assert v.id_of(got) == session_id
    raw = await sessions.with_raw_response.get(*v.scope, session_id)
    assert raw.status_code == 200 and v.id_of(raw.parse()) == session_id
    done.append("get")

    if hasattr(sessions, "list"):
        page = await sessions.list(*v.scope, limit=1)
        assert len(page) == 1 and not page.has_next_page()  # the limit is reached
        listed = [v.id_of(s) async for s in sessions.list(*v.scope, limit=2, page_size=1)]
        assert len(listed) == 2 and session_id in listed
        done.append("list")

    ended = await getattr(sessions, v.end)(*v.scope, session_id, **v.end_args)
    assert ended is None or v.id_of(ended) == session_id
    done.append(v.end)

    if hasattr(sessions, "delete"):
        assert await sessions.delete(*v.scope, session_id) is None
        done.append("delete")

    with pytest.raises(sessionhub.NotFoundError) as info:
        await sessions.get(*v.scope, v.unknown_id)
    assert info.value.vendor == v.name and info.value.operation == "sessions.get"
    done.append("not found")
    return done


@pytest.mark.parametrize("vendor", VENDORS, ids=lambda v: v.name)
async def test_the_same_service_code_runs_on_every_vendor(
    sessionhub_sandbox: Sandbox, vendor: Vendor
) -> None:
    client = getattr(sessionhub_sandbox, vendor.name)
    done = await service_code(client.sessions, vendor)
    expected = {
        "trinsic": ["create", "get", "list", "cancel", "not found"],
        "sipher": ["create", "get", "update", "delete", "not found"],
        "equos": ["create", "get", "list", "stop", "not found"],
        "twilio": ["create", "get", "list", "update", "delete", "not found"],
    }
    assert done == expected[vendor.name]
