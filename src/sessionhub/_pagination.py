"""Async auto-pagination for the three paging styles, after openai-python's paginator.

    async for session in client.sessions.list(...):          # every item, lazily
    page = await client.sessions.list(...)                  # the first page, a Page[Session]
    for session in page: ...                                # its items
    if page.has_next_page():
        page = await page.get_next_page()                   # the next one (limit holds)
    async for page in client.sessions.list(...).pages():    # page by page

One page class per style says where the next page is (`next_cursor`); `AsyncPaginator`
does the walking. Only one page is held while the next is fetched: the reference is
dropped before awaiting, so memory stays flat over any number of items. Responses are read
whole before a page is built, so breaking out of (or cancelling) an iteration leaves no
open response behind.

`limit` holds however a listing is consumed: `await` returns the first page cut to it.

Offset and page-number paging (Trinsic, Equos) can repeat or skip items when sessions are
created or deleted between two page fetches: that is inherent to the vendors' paging, not an
error. Such a listing cannot loop (its cursor only grows), so a page equal to the previous
one is tolerated there, unless it comes back MAX_REPEATS times in a row (a server that
ignores the page number would otherwise be walked forever). Cursor-token paging (Twilio)
raises at the first repeated cursor or page.
"""

from __future__ import annotations

from collections.abc import (
    AsyncIterator,
    Awaitable,
    Callable,
    Generator,
    Hashable,
    Iterator,
    Sequence,
)
from typing import Any, Generic, TypeVar

from ._exceptions import InvalidRequestError, PaginationError, Vendor

__all__ = ["AsyncPaginator", "EquosPage", "Page", "TrinsicPage", "TwilioPage"]

T = TypeVar("T")
Cursor = Any  # what a page's fetch function needs to get the next page
# Cursor hashes remembered to detect a loop: a loop longer than this is not caught (it only
# wastes requests), but memory stays flat however long a listing is.
MAX_SEEN = 10_000
# Identical consecutive pages tolerated under a growing integer cursor (see above).
MAX_REPEATS = 3
Fetch = Callable[[Cursor], Awaitable["Page[T]"]]


class Page(Generic[T]):
    """One page of items (`Page[Session]`): iterable, sized, and able to fetch the page
    after it when it came from `await client.sessions.list(...)`. Subclasses decide where
    the next page is."""

    __slots__ = ("_paginator", "_remaining", "cursor", "items")

    def __init__(self, items: Sequence[T], cursor: Cursor) -> None:
        self.items: list[T] = list(items)
        self.cursor = cursor  # the cursor this page was fetched with
        self._paginator: AsyncPaginator[T] | None = None
        self._remaining: int | None = None  # what `limit` still allows after this page

    def next_cursor(self) -> Cursor | None:
        """The cursor of the next page, or None on the last page."""
        raise NotImplementedError

    def has_next_page(self) -> bool:
        """Whether there is a next page (False as well once `limit` items were returned)."""
        if self._remaining is not None and self._remaining <= 0:
            return False
        return self.next_cursor() is not None

    async def get_next_page(self) -> Page[T]:
        """The page after this one (cut to what `limit` still allows).

        Raises PaginationError when there is none (check `has_next_page()` first) or when
        the server sends the listing backwards."""
        paginator = self._paginator
        if paginator is None:
            raise InvalidRequestError("this page was not fetched by a client's list()")
        cursor = self.next_cursor()
        if cursor is None or not self.has_next_page():
            raise PaginationError(
                "there is no next page; check page.has_next_page() first",
                vendor=paginator._vendor,
                operation=paginator._operation,
            )
        if isinstance(cursor, int) and isinstance(self.cursor, int) and cursor <= self.cursor:
            raise paginator._loop_error(f"the server went back to {cursor!r}")
        return await paginator._page_at(cursor, self._remaining)

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(items={len(self.items)}, cursor={self.cursor!r})"


class TwilioPage(Page[T]):
    """Twilio: follow `meta.next_page_url` (its PageToken, Page, PageSize) until null."""

    __slots__ = ("next_query",)

    def __init__(self, items: Sequence[T], cursor: Cursor, next_query: dict[str, str] | None):
        super().__init__(items, cursor)
        self.next_query = next_query

    def next_cursor(self) -> dict[str, str] | None:
        return self.next_query


class TrinsicPage(Page[T]):
    """Trinsic: page numbers from 1 in the POST body, until a short or empty page."""

    __slots__ = ("page_size",)

    def __init__(self, items: Sequence[T], cursor: int, page_size: int) -> None:
        super().__init__(items, cursor)
        self.page_size = page_size

    def next_cursor(self) -> int | None:
        return self.cursor + 1 if len(self.items) >= self.page_size else None


