from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_session_request import CreateSessionRequest
from ...models.create_session_response import CreateSessionResponse
from ...models.failure_message import FailureMessage
from ...models.validation_result import ValidationResult
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
) -> CreateSessionResponse | FailureMessage | list[ValidationResult] | None:
    if response.status_code == 200:
        response_200 = CreateSessionResponse.from_dict(response.json())

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
) -> Response[CreateSessionResponse | FailureMessage | list[ValidationResult]]:
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
) -> Response[CreateSessionResponse | FailureMessage | list[ValidationResult]]:
    """Create a verification session

     Creates an identity-verification session and returns it. Pass `session.clientToken`
    to the end user's front end, which runs the verification flow. Keep `session.id` to
    poll with `get_session`. Upstream operationId: `CreateSession`
    (`Session.CreateSession` before `f0959c5`). From `67c8ac7` on, the path is
    `/v1/sessions/create`, which is not this version.

    Args:
        body (CreateSessionRequest): Body of `create_session`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateSessionResponse | FailureMessage | list[ValidationResult]]
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
) -> CreateSessionResponse | FailureMessage | list[ValidationResult] | None:
    """Create a verification session

     Creates an identity-verification session and returns it. Pass `session.clientToken`
    to the end user's front end, which runs the verification flow. Keep `session.id` to
    poll with `get_session`. Upstream operationId: `CreateSession`
    (`Session.CreateSession` before `f0959c5`). From `67c8ac7` on, the path is
    `/v1/sessions/create`, which is not this version.

    Args:
        body (CreateSessionRequest): Body of `create_session`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateSessionResponse | FailureMessage | list[ValidationResult]
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
