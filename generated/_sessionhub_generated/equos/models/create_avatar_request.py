from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateAvatarRequest")


@_attrs_define
class CreateAvatarRequest:
    """A new avatar created with the session. Upstream name `CreateEquosAvatarRequest`. Told
    apart from `ResourceReference` by its required `identity`, `name` and `refImage`.

        Attributes:
            identity (str): LiveKit identity of the avatar.
            name (str): Avatar name.
            ref_image (str): Reference image as a base64 data URL (at most 5 MB per NODE2).
            agent_id (None | str | Unset): Agent to link with the avatar. Upstream lists it as a required `object` although
                its description says "Optional"; PY1 omits it when unset. sessionhub makes it
                optional.
            client (None | str | Unset): Your own identifier for the avatar. Upstream declares `object` (a NestJS artefact);
                PY1 sends a string.
    """

    identity: str
    name: str
    ref_image: str
    agent_id: None | str | Unset = UNSET
    client: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        identity = self.identity

        name = self.name

        ref_image = self.ref_image

        agent_id: None | str | Unset
        if isinstance(self.agent_id, Unset):
            agent_id = UNSET
        else:
            agent_id = self.agent_id

        client: None | str | Unset
        if isinstance(self.client, Unset):
            client = UNSET
        else:
            client = self.client

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "identity": identity,
                "name": name,
                "refImage": ref_image,
            }
        )
        if agent_id is not UNSET:
            field_dict["agentId"] = agent_id
        if client is not UNSET:
            field_dict["client"] = client

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "CreateAvatarRequest: expected a JSON object, got "
                + type(src_dict).__name__
            )
        d = dict(src_dict)
        identity = d.pop("identity")
        if not isinstance(identity, str):
            raise TypeError("identity: unexpected " + type(identity).__name__)

        name = d.pop("name")
        if not isinstance(name, str):
            raise TypeError("name: unexpected " + type(name).__name__)

        ref_image = d.pop("refImage")
        if not isinstance(ref_image, str):
            raise TypeError("refImage: unexpected " + type(ref_image).__name__)

        agent_id: None | str | Unset = d.pop("agentId", UNSET)
        if not (isinstance(agent_id, str) or agent_id is None or agent_id is UNSET):
            raise TypeError("agentId: unexpected " + type(agent_id).__name__)

        client: None | str | Unset = d.pop("client", UNSET)
        if not (isinstance(client, str) or client is None or client is UNSET):
            raise TypeError("client: unexpected " + type(client).__name__)

        create_avatar_request = cls(
            identity,
            name,
            ref_image,
            agent_id,
            client,
        )

        create_avatar_request.additional_properties = d
        return create_avatar_request

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
