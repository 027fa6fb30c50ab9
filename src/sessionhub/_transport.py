"""The default httpx client sessionhub builds when the caller does not pass `http_client=`."""

from __future__ import annotations

import httpx

__all__ = ["default_http_client"]

DEFAULT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)


def default_http_client() -> httpx.AsyncClient:
    """TLS verification on, no redirects followed (credentials never go to another host)."""
    return httpx.AsyncClient(limits=DEFAULT_LIMITS, follow_redirects=False, verify=True)
