from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.order_direction import OrderDirection
from ..models.session_ordering import SessionOrdering
from ..types import UNSET, Unset

T = TypeVar("T", bound="ListSessionsRequest")


@_attrs_define
class ListSessionsRequest:
    """Body of `list_sessions`. Sort order and page number.

    Attributes:
        order_by (SessionOrdering): Field to sort `list_sessions` by.
        order_direction (OrderDirection): Sort direction for `list_sessions`.
        page_size (int | Unset): Sessions per page, 1 to 10. The server default when omitted is not documented, so send
            it.
        page (int | Unset): Page number, counting from 1. The server default when omitted is not documented, so send it.
    """

    order_by: SessionOrdering
    order_direction: OrderDirection
    page_size: int | Unset = UNSET
    page: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        order_by = self.order_by.value

        order_direction = self.order_direction.value

        page_size = self.page_size

        page = self.page

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "orderBy": order_by,
                "orderDirection": order_direction,
            }
        )
        if page_size is not UNSET:
            field_dict["pageSize"] = page_size
        if page is not UNSET:
            field_dict["page"] = page

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        order_by = SessionOrdering(d.pop("orderBy"))

        order_direction = OrderDirection(d.pop("orderDirection"))

        page_size = d.pop("pageSize", UNSET)

        page = d.pop("page", UNSET)

        list_sessions_request = cls(
            order_by=order_by,
            order_direction=order_direction,
            page_size=page_size,
            page=page,
        )

        list_sessions_request.additional_properties = d
        return list_sessions_request

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
