from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.update_session_request import UpdateSessionRequest
from ...models.update_session_response import UpdateSessionResponse
from ...types import UNSET, Response


def _get_kwargs(
    id: str,
    *,
    body: UpdateSessionRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/sessions/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | UpdateSessionResponse | None:
    if response.status_code == 200:
        response_200 = UpdateSessionResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 408:
        response_408 = ErrorResponse.from_dict(response.json())

        return response_408

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ErrorResponse.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | UpdateSessionResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateSessionRequest,
) -> Response[ErrorResponse | UpdateSessionResponse]:
    """Update a session's defaults

     Merges new defaults into the session and returns the result. Needs a `pro` or
    `enterprise` key. The merge is shallow: each key sent replaces the stored one, keys
    not sent stay. A stored key cannot be removed (`null` is rejected with 400). The
    lifetime cannot be changed: `expiresAt` stays, and a `ttlSeconds` in the body is
    dropped. The server checks the body first (400 with zod issues), then the id format
    (400 without details), then existence and ownership (404). The response has no
    `createdAt`. Upstream operationId: `updateSession`.

    Args:
        id (str):
        body (UpdateSessionRequest): Body of `update_session`. Upstream name
            `updateSession_request`. There is no
            `ttlSeconds`: the lifetime cannot be changed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | UpdateSessionResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateSessionRequest,
) -> ErrorResponse | UpdateSessionResponse | None:
    """Update a session's defaults

     Merges new defaults into the session and returns the result. Needs a `pro` or
    `enterprise` key. The merge is shallow: each key sent replaces the stored one, keys
    not sent stay. A stored key cannot be removed (`null` is rejected with 400). The
    lifetime cannot be changed: `expiresAt` stays, and a `ttlSeconds` in the body is
    dropped. The server checks the body first (400 with zod issues), then the id format
    (400 without details), then existence and ownership (404). The response has no
    `createdAt`. Upstream operationId: `updateSession`.

    Args:
        id (str):
        body (UpdateSessionRequest): Body of `update_session`. Upstream name
            `updateSession_request`. There is no
            `ttlSeconds`: the lifetime cannot be changed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | UpdateSessionResponse
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed
