from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_session_request import CreateSessionRequest
from ...models.create_session_response import CreateSessionResponse
from ...models.equos_error import EquosError
from ...types import UNSET, Response


def _get_kwargs(
    *,
    body: CreateSessionRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v3/sessions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CreateSessionResponse | EquosError | None:
    if response.status_code == 201:
        response_201 = CreateSessionResponse.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = EquosError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = EquosError.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = EquosError.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = EquosError.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = EquosError.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = EquosError.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CreateSessionResponse | EquosError]:
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
) -> Response[CreateSessionResponse | EquosError]:
    """Start an avatar session

     Creates a session and starts it: the avatar joins the LiveKit room at
    `session.host.serverUrl` as soon as possible, and the new session has
    `status: "starting"`. Give the end user `consumerAccessToken` to join the same room.
    Pass existing agent and avatar ids (`{id}`) for a faster start, or create them on
    the fly. Stop the session with `stop_session` when done; otherwise it runs until
    `maxDuration` or the organization limit (inference).

    Deprecated upstream in favour of `/v3/conversations`. Upstream operationId:
    `SessionsController_create_v3`; upstream summary "Start an Equos avatar sesssion."
    (sic).

    Args:
        body (CreateSessionRequest): Body of `create_session`. Upstream name
            `CreateEquosSessionRequest`. Leave optional
            fields out rather than sending `null` (PY1 omits them).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateSessionResponse | EquosError]
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
) -> CreateSessionResponse | EquosError | None:
    """Start an avatar session

     Creates a session and starts it: the avatar joins the LiveKit room at
    `session.host.serverUrl` as soon as possible, and the new session has
    `status: "starting"`. Give the end user `consumerAccessToken` to join the same room.
    Pass existing agent and avatar ids (`{id}`) for a faster start, or create them on
    the fly. Stop the session with `stop_session` when done; otherwise it runs until
    `maxDuration` or the organization limit (inference).

    Deprecated upstream in favour of `/v3/conversations`. Upstream operationId:
    `SessionsController_create_v3`; upstream summary "Start an Equos avatar sesssion."
    (sic).

    Args:
        body (CreateSessionRequest): Body of `create_session`. Upstream name
            `CreateEquosSessionRequest`. Leave optional
            fields out rather than sending `null` (PY1 omits them).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateSessionResponse | EquosError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
