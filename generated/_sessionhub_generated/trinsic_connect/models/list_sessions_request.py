from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.order_direction import OrderDirection
from ..models.session_ordering import SessionOrdering

_SESSION_ORDERING_BY_VALUE: dict[str, SessionOrdering] = {
    member.value: member for member in SessionOrdering
}
_ORDER_DIRECTION_BY_VALUE: dict[str, OrderDirection] = {
    member.value: member for member in OrderDirection
}


T = TypeVar("T", bound="ListSessionsRequest")


@_attrs_define
class ListSessionsRequest:
    """Body of `list_sessions`. Sort order and page number.

    Attributes:
        order_by (SessionOrdering): Field to sort `list_sessions` by.
        order_direction (OrderDirection): Sort direction for `list_sessions`.
        page_size (int | None): Sessions per page, 1 to 10. The server default when omitted is not documented, so send
            it.
        page (int | None): Page number, counting from 1. The server default when omitted is not documented, so send it.
    """

    order_by: SessionOrdering
    order_direction: OrderDirection
    page_size: int | None = None
    page: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        order_by = self.order_by.value

        order_direction = self.order_direction.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "orderBy": order_by,
                "orderDirection": order_direction,
            }
        )
        if self.page_size is not None:
            page_size = self.page_size
            field_dict["pageSize"] = page_size
        if self.page is not None:
            page = self.page
            field_dict["page"] = page

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "ListSessionsRequest: expected a JSON object, got "
                + type(src_dict).__name__
            )
        d = dict(src_dict)
        order_by = _SESSION_ORDERING_BY_VALUE.get(d.pop("orderBy")) or SessionOrdering(
            d.pop("orderBy")
        )

        order_direction = _ORDER_DIRECTION_BY_VALUE.get(
            d.pop("orderDirection")
        ) or OrderDirection(d.pop("orderDirection"))

        page_size = d.pop("pageSize", None)
        if not (
            (
                isinstance(page_size, int)
                and page_size is not True
                and page_size is not False
            )
            or page_size is None
        ):
            raise TypeError("pageSize: unexpected " + type(page_size).__name__)

        page = d.pop("page", None)
        if not (
            (isinstance(page, int) and page is not True and page is not False)
            or page is None
        ):
            raise TypeError("page: unexpected " + type(page).__name__)

        list_sessions_request = cls(
            order_by,
            order_direction,
            page_size,
            page,
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
