"""Page names: one deterministic pass from IR ids to file names, and relative links between pages.

Models keep the spec's component name (``ChatSession``); other schemas join their words.
Operations are their call path's words (``threads-messages-list``, ``sessions-cancel``).  Names
are unique case-insensitively, so the site builds the same on case-insensitive file systems;
clashes are numbered in spec order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...ir.model import Api, Operation, Resource

_COMPONENT = "#/components/schemas/"
_SAFE_MODEL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def _unique(wanted: list[tuple[str, str]]) -> dict[str, str]:
    taken: set[str] = set()
    out: dict[str, str] = {}
    for key, name in wanted:
        candidate, n = name, 1
        while candidate.lower() in taken:
            n += 1
            candidate = f"{name}-{n}"
        taken.add(candidate.lower())
        out[key] = candidate
    return out


def _model_name(model_id: str, words: tuple[str, ...]) -> str:
    if model_id.startswith(_COMPONENT):
        name = model_id[len(_COMPONENT) :].replace("~1", "/").replace("~0", "~")
        if _SAFE_MODEL.match(name) and not name.endswith("."):
            return name
    joined = _UNSAFE.sub("", "".join(w[:1].upper() + w[1:] for w in words))
    return joined or "Model"


@dataclass(frozen=True)
class Pages:
    models: dict[str, str]  # model id -> page stem (also its display name)
    operations: dict[str, str]  # operation id -> page stem

    def model_path(self, model_id: str) -> str:
        return f"models/{self.models[model_id]}.md"

    def operation_path(self, op_id: str) -> str:
        return f"operations/{self.operations[op_id]}.md"


def page_names(api: Api) -> Pages:
    components = [m for m in api.models if m.id.startswith(_COMPONENT)]
    others = [m for m in api.models if not m.id.startswith(_COMPONENT)]
    models = _unique([(m.id, _model_name(m.id, m.name)) for m in components + others])
    ops = []
    for op in api.operations:
        words = [w for node in op.resource + (op.name,) for w in node]
        stem = "-".join(_UNSAFE.sub("-", w.lower()).strip("-") for w in words if w.strip())
        ops.append((op.id, stem or "operation"))
    return Pages(models, _unique(ops))


def resource_label(r: Resource) -> str:
    """``threads.messages``: a resource's place in the tree, as the SDKs spell it in snake case."""
    return ".".join("_".join(node) for node in r.path)


def call_label(op: Operation) -> str:
    """``threads.messages.list``: where an operation lives in the tree (resource path and method)."""
    return ".".join("_".join(node) for node in op.resource + (op.name,))


def link(from_path: str, to_path: str) -> str:
    """A relative link from one page to another (both relative to the docs folder)."""
    depth = from_path.count("/")
    return "../" * depth + to_path
