from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.session import Session
from ...models.twilio_error import TwilioError
from ...models.update_session_request import UpdateSessionRequest
from ...types import UNSET, Response


def _get_kwargs(
    service_sid: str,
    sid: str,
    *,
    body: UpdateSessionRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/Services/{service_sid}/Sessions/{sid}".format(
            service_sid=quote(str(service_sid), safe=""),
            sid=quote(str(sid), safe=""),
        ),
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Session | TwilioError | None:
    if response.status_code == 200:
        response_200 = Session.from_dict(response.json())

        return response_200

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
    sid: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateSessionRequest,
) -> Response[Session | TwilioError]:
    """Update a session

     Changes a session's expiry (`DateExpiry`, `Ttl`) or status, and returns the session.
    The only status changes Twilio allows are closing (`open` or `in-progress` →
    `closed`) and re-opening (`closed` → `in-progress`); any other change is error 80608.
    A closed session cannot otherwise be updated (error 80607). `Mode` and
    `Participants` cannot be changed (removed from update in 2019-06). Upstream
    operationId: `UpdateSession`.

    Args:
        service_sid (str):
        sid (str):
        body (UpdateSessionRequest): Form body of `update_session`. Every field is optional.
            `Mode` and `Participants` cannot be changed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Session | TwilioError]
    """

    kwargs = _get_kwargs(
        service_sid=service_sid,
        sid=sid,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    service_sid: str,
    sid: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateSessionRequest,
) -> Session | TwilioError | None:
    """Update a session

     Changes a session's expiry (`DateExpiry`, `Ttl`) or status, and returns the session.
    The only status changes Twilio allows are closing (`open` or `in-progress` →
    `closed`) and re-opening (`closed` → `in-progress`); any other change is error 80608.
    A closed session cannot otherwise be updated (error 80607). `Mode` and
    `Participants` cannot be changed (removed from update in 2019-06). Upstream
    operationId: `UpdateSession`.

    Args:
        service_sid (str):
        sid (str):
        body (UpdateSessionRequest): Form body of `update_session`. Every field is optional.
            `Mode` and `Participants` cannot be changed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Session | TwilioError
    """

    return (
        await asyncio_detailed(
            service_sid=service_sid,
            sid=sid,
            client=client,
            body=body,
        )
    ).parsed
