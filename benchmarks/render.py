"""Pre-rendered Twilio Proxy v1 responses for the loopback server.

The shapes follow the Twilio Proxy dossier (Session §3.1, ListSessionResponse §3.4, paging §5)
and its samples: snake_case keys, ISO 8601 dates with `Z`, nulls where an open session has
no end, `meta.next_page_url` absolute with `PageSize`, `Page` and an opaque `PageToken`.
Everything is rendered once, before any client runs, so serving a request costs the server
no more than sending a file.

Layout under the root directory (the URL paths the server maps onto it):

    sessions/KC<32 hex>.json       GET /v1/Services/{SERVICE_SID}/Sessions/KC<32 hex>
    pages/<size>/<page>.json       GET /v1/Services/{SERVICE_SID}/Sessions?PageSize=..&Page=..
"""

from __future__ import annotations

import json
from pathlib import Path

ACCOUNT_SID = "AC" + "a" * 32
SERVICE_SID = "KS" + "b" * 32
TWILIO = "https://proxy.twilio.com"
SESSIONS_PATH = f"/v1/Services/{SERVICE_SID}/Sessions"

TOTAL_SESSIONS = 100_000  # W2 pages through all of them
FETCH_SESSIONS = 5_000  # W1 fetches each of these once
PAGE_SIZES = (50, 1000)

_STATUSES = ("open", "in-progress", "closed", "failed", "in-progress")
_MODES = ("voice-and-message", "message-only", "voice-only")


def session_sid(index: int) -> str:
    return f"KC{index:032x}"


def _date(index: int, offset_s: int) -> str:
    # Distinct, valid timestamps spread over 2024 (no two sessions share all their dates).
    seconds = (index * 37 + offset_s) % (365 * 86400)
    day, rest = divmod(seconds, 86400)
    month, mday = divmod(day, 28)
    hour, rest = divmod(rest, 3600)
    minute, second = divmod(rest, 60)
    return f"2024-{month % 12 + 1:02d}-{mday + 1:02d}T{hour:02d}:{minute:02d}:{second:02d}Z"


def session(index: int) -> dict[str, object]:
    """One Session as Twilio returns it (field order as in the dossier's samples)."""
    sid = session_sid(index)
    status = _STATUSES[index % len(_STATUSES)]
    ended = status in ("closed", "failed")
    url = f"{TWILIO}{SESSIONS_PATH}/{sid}"
    return {
        "service_sid": SERVICE_SID,
        "status": status,
        "unique_name": f"Order #{index}",
        "date_started": _date(index, 60),
        "date_ended": _date(index, 7200) if ended else None,
        "date_last_interaction": _date(index, 3600),
        "date_expiry": _date(index, 86400) if index % 2 else None,
        "ttl": 3600 if index % 3 else 0,
        "mode": _MODES[index % len(_MODES)],
        "closed_reason": "" if ended else None,
        "sid": sid,
        "date_updated": _date(index, 7200),
        "date_created": _date(index, 0),
        "account_sid": ACCOUNT_SID,
        "url": url,
        "links": {"interactions": f"{url}/Interactions", "participants": f"{url}/Participants"},
    }


def page_url(base_url: str, size: int, page: int, token: str | None) -> str:
    query = f"PageSize={size}&Page={page}"
    if token:
        query += f"&PageToken={token}"
    return f"{base_url}{SESSIONS_PATH}?{query}"


def render(
    root: Path,
    base_url: str,
    total: int = TOTAL_SESSIONS,
    fetch: int = FETCH_SESSIONS,
    page_sizes: tuple[int, ...] = PAGE_SIZES,
) -> int:
    """Write every response under `root`; `base_url` is what next_page_url points back to.

    Returns the number of bytes written.
    """
    # Each session is encoded once and spliced into every page that holds it.
    encoded = [json.dumps(session(i)) for i in range(total)]
    written = 0
    (root / "sessions").mkdir(parents=True, exist_ok=True)
    for i in range(min(fetch, total)):
        written += (root / "sessions" / f"{session_sid(i)}.json").write_text(encoded[i])
    for size in page_sizes:
        folder = root / "pages" / str(size)
        folder.mkdir(parents=True, exist_ok=True)
        pages = max(1, -(-total // size))
        token = None
        for page in range(pages):
            first, last = page * size, min(total, (page + 1) * size)
            next_token = f"PA{session_sid(last - 1)}" if last < total else None
            meta = {
                "page": page,
                "page_size": size,
                "first_page_url": page_url(base_url, size, 0, None),
                "previous_page_url": page_url(base_url, size, page - 1, f"PB{session_sid(first)}")
                if page
                else None,
                "url": page_url(base_url, size, page, token),
                "next_page_url": page_url(base_url, size, page + 1, next_token)
                if next_token
                else None,
                "key": "sessions",
            }
            body = '{"sessions": [' + ", ".join(encoded[first:last]) + '], "meta": '
            body += json.dumps(meta) + "}"
            written += (folder / f"{page}.json").write_text(body)
            token = next_token
    return written
