"""AsyncPaginator and the page classes (src/sessionhub/_pagination.py), on fake fetchers."""

from __future__ import annotations

import gc
import weakref
from typing import Any

import httpx
import pytest

import sessionhub
import sessionhub._pagination
from sessionhub import AsyncPaginator, EquosPage, PaginationError, TrinsicPage, TwilioPage
from sessionhub._pagination import Page


def twilio_fetcher(pages: list[list[int]], calls: list[Any]) -> Any:
    async def fetch(cursor: dict[str, str]) -> TwilioPage[int]:
        calls.append(cursor)
        index = int(cursor.get("Page", "0"))
        nxt = (
            {"Page": str(index + 1), "PageToken": f"PA{index + 1}"}
            if index + 1 < len(pages)
            else None
        )
        return TwilioPage(pages[index], cursor, nxt)

    return fetch


async def test_items_across_three_twilio_pages_lazily() -> None:
    calls: list[Any] = []
    paginator = AsyncPaginator(
        twilio_fetcher([[1, 2], [3, 4], [5]], calls), {}, vendor="twilio", operation="sessions.list"
    )
    assert calls == []  # nothing is fetched until iterated
    assert [item async for item in paginator] == [1, 2, 3, 4, 5]
    assert calls == [{}, {"Page": "1", "PageToken": "PA1"}, {"Page": "2", "PageToken": "PA2"}]


async def test_await_gives_first_page_only() -> None:
    calls: list[Any] = []
    page = await AsyncPaginator(
        twilio_fetcher([[1, 2], [3]], calls), {}, vendor="twilio", operation="sessions.list"
    )
    assert page.items == [1, 2] and page.has_next_page()
    assert len(calls) == 1


async def test_pages_yields_each_page() -> None:
    paginator = AsyncPaginator(
        twilio_fetcher([[1, 2], [3, 4], [5]], []), {}, vendor="twilio", operation="sessions.list"
    )
    assert [page.items async for page in paginator.pages()] == [[1, 2], [3, 4], [5]]


async def test_limit_stops_without_fetching_further_pages() -> None:
    calls: list[Any] = []
    paginator = AsyncPaginator(
        twilio_fetcher([[1, 2], [3, 4], [5, 6]], calls),
        {},
        vendor="twilio",
        operation="sessions.list",
        limit=3,
    )
    assert [item async for item in paginator] == [1, 2, 3]
    assert len(calls) == 2


async def test_limit_zero_fetches_nothing() -> None:
    calls: list[Any] = []
    paginator = AsyncPaginator(
        twilio_fetcher([[1]], calls), {}, vendor="twilio", operation="sessions.list", limit=0
    )
    assert [item async for item in paginator] == []
    assert calls == []


async def test_early_break_fetches_no_more() -> None:
    calls: list[Any] = []
    paginator = AsyncPaginator(
        twilio_fetcher([[1, 2], [3, 4], [5]], calls), {}, vendor="twilio", operation="sessions.list"
    )
    async for item in paginator:
        if item == 2:
            break
    assert len(calls) == 1


async def test_repeated_cursor_raises_instead_of_looping() -> None:
    async def fetch(cursor: dict[str, str]) -> TwilioPage[int]:
        return TwilioPage([len(cursor)], cursor, {"PageToken": "PA1"})  # always the same token

    paginator = AsyncPaginator(fetch, {}, vendor="twilio", operation="sessions.list")
    with pytest.raises(PaginationError, match="repeated the cursor") as info:
        [item async for item in paginator]
    assert info.value.vendor == "twilio" and info.value.operation == "sessions.list"


async def test_trinsic_pages_until_short_page() -> None:
    data = list(range(23))
    calls: list[int] = []

    async def fetch(page: int) -> TrinsicPage[int]:
        calls.append(page)
        return TrinsicPage(data[(page - 1) * 10 : page * 10], page, 10)

    paginator = AsyncPaginator(fetch, 1, vendor="trinsic", operation="sessions.list")
    assert [item async for item in paginator] == data
    assert calls == [1, 2, 3]


async def test_trinsic_exact_multiple_ends_on_empty_page() -> None:
    calls: list[int] = []

    async def fetch(page: int) -> TrinsicPage[int]:
        calls.append(page)
        return TrinsicPage(list(range((page - 1) * 10, page * 10)) if page <= 2 else [], page, 10)

    paginator = AsyncPaginator(
        fetch, 1, vendor="trinsic", operation="sessions.list", page_key=lambda item: item
    )
    assert [item async for item in paginator] == list(range(20))
    assert calls == [1, 2, 3]


