"""View models: everything the docs templates print, as ready Markdown, so templates only loop."""

from __future__ import annotations

import json
from dataclasses import dataclass

from ...ir.model import Api, EnumType, Model, Nullable, Operation, Param, Response, thaw
from ..contract import Snippets
from .curl import Env, curl
from .examples import request_examples, response_example
from .markdown import cell, code, fence, indent, plain, prose
from .names import Pages, call_label, link
from .paging import paging_text
from .tree import Row, TreeBuilder, facts_text
from .types import TypeWriter, literal
from .usage import Usage

_PARAM_SECTIONS = (
    ("path", "Path parameters"),
    ("query", "Query parameters"),
    ("header", "Header parameters"),
    ("cookie", "Cookie parameters"),
)


@dataclass(frozen=True)
class Section:
    title: str
    intro: str  # Markdown paragraph(s); may be ''
    rows: list[Row]


@dataclass(frozen=True)
class Code:
    label: str  # "curl", "Python"
    block: str  # a fenced block


@dataclass(frozen=True)
class Example:
    title: str
    blocks: list[Code]


@dataclass(frozen=True)
class ErrorRow:
    status: str
    description: str  # a table cell
    classes: list[str]  # one code span per language


@dataclass(frozen=True)
class OperationPage:
    path: str
    title: str
    endpoint: str  # `POST /path`
    description: str
    deprecated: bool
    calls: list[Code]
    sections: list[Section]  # parameters, request body, returns
    paging: str  # how the list pages ('' when it does not)
    iterate: list[Code]  # per SDK: a fenced loop over every item
    languages: list[str]
    errors: list[ErrorRow]
    examples: list[Example]
    responses: list[Example]


@dataclass(frozen=True)
class ModelPage:
    path: str
    title: str
    kind: str  # "An object", "An enum", "A type alias"
    description: str
    type: str  # for enums and aliases; '' for objects
    values: list[str]  # enum values as code spans
    rows: list[Row]
    example: str  # a fenced block or ''
    used_by_operations: list[str]  # Markdown list items
    used_by_models: list[str]


