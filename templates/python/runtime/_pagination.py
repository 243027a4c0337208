"""Auto-paging lists: a list method returns a page; iterating the page yields every item of every page.

    for job in client.jobs.list(limit=20):          # fetches the next page when this one runs out
        ...
    page = client.jobs.list()
    page.data, page.has_more                          # this page's items, the page's own fields
    if page.has_next_page():
        page = page.next_page()

``Paging`` says how one operation pages (the generator fills it in from the API description):

* ``cursor``: send the cursor (``cursor_field`` of the page, or the last item's ``id`` when it is
  None) as ``cursor_param``;
* ``offset``: advance ``offset_param`` by the number of items received;
* ``page``: advance ``page_param`` by one (from 1 when the first call did not send it);
* ``link``: follow the ``rel="next"`` URL of the ``Link`` response header (RFC 8288).

A page with no items is the last one, as is one whose ``has_more_field`` is false or, when the
response has a total (``total_field``), one that reaches it.  A request error for a later page
surfaces when iteration gets there.  This module does not import httpx.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator, Sequence
from urllib.parse import quote, unquote
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from ._exceptions import APIError

if TYPE_CHECKING:
    from ._base_client import AsyncAPIClient, SyncAPIClient
    from ._response import APIResponse

__all__ = ["AsyncPage", "Paging", "SyncPage"]

T = TypeVar("T")
Query = list[str]  # encoded ``key=value`` pieces, as ``request()`` takes them

_LINK = re.compile(r"""<([^>]*)>\s*((?:;\s*(?:[^;,"]|"[^"]*")*)*)""")
_REL = re.compile(r"""rel\s*=\s*(?:"([^"]*)"|([^\s;,"]+))""", re.I)


class Paging:
    """How one list operation pages: its style and the wire names of what it reads and sends."""

    __slots__ = (
        "style",
        "items_attr",
        "items_field",
        "cursor_param",
        "cursor_field",
        "has_more_field",
        "limit_param",
        "offset_param",
        "page_param",
        "total_field",
        "total_counts_pages",
    )

    def __init__(
        self,
        style: Literal["cursor", "offset", "page", "link"],
        *,
        items_attr: str | None = None,
        items_field: str | None = None,
        cursor_param: str | None = None,
        cursor_field: str | None = None,
        has_more_field: str | None = None,
        limit_param: str | None = None,
        offset_param: str | None = None,
        page_param: str | None = None,
        total_field: str | None = None,
        total_counts_pages: bool = False,
    ) -> None:
        self.style = style
        self.items_attr = items_attr  # the parsed page's attribute with the items; None: the page is a list
        self.cursor_param = cursor_param
        self.cursor_field = cursor_field
        self.has_more_field = has_more_field
        self.limit_param = limit_param
        self.offset_param = offset_param
        self.page_param = page_param
        self.total_field = total_field
        self.total_counts_pages = total_counts_pages
        self.items_field = items_field

    def items(self, parsed: Any) -> list[Any]:
        items = parsed if self.items_attr is None else getattr(parsed, self.items_attr)
        return list(items) if isinstance(items, list) else []

    def next_request(
        self, response: APIResponse[Any], params: Query, count: int
    ) -> tuple[str | None, Query] | None:
        """(a URL, or None for the same path; the query) of the page after ``response``, or None.

        ``params`` is the query ``response`` was requested with, ``count`` the number of its items.
        """
        if self.style == "link":
            url = next_link(response.headers.get("link"))
            if url is None or count == 0:
                return None
            return str(response.http_response.request.url.join(url)), []
        raw = response.json()
        body = raw if isinstance(raw, dict) else {}
        if count == 0 or (self.has_more_field and body.get(self.has_more_field) is False):
            return None
        path = None
        if self.style == "cursor" and self.cursor_param:
            cursor = body.get(self.cursor_field) if self.cursor_field else _last_id(raw, self.items_field)
            if cursor is None or cursor == "" or not isinstance(cursor, str | int):
                return None
            return path, _replace(params, self.cursor_param, str(cursor))
        if self.style == "offset" and self.offset_param:
            start = _int(params, self.offset_param, 0) + count
            total = body.get(self.total_field) if self.total_field else None
            if isinstance(total, int) and not isinstance(total, bool) and start >= total:
                return None
            return path, _replace(params, self.offset_param, str(start))
        if self.style == "page" and self.page_param:
            page = _int(params, self.page_param, 1)
            total = body.get(self.total_field) if self.total_field else None
            if isinstance(total, int) and not isinstance(total, bool):
                size = _int(params, self.limit_param, count) if self.limit_param else count
                if (page if self.total_counts_pages else page * size) >= total:
                    return None
            return path, _replace(params, self.page_param, str(page + 1))
        return None


def next_link(header: str | None) -> str | None:
    """The ``rel="next"`` target of a ``Link`` header, or None."""
    for match in _LINK.finditer(header or ""):
        for rel in _REL.finditer(match.group(2)):
            if "next" in (rel.group(1) or rel.group(2) or "").lower().split():
                return match.group(1).strip()
    return None


def _last_id(raw: object, items_field: str | None) -> object:
    items = raw.get(items_field) if isinstance(raw, dict) and items_field else raw
    if isinstance(items, list) and items and isinstance(items[-1], dict):
        return items[-1].get("id")
    return None


def _int(params: Query, name: str | None, default: int) -> int:
    if name is None:
        return default
    key = quote(name, safe="") + "="
    for piece in params:
        if piece.startswith(key):
            try:
                return int(unquote(piece[len(key) :]))
            except ValueError:
                return default
    return default


def _replace(params: Query, name: str, value: str) -> Query:
    """``params`` with parameter ``name`` set to ``value`` (every other piece kept, in order)."""
    key = quote(name, safe="") + "="
    return [p for p in params if not p.startswith(key)] + [key + quote(value, safe="")]


class _PageBase(Generic[T]):
    """What sync and async pages share: this page's items, its fields, where the next one is."""

    data: list[T]
    """The items of this page."""

    def __init__(
        self, response: APIResponse[Any], paging: Paging, request: tuple[str, str, Query, dict[str, Any]]
    ) -> None:
        self._response = response
        self._paging = paging
        self._request = request  # (method, path, query, the other request() arguments)
        self._parsed = response.parse()
        self.data = paging.items(self._parsed)
        self._next: tuple[str, Query] | None = None
        self._next_known = False

    @property
    def response(self) -> APIResponse[Any]:
        """The HTTP response of this page (status, headers, the raw body)."""
        return self._response

    @property
    def page(self) -> Any:
        """This page's parsed body (the list response model), with all its fields."""
        return self._parsed

    def has_next_page(self) -> bool:
        return self._next_request() is not None

    def _next_request(self) -> tuple[str, Query] | None:
        if not self._next_known:
            self._next_known = True
            found = self._paging.next_request(self._response, self._request[2], len(self.data))
            if found is not None:
                target = (found[0] or self._request[1], found[1])
                # The same request again would give the same page: the server does not move on.
                self._next = None if target == self._request[1:3] else target
        return self._next

    def _follow(self) -> tuple[str, str, Query, dict[str, Any]]:
        target = self._next_request()
        if target is None:
            raise APIError("There is no next page: check has_next_page() first.")
        method, _path, _query, options = self._request
        return method, target[0], target[1], options

    def __getattr__(self, name: str) -> Any:
        """The page's own fields (``has_more``, ``total``, ...), read from its parsed body."""
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return getattr(self._parsed, name)
        except AttributeError:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}") from None

    def __repr__(self) -> str:
        return f"{type(self).__name__}(data=[{len(self.data)} item(s)], has_next_page={self.has_next_page()})"


