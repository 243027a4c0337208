"""The index page's view: the API at a glance (servers, auth, required headers, operations, models)."""

from __future__ import annotations

from dataclasses import dataclass

from ...ir.model import Api, AuthScheme, Operation, Resource
from ..contract import Snippets
from .curl import Env
from .markdown import cell, code, fence, plain, prose
from .names import Pages, call_label, resource_label
from .types import literal

PAGE = "index.md"


@dataclass(frozen=True)
class HeaderRow:
    name: str
    value: str
    scope: str
    description: str


@dataclass(frozen=True)
class OperationRow:
    link: str
    method: str
    path: str
    calls: list[str]
    summary: str


@dataclass(frozen=True)
class ModelRow:
    link: str
    kind: str
    description: str


@dataclass(frozen=True)
class Setup:
    label: str
    block: str


@dataclass
class ResourceSection:
    """The operations of one resource of the tree (``threads.messages``), one table each."""

    title: str
    operations: list[OperationRow]


@dataclass(frozen=True)
class IndexPage:
    title: str
    version: str
    description: str
    base_url: str
    base_url_env: str
    servers: list[str]  # Markdown list items
    auth: list[str]  # Markdown paragraphs, one per scheme
    headers: list[HeaderRow]
    setups: list[Setup]
    languages: list[str]
    resources: list[ResourceSection]
    models: list[ModelRow]


def _auth(s: AuthScheme, env: Env) -> str:
    keys = " and ".join(code("$" + e) for e in env.schemes.get(s.name, ()))
    if s.kind == "api-key":
        where = {"query": "query parameter", "cookie": "cookie"}.get(s.param_in or "header", "header")
        how = f"an API key in the {code(s.param_name or '')} {where}"
    elif s.kind == "basic":
        how = "HTTP basic authentication"
    elif s.kind == "http":
        how = f"HTTP {code(s.scheme or '')} authentication: {code(f'Authorization: {s.scheme} <credential>')}"
    elif s.kind == "mutual-tls":
        how = "mutual TLS: a client certificate, configured on your own HTTP client"
    else:
        kind = {"oauth2": "an OAuth2 access token", "openid": "an OpenID Connect access token"}.get(
            s.kind, "a bearer token"
        )
        how = f"{kind}: {code('Authorization: Bearer <token>')}"
    text = f"{code(s.name)}: {how}." + (f" The examples read it from {keys}." if keys else "")
    return "\n\n".join(x for x in (text, prose(s.description)) if x)


def index_page(api: Api, pages: Pages, langs: list[Snippets], env: Env) -> IndexPage:
    headers: dict[tuple[str, str], list[str]] = {}
    for op in api.operations:
        for p in op.params:
            if p.location == "header" and p.const is not None:
                value = p.const.value
                key = (p.name, code(value) if isinstance(value, str) else literal(value))
                headers.setdefault(key, [p.description or ""]).append(op.id)
    rows = []
    for (name, value), found in headers.items():
        description, op_ids = found[0], found[1:]
        scope = "every operation" if len(op_ids) == len(api.operations) else f"{len(op_ids)} operation(s)"
        rows.append(HeaderRow(code(name), value, scope, cell(description)))
    ops = {op.id: op for op in api.operations}

    def row(op: Operation) -> OperationRow:
        return OperationRow(
            f"[{code(call_label(op))}]({pages.operation_path(op.id)})",
            code(op.method),
            code(op.path),
            [code(lang.call(op)) for lang in langs],
            cell(op.summary or op.description),
        )

    return IndexPage(
        title=plain(api.info.title),
        version=code(api.info.version),
        description=prose(api.info.description),
        base_url=code(env.default_base_url),
        base_url_env=code(env.base_url),
        servers=[code(s.url) + (f": {cell(s.description)}" if s.description else "") for s in api.servers],
        auth=[_auth(s, env) for s in api.auth],
        headers=rows,
        setups=[Setup(lang.label, fence(lang.setup(), lang.fence)) for lang in langs],
        languages=[lang.label for lang in langs],
        resources=[
            ResourceSection(code(resource_label(r)), [row(ops[i]) for i in r.operations])
            for r in _walk(api.resources)
            if r.operations
        ],
        models=[
            ModelRow(
                f"[{code(pages.models[m.id])}]({pages.model_path(m.id)})",
                {"object": "object", "enum": "enum", "alias": "type alias"}[m.kind],
                cell(m.description),
            )
            for m in api.models
        ],
    )


def _walk(resources: tuple[Resource, ...]) -> list[Resource]:
    return [x for r in resources for x in [r, *_walk(r.children)]]
