"""Field trees: a model's fields, nested down to leaf fields, as rows of a Markdown list.

Each row is one list item; its ``body`` (description and facts) is already indented for
Python-Markdown, which nests list content by 4 spaces.  A model is expanded once per page (later
fields of that type link to it and say so), which also ends recursive schemas; trees stop at
``MAX_DEPTH``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ...ir.model import ArrayType, Field, MapType, Model, ModelRef, Nullable, Type, UnionType, thaw
from .markdown import code, indent, prose
from .types import TypeWriter, constraint_facts, literal
from .usage import refs

MAX_DEPTH = 8
_STEP = "    "


@dataclass(frozen=True)
class Row:
    indent: str  # before "- "
    head: str  # "`name`: type (required)"
    body: str  # indented paragraphs; '' for none


def field_flags(f: Field) -> str:
    flags = ["required" if f.required else "optional"]
    if f.nullable:
        flags.append("nullable")
    if f.deprecated:
        flags.append("deprecated")
    if f.read_only:
        flags.append("read-only")
    if f.write_only:
        flags.append("write-only")
    if f.secret:
        flags.append("secret")
    return ", ".join(flags)


def facts_text(t: Type, default: object | None, has_default: bool, examples: tuple[object, ...]) -> str:
    facts = []
    if has_default:
        facts.append(f"Default: {literal(default)}.")
    constraints = constraint_facts(t)
    if constraints:
        facts.append("Constraints: " + ", ".join(constraints) + ".")
    if examples:
        facts.append(f"Example: {code(json.dumps(thaw(examples[0]), ensure_ascii=False))}.")
    return " ".join(facts)


class TreeBuilder:
    """Rows of one page: ``expanded`` remembers the models whose fields the page already lists."""

    def __init__(self, writer: TypeWriter) -> None:
        self.writer = writer
        self.expanded: set[str] = set()

    def model_rows(self, model: Model, depth: int = 0, path: tuple[str, ...] = ()) -> list[Row]:
        rows: list[Row] = []
        for f in model.fields:
            rows.extend(self.field_rows(f, depth, path + (model.id,)))
        if model.additional is not None:
            rows.append(
                Row(
                    _STEP * depth,
                    f"other keys: {self.writer.text(model.additional)}",
                    indent("Properties not listed above.", _STEP * (depth + 1)),
                )
            )
            rows.extend(self.children(model.additional, depth + 1, path + (model.id,)))
        return rows

    def field_rows(self, f: Field, depth: int, path: tuple[str, ...]) -> list[Row]:
        head = f"{code(f.name)}: {self.writer.text(f.type)} ({field_flags(f)})"
        default = f.default.value if f.default is not None else None
        paragraphs = [
            prose(f.description),
            facts_text(f.type, default, f.default is not None, f.examples),
        ]
        named = [r for r in refs(f.type) if _object_model(self.writer, ModelRef(r)) is not None]
        seen = [r for r in named if r in self.expanded or r in path]
        children = self.children(f.type, depth + 1, path)
        if seen and not children:
            links = ", ".join(self.writer.model_link(r) for r in seen)
            paragraphs.append(f"The fields of {links} are listed on its page and above.")
        body = "\n\n".join(indent(p, _STEP * (depth + 1)) for p in paragraphs if p)
        return [Row(_STEP * depth, head, body)] + children

    def children(self, t: Type, depth: int, path: tuple[str, ...]) -> list[Row]:
        """The rows nested under a field of type ``t`` (fields of the model(s) it holds)."""
        if depth > MAX_DEPTH:
            return []
        if isinstance(t, Nullable):
            return self.children(t.inner, depth, path)
        if isinstance(t, ArrayType):
            return self.children(t.items, depth, path)
        if isinstance(t, MapType):
            return self.children(t.values, depth, path)
        if isinstance(t, UnionType):
            rows: list[Row] = []
            for v in t.variants:
                if _object_model(self.writer, v) is not None:
                    assert isinstance(v, ModelRef)
                    rows.append(Row(_STEP * depth, "variant " + self.writer.model_link(v.id), ""))
                    rows.extend(self.children(v, depth + 1, path))
            return rows
        if isinstance(t, ModelRef):
            model = self.writer.models.get(t.id)
            if model is None or t.id in path:
                return []
            if model.kind == "object":
                if t.id in self.expanded:
                    return []
                self.expanded.add(t.id)
                return self.model_rows(model, depth, path)
            if model.kind == "alias" and model.type is not None:
                return self.children(model.type, depth, path + (model.id,))
        return []


def _object_model(writer: TypeWriter, t: Type) -> Model | None:
    if isinstance(t, ModelRef):
        m = writer.models.get(t.id)
        return m if m is not None and m.kind == "object" else None
    return None
