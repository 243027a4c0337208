"""Where an operation lives in the resource tree, and its method name: one operation at a time.

The rule looks only at the operation itself (its path, HTTP method, operationId and success
response), never at the other operations, so a name it gives never changes when operations are
added.  What it leaves clashing is settled or reported by :mod:`.resources`.

1. ``x-oasgen: {group: beta.chatkit.sessions, name: create}`` on the operation wins; a dotted
   ``group`` is a resource path (``sessions`` is a path of one).
2. Otherwise from the path.  Every static segment is a resource, nested as the path nests
   (``/threads/{thread_id}/messages/{message_id}`` -> ``threads.messages``); a parameter between
   two statics only selects an item.  A leading ``api`` and leading version segments (``/v1``,
   ``/api/0``, ``/2.0``) are left out when a resource follows them.  A query string in the path
   key (``/responses?beta=true``) puts the operation under a resource of that name first
   (``beta.responses``); a ``key=value`` pair names it ``key_value``.  An operationId that starts
   with those words is read without them below (``beta_cancelResponse``: ``cancelResponse``).
3. The method name:

   * the path ends in a parameter (an *item*): ``GET`` -> ``retrieve`` (``list`` when the
     response is a list: an array, paged, or an envelope without an ``id`` around a
     ``data``-like array); ``POST``, ``PUT``, ``PATCH`` -> ``update``; ``DELETE`` -> ``delete``;
   * a ``PUT`` whose operationId starts with ``replace`` or ``put`` is ``replace``;
   * the path ends in a static segment (a *collection*): ``GET`` -> ``list``, but ``retrieve``
     when the response is bytes or text (``/files/{id}/content``) or, for a JSON body that is not
     a list (or no schema), when the operationId does not read as many things (its last word is
     not a plural and it does not start with ``list``/``search``: ``/organization/data_retention``);
     ``POST`` -> ``create``, or ``update`` when the operationId starts with ``update``,
     ``modify``, ``set`` or ``replace`` (a singleton); ``PUT``/``PATCH`` -> ``update``;
     ``DELETE`` -> ``delete``;
   * a trailing static segment after another segment is an *action* on the resource before it,
     rather than a resource of its own, when the method is not ``GET``, the operationId starts
     with that segment's first word (``cancelRun`` on ``/threads/{id}/runs/{run_id}/cancel`` ->
     ``threads.runs.cancel``, ``submitToolOutputsToRun`` -> ``runs.submit_tool_outputs``,
     ``runGrader`` on ``/fine_tuning/alpha/graders/run`` -> ``graders.run``), that word is not a
     plural, and the operationId does not go on from the segment's words to a CRUD verb
     (resource-first operationIds such as ``messagesList`` or ``admin-api-keys-list`` keep the
     segment a resource).  A ``POST`` to one singular word right after a parameter is an action
     whatever the operationId (``/videos/{id}/remix`` -> ``videos.remix``).  A ``GET``/``POST``
     action is named by the segment alone, others get the method first (``delete_cancel``).  A
     Google-style custom method (``/files/{id}:copy``) is an action too;
   * a trailing static segment that is not an action is a resource of its own
     (``/files/{id}/content`` ``GET`` -> ``files.content.retrieve``);
   * a collection-level child (a static segment right after another) is created through an
     operationId that joins two things with ``and`` (``createThreadAndRun`` on ``/threads/runs``)
     as an action on the parent named by the operationId's words without the parent's
     (``threads.create_and_run``): it is not the child collection's own ``create``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from ..naming import split_words

Words = tuple[str, ...]

_COLLECTION = {"POST": "create", "PUT": "update", "PATCH": "update", "DELETE": "delete"}
_ITEM = {"GET": "retrieve", "POST": "update", "PUT": "update", "PATCH": "update", "DELETE": "delete"}
_VERSION = re.compile(r"v?\d+(\.\d+)*([a-z]+\d*)?", re.IGNORECASE)
_TRUE = {"true", "1", "yes"}
_UPDATE_WORDS = frozenset({"update", "modify", "set", "replace"})
_PUT_WORDS = frozenset({"replace", "put"})
# What follows the resource in a resource-first operationId (``messagesList``, ``admin-api-keys-get``).
CRUD_VERBS = frozenset(
    ("list", "create", "get", "retrieve", "read", "fetch", "find", "update", "modify", "patch")
    + ("put", "replace", "set", "delete", "remove", "add", "new")
)


@dataclass(frozen=True, slots=True)
class CallPath:
    resource: tuple[Words, ...]
    name: Words


def _is_param(segment: str) -> bool:
    return "{" in segment


def is_plural(word: str) -> bool:
    """A naive English plural test: ``runs``, ``files``, ``batches`` (not ``status``, ``access``)."""
    return len(word) > 2 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    return word[:-1] if is_plural(word) else word


def _namespace(query: str) -> list[Words]:
    out: list[Words] = []
    for pair in query.split("&"):
        key, _, value = pair.partition("=")
        words = split_words(key) if value.lower() in _TRUE or not value else split_words(f"{key}_{value}")
        if words:
            out.append(words)
    return out


def _segments(path: str) -> list[str]:
    """Static and parameter segments, a Google-style ``:verb`` suffix split off as its own segment."""
    out: list[str] = []
    for s in path.split("/"):
        if not s:
            continue
        head, colon, verb = s.rpartition(":")
        if colon and head and verb and not _is_param(verb) and (_is_param(head) or "}" not in verb):
            out += [head, ":" + verb]
        else:
            out.append(s)
    return out


def _drop_prefix(segments: list[str]) -> list[str]:
    """Leave out the leading ``api`` and version segments (``/api/v2``, ``/2.0``, ``/api/0``)."""
    n = 0
    while n < len(segments) and (segments[n].lower() == "api" or _VERSION.fullmatch(segments[n])):
        n += 1
    kept = segments[n:]
    return kept if any(not _is_param(s) for s in kept) else segments


def _verb(op_id: str | None, verbs: frozenset[str]) -> bool:
    """Whether the operationId starts with one of ``verbs`` (``Updateorganizationspendlimit`` too)."""
    words = split_words(op_id or "")
    if len(words) == 1:
        return any(words[0].startswith(v) and len(words[0]) > len(v) for v in verbs)
    return bool(words) and words[0] in verbs


def _starts_with(op_id: str, segment: Words) -> bool:
    """``cancelRun`` starts with ``cancel``; ``adminApiKeysList`` names ``admin_api_keys``, then a verb."""
    words = split_words(op_id)
    if len(words) == 1:
        return words[0].startswith(segment[0])
    n = len(segment)
    if words[:n] == segment and len(words) > n and words[n] in CRUD_VERBS:
        return False
    return bool(words) and words[0] == segment[0]


def _is_action(method: str, segment: str, op_id: str | None, after_item: bool) -> bool:
    if segment.startswith(":"):
        return True
    words = split_words(segment)
    if not words or is_plural(words[0]):
        return False
    if method == "POST" and after_item and len(words) == 1:
        return True
    return method != "GET" and op_id is not None and _starts_with(op_id, words)


def _and_action(op_id: str | None, parent: Words) -> Words | None:
    """``createThreadAndRun`` under ``threads`` -> ``create_and_run``, else None."""
    words = split_words(op_id or "")
    if "and" not in words[1:-1]:
        return None
    drop = set(parent) | {singular(w) for w in parent}
    rest = tuple(w for w in words if w not in drop)
    return rest if len(rest) < len(words) and rest.count("and") == 1 else None


# What a success response body looks like, for naming ``GET``s: ``list`` (an array, paged, or an
# envelope without an ``id`` around a ``data``-like array), ``array-field`` (another object with
# an array), ``object`` (JSON without arrays), ``other`` (bytes or text), ``none`` (no schema).
Body = Literal["list", "array-field", "object", "other", "none"]


def _get_name(item: bool, body: Body, op_id: str | None) -> str:
    if item:
        return "list" if body == "list" else "retrieve"
    if body == "other":
        return "retrieve"
    if body in ("object", "array-field") or (body == "none" and op_id):
        words = split_words(op_id or "")
        plural = bool(words) and (is_plural(words[-1]) or words[0] in ("list", "search"))
        return "list" if plural else "retrieve"
    return "list"


def path_call(method: str, path: str, op_id: str | None, body: Body = "list") -> CallPath:
    """Rules 2 and 3: the resource path and method name the path gives."""
    method = method.upper()
    path_part, _, query = path.partition("?")
    segments = _drop_prefix(_segments(path_part))
    nodes: list[Words] = _namespace(query)
    ns = tuple(w for n in nodes for w in n)
    if op_id is not None and ns and split_words(op_id)[: len(ns)] == ns:
        op_id = "_".join(split_words(op_id)[len(ns) :]) or None  # beta_cancelResponse: cancelResponse
    statics = [i for i, s in enumerate(segments) if not _is_param(s)]
    for i in statics:
        words = split_words(segments[i].lstrip(":"))
        nodes.append(words or (segments[i],))
    if not statics:
        return CallPath(tuple(nodes) or (("root",),), (_ITEM.get(method, method.lower()),))
    last = segments[-1]
    item = _is_param(last)
    action = (
        not item
        and (len(statics) > 1 or (last.startswith(":") and len(segments) > 1))
        and _is_action(method, last, op_id, _is_param(segments[-2]))
    )
    if method == "PUT" and not action and _verb(op_id, _PUT_WORDS):
        return CallPath(tuple(nodes), ("replace",))
    if item:
        verb = _get_name(True, body, op_id) if method == "GET" else _ITEM.get(method, method.lower())
        return CallPath(tuple(nodes), (verb,))
    if action:
        words = nodes.pop()
        name = words if method in ("GET", "POST") else split_words(method.lower()) + words
        return CallPath(tuple(nodes) or (("root",),), name)
    if method == "POST" and len(statics) > 1 and not _is_param(segments[-2]):
        and_name = _and_action(op_id, nodes[-2])
        if and_name:
            return CallPath(tuple(nodes[:-1]), and_name)
    if method == "GET":
        verb = _get_name(False, body, op_id)
    elif method == "POST" and _verb(op_id, _UPDATE_WORDS):
        verb = "update"
    else:
        verb = _COLLECTION.get(method, method.lower())
    return CallPath(tuple(nodes), (verb,))


def declared_call(op: dict[str, Any], derived: CallPath) -> CallPath:
    """Rule 1: ``x-oasgen`` ``group`` (a dotted resource path) and ``name`` override the path's."""
    ext = op.get("x-oasgen")
    if not isinstance(ext, dict):
        return derived
    resource, name = derived.resource, derived.name
    if isinstance(ext.get("group"), str):
        parts = tuple(split_words(p) for p in ext["group"].split("."))
        if all(parts):
            resource = parts
    if isinstance(ext.get("name"), str) and split_words(ext["name"]):
        name = split_words(ext["name"])
    return CallPath(resource, name)


def operation_call(method: str, path: str, op: dict[str, Any], body: Body = "list") -> CallPath:
    op_id = op.get("operationId") if isinstance(op.get("operationId"), str) else None
    return declared_call(op, path_call(method, path, op_id, body))
