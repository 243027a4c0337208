"""Multi-page tests of the generated list methods that page: scripted pages for every style.

Each paged method gets three scenarios against a scripted server (the runtime test helper
``pagedServer``): pages up to the last one (which says it is the last, or, when the style cannot
say so, an empty page after it), an empty second page, and an error on page 3.  Each checks the
items ``<Method>AutoPaging`` yields, the requests it makes (no request after the end) and the
paging parameter (or the Link URL) each request sends.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field

from ...ir.model import Model, ModelRef, Nullable, Operation, Pagination
from .sample import Sampler
from .testviews import OpCase, js
from .types import go_string


@dataclass
class ScriptedPage:
    status: int
    body: str  # Go literal
    link: str  # Go literal of the Link header, '""' for none


@dataclass
class Scenario:
    name: str  # Go literal
    pages: list[ScriptedPage]
    items: int  # items the iteration yields
    requests: int  # requests it makes
    fails: bool  # it ends with the error of page 3
    sent: list[str] = field(default_factory=list)  # Go literals: the paging value of requests 2, 3, ...


@dataclass
class PagesCase:
    test: str
    op: OpCase  # the method's single-request case: path values and params
    unset: str  # the params field of the paging parameter ("" when there is none)
    unset_go: str  # its Go type (an Opt)
    link: bool  # sent are request URIs (Link style), not query values
    param: str  # Go literal of the paging query parameter
    scenarios: list[Scenario]


def pages_case(c: OpCase, models: dict[str, Model]) -> PagesCase | None:
    mv, op = c.method, c.method.op
    pg, page = op.pagination, mv.page
    ok = op.success
    if pg is None or page is None or ok is None or ok.type is None:
        return None
    unset = unset_go = ""
    if pg.style != "link":
        pf = next((f for f in mv.params.fields if f.wire == page.param), None) if mv.params else None
        if pf is None or pf.required:
            return None  # a required paging parameter: the test could not start from the first page
        unset, unset_go = pf.name, pf.go
    shape = _Shape(op, pg, models)
    if not shape.ok:
        return None
    return PagesCase(
        test=f"{c.test}Pages",
        op=c,
        unset=unset,
        unset_go=unset_go,
        link=pg.style == "link",
        param=page.param,
        scenarios=[s for s in shape.scenarios(json.loads(c.escaped_path), page.first) if s is not None],
    )


class _Shape:
    """Builds page bodies: the sample response with its items, has_more, cursor and total set."""

    def __init__(self, op: Operation, pg: Pagination, models: dict[str, Model]) -> None:
        self.pg = pg
        sampler = Sampler(models, True)
        ok = op.success
        assert ok is not None and ok.type is not None
        self.sample = sampler.value(ok.type)
        self.item = sampler.value(pg.item_type)
        self.ok = True
        self.cursor_end: object = ""
        self.drop_cursor = False
        self.id_is_int = False
        model = models.get(ok.type.id) if isinstance(ok.type, ModelRef) else None
        if pg.items is not None and not (isinstance(self.sample, dict) and model is not None):
            self.ok = False
        if pg.cursor_field and model is not None:
            f = next((f for f in model.fields if f.name == pg.cursor_field), None)
            if f is None:
                self.ok = False
            elif isinstance(f.type, Nullable):
                self.cursor_end = None
            elif not f.required:
                self.drop_cursor = True
        if pg.style == "cursor" and not pg.cursor_field:
            if not isinstance(self.item, dict) or "id" not in self.item:
                self.ok = False
            else:
                self.id_is_int = isinstance(self.item["id"], int) and not isinstance(self.item["id"], bool)

    def item_id(self, n: int) -> object:
        return n if self.id_is_int else f"item_{n}"

    def body(self, first: int, count: int, more: bool, cursor: object, total: int) -> str:
        items = []
        for n in range(first, first + count):
            item = copy.deepcopy(self.item)
            if isinstance(item, dict) and "id" in item and self.pg.style == "cursor":
                item["id"] = self.item_id(n)
            items.append(item)
        if self.pg.items is None:
            return js(items)
        assert isinstance(self.sample, dict)
        body = copy.deepcopy(self.sample)
        body[self.pg.items] = items
        if self.pg.has_more_field:
            body[self.pg.has_more_field] = more
        if self.pg.cursor_field:
            if cursor is not None or not self.drop_cursor:
                body[self.pg.cursor_field] = cursor if cursor is not None else self.cursor_end
            elif self.drop_cursor:
                body.pop(self.pg.cursor_field, None)
        if self.pg.total_field and self.pg.style == "offset":
            body[self.pg.total_field] = total
        return js(body)

    def says_last(self) -> bool:
        """Can the last page say it is the last (rather than an empty page after it)?"""
        pg = self.pg
        if pg.style == "link":
            return True
        if pg.has_more_field and pg.items is not None:
            return True
        if pg.style == "cursor" and pg.cursor_field:
            return True
        return pg.style == "offset" and bool(pg.total_field) and pg.items is not None

    def scenarios(self, path: str, first_page: int) -> list[Scenario | None]:
        # An empty page ends every style but Link (which follows rel="next"): the empty page still
        # says there is more, where the style can say it.
        claims = self.pg.style != "link"
        return [
            self.script("every page to the last", [2, 2, 1], path, first_page, last=self.says_last()),
            self.script("an empty page ends the list", [2, 0], path, first_page, claims_more=claims),
            self.script("an error on page 3 ends it", [2, 2], path, first_page, fail=True),
        ]

    def script(
        self,
        name: str,
        sizes: list[int],
        path: str,
        first_page: int,
        last: bool = True,
        claims_more: bool = False,
        fail: bool = False,
    ) -> Scenario:
        total = sum(sizes) if last and not claims_more and not fail else 100
        if not last:
            sizes = sizes + [0]  # the style stops only on an empty page
        pages: list[ScriptedPage] = []
        sent: list[str] = []
        start = 1
        for i, count in enumerate(sizes):
            final = i == len(sizes) - 1 and not fail
            more = (not final and count > 0) or (count == 0 and claims_more)
            cursor = f"cursor_{i + 2}" if more else None
            link = '""'
            if self.pg.style == "link" and more:
                link = go_string(f'<{path}?page={i + 2}>; rel="next"')
            pages.append(ScriptedPage(200, self.body(start, count, more, cursor, total), link))
            if i > 0:
                sent.append(go_string(self.sent_value(i, start, first_page, path)))
            start += count
        if fail:
            pages.append(ScriptedPage(400, go_string('{"error":{"message":"bad page"}}'), '""'))
            sent.append(go_string(self.sent_value(len(sizes), start, first_page, path)))
        return Scenario(
            name=go_string(name),
            pages=pages,
            items=sum(sizes),
            requests=len(pages),
            fails=fail,
            sent=sent,
        )

    def sent_value(self, index: int, next_item: int, first_page: int, path: str) -> str:
        """What request index (0-based) sends: the cursor, offset, page number or URL."""
        pg = self.pg
        if pg.style == "link":
            return f"{path}?page={index + 1}"
        if pg.style == "offset":
            return str(next_item - 1)
        if pg.style == "page":
            return str(first_page + index)
        if pg.cursor_field:
            return f"cursor_{index + 1}"
        value = self.item_id(next_item - 1)
        return str(value)