class PageBuilder:
    def __init__(self, api: Api, pages: Pages, usage: Usage, langs: list[Snippets], env: Env) -> None:
        self.api = api
        self.pages = pages
        self.usage = usage
        self.langs = langs
        self.env = env
        self.models = {m.id: m for m in api.models}
        self.ops = {op.id: op for op in api.operations}

    def writer(self, page: str) -> TypeWriter:
        return TypeWriter(
            self.models,
            lambda mid: link(page, self.pages.model_path(mid)),
            lambda mid: self.pages.models[mid],
        )

    def op_link(self, page: str, op: Operation) -> str:
        label = call_label(op)
        return f"[{code(label)}]({link(page, self.pages.operation_path(op.id))})"

    # -- operations ---------------------------------------------------------------------------------
    def operation(self, op: Operation) -> OperationPage:
        page = self.pages.operation_path(op.id)
        writer = self.writer(page)
        tree = TreeBuilder(writer)
        sections = []
        for where, title in _PARAM_SECTIONS:
            params = [p for p in op.params if p.location == where]
            if params:
                sections.append(Section(title, "", [self.param_row(p, writer, tree) for p in params]))
        if op.body is not None:
            body = op.body
            intro = [
                f"{code(body.content_type)}, {'required' if body.required else 'optional'}: "
                + writer.text(body.type),
                prose(body.description),
            ]
            rows = tree.children(body.type, 0, ())
            sections.append(Section("Request body", "\n\n".join(p for p in intro if p), rows))
        ok = op.success
        if ok is not None:
            what = writer.text(ok.type) if ok.type is not None else "no content"
            intro = [f"{code(ok.status)}: {what}", prose(ok.description)]
            rows = tree.children(ok.type, 0, ()) if ok.type is not None else []
            sections.append(Section("Returns", "\n\n".join(p for p in intro if p), rows))
        return OperationPage(
            path=page,
            title=plain(op.summary or op.id),
            endpoint=code(f"{op.method} {op.path}"),
            description=prose(op.description if op.description != op.summary else None),
            deprecated=op.deprecated,
            calls=[Code(lang.label, code(lang.call(op))) for lang in self.langs],
            sections=sections,
            paging=paging_text(op.pagination) if op.pagination else "",
            iterate=(
                [Code(lang.label, fence(lang.iterate(op), lang.fence)) for lang in self.langs]
                if op.pagination
                else []
            ),
            languages=[lang.label for lang in self.langs],
            errors=[
                ErrorRow(
                    code(e.status),
                    cell(e.description),
                    [code(lang.error_class(e.status)) for lang in self.langs],
                )
                for e in op.errors
            ],
            examples=self.examples(op),
            responses=[x for r in op.responses if (x := self.response(r)) is not None],
        )

    def param_row(self, p: Param, writer: TypeWriter, tree: TreeBuilder) -> Row:
        flags = "required" if p.required else "optional"
        flags += ", deprecated" if p.deprecated else ""
        head = f"{code(p.name)}: {writer.text(p.type)} ({flags})"
        default = p.default.value if p.default is not None else None
        paragraphs = [prose(p.description)]
        if p.const is not None:
            paragraphs.append(f"Always {literal(p.const.value)}; the SDKs send it for you.")
        examples = p.examples if p.const is None else ()
        paragraphs.append(facts_text(p.type, default, p.default is not None, examples))
        body = "\n\n".join(indent(x, "    ") for x in paragraphs if x)
        return Row("", head, body)

    def examples(self, op: Operation) -> list[Example]:
        out = []
        for ex in request_examples(op, self.models):
            blocks = [Code("curl", fence(curl(self.api, op, ex, self.env), "bash"))]
            for lang in self.langs:
                blocks.append(
                    Code(lang.label, fence(lang.snippet(op, ex.body, ex.path, ex.query), lang.fence))
                )
            out.append(Example("Request" + (f": {plain(ex.name)}" if ex.name else ""), blocks))
        return out

    def response(self, r: Response) -> Example | None:
        found = response_example(r, self.models)
        if found is None or r.encoding != "json":
            return None
        name, value = found
        block = fence(json.dumps(value, indent=2, ensure_ascii=False), "json")
        return Example(f"Response {code(r.status)}: {plain(name)}", [Code("json", block)])

    # -- models -------------------------------------------------------------------------------------
    def model_rows(self, m: Model, tree: TreeBuilder) -> list[Row]:
        tree.expanded.add(m.id)
        if m.kind == "object":
            return tree.model_rows(m)
        return tree.children(m.type, 0, (m.id,)) if m.type is not None else []

    def model(self, m: Model) -> ModelPage:
        page = self.pages.model_path(m.id)
        writer = self.writer(page)
        enum = m.type.inner if isinstance(m.type, Nullable) else m.type
        values: list[str] = []  # an enum's values, with their descriptions
        if isinstance(enum, EnumType):
            for i, v in enumerate(enum.values):
                desc = cell(enum.description_of(i))
                values.append(literal(v) + (f": {desc}" if desc else ""))
            values += ["`null`"] if isinstance(m.type, Nullable) else []
        example = ""
        if m.examples:
            example = fence(json.dumps(thaw(m.examples[0]), indent=2, ensure_ascii=False), "json")
        used_ops = []
        for op_id, roles in self.usage.operations.get(m.id, []):
            op = self.ops[op_id]
            used_ops.append(f"{self.op_link(page, op)} ({', '.join(roles)})")
        return ModelPage(
            path=page,
            title=plain(self.pages.models[m.id]),
            kind={"object": "An object", "enum": "An enum", "alias": "A type alias"}[m.kind],
            description=prose(m.description),
            type=writer.text(m.type, depth=2) if m.type is not None and not values else "",
            values=values,
            rows=self.model_rows(m, TreeBuilder(writer)),
            example=example,
            used_by_operations=used_ops,
            used_by_models=[
                f"[{code(self.pages.models[mid])}]({link(page, self.pages.model_path(mid))})"
                for mid in self.usage.models.get(m.id, [])
            ],
        )
