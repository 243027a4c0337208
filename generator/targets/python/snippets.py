"""The Python SDK's call syntax for an operation: what the docs show, built from the SDK's own views.

Everything here comes from :class:`~generator.targets.python.views.Builder`, so a docs example can
never drift from the generated client: the resource attribute, the method name, positional path
arguments and the keyword names of query, header and body fields are the SDK's own.

The per-language snippet interface the docs target uses (``PythonSnippets``) is:

* ``call(op)``: the call as a person skims it, e.g. ``client.sessions.cancel(session_id)``;
* ``snippet(op, body, path_params, query)``: a complete program that runs as-is;
* ``error_class(status)``: the exception the SDK raises for a response status.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ...format import format_python
from ...ir.model import Api, ModelRef, Operation
from . import options_of
from .names import BUILTINS, py_ident
from .types import py_literal
from .views import Builder, MethodView

# Status -> the exception class the generated client raises (its runtime's ``_BY_STATUS`` table).
ERROR_CLASSES: tuple[tuple[int, str], ...] = (
    (400, "BadRequestError"),
    (401, "AuthenticationError"),
    (403, "PermissionDeniedError"),
    (404, "NotFoundError"),
    (409, "ConflictError"),
    (422, "UnprocessableEntityError"),
    (429, "RateLimitError"),
)
SERVER_ERROR_CLASS = "InternalServerError"  # any status >= 500
FALLBACK_ERROR_CLASS = "APIStatusError"  # every other status, "4XX" and "default"


def error_class(status: str) -> str:
    """The exception class for an OpenAPI response key: ``"404"``, ``"5XX"``, ``"default"``."""
    if status.isdigit():
        code = int(status)
        by_status = dict(ERROR_CLASSES)
        if code in by_status:
            return by_status[code]
        return SERVER_ERROR_CLASS if code >= 500 else FALLBACK_ERROR_CLASS
    return SERVER_ERROR_CLASS if status.upper() == "5XX" else FALLBACK_ERROR_CLASS


@dataclass(frozen=True)
class _Method:
    resource: str  # its path from the client, e.g. "sessions" or "threads.messages"
    view: MethodView
    result: str  # variable the snippet assigns the result to


class PythonSnippets:
    """Python call syntax for every operation of ``api``, under the SDK options ``options``."""

    label = "Python"
    fence = "python"

    def __init__(self, api: Api, options: Mapping[str, Any]) -> None:
        self.package, self.client, _version = options_of(dict(options))
        builder = Builder(api, self.package, self.client)
        package = builder.build("0")
        self.api_key_env = package.api_key_env
        self.scheme_envs = package.auth.scheme_envs
        self._envs = [a.env for a in package.auth.args] + [package.base_url_env]
        self.base_url_env = package.base_url_env
        self.default_base_url = package.default_base_url
        models = {m.id: m for m in api.models}
        self._models = models
        operations = {op.id: op for op in api.operations}
        self._methods: dict[str, _Method] = {}
        for resource in package.resources:
            for view in resource.methods:
                if view.extra_stream:
                    continue
                op = operations[view.operation_id]
                ok = op.success
                result = "result"
                if ok is not None and isinstance(ok.type, ModelRef) and ok.type.id in models:
                    result = py_ident(tuple(w.lower() for w in models[ok.type.id].name))
                if result in BUILTINS | {"client", self.package}:
                    result = "result"
                self._methods[op.id] = _Method(resource.access, view, result)

    def setup(self) -> str:
        """Creating a client (what every snippet starts with)."""
        return "\n".join(self._head()) + "\n"

    def _head(self) -> list[str]:
        return [
            f"from {self.package} import {self.client}",
            "",
            f"client = {self.client}()  # reads {' and '.join(self._envs)}",
        ]

    def error_class(self, status: str) -> str:
        return f"{self.package}.{error_class(status)}"

    def call(self, op: Operation) -> str:
        m = self._methods[op.id]
        args = [p.arg for p in m.view.positional]
        args += [f"{p.arg}=..." for p in m.view.keyword if p.default is None]
        if any(p.default is not None for p in m.view.keyword):
            args.append("...")
        return f"client.{m.resource}.{m.view.name}({', '.join(args)})"

    def iterate(self, op: Operation) -> str:
        """A loop over every item of every page (the page object fetches the next one as it goes)."""
        m = self._methods[op.id]
        args = [p.arg for p in m.view.positional]
        args += [f"{p.arg}=..." for p in m.view.keyword if p.default is None]
        call = f"client.{m.resource}.{m.view.name}({', '.join(args)})"
        item = _item_name(op, self._models, {"client", "page", self.package})
        return (
            f"for {item} in {call}:  # fetches the next page as it goes\n"
            f"    print({item})\n"
            "\n"
            f"page = {call}  # one page: .data, has_next_page(), next_page()\n"
            f"# async: async for {item} in await async_client.{m.resource}.{m.view.name}(...)\n"
        )

    def snippet(
        self,
        op: Operation,
        body: object | None,
        path_params: Mapping[str, object],
        query: Mapping[str, object] | None = None,
    ) -> str:
        """A runnable program: key and base URL from the environment, the call, the result printed."""
        m = self._methods[op.id]
        args = [py_literal(path_params[p.wire]) for p in m.view.positional]
        given = dict(query or {})
        for p in m.view.keyword:
            if p.location in ("query", "header") and p.wire in given:
                args.append(f"{p.arg}={py_literal(given[p.wire])}")
        if body is not None and m.view.body_kind == "whole":
            args.append(f"body={py_literal(body)}")
        elif isinstance(body, Mapping):
            for p in m.view.body_fields:
                if p.wire in body:
                    args.append(f"{p.arg}={py_literal(body[p.wire])}")
        call = f"client.{m.resource}.{m.view.name}({', '.join(args)})"
        lines = self._head()
        if m.view.returns == "None":
            lines.append(call)
        else:
            lines += [f"{m.result} = {call}", f"print({m.result})"]
        return format_python("\n".join(lines) + "\n", f"snippet for {op.id}")


def snippet(
    api: Api,
    operation: Operation,
    example_request_body: dict[str, Any] | None,
    path_params: dict[str, Any],
    options: Mapping[str, Any],
) -> str:
    """One runnable Python example of ``operation`` (see :class:`PythonSnippets` to make many)."""
    return PythonSnippets(api, options).snippet(operation, example_request_body, path_params)


def _item_name(op: Operation, models: Mapping[str, Any], taken: set[str]) -> str:
    """``message`` for a page of ``Message`` items; ``item`` otherwise."""
    p = op.pagination
    if p is not None and isinstance(p.item_type, ModelRef) and p.item_type.id in models:
        name = py_ident(tuple(w.lower() for w in models[p.item_type.id].name))
        if name not in taken:
            return name
    return "item"
