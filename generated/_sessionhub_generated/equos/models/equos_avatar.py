from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.equos_agent import EquosAgent


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
        client (None | str | Unset): Your own identifier for the avatar.
        agent_id (None | str | Unset): Id of the agent linked with the avatar. Upstream declares `object` (a NestJS
            artefact); PY1 types it as a string.
        agent (EquosAgent | None | Unset): The agent linked with the avatar. Upstream declares `object`; PY1 types it as
            the agent.
    """

    id: str
    organization_id: str
    identity: str
    name: str
    description: str
    thumbnail_url: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    client: None | str | Unset = UNSET
    agent_id: None | str | Unset = UNSET
    agent: EquosAgent | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.equos_agent import EquosAgent  # noqa: PLC0415

        id = self.id

        organization_id = self.organization_id

        identity = self.identity

        name = self.name

        description = self.description

        thumbnail_url = self.thumbnail_url

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        client: None | str | Unset
        if isinstance(self.client, Unset):
            client = UNSET
        else:
            client = self.client

        agent_id: None | str | Unset
        if isinstance(self.agent_id, Unset):
            agent_id = UNSET
        else:
            agent_id = self.agent_id

        agent: dict[str, Any] | None | Unset
        if isinstance(self.agent, Unset):
            agent = UNSET
        elif isinstance(self.agent, EquosAgent):
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
            }
        )
        if client is not UNSET:
            field_dict["client"] = client
        if agent_id is not UNSET:
            field_dict["agentId"] = agent_id
        if agent is not UNSET:
            field_dict["agent"] = agent

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.equos_agent import EquosAgent  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        organization_id = d.pop("organizationId")

        identity = d.pop("identity")

        name = d.pop("name")

        description = d.pop("description")

        thumbnail_url = d.pop("thumbnailUrl")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        client: None | str | Unset = d.pop("client", UNSET)
        if not isinstance(client, (str, type(None), Unset)):
            raise TypeError("client: unexpected " + type(client).__name__)

        agent_id: None | str | Unset = d.pop("agentId", UNSET)
        if not isinstance(agent_id, (str, type(None), Unset)):
            raise TypeError("agentId: unexpected " + type(agent_id).__name__)

        _agent_value = d.pop("agent", UNSET)
        agent: EquosAgent | None | Unset
        if _agent_value is None or isinstance(_agent_value, Unset):
            agent = _agent_value
        else:
            if not isinstance(_agent_value, dict):
                raise TypeError("agent: unexpected " + type(_agent_value).__name__)
            agent_type_1 = EquosAgent.from_dict(_agent_value)

            agent = agent_type_1

        equos_avatar = cls(
            id=id,
            organization_id=organization_id,
            identity=identity,
            name=name,
            description=description,
            thumbnail_url=thumbnail_url,
            created_at=created_at,
            updated_at=updated_at,
            client=client,
            agent_id=agent_id,
            agent=agent,
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
