"""The curl example of a request: bash that runs as-is with the SDK's documented environment variables."""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import quote

from ...ir.model import Api, AuthScheme, Operation, thaw
from .examples import RequestExample


@dataclass(frozen=True)
class Env:
    api_key: str  # e.g. CHATKIT_API_KEY
    base_url: str  # e.g. CHATKIT_BASE_URL
    default_base_url: str


def single_quoted(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def dq_escape(text: str) -> str:
    """Text for inside "...": nothing in it expands."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$").replace("`", "\\`")


def _query_text(value: object) -> str:
    v = thaw(value)
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return v
    return json.dumps(v, ensure_ascii=False, separators=(",", ":"))


def auth_schemes(api: Api, op: Operation) -> list[AuthScheme]:
    names = op.auth if op.auth is not None else api.default_auth
    return [s for s in api.auth if s.name in names]


def curl(api: Api, op: Operation, example: RequestExample, env: Env) -> str:
    path = op.path
    for name, value in example.path.items():
        path = path.replace("{" + name + "}", quote(_query_text(value), safe=""))
    query = [
        (p.name, example.query[p.name])
        for p in op.params
        if p.location == "query" and p.name in example.query
    ]
    schemes = auth_schemes(api, op)
    key_ref = "$" + env.api_key
    pairs = [f"{quote(k, safe='')}={quote(_query_text(v), safe='')}" for k, v in query]
    url = "${" + env.base_url + ":-" + dq_escape(env.default_base_url).replace("}", "\\}") + "}"
    url += dq_escape(path + ("?" + "&".join(pairs) if pairs else ""))
    for s in schemes:
        if s.kind == "api-key" and s.param_in == "query" and s.header:
            url += ("&" if pairs else "?") + dq_escape(quote(s.header, safe="") + "=") + key_ref
            pairs.append(s.header)
    url = f'"{url}"'
    lines = [f"curl -X {op.method} {url}"]
    for s in schemes:
        if s.kind == "basic":
            lines.append(f'-u "{key_ref}"')
        elif s.kind == "api-key" and s.param_in in (None, "header") and s.header:
            lines.append(f'-H "{dq_escape(s.header)}: {key_ref}"')
        elif s.kind != "api-key":
            lines.append(f'-H "Authorization: Bearer {key_ref}"')
    for p in op.params:
        if p.location != "header":
            continue
        if p.const is not None:
            lines.append("-H " + single_quoted(f"{p.name}: {_query_text(p.const.value)}"))
        elif p.name in example.query:
            lines.append("-H " + single_quoted(f"{p.name}: {_query_text(example.query[p.name])}"))
    if example.body is not None and op.body is not None:
        lines.append("-H " + single_quoted(f"Content-Type: {op.body.content_type}"))
        body = json.dumps(example.body, indent=2, ensure_ascii=False)
        lines.append("-d " + single_quoted(body))
    return " \\\n  ".join(lines)
