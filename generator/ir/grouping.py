"""Resource groups and method names for operations.

The rule, in order:

1. ``x-oasgen: {group: sessions, name: create}`` on the operation wins.
2. Otherwise from the path.  A trailing static segment that follows a path parameter is an
   *action* (``/sessions/{id}/cancel`` -> ``cancel``); the group is the last static segment
   before it (``sessions``).  Without an action the group is the last static segment and the
   name comes from the HTTP method: on a collection ``GET`` -> ``list``, ``POST`` -> ``create``;
   on an item (path ends in a parameter) ``GET`` -> ``retrieve``, ``PUT``/``PATCH``/``POST`` ->
   ``update``, ``DELETE`` -> ``delete``.
3. Operations whose (group, name) still clash are all renamed after their ``operationId`` words,
   and then, if two still clash, numbered in path order (a located warning says so).
"""

from __future__ import annotations

from typing import Any

from ..naming import split_words

_COLLECTION = {"GET": "list", "POST": "create", "PUT": "update", "PATCH": "update", "DELETE": "delete"}
_ITEM = {"GET": "retrieve", "POST": "update", "PUT": "update", "PATCH": "update", "DELETE": "delete"}


def _is_param(segment: str) -> bool:
    return "{" in segment


def path_group_and_name(method: str, path: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    segments = [s for s in path.split("/") if s]
    action: tuple[str, ...] = ()
    if len(segments) >= 2 and not _is_param(segments[-1]) and _is_param(segments[-2]):
        action = split_words(segments[-1])
        segments = segments[:-1]
    statics = [s for s in segments if not _is_param(s)]
    group = split_words(statics[-1]) if statics else ("root",)
    if action:
        name = action if method in ("GET", "POST") else split_words(method.lower()) + action
    else:
        table = _ITEM if segments and _is_param(segments[-1]) else _COLLECTION
        name = (table.get(method, method.lower()),)
    return group or ("root",), name or (method.lower(),)


def operation_group_and_name(
    method: str, path: str, op: dict[str, Any]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Rules 1 and 2: the ``x-oasgen`` extension, else the path."""
    group, name = path_group_and_name(method.upper(), path)
    ext = op.get("x-oasgen")
    if isinstance(ext, dict):
        if isinstance(ext.get("group"), str):
            group = split_words(ext["group"])
        if isinstance(ext.get("name"), str):
            name = split_words(ext["name"])
    return group, name
