"""The base of every resource (`client.sessions`): sending, parsing, the raw-response
twin, so a vendor module only says which generated function builds the request and which
generated model parses the answer."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ._options import RequestOptions

if TYPE_CHECKING:
    from ._client import BaseClient
    from ._operation import Operation
    from ._transport import Reply

__all__ = ["APIResource"]

T = TypeVar("T")
C = TypeVar("C", bound="BaseClient")


class APIResource(Generic[C]):
    """A group of operations bound to one client."""

    def __init__(self, client: C) -> None:
        self._client = client

    def _send(
        self, op: Operation, kwargs: Mapping[str, Any], options: RequestOptions
    ) -> Awaitable[Reply]:
        return self._client._request(op, kwargs, options)

    async def _call(
        self,
        op: Operation,
        kwargs: Mapping[str, Any],
        options: RequestOptions,
        parse: Callable[[Any], T],
        *,
        items: str | None = None,
    ) -> T:
        """Send, then parse a 2xx body with `parse` (a generated from_dict); `items` names
        the member holding a page's items, parsed one at a time."""
        reply = await self._client._request(op, kwargs, options)
        return self._client._parse(op, reply, parse, items)

    def _parse(self, op: Operation, reply: Reply, parse: Callable[[Any], T]) -> T:
        return self._client._parse(op, reply, parse)
