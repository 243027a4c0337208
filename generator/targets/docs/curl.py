"""The curl example of a request: bash that runs as-is with the SDK's documented environment variables."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import quote

from ...ir.model import Api, AuthScheme, Operation
from ..wire import cookie_pieces, header_text, path_text, query_pieces
from .examples import RequestExample


@dataclass(frozen=True)
class Env:
    api_key: str  # e.g. CHATKIT_API_KEY: the first credential's variable ("" without credentials)
    base_url: str  # e.g. CHATKIT_BASE_URL
    default_base_url: str
    schemes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # scheme -> its variables


def single_quoted(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def dq_escape(text: str) -> str:
    """Text for inside "...": nothing in it expands."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$").replace("`", "\\`")


def auth_schemes(api: Api, op: Operation) -> list[AuthScheme]:
    """The schemes of the first alternative that needs credentials (none when no call needs them)."""
    alternatives = [r for r in api.security_of(op) if r.schemes]
    names = alternatives[0].schemes if alternatives else ()
    return [s for s in api.auth if s.name in names]


def curl(api: Api, op: Operation, example: RequestExample, env: Env) -> str:
    path = op.path
    for p in op.params:
        if p.location == "path" and p.name in example.path:
            path = path.replace("{" + p.name + "}", path_text(p, example.path[p.name]))
    pairs = [
        piece
        for p in op.params
        if p.location == "query" and (p.name in example.query or p.const is not None)
        for piece in query_pieces(p, p.const.value if p.const is not None else example.query[p.name])
    ]
    cookies = [
        dq_escape(piece)
        for p in op.params
        if p.location == "cookie" and (p.name in example.query or p.const is not None)
        for piece in cookie_pieces(p, p.const.value if p.const is not None else example.query[p.name])
    ]
    schemes = auth_schemes(api, op)
    url = "${" + env.base_url + ":-" + dq_escape(env.default_base_url).replace("}", "\\}") + "}"
    url += dq_escape(path + ("?" + "&".join(pairs) if pairs else ""))
    lines: list[str] = []
    for s in schemes:
        refs = ["$" + e for e in env.schemes.get(s.name, ())]
        if not refs:
            continue
        if s.kind == "api-key" and s.param_in == "query" and s.param_name:
            url += ("&" if pairs else "?") + dq_escape(quote(s.param_name, safe="") + "=") + refs[0]
            pairs.append(s.param_name)
        elif s.kind == "api-key" and s.param_in == "cookie" and s.param_name:
            cookies.append(f"{dq_escape(s.param_name)}={refs[0]}")
        elif s.kind == "api-key" and s.param_name:
            lines.append(f'-H "{dq_escape(s.param_name)}: {refs[0]}"')
        elif s.kind == "basic":
            lines.append(f'-u "{":".join(refs)}"')
        elif s.kind == "http":
            lines.append(f'-H "Authorization: {dq_escape(s.scheme or "")} {refs[0]}"')
        else:
            lines.append(f'-H "Authorization: Bearer {refs[0]}"')
    lines.insert(0, f'curl -X {op.method} "{url}"')
    for p in op.params:
        if p.location != "header":
            continue
        value = p.const.value if p.const is not None else example.query.get(p.name)
        text = header_text(p, value) if p.const is not None or p.name in example.query else None
        if text is not None:
            lines.append("-H " + single_quoted(f"{p.name}: {text}"))
    if cookies:
        lines.append('-b "' + "; ".join(cookies) + '"')
    if example.body is not None and op.body is not None:
        lines.append("-H " + single_quoted(f"Content-Type: {op.body.content_type}"))
        body = json.dumps(example.body, indent=2, ensure_ascii=False)
        lines.append("-d " + single_quoted(body))
    return " \\\n  ".join(lines)