class SyncPage(_PageBase[T]):
    """One page of a list; ``for item in page`` goes on through the following pages."""

    def __init__(
        self,
        client: SyncAPIClient,
        response: APIResponse[Any],
        paging: Paging,
        request: tuple[str, str, Query, dict[str, Any]],
    ) -> None:
        super().__init__(response, paging, request)
        self._client = client

    @classmethod
    def first(
        cls,
        client: SyncAPIClient,
        paging: Paging,
        method: str,
        path: str,
        params: Sequence[str],
        **options: Any,
    ) -> SyncPage[T]:
        """Request the first page (``options`` are the other ``request()`` arguments)."""
        query = list(params)
        response = client.request(method, path, query=query, **options)
        return cls(client, response, paging, (method, path, query, options))

    def next_page(self) -> SyncPage[T]:
        method, path, query, options = self._follow()
        response = self._client.request(method, path, query=query, **options)
        return type(self)(self._client, response, self._paging, (method, path, query, options))

    def iter_pages(self) -> Iterator[SyncPage[T]]:
        page = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = page.next_page()

    def __iter__(self) -> Iterator[T]:
        for page in self.iter_pages():
            yield from page.data


class AsyncPage(_PageBase[T]):
    """One page of a list; ``async for item in page`` goes on through the following pages."""

    def __init__(
        self,
        client: AsyncAPIClient,
        response: APIResponse[Any],
        paging: Paging,
        request: tuple[str, str, Query, dict[str, Any]],
    ) -> None:
        super().__init__(response, paging, request)
        self._client = client

    @classmethod
    async def first(
        cls,
        client: AsyncAPIClient,
        paging: Paging,
        method: str,
        path: str,
        params: Sequence[str],
        **options: Any,
    ) -> AsyncPage[T]:
        """Request the first page (``options`` are the other ``request()`` arguments)."""
        query = list(params)
        response = await client.request(method, path, query=query, **options)
        return cls(client, response, paging, (method, path, query, options))

    async def next_page(self) -> AsyncPage[T]:
        method, path, query, options = self._follow()
        response = await self._client.request(method, path, query=query, **options)
        return type(self)(self._client, response, self._paging, (method, path, query, options))

    async def iter_pages(self) -> AsyncIterator[AsyncPage[T]]:
        page = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = await page.next_page()

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.iter_pages():
            for item in page.data:
                yield item
