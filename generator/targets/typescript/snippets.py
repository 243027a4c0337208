"""The TypeScript SDK's call syntax for an operation: what the docs show, built from the target's
own client views, so an example cannot drift from the generated client.

* ``call(op)``: ``client.sessions.cancel(sessionId)``;
* ``snippet(op, body, path_params, query)``: a complete ES module (top-level await) that runs as is;
* ``error_class(status)``: the error class the client throws for a status.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ...ir.model import Api, Operation
from .client import ClientBuilder, MethodView
from .names import model_names, prop_key
from .package import options_of, package_view

ERROR_CLASSES = {
    400: "BadRequestError",
    401: "AuthenticationError",
    403: "PermissionDeniedError",
    404: "NotFoundError",
    409: "ConflictError",
    422: "UnprocessableEntityError",
    429: "RateLimitError",
}


def error_class(status: str) -> str:
    if status.isdigit():
        code = int(status)
        return ERROR_CLASSES.get(code, "InternalServerError" if code >= 500 else "APIStatusError")
    return "InternalServerError" if status.upper() == "5XX" else "APIStatusError"


def literal(value: object, indent: int = 0) -> str:
    """A JSON value as a JavaScript literal (object keys bare where they are identifiers)."""
    pad = "  " * (indent + 1)
    if isinstance(value, dict) and value:
        items = [f"{pad}{prop_key(str(k))}: {literal(v, indent + 1)}," for k, v in value.items()]
        return "{\n" + "\n".join(items) + "\n" + "  " * indent + "}"
    if isinstance(value, list) and value:
        return "[" + ", ".join(literal(v, indent) for v in value) + "]"
    return json.dumps(value, ensure_ascii=True)


class TypeScriptSnippets:
    label = "TypeScript"
    fence = "typescript"

    def __init__(self, api: Api, options: Mapping[str, Any]) -> None:
        opts = options_of(dict(options))
        self.package, self.client = opts.package, opts.client
        pkg = package_view(api, opts)
        names = model_names(api, opts.client)
        builder = ClientBuilder(api, names, set(names.values()) | {opts.client, opts.client + "Options"})
        builder.build()
        self._methods: dict[str, tuple[str, MethodView]] = builder.access
        self.api_key_env = pkg.api_key_env
        self.base_url_env = pkg.raw_base_url_env
        self.default_base_url = pkg.raw_base_url
        self.scheme_envs: dict[str, tuple[str, ...]] = {}
        for c in pkg.credentials:
            self.scheme_envs[c.scheme] = self.scheme_envs.get(c.scheme, ()) + (c.env,)
        self._envs = [c.env for c in pkg.credentials] + [pkg.raw_base_url_env]

    def _head(self) -> list[str]:
        return [
            f"import {{ {self.client} }} from {json.dumps(self.package)};",
            "",
            f"const client = new {self.client}(); // reads {' and '.join(self._envs)}",
        ]

    def setup(self) -> str:
        return "\n".join(self._head()) + "\n"

    def error_class(self, status: str) -> str:
        return error_class(status)

    def _args(self, m: MethodView, dots: bool) -> list[str]:
        args = [a for a, _w in m.path_args]
        if m.body:
            args.append("{ ... }" if dots else "body")
        if m.params == "required":
            args.append("{ ... }" if dots else "params")
        return args

    def call(self, op: Operation) -> str:
        access, m = self._methods[op.id]
        return f"{access}.{m.name}({', '.join(self._args(m, True))})"

    def iterate(self, op: Operation) -> str:
        access, m = self._methods[op.id]
        call = f"{access}.{m.name}({', '.join(self._args(m, True))})"
        return (
            f"for await (const item of {call}) {{\n"
            "  console.log(item); // fetches the next page as it goes\n"
            "}\n"
            "\n"
            f"const page = await {call}; // one page: .items, hasNextPage(), nextPage()\n"
        )

    def snippet(
        self,
        op: Operation,
        body: object | None,
        path_params: Mapping[str, object],
        query: Mapping[str, object] | None = None,
    ) -> str:
        access, m = self._methods[op.id]
        args = [literal(str(path_params.get(wire, wire))) for _a, wire in m.path_args]
        if m.body:
            args.append(
                literal(body) if body is not None else ("undefined" if m.body == "optional" else "{}")
            )
        given = {k: v for k, v in (query or {}).items()}
        if m.params:
            args.append(literal(given) if given else "{}")
        call = f"{access}.{m.name}({', '.join(args)})"
        lines = self._head()
        if m.returns == "$.APIPromise<void>":
            lines += [f"await {call};", 'console.log("done");']
        elif m.kind == "stream":
            lines += [
                f"const stream = await {call};",
                "for await (const event of stream) {",
                "  console.log(event);",
                "}",
            ]
        else:
            lines += [f"const result = await {call};", "console.log(result);"]
        return "\n".join(lines) + "\n"
