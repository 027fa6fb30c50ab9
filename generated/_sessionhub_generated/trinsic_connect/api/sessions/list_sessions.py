from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.failure_message import FailureMessage
from ...models.list_sessions_request import ListSessionsRequest
from ...models.list_sessions_response import ListSessionsResponse
from ...models.validation_result import ValidationResult
from ...types import UNSET, Response


def _get_kwargs(
    *,
    body: ListSessionsRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/sessions/list",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FailureMessage | ListSessionsResponse | list[ValidationResult] | None:
    if response.status_code == 200:
        response_200 = ListSessionsResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        _response_400 = response.json()
        if not isinstance(_response_400, list):
            raise TypeError("response_400: unexpected " + type(_response_400).__name__)
        response_400 = []
        for componentsschemas_validation_errors_item_data in _response_400:
            componentsschemas_validation_errors_item = ValidationResult.from_dict(
                componentsschemas_validation_errors_item_data
            )

            response_400.append(componentsschemas_validation_errors_item)

        return response_400

    if response.status_code == 401:
        response_401 = FailureMessage.from_dict(response.json())

        return response_401

    if response.status_code == 429:
        response_429 = FailureMessage.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = FailureMessage.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[FailureMessage | ListSessionsResponse | list[ValidationResult]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ListSessionsRequest,
) -> Response[FailureMessage | ListSessionsResponse | list[ValidationResult]]:
    """List sessions

     Returns one page of the account's sessions, sorted as asked. This is a POST: sort
    order and paging go in the JSON body. `page` counts from 1 and `pageSize` is 1 to
    10. There is no cursor, no total and no has-more flag in this version. sessionhub
    stops when a page has fewer than `pageSize` sessions, or none. That stop rule is
    inferred, not documented. Upstream operationId: `ListSessions`.

    Args:
        body (ListSessionsRequest): Body of `list_sessions`. Sort order and page number.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FailureMessage | ListSessionsResponse | list[ValidationResult]]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ListSessionsRequest,
) -> FailureMessage | ListSessionsResponse | list[ValidationResult] | None:
    """List sessions

     Returns one page of the account's sessions, sorted as asked. This is a POST: sort
    order and paging go in the JSON body. `page` counts from 1 and `pageSize` is 1 to
    10. There is no cursor, no total and no has-more flag in this version. sessionhub
    stops when a page has fewer than `pageSize` sessions, or none. That stop rule is
    inferred, not documented. Upstream operationId: `ListSessions`.

    Args:
        body (ListSessionsRequest): Body of `list_sessions`. Sort order and page number.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FailureMessage | ListSessionsResponse | list[ValidationResult]
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
