"""Which list operations page, and how: detection of the common shapes, or a declaration.

Detection looks at ``GET`` operations whose success response is a list: a JSON array, or an object
with an array of items (``data``, ``items``, ``results``, ... or its only array property).  Names
are compared by their words, so ``has_more``, ``hasMore`` and ``HasMore`` are one name.  The first
style that fits wins:

1. ``link``: the success response declares a ``Link`` header (RFC 8288; the SDKs follow
   ``rel="next"``).
2. ``cursor``: a query parameter takes a cursor (``after``, ``starting_after``, ``cursor``,
   ``page_token``, ``next_token``, ``continuation_token``, ``marker``, or ``X`` where the response
   has ``next_X``) and the response object says whether there is more: a boolean ``has_more`` (or
   ``has_next``, ``has_next_page``, ``more``) and/or a next-cursor string field (``next_cursor``,
   ``next_page_token``, ``next_token``, ``continuation_token``, ``next_X``, ``last_id``).  Without
   a cursor field the next cursor is the last item's ``id``, so the items need one.  Beside
   ``after``/``starting_after``, a ``last_id`` field is the cursor; beside any cursor parameter, a
   string ``next`` field is.
3. ``offset``: an integer ``offset`` (``skip``, ``start``, ``start_index``) query parameter.
4. ``page``: an integer ``page`` (``page_number``, ``page_index``) query parameter.

``limit`` (``page_size``, ``per_page``, ``max_results``, ``size``, ``top``), ``has_more`` and a
total (``total``, ``total_count``, ``total_results``, ``total_pages``) are recorded when present.

``x-oasgen-pagination`` on an operation, or ``[tool.oasgen.pagination]`` keyed by operationId,
declares it instead: ``false`` turns detection off; a table names the ``style`` and any of the
fields of :class:`~generator.ir.model.Pagination` (``items``, ``cursor_param``, ``cursor_field``,
``has_more_field``, ``limit_param``, ``offset_param``, ``page_param``, ``total_field``).  Every
name declared must exist in the operation's query parameters or its response.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..naming import split_words
from .model import ArrayType, Field, Model, ModelRef, Nullable, Pagination, Param, Primitive, Response, Type

ITEM_FIELDS = ("data", "items", "results", "records", "entries", "values", "elements", "objects", "list")
CURSOR_PARAMS = (
    "after",
    "starting_after",
    "cursor",
    "page_token",
    "next_token",
    "continuation_token",
    "start_cursor",
    "marker",
)
CURSOR_FIELDS = ("next_cursor", "next_page_token", "next_token", "continuation_token", "next_page_cursor")
HAS_MORE_FIELDS = ("has_more", "has_next", "has_next_page", "more", "has_more_results")
LIMIT_PARAMS = ("limit", "page_size", "per_page", "max_results", "size", "top", "page_limit", "count")
OFFSET_PARAMS = ("offset", "skip", "start", "start_index")
PAGE_PARAMS = ("page", "page_number", "page_index")
TOTAL_FIELDS = ("total", "total_count", "total_results", "total_items", "total_pages")
STYLES = ("cursor", "offset", "page", "link")
_DECLARABLE = (
    "items",
    "cursor_param",
    "cursor_field",
    "has_more_field",
    "limit_param",
    "offset_param",
    "page_param",
    "total_field",
)

Models = Mapping[str, Model | None]


def norm(name: str) -> str:
    return "_".join(split_words(name))


def _strip(t: Type | None, models: Models) -> Type | None:
    """Unwrap nullables and alias models, so the shape underneath shows."""
    for _ in range(16):
        if isinstance(t, Nullable):
            t = t.inner
        elif isinstance(t, ModelRef) and (m := models.get(t.id)) is not None and m.kind == "alias":
            t = m.type
        else:
            return t
    return t


def fields_of(t: Type | None, models: Models) -> tuple[Field, ...]:
    t = _strip(t, models)
    if isinstance(t, ModelRef) and (m := models.get(t.id)) is not None and m.kind == "object":
        return m.fields
    return ()


def _array_item(t: Type | None, models: Models) -> Type | None:
    t = _strip(t, models)
    return t.items if isinstance(t, ArrayType) else None


def list_items(t: Type | None, models: Models, loose: bool = False) -> tuple[str | None, Type] | None:
    """``(items field, item type)`` of a list response; ``(None, item)`` when the body is an array.

    An object lists its items in a ``data``-like array; with ``loose``, also in its only array.
    """
    item = _array_item(t, models)
    if item is not None:
        return None, item
    arrays = [(f, it) for f in fields_of(t, models) if (it := _array_item(f.type, models)) is not None]
    for wanted in ITEM_FIELDS:
        for f, it in arrays:
            if norm(f.name) == wanted:
                return f.name, it
    if loose and len(arrays) == 1:
        return arrays[0][0].name, arrays[0][1]
    return None


def _kind(t: Type | None, models: Models) -> str | None:
    t = _strip(t, models)
    return t.kind if isinstance(t, Primitive) else None


def _find(names: Mapping[str, Any], wanted: tuple[str, ...]) -> str | None:
    for w in wanted:
        if w in names:
            return str(names[w])
    return None


class _Shape:
    """The names an operation offers: query parameters and the response object's fields."""

    def __init__(self, params: tuple[Param, ...], success: Response | None, models: Models) -> None:
        self.models = models
        self.query = {p.name: p for p in params if p.location == "query"}
        self.qnorm = {norm(n): n for n in self.query}
        self.type = success.type if success is not None and success.encoding == "json" else None
        self.fields = {f.name: f for f in fields_of(self.type, models)}
        self.fnorm = {norm(n): n for n in self.fields}

    def param_kind(self, name: str) -> str | None:
        return _kind(self.query[name].type, self.models)

    def field_kind(self, name: str) -> str | None:
        return _kind(self.fields[name].type, self.models)

    def int_param(self, wanted: tuple[str, ...]) -> str | None:
        for w in wanted:
            name = self.qnorm.get(w)
            if name is not None and self.param_kind(name) in ("integer", "number", None):
                return name
        return None

    def string_field(self, name: str | None) -> str | None:
        return name if name is not None and self.field_kind(name) in ("string", None) else None


