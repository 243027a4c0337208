"""The "How to iterate" text of a paginated operation's page: how the list pages, in words."""

from __future__ import annotations

from ...ir.model import Pagination
from .markdown import code


def paging_text(p: Pagination) -> str:
    """One paragraph, from the IR's pagination record: what is sent, what is read, when it stops."""
    where = f"the response's {code(p.items)} array" if p.items else "the response body (an array)"
    if p.style == "cursor":
        cursor = f"its {code(p.cursor_field)}" if p.cursor_field else f"the {code('id')} of its last item"
        how = f"each request after the first sends {cursor} as {code(p.cursor_param or '')}"
    elif p.style == "offset":
        how = f"each request advances {code(p.offset_param or '')} by the number of items received"
    elif p.style == "page":
        how = f"each request asks for the next {code(p.page_param or '')}"
    else:
        rel = code('rel="next"')
        how = f"each request follows the {rel} URL of the {code('Link')} response header"
    stops = ["a page has no items"]
    if p.has_more_field:
        stops.insert(0, f"{code(p.has_more_field)} is false")
    if p.style == "cursor" and p.cursor_field:
        stops.append(f"a page has no {code(p.cursor_field)}")
    if p.style == "link":
        stops.append(f"a page has no {code('next')} link")
    if p.total_field and p.style in ("offset", "page"):
        stops.append(f"{code(p.total_field)} is reached")
    size = f" {code(p.limit_param)} sets the page size." if p.limit_param else ""
    return (
        f"This list comes in pages: the items are in {where}, and {how}. "
        f"Paging ends when {', or '.join(stops)}.{size} "
        "The SDKs do this for you: iterate over the result and every item of every page comes, "
        "each page fetched when the one before runs out."
    )
