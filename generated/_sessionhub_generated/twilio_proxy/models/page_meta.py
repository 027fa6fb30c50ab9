from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PageMeta")


@_attrs_define
class PageMeta:
    """Paging metadata of a Twilio v1 list response. Upstream declares it inline with no
    required property; all properties stay optional, and an absent `next_page_url` is
    read as "last page". There is no total or page count.

        Attributes:
            first_page_url (str | None): URL of page 0 with the same `PageSize`.
            key (str | None): Name of the property that holds the records; always `sessions` here.
            next_page_url (None | str): Absolute URL of the next page, with `PageSize`, `Page` and `PageToken` already
                in its query; null on the last page.
            page (int | None): Zero-based index of this page (the `Page` that was sent).
            page_size (int | None): Page size used for this page.
            previous_page_url (None | str): Absolute URL of the previous page; null on the first page.
            url (str | None): URL of this page.
    """

    first_page_url: str | None = None
    key: str | None = None
    next_page_url: None | str = None
    page: int | None = None
    page_size: int | None = None
    previous_page_url: None | str = None
    url: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        next_page_url: None | str
        next_page_url = self.next_page_url

        previous_page_url: None | str
        previous_page_url = self.previous_page_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "next_page_url": next_page_url,
                "previous_page_url": previous_page_url,
            }
        )
        if self.first_page_url is not None:
            first_page_url = self.first_page_url
            field_dict["first_page_url"] = first_page_url
        if self.key is not None:
            key = self.key
            field_dict["key"] = key
        if self.page is not None:
            page = self.page
            field_dict["page"] = page
        if self.page_size is not None:
            page_size = self.page_size
            field_dict["page_size"] = page_size
        if self.url is not None:
            url = self.url
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                "PageMeta: expected a JSON object, got " + type(src_dict).__name__
            )
        d = dict(src_dict)
        first_page_url = d.pop("first_page_url", None)
        if not (isinstance(first_page_url, str) or first_page_url is None):
            raise TypeError(
                "first_page_url: unexpected " + type(first_page_url).__name__
            )

        key = d.pop("key", None)
        if not (isinstance(key, str) or key is None):
            raise TypeError("key: unexpected " + type(key).__name__)

        next_page_url: None | str = d.pop("next_page_url", None)
        if not (isinstance(next_page_url, str) or next_page_url is None):
            raise TypeError("next_page_url: unexpected " + type(next_page_url).__name__)

        page = d.pop("page", None)
        if not (
            (isinstance(page, int) and page is not True and page is not False)
            or page is None
        ):
            raise TypeError("page: unexpected " + type(page).__name__)

        page_size = d.pop("page_size", None)
        if not (
            (
                isinstance(page_size, int)
                and page_size is not True
                and page_size is not False
            )
            or page_size is None
        ):
            raise TypeError("page_size: unexpected " + type(page_size).__name__)

        previous_page_url: None | str = d.pop("previous_page_url", None)
        if not (isinstance(previous_page_url, str) or previous_page_url is None):
            raise TypeError(
                "previous_page_url: unexpected " + type(previous_page_url).__name__
            )

        url = d.pop("url", None)
        if not (isinstance(url, str) or url is None):
            raise TypeError("url: unexpected " + type(url).__name__)

        page_meta = cls(
            first_page_url,
            key,
            next_page_url,
            page,
            page_size,
            previous_page_url,
            url,
        )

        page_meta.additional_properties = d
        return page_meta

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
