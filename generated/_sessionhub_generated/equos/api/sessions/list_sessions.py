from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.equos_error import EquosError
from ...models.list_sessions_response import ListSessionsResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    take: int | Unset = UNSET,
    skip: int | Unset = UNSET,
    client_query: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["take"] = take

    params["skip"] = skip

    params["client"] = client_query

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v3/sessions",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EquosError | ListSessionsResponse | None:
    if response.status_code == 200:
        response_200 = ListSessionsResponse.from_dict(response.json())

        return response_200

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
) -> Response[EquosError | ListSessionsResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    take: int | Unset = UNSET,
    skip: int | Unset = UNSET,
    client_query: str | Unset = UNSET,
) -> Response[EquosError | ListSessionsResponse]:
    """List sessions

     Returns one page of the organization's sessions, optionally only those of one
    `client`. Offset pagination: the response echoes `skip` and `take` and gives `total`;
    for the next page add `take` to `skip` while `skip` is below `total`. Uncertain: the
    sort order is not documented (newest first is plausible); sessionhub assumes no order.

    Deprecated upstream in favour of `/v3/conversations`. Upstream operationId:
    `SessionsController_list_v3`; upstream summary "List Equos Sessions."

    Args:
        take (int | Unset):
        skip (int | Unset):
        client_query (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EquosError | ListSessionsResponse]
    """

    kwargs = _get_kwargs(
        take=take,
        skip=skip,
        client_query=client_query,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    take: int | Unset = UNSET,
    skip: int | Unset = UNSET,
    client_query: str | Unset = UNSET,
) -> EquosError | ListSessionsResponse | None:
    """List sessions

     Returns one page of the organization's sessions, optionally only those of one
    `client`. Offset pagination: the response echoes `skip` and `take` and gives `total`;
    for the next page add `take` to `skip` while `skip` is below `total`. Uncertain: the
    sort order is not documented (newest first is plausible); sessionhub assumes no order.

    Deprecated upstream in favour of `/v3/conversations`. Upstream operationId:
    `SessionsController_list_v3`; upstream summary "List Equos Sessions."

    Args:
        take (int | Unset):
        skip (int | Unset):
        client_query (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EquosError | ListSessionsResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            take=take,
            skip=skip,
            client_query=client_query,
        )
    ).parsed