class EquosPage(Page[T]):
    """Equos: `skip`/`take` offsets against `total` (`skip` is the server's echo)."""

    __slots__ = ("skip", "total")

    def __init__(self, items: Sequence[T], cursor: int, skip: int, total: int) -> None:
        super().__init__(items, cursor)
        self.skip = skip
        self.total = total

    def next_cursor(self) -> int | None:
        if not self.items:  # an empty page ends the list even if `total` says otherwise
            return None
        # From the offset we asked for, not the `skip` the server echoes: a server that
        # echoes something else cannot send the listing backwards.
        following = self.cursor + len(self.items)
        return following if following < self.total else None


class AsyncPaginator(Generic[T]):
    """Awaitable (the first page) and async-iterable (every item, across pages).

    `limit` stops after that many items without fetching further pages. A server that
    hands out a cursor it already gave, or the same page twice in a row, raises
    PaginationError instead of looping forever.
    """

    def __init__(
        self,
        fetch: Callable[[Cursor], Awaitable[Page[T]]],
        first_cursor: Cursor,
        *,
        vendor: Vendor,
        operation: str,
        limit: int | None = None,
        page_key: Callable[[T], Hashable] | None = None,
    ) -> None:
        self._fetch = fetch
        self._first_cursor = first_cursor
        self._vendor: Vendor = vendor
        self._operation = operation
        self._limit = limit
        self._page_key = page_key

    def __await__(self) -> Generator[Any, None, Page[T]]:
        return self._page_at(self._first_cursor, self._limit).__await__()

    async def _page_at(self, cursor: Cursor, remaining: int | None) -> Page[T]:
        """One page, cut to `remaining`, able to fetch the next (`get_next_page`)."""
        page = await self._fetch(cursor)
        if remaining is not None:
            if len(page.items) > remaining:
                del page.items[remaining:]
            page._remaining = remaining - len(page.items)
        page._paginator = self
        return page

    async def pages(self) -> AsyncIterator[Page[T]]:
        """Every page in turn (the last one may be cut short by `limit`)."""
        remaining = self._limit
        # Only hashes are kept from one page to the next: keeping the page's ids (or the
        # cursor's strings) would pin the memory pools they were allocated in, and every page
        # would then need fresh ones (peak RSS ~1.8 pages instead of ~1). A hash collision
        # (odds ~2^-64 per page) could only raise a false PaginationError.
        seen: dict[int, None] = {}  # an ordered set of cursor hashes, at most MAX_SEEN
        last_offset = -1  # integer cursors (page numbers, offsets) must only grow
        previous_key: int | None = None
        repeats = 0
        cursor: Cursor | None = self._first_cursor
        while cursor is not None and (remaining is None or remaining > 0):
            page: Page[T] | None = await self._fetch(cursor)
            assert page is not None
            key = self._key(page)
            if key is not None and key == previous_key:
                repeats += 1
                # A growing integer cursor cannot loop: a repeat is offset paging's own
                # duplicate (sessions created meanwhile), unless it never stops.
                if not isinstance(cursor, int) or repeats + 1 >= MAX_REPEATS:
                    raise self._loop_error(
                        f"the server returned the same page {repeats + 1} times in a row "
                        f"(at {cursor!r})"
                    )
            else:
                repeats = 0
            previous_key = key
            if remaining is not None:
                if len(page.items) > remaining:
                    del page.items[remaining:]
                remaining -= len(page.items)
            cursor = page.next_cursor()
            if cursor is not None:
                if isinstance(cursor, int):
                    if cursor <= last_offset:
                        raise self._loop_error(f"the server went back to {cursor!r}")
                    last_offset = cursor
                else:
                    marker = self._marker(cursor)
                    if marker in seen:
                        raise self._loop_error(f"the server repeated the cursor {cursor!r}")
                    seen[marker] = None
                    if len(seen) > MAX_SEEN:  # memory stays bounded on endless listings
                        del seen[next(iter(seen))]
            yield page
            page = None  # drop the page before awaiting the next one: flat memory

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.pages():
            items = page.items
            del page  # neither the page nor its list stays alive while the next is fetched
            for item in items:
                yield item
                del item  # nor the last item, once the caller has it
            del items

    def _key(self, page: Page[T]) -> int | None:
        if self._page_key is None or not page.items:
            return None
        return hash(tuple(self._page_key(item) for item in page.items))

    @staticmethod
    def _marker(cursor: Cursor) -> int:
        if isinstance(cursor, dict):
            return hash(tuple(sorted(cursor.items())))
        return hash(cursor)

    def _loop_error(self, why: str) -> PaginationError:
        return PaginationError(
            f"{why}; stopping instead of looping forever (a vendor bug: retry the listing later)",
            vendor=self._vendor,
            operation=self._operation,
        )
