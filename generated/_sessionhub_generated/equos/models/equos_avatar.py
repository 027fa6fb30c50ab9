from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.equos_agent import EquosAgent

_datetime_fromisoformat = datetime.datetime.fromisoformat


T = TypeVar("T", bound="EquosAvatar")


@_attrs_define
class EquosAvatar:
    """An avatar, as embedded in a session.

    Attributes:
        id (str): Avatar id.
        organization_id (str): Id of the organization that owns the avatar.
        identity (str): LiveKit identity the avatar joins rooms with.
        name (str): Avatar name.
        description (str): Avatar description.
        thumbnail_url (str): URL of the avatar's thumbnail image.
        created_at (datetime.datetime): When the avatar was created.
        updated_at (datetime.datetime): When the avatar last changed.
        client (None | str): Your own identifier for the avatar.
        agent_id (None | str): Id of the agent linked with the avatar. Upstream declares `object` (a NestJS artefact);
            PY1 types it as a string.
        agent (EquosAgent | None): The agent linked with the avatar. Upstream declares `object`; PY1 types it as the
            agent.
    """

    id: str
    organization_id: str
    identity: str
    name: str
    description: str
    thumbnail_url: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    client: None | str = None
    agent_id: None | str = None
    agent: EquosAgent | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        organization_id = self.organization_id

        identity = self.identity

        name = self.name

        description = self.description

        thumbnail_url = self.thumbnail_url

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        client: None | str
        client = self.client

        agent_id: None | str
        agent_id = self.agent_id

        agent: dict[str, Any] | None
        if isinstance(self.agent, EquosAgent):
            agent = self.agent.to_dict()
        else:
            agent = self.agent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "organizationId": organization_id,
                "identity": identity,
                "name": name,
                "description": description,
                "thumbnailUrl": thumbnail_url,
                "createdAt": created_at,
                "updatedAt": updated_at,
                "client": client,
                "agentId": agent_id,
                "agent": agent,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "EquosAvatar: expected a JSON object, got " + type(src_dict).__name__
            )
        d = dict(src_dict)
        id = d.pop("id")
        if not isinstance(id, str):
            raise TypeError("id: unexpected " + type(id).__name__)

        organization_id = d.pop("organizationId")
        if not isinstance(organization_id, str):
            raise TypeError(
                "organizationId: unexpected " + type(organization_id).__name__
            )

        identity = d.pop("identity")
        if not isinstance(identity, str):
            raise TypeError("identity: unexpected " + type(identity).__name__)

        name = d.pop("name")
        if not isinstance(name, str):
            raise TypeError("name: unexpected " + type(name).__name__)

        description = d.pop("description")
        if not isinstance(description, str):
            raise TypeError("description: unexpected " + type(description).__name__)

        thumbnail_url = d.pop("thumbnailUrl")
        if not isinstance(thumbnail_url, str):
            raise TypeError("thumbnailUrl: unexpected " + type(thumbnail_url).__name__)

        created_at = _datetime_fromisoformat(d.pop("createdAt"))

        updated_at = _datetime_fromisoformat(d.pop("updatedAt"))

        client: None | str = d.pop("client", None)
        if not (isinstance(client, str) or client is None):
            raise TypeError("client: unexpected " + type(client).__name__)

        agent_id: None | str = d.pop("agentId", None)
        if not (isinstance(agent_id, str) or agent_id is None):
            raise TypeError("agentId: unexpected " + type(agent_id).__name__)

        _agent_value = d.pop("agent", None)
        agent: EquosAgent | None
        if _agent_value is None:
            agent = _agent_value
        else:
            if not isinstance(_agent_value, dict):
                raise TypeError("agent: unexpected " + type(_agent_value).__name__)
            agent_type_1 = EquosAgent.from_dict(_agent_value)

            agent = agent_type_1

        equos_avatar = cls(
            id,
            organization_id,
            identity,
            name,
            description,
            thumbnail_url,
            created_at,
            updated_at,
            client,
            agent_id,
            agent,
        )

        equos_avatar.additional_properties = d
        return equos_avatar

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