def _cursor(s: _Shape, item: Type) -> dict[str, str | None] | None:
    cursor_param = _find(s.qnorm, CURSOR_PARAMS)
    cursor_field = s.string_field(_find(s.fnorm, CURSOR_FIELDS))
    for f in s.fnorm:  # next_X in the response, X in the query
        if f.startswith("next_") and f[5:] in s.qnorm and s.string_field(s.fnorm[f]):
            cursor_param, cursor_field = cursor_param or s.qnorm[f[5:]], cursor_field or s.fnorm[f]
    if cursor_param is None:
        return None
    if cursor_field is None and cursor_param in (s.qnorm.get("after"), s.qnorm.get("starting_after")):
        cursor_field = s.string_field(s.fnorm.get("last_id"))
    if cursor_field is None:  # beside a cursor parameter, a string `next` is the next cursor
        cursor_field = s.string_field(s.fnorm.get("next"))
    has_more = _find(s.fnorm, HAS_MORE_FIELDS)
    if has_more is not None and s.field_kind(has_more) not in ("boolean", None):
        has_more = None
    item_has_id = any(f.name == "id" for f in fields_of(item, s.models))
    if cursor_field is None and (has_more is None or not item_has_id):
        return None
    return {"cursor_param": cursor_param, "cursor_field": cursor_field, "has_more_field": has_more}


def detect(
    method: str, params: tuple[Param, ...], success: Response | None, link_header: bool, models: Models
) -> Pagination | None:
    """The pagination a ``GET`` list operation shows, or None."""
    if method.upper() != "GET" or success is None:
        return None
    s = _Shape(params, success, models)
    found = list_items(s.type, models, loose=True)
    if found is None:
        return None
    items, item = found
    common: dict[str, Any] = {
        "limit_param": s.int_param(LIMIT_PARAMS),
        "has_more_field": _find(s.fnorm, HAS_MORE_FIELDS),
        "total_field": _find(s.fnorm, TOTAL_FIELDS),
    }
    if link_header:
        return Pagination("link", items, item, **common)
    if items is not None and (cursor := _cursor(s, item)) is not None:
        return Pagination("cursor", items, item, **{**common, **cursor})
    if (offset := s.int_param(OFFSET_PARAMS)) is not None:
        return Pagination("offset", items, item, offset_param=offset, **common)
    if (page := s.int_param(PAGE_PARAMS)) is not None:
        return Pagination("page", items, item, page_param=page, **common)
    return None


def declare(
    value: Any, params: tuple[Param, ...], success: Response | None, models: Models
) -> Pagination | None:
    """A declared pagination (``x-oasgen-pagination`` or config); raises ValueError saying what is wrong."""
    if value is False:
        return None
    if not isinstance(value, Mapping):
        raise ValueError("must be false or a table with a `style`")
    style = value.get("style")
    if style not in STYLES:
        raise ValueError(f"`style` must be one of {', '.join(STYLES)}")
    unknown = [k for k in value if k != "style" and k not in _DECLARABLE]
    if unknown:
        raise ValueError(f"unknown key {unknown[0]!r}; known keys: style, {', '.join(_DECLARABLE)}")
    s = _Shape(params, success, models)
    fields: dict[str, Any] = {}
    for key in _DECLARABLE[1:]:
        name = value.get(key)
        if name is None:
            continue
        pool = s.query if key.endswith("_param") else s.fields
        if not isinstance(name, str) or name not in pool:
            where = "query parameter" if key.endswith("_param") else "field of the success response"
            raise ValueError(f"`{key}`: {name!r} is not a {where}")
        fields[key] = name
    need = {"cursor": "cursor_param", "offset": "offset_param", "page": "page_param"}.get(style)
    if need and need not in fields:
        raise ValueError(f"style {style} needs `{need}`")
    items_name = value.get("items")
    if items_name is not None:
        item = _array_item(s.fields[items_name].type, models) if items_name in s.fields else None
        if item is None:
            raise ValueError(f"`items`: {items_name!r} is not an array field of the success response")
        found: tuple[str | None, Type] | None = (items_name, item)
    else:
        found = list_items(s.type, models, loose=True)
    if found is None:
        raise ValueError("the success response is not a list: declare `items`, its array field")
    return Pagination(style, found[0], found[1], source="declared", **fields)