async def test_trinsic_server_ignoring_page_number_is_detected() -> None:
    async def fetch(page: int) -> TrinsicPage[str]:
        return TrinsicPage(["a", "b"], page, 2)  # always page one

    paginator = AsyncPaginator(
        fetch, 1, vendor="trinsic", operation="sessions.list", page_key=lambda item: item
    )
    with pytest.raises(PaginationError):
        [item async for item in paginator]


async def test_equos_offsets_against_total() -> None:
    data = list(range(45))
    calls: list[int] = []

    async def fetch(skip: int) -> EquosPage[int]:
        calls.append(skip)
        return EquosPage(data[skip : skip + 20], skip, skip, len(data))

    paginator = AsyncPaginator(fetch, 0, vendor="equos", operation="sessions.list")
    assert [item async for item in paginator] == data
    assert calls == [0, 20, 40]


async def test_equos_empty_page_ends_even_if_total_is_larger() -> None:
    async def fetch(skip: int) -> EquosPage[int]:
        return EquosPage([] if skip else [1], skip, skip, 100)

    paginator = AsyncPaginator(fetch, 0, vendor="equos", operation="sessions.list")
    assert [item async for item in paginator] == [1]


async def test_equos_walks_its_own_offsets_whatever_skip_the_server_echoes() -> None:
    data = list(range(30))
    calls: list[int] = []

    async def fetch(skip: int) -> EquosPage[int]:
        calls.append(skip)
        return EquosPage(data[skip : skip + 10], skip, -5, len(data))  # a nonsense echo

    paginator = AsyncPaginator(fetch, 0, vendor="equos", operation="sessions.list")
    assert [item async for item in paginator] == data
    assert calls == [0, 10, 20]


class _Backwards(Page[int]):
    def next_cursor(self) -> int:
        return 5 if self.cursor == 7 else 7


async def test_an_integer_cursor_going_back_raises() -> None:
    async def fetch(cursor: int) -> Page[int]:
        return _Backwards([cursor], cursor)

    paginator = AsyncPaginator(fetch, 5, vendor="equos", operation="sessions.list")
    with pytest.raises(PaginationError, match="went back to 5"):
        [item async for item in paginator]


async def test_loop_detection_memory_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sessionhub._pagination, "MAX_SEEN", 3)

    async def fetch(cursor: dict[str, str]) -> TwilioPage[int]:
        index = int(cursor.get("Page", "0"))
        return TwilioPage([index], cursor, {"Page": str((index + 1) % 5)})  # a 5-page cycle

    paginator = AsyncPaginator(fetch, {}, vendor="twilio", operation="sessions.list", limit=12)
    # with 3 cursors remembered, a cycle of 5 is not caught: `limit` ends it, memory stays
    # bounded; with the default 10,000 it is caught at once
    assert len([item async for item in paginator]) == 12
    monkeypatch.setattr(sessionhub._pagination, "MAX_SEEN", 10_000)
    with pytest.raises(PaginationError, match="repeated the cursor"):
        [item async for item in AsyncPaginator(fetch, {}, vendor="twilio", operation="x")]


async def test_previous_page_is_released_before_the_next_fetch() -> None:
    refs: list[weakref.ref[Any]] = []
    alive_during_fetch: list[bool] = []

    class Item:
        pass

    async def fetch(skip: int) -> EquosPage[Item]:
        gc.collect()
        alive_during_fetch.append(any(ref() is not None for ref in refs[:-1]))
        items = [Item() for _ in range(5)]
        refs.extend(weakref.ref(item) for item in items)
        return EquosPage(items, skip, skip, 15)

    paginator = AsyncPaginator(fetch, 0, vendor="equos", operation="sessions.list")
    async for _item in paginator:
        pass
    # at each fetch, every item of the earlier pages but the last one yielded is gone
    assert alive_during_fetch == [False, False, False]


async def test_limit_holds_when_the_paginator_is_awaited() -> None:
    async def fetch(page: int) -> TrinsicPage[int]:
        return TrinsicPage(list(range(10)), page, 10)  # the server ignores a smaller limit

    page = await AsyncPaginator(fetch, 1, vendor="trinsic", operation="sessions.list", limit=3)
    assert page.items == [0, 1, 2]
    zero = await AsyncPaginator(fetch, 1, vendor="trinsic", operation="sessions.list", limit=0)
    assert zero.items == []


