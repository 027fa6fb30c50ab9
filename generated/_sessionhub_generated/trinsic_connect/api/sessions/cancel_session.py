from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cancel_session_response import CancelSessionResponse
from ...models.failure_message import FailureMessage
from ...models.validation_result import ValidationResult
from ...types import UNSET, Response


def _get_kwargs(
    *,
    session_id: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["sessionId"] = session_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/sessions/cancel",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CancelSessionResponse | FailureMessage | list[ValidationResult] | None:
    if response.status_code == 200:
        response_200 = CancelSessionResponse.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = FailureMessage.from_dict(response.json())

        return response_404

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
) -> Response[CancelSessionResponse | FailureMessage | list[ValidationResult]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    session_id: str,
) -> Response[CancelSessionResponse | FailureMessage | list[ValidationResult]]:
    """Cancel a session

     Cancels the session with the given id and returns it as it is after the cancel.
    There is no request body; the id goes in the query string. The resulting state and
    fail code are not documented. sessionhub's reading is `IdvFailed` with
    `SessionFailRpcCanceled` ("relying party canceled"), which is inferred from the enum
    values. Upstream operationId: `CancelSession`.

    Args:
        session_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CancelSessionResponse | FailureMessage | list[ValidationResult]]
    """

    kwargs = _get_kwargs(
        session_id=session_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    session_id: str,
) -> CancelSessionResponse | FailureMessage | list[ValidationResult] | None:
    """Cancel a session

     Cancels the session with the given id and returns it as it is after the cancel.
    There is no request body; the id goes in the query string. The resulting state and
    fail code are not documented. sessionhub's reading is `IdvFailed` with
    `SessionFailRpcCanceled` ("relying party canceled"), which is inferred from the enum
    values. Upstream operationId: `CancelSession`.

    Args:
        session_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CancelSessionResponse | FailureMessage | list[ValidationResult]
    """

    return (
        await asyncio_detailed(
            client=client,
            session_id=session_id,
        )
    ).parsed
