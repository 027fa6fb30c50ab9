from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_session_request import CreateSessionRequest
from ...models.create_session_response import CreateSessionResponse
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response


def _get_kwargs(
    *,
    body: CreateSessionRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/sessions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CreateSessionResponse | ErrorResponse | None:
    if response.status_code == 201:
        response_201 = CreateSessionResponse.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

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
) -> Response[CreateSessionResponse | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateSessionRequest,
) -> Response[CreateSessionResponse | ErrorResponse]:
    """Create a session

     Creates a session that stores default parameters for later requests and returns its
    id. Needs a `pro` or `enterprise` key. The session belongs to the API key that
    created it: other keys get 404 for it. It expires `ttlSeconds` after creation (60 to
    86400, server default 3600); the expiry is absolute, reads and updates never extend
    it. To apply the defaults, send the id as `X-Session-Id` on other Sipher requests:
    each stored key is copied into the top level of that request's JSON body unless the
    body already has it. Sipher keeps sessions in memory plus Redis when connected.
    Upstream operationId: `createSession`.

    Args:
        body (CreateSessionRequest): Body of `create_session`. Upstream name
            `createSession_request`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateSessionResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CreateSessionRequest,
) -> CreateSessionResponse | ErrorResponse | None:
    """Create a session

     Creates a session that stores default parameters for later requests and returns its
    id. Needs a `pro` or `enterprise` key. The session belongs to the API key that
    created it: other keys get 404 for it. It expires `ttlSeconds` after creation (60 to
    86400, server default 3600); the expiry is absolute, reads and updates never extend
    it. To apply the defaults, send the id as `X-Session-Id` on other Sipher requests:
    each stored key is copied into the top level of that request's JSON body unless the
    body already has it. Sipher keeps sessions in memory plus Redis when connected.
    Upstream operationId: `createSession`.

    Args:
        body (CreateSessionRequest): Body of `create_session`. Upstream name
            `createSession_request`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateSessionResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