@pytest.mark.parametrize("vendor", ["trinsic", "equos"])
async def test_limit_holds_for_await_through_the_clients(vendor: str) -> None:
    from tests.conftest import Script
    from tests.reliability._ops import OPS_BY_ID, make_client

    op = OPS_BY_ID[f"{vendor}.list"]
    body = op.sample()
    key = next(k for k, v in body.items() if isinstance(v, list))
    body[key] = (body[key] * 20)[: 10 if vendor == "trinsic" else 20]  # their default sizes
    if vendor == "equos":
        body["total"] = 20
    script = Script()
    script.default = httpx.Response(200, json=body)  # whatever page size is asked for
    async with make_client(vendor, script.client()) as client:
        page = await client.sessions.list(limit=3)
        assert len(page.items) == 3
        assert len([s async for s in client.sessions.list(limit=3)]) == 3


async def test_offset_paging_duplicates_are_not_an_error() -> None:
    # Trinsic, newest first: exactly page_size sessions created between two fetches shift
    # page 1's items onto page 2. Page numbers only grow, so this listing cannot loop.
    pages = {1: ["c", "b"], 2: ["c", "b"], 3: ["a"]}

    async def fetch(page: int) -> TrinsicPage[str]:
        return TrinsicPage(pages[page], page, 2)

    paginator = AsyncPaginator(
        fetch, 1, vendor="trinsic", operation="sessions.list", page_key=lambda item: item
    )
    assert [item async for item in paginator] == ["c", "b", "c", "b", "a"]


async def test_a_page_number_ignored_forever_is_still_caught() -> None:
    calls: list[int] = []

    async def fetch(page: int) -> TrinsicPage[str]:
        calls.append(page)
        return TrinsicPage(["a", "b"], page, 2)

    paginator = AsyncPaginator(
        fetch, 1, vendor="trinsic", operation="sessions.list", page_key=lambda item: item
    )
    with pytest.raises(PaginationError, match="same page 3 times in a row"):
        [item async for item in paginator]
    assert calls == [1, 2, 3]


async def test_a_repeated_token_page_raises_at_once() -> None:
    async def fetch(cursor: dict[str, str]) -> TwilioPage[str]:
        n = int(cursor.get("Page", "0"))
        return TwilioPage(["a"], cursor, {"Page": str(n + 1)})  # new cursors, same page

    paginator = AsyncPaginator(
        fetch, {}, vendor="twilio", operation="sessions.list", page_key=lambda item: item
    )
    with pytest.raises(PaginationError, match="same page 2 times"):
        [item async for item in paginator]


# --- the openai-python page shape (issue 13) ---------------------------------------------


async def test_a_page_is_iterable_and_walks_to_the_next_one() -> None:
    calls: list[Any] = []
    page = await AsyncPaginator(
        twilio_fetcher([[1, 2], [3, 4], [5]], calls), {}, vendor="twilio", operation="sessions.list"
    )
    seen = list(page)
    while page.has_next_page():
        page = await page.get_next_page()
        seen += list(page)
    assert seen == [1, 2, 3, 4, 5] and len(page) == 1
    assert len(calls) == 3
    with pytest.raises(PaginationError, match="no next page"):
        await page.get_next_page()


async def test_get_next_page_honours_limit() -> None:
    calls: list[Any] = []
    page = await AsyncPaginator(
        twilio_fetcher([[1, 2], [3, 4], [5, 6]], calls),
        {},
        vendor="twilio",
        operation="sessions.list",
        limit=3,
    )
    assert list(page) == [1, 2] and page.has_next_page()
    page = await page.get_next_page()
    assert list(page) == [3]  # cut to the limit
    assert not page.has_next_page()  # the limit is reached, though the server has more
    assert len(calls) == 2


async def test_a_limit_reached_on_the_first_page_has_no_next_page() -> None:
    page = await AsyncPaginator(
        twilio_fetcher([[1, 2], [3]], []), {}, vendor="twilio", operation="sessions.list", limit=2
    )
    assert list(page) == [1, 2] and not page.has_next_page()


async def test_get_next_page_refuses_a_listing_that_goes_backwards() -> None:
    class Stuck(TrinsicPage[int]):  # a server that always says "next: page 1"
        def next_cursor(self) -> int:
            return 1

    async def fetch(cursor: int) -> TrinsicPage[int]:
        return Stuck([cursor], cursor, 1)

    page = await AsyncPaginator(fetch, 1, vendor="trinsic", operation="sessions.list")
    with pytest.raises(PaginationError, match="went back"):
        await page.get_next_page()


async def test_a_page_built_by_hand_cannot_fetch_more() -> None:
    page = TwilioPage([1], {}, {"Page": "1"})
    assert page.has_next_page()
    with pytest.raises(sessionhub.InvalidRequestError, match="not fetched"):
        await page.get_next_page()
