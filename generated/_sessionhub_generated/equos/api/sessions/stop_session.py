from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.equos_error import EquosError
from ...models.equos_session import EquosSession
from ...types import UNSET, Response


def _get_kwargs(
    id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v3/sessions/{id}/stop".format(
            id=quote(str(id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EquosError | EquosSession | None | None:
    if response.status_code == 200:
        _response_200_value = response.json()
        response_200: EquosSession | None
        if _response_200_value is None:
            response_200 = _response_200_value
        else:
            if not isinstance(_response_200_value, dict):
                raise TypeError(
                    "response_200: unexpected " + type(_response_200_value).__name__
                )
            response_200_type_1 = EquosSession.from_dict(_response_200_value)

            response_200 = response_200_type_1

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
) -> Response[EquosError | EquosSession | None]:
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
) -> Response[EquosError | EquosSession | None]:
    """Stop a session

     Ends the session: the avatar leaves the room. Returns the stopped session. Upstream
    summary: "End an equos session. Returns null if already stopped or session was not
    found." Stopping an unknown or already stopped session is therefore not an error but
    a 200 with no session. Uncertain: on the wire that is probably an empty body (NestJS
    sends a `null` result that way) but possibly the JSON literal `null`; sessionhub
    accepts both and reports "no session". Uncertain: the raw v3 spec entry was not seen;
    the nullable 200 follows the summary and `get_session`.

    No request body: upstream declares none and V3-TS sends none. (PY1 and NODE2 send
    `{}`; the server is not known to need it.)

    Deprecated upstream in favour of `/v3/conversations`. Upstream operationId:
    `SessionsController_stop_v3` (inferred from the TS method name).

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EquosError | EquosSession | None]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient | Client,
) -> EquosError | EquosSession | None | None:
    """Stop a session

     Ends the session: the avatar leaves the room. Returns the stopped session. Upstream
    summary: "End an equos session. Returns null if already stopped or session was not
    found." Stopping an unknown or already stopped session is therefore not an error but
    a 200 with no session. Uncertain: on the wire that is probably an empty body (NestJS
    sends a `null` result that way) but possibly the JSON literal `null`; sessionhub
    accepts both and reports "no session". Uncertain: the raw v3 spec entry was not seen;
    the nullable 200 follows the summary and `get_session`.

    No request body: upstream declares none and V3-TS sends none. (PY1 and NODE2 send
    `{}`; the server is not known to need it.)

    Deprecated upstream in favour of `/v3/conversations`. Upstream operationId:
    `SessionsController_stop_v3` (inferred from the TS method name).

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EquosError | EquosSession | None
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
        )
    ).parsed
