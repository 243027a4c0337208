"""Which file each Go declaration goes in: files per resource of the IR tree, none too long.

* ``client.go``: the Client.  ``<resource>.go``: a resource's service (struct, params, methods),
  ``<resource>_test.go`` its tests.  The stem is the resource path's words, lower-case and joined
  (``threads.messages`` -> ``threadsmessages``), as openai-go names its files; it has no
  underscore, so no ``_linux``/``_test``-like suffix can give it a build constraint.
* ``<resource>_models.go`` (tests ``<resource>_models_test.go``): the types only that resource and
  its sub-resources use (the deepest resource all their users share); ``models.go``: the types
  several top-level resources share, or none.  An inline enum or union goes with the model or
  operation it was found in.
* A file that would pass ``BUDGET`` lines continues in ``<stem>_2.go``, ``<stem>_3.go``, ...
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ...ir.model import Api, Model, Operation
from ..docs.usage import model_refs
from ..docs.usage import refs as type_refs
from .types import Origin
from .viewmodels import AliasView, EnumView, MethodView, ModelView, ServiceView, UnionView

BUDGET = 4000  # lines of one file before gofmt (which keeps the line count); the limit is 5,000
SHARED = ""  # the home of shared types
Path = tuple[tuple[str, ...], ...]


@dataclass
class TypesFile:
    name: str  # file stem: sessions_models, models_2
    package: str
    enums: list[EnumView] = field(default_factory=list)
    models: list[ModelView] = field(default_factory=list)
    unions: list[UnionView] = field(default_factory=list)
    aliases: list[AliasView] = field(default_factory=list)
    imports: list[str] = field(default_factory=list)
    body: str = ""


@dataclass
class ServicePart:
    service: ServiceView
    head: bool  # the service's struct and constructor come first
    methods: list[MethodView]


@dataclass
class ServicesFile:
    name: str  # file stem: threadsmessages, threadsmessages_2
    package: str
    parts: list[ServicePart] = field(default_factory=list)
    imports: list[str] = field(default_factory=list)
    body: str = ""

    @property
    def methods(self) -> list[MethodView]:
        return [m for p in self.parts for m in p.methods]


def resource_stem(group: str) -> str:
    """``threads.messages`` -> ``threadsmessages``."""
    return re.sub(r"[^a-z0-9]", "", group.lower()) or "api"


class Stems:
    """File stems, one per resource group, never one the runtime or another resource has."""

    def __init__(self, reserved: Iterable[str]) -> None:
        self.taken = set(reserved) | {"client", "config", "models", "fuzz"}
        self.by_group: dict[str, str] = {}

    def of(self, group: str) -> str:
        if group not in self.by_group:
            base = stem = resource_stem(group)
            n = 1
            while stem in self.taken:
                n += 1
                stem = f"{base}{n}"
            self.taken.add(stem)
            self.by_group[group] = stem
        return self.by_group[group]


def group_of(path: Path) -> str:
    """The dotted resource path, as ServiceView.group spells it."""
    return ".".join("_".join(part) for part in path)


def _common(paths: Iterable[Path]) -> Path:
    found: Path | None = None
    for p in paths:
        if found is None:
            found = p
            continue
        n = 0
        while n < min(len(found), len(p)) and found[n] == p[n]:
            n += 1
        found = found[:n]
    return found or ()


def _op_refs(op: Operation) -> list[str]:
    start = [r for p in op.params for r in type_refs(p.type)]
    if op.body is not None:
        start += type_refs(op.body.type)
    for r in op.responses:
        start += type_refs(r.type) + [x for a in r.alternatives for x in type_refs(a.type)]
    return start


def model_closure(start: list[str], models: dict[str, Model]) -> set[str]:
    """The models start names and every model they reach."""
    seen: set[str] = set()
    todo = list(start)
    while todo:
        mid = todo.pop()
        if mid not in seen and mid in models:
            seen.add(mid)
            todo.extend(model_refs(models[mid]))
    return seen


def model_homes(api: Api) -> dict[str, str]:
    """model id -> the group of the deepest resource all operations that reach it share (SHARED
    when they share none, or none reaches it)."""
    models = {m.id: m for m in api.models}
    users: dict[str, set[Path]] = {}
    for op in api.operations:
        for mid in model_closure(_op_refs(op), models):
            users.setdefault(mid, set()).add(op.resource)
    return {m.id: group_of(_common(sorted(users[m.id]))) if m.id in users else SHARED for m in api.models}


def origin_home(origin: Origin, homes: dict[str, str], ops: dict[str, Operation]) -> str:
    if origin is None:
        return SHARED
    kind, key = origin
    if kind == "op":
        return group_of(ops[key].resource) if key in ops else SHARED
    return homes.get(key, SHARED)


def pack(sizes: Sequence[int], budget: int = BUDGET) -> list[list[int]]:
    """Indexes of consecutive items, grouped so that each group's sizes add up to at most budget
    (an item bigger than budget is a group of its own)."""
    groups: list[list[int]] = []
    total = 0
    for i, n in enumerate(sizes):
        if not groups or total + n > budget:
            groups.append([])
            total = 0
        groups[-1].append(i)
        total += n
    return groups


def chunk_names(stem: str, count: int) -> list[str]:
    return [stem] + [f"{stem}_{n}" for n in range(2, count + 1)]


def types_imports(f: TypesFile) -> list[str]:
    texts = [fv.go for m in f.models for fv in m.fields] + [a.go for a in f.aliases]
    texts += [v.go for u in f.unions for v in u.accessors] + [c.go for u in f.unions for c in u.ctors]
    out = []
    if f.models or any("json." in t for t in texts):
        out.append("encoding/json")
    if any("strconv." in c.convert for u in f.unions for c in u.ctors):
        out.append("strconv")
    return out


def services_imports(f: ServicesFile) -> list[str]:
    methods = f.methods
    if not methods:
        return []
    out = ["context"]
    texts = [x for m in methods for x in [m.out_go, m.body_go] + [a.go for a in m.args] + m.path_params]
    texts += [pf.go for m in methods if m.params for pf in m.params.fields]
    texts += [s.call for m in methods for s in m.sends] + [v for m in methods for _, v in m.body_consts]
    # a JSON body value is marshalled, a value response decoded from a json.RawMessage
    raw_json = any(m.body_kind == "value" and not m.content_type for m in methods)
    raw_json = raw_json or any(m.returns == "value" and not m.page for m in methods)
    if raw_json or any("json." in t for t in texts) or any(m.params and m.params.extra for m in methods):
        out.append("encoding/json")
    if any(m.page for m in methods):
        out.append("iter")
    out.append("net/http")
    return out


def lines(text: str) -> int:
    return text.count("\n")
