from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_session_request import CreateSessionRequest
from ...models.session import Session
from ...models.twilio_error import TwilioError
from ...types import UNSET, Response


def _get_kwargs(
    service_sid: str,
    *,
    body: CreateSessionRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/Services/{service_sid}/Sessions".format(
            service_sid=quote(str(service_sid), safe=""),
        ),
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Session | TwilioError | None:
    if response.status_code == 201:
        response_201 = Session.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = TwilioError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = TwilioError.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = TwilioError.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = TwilioError.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = TwilioError.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = TwilioError.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Session | TwilioError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


async def asyncio_detailed(
    service_sid: str,
    *,
    client: AuthenticatedClient | Client,
    body: CreateSessionRequest,
) -> Response[Session | TwilioError]:
    """Create a session

     Creates a Session in the Proxy Service and returns it with status 201. All fields
    are optional. Up to two participants can be added in the same call. Not idempotent:
    a create that fails after reaching Twilio may or may not have created the session.
    Upstream operationId: `CreateSession`.

    Args:
        service_sid (str):
        body (CreateSessionRequest): Form body of `create_session`. Every field is optional.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Session | TwilioError]
    """

    kwargs = _get_kwargs(
        service_sid=service_sid,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    service_sid: str,
    *,
    client: AuthenticatedClient | Client,
    body: CreateSessionRequest,
) -> Session | TwilioError | None:
    """Create a session

     Creates a Session in the Proxy Service and returns it with status 201. All fields
    are optional. Up to two participants can be added in the same call. Not idempotent:
    a create that fails after reaching Twilio may or may not have created the session.
    Upstream operationId: `CreateSession`.

    Args:
        service_sid (str):
        body (CreateSessionRequest): Form body of `create_session`. Every field is optional.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Session | TwilioError
    """

    return (
        await asyncio_detailed(
            service_sid=service_sid,
            client=client,
            body=body,
        )
    ).parsed
