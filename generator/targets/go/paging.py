"""Go list methods that page: what the IR's Pagination becomes in a method.

``List`` returns ``*Page[Item, Response]`` (the first page: Items, the decoded Response, and
NextPage); ``ListAutoPaging`` returns an ``iter.Seq2[Item, error]`` over every item of every page,
which ends at the first error.  An operation whose pagination cannot be driven (the paging
parameter is not a query parameter, the items are not a list) stays a plain method.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...ir.model import ModelRef, Operation, Pagination, Param
from .methoddocs import _limits, method_doc
from .names import field_names
from .types import go_string
from .viewmodels import MethodView

if TYPE_CHECKING:
    from .views import Builder


@dataclass
class PageView:
    item_go: str  # the Go type of one item
    resp_go: str  # the Go type of the response body (a model, or the list itself)
    items: str  # Go expression over r (*resp_go): the page's items
    style: str  # Go literals, as the runtime's paging struct takes them
    items_wire: str
    param: str
    cursor: str
    has_more: str
    total: str
    first: int  # page style: the first page's number
    auto: str  # the name of the auto-paging method


def _param(pg: Pagination) -> str | None:
    return {
        "cursor": pg.cursor_param,
        "offset": pg.offset_param,
        "page": pg.page_param,
        "link": "",
    }[pg.style]


def _unwrap(go: str) -> tuple[str, str] | None:
    """(element type, accessor suffix) of a field's Go type holding a list, or None."""
    suffix = ""
    for wrapper in ("Opt[", "Nullable["):
        if go.startswith(wrapper) and go.endswith("]"):
            go, suffix = go[len(wrapper) : -1], suffix + ".Value()"
    return (go[2:], suffix) if go.startswith("[]") else None


def _first_page(p: Param | None) -> int:
    for value in (p.default.value if p is not None and p.default else None, _minimum(p)):
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return 1


def _minimum(p: Param | None) -> object:
    c = getattr(p.type, "constraints", None) if p is not None else None
    return getattr(c, "minimum", None)


def page_view(b: Builder, op: Operation, mv: MethodView) -> PageView | None:
    pg = op.pagination
    param = _param(pg) if pg is not None else None
    if pg is None or param is None or mv.returns not in ("model", "value"):
        return None
    query = {p.name: p for p in op.params if p.location == "query"}
    if param and param not in query:
        return None
    if pg.items is None:
        found = _unwrap(mv.out_go)
        items = "*r"
    else:
        ok = op.success
        model = b.models.get(ok.type.id) if ok is not None and isinstance(ok.type, ModelRef) else None
        if mv.returns != "model" or model is None:
            return None
        names = dict(zip((f.name for f in model.fields), field_names(model.fields), strict=True))
        field = next((f for f in model.fields if f.name == pg.items), None)
        if field is None:
            return None
        fv = b.field_view(model, field, names[field.name])
        found = _unwrap(fv.go)
        items = f"r.{fv.name}{found[1]}" if found is not None else ""
    if found is None:
        return None
    auto = mv.name + "AutoPaging"
    return PageView(
        item_go=found[0],
        resp_go=mv.out_go,
        items=items,
        style=go_string(pg.style),
        items_wire=go_string(pg.items or ""),
        param=go_string(param),
        cursor=go_string(pg.cursor_field or ""),
        has_more=go_string(pg.has_more_field or ""),
        total=go_string(pg.total_field or "" if pg.style == "offset" else ""),
        first=_first_page(query.get(pg.page_param or "")) if pg.style == "page" else 0,
        auto=auto,
    )


def paged_doc(b: Builder, op: Operation, mv: MethodView) -> list[str]:
    assert mv.page is not None
    note = (
        f"It returns the first page: Page.NextPage fetches the next one, and {mv.page.auto} "
        "iterates over every item of every page."
    )
    return method_doc(mv.name, op, b.models, _limits(mv.name, op, b.models) + [note])
