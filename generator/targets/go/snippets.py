"""The Go SDK's call syntax for an operation: what the docs show, built from the Go target's own views.

Everything comes from :class:`~generator.targets.go.views.Builder` (service fields, method names,
the params struct and its field names and Go types), so an example cannot drift from the
generated client.  The interface is the docs target's ``Snippets``:

* ``call(op)``: ``client.Sessions.Cancel(ctx, sessionID)``;
* ``snippet(op, body, path_params, query)``: a complete ``package main`` program;
* ``error_class(status)``: what a failed call returns (``*chatkit.Error`` with its StatusCode).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ...format import format_go
from ...ir.model import Api, ModelRef, Operation, Param
from . import options_of
from .docs import one_line
from .literals import Literals, NoLiteral
from .names import PREDECLARED
from .types import go_string
from .viewmodels import MethodView
from .views import Builder

# What a snippet names besides the SDK: its imports, locals, and Go's predeclared identifiers.
SNIPPET_NAMES = PREDECLARED | frozenset({"context", "json", "fmt", "log", "main", "client", "err", "result"})


class GoSnippets:
    """Go call syntax for every operation of ``api``, under the Go target's options ``options``."""

    label = "Go"
    fence = "go"

    def __init__(self, api: Api, options: Mapping[str, Any]) -> None:
        self.module, package, _version = options_of(dict(options))
        builder = Builder(api, package, self.module)
        # The name the snippets import the SDK as: its package name, unless that would shadow a
        # package, predeclared identifier or local the snippet itself uses.
        self.package = package if package not in SNIPPET_NAMES else package + "sdk"
        self.pkg = builder.build("0")
        self.api_key_env = self.pkg.api_key_env
        self.scheme_envs = self.pkg.auth.scheme_envs
        self._envs = [e.env for e in self.pkg.auth.envs] + [self.pkg.base_url_env]
        self.base_url_env = self.pkg.base_url_env
        self.default_base_url = self.pkg.default_base_url
        self.models = {m.id: m for m in api.models}
        self.unions = {u.name: [v.go for v in u.variants] for u in builder.types.unions.values()}
        self._methods: dict[str, tuple[str, MethodView]] = {
            m.op.id: (s.access, m) for s in self.pkg.services for m in s.methods
        }

    def _import(self) -> str:
        last = self.module.rsplit("/", 1)[-1]
        return f'"{self.module}"' if last == self.package else f'{self.package} "{self.module}"'

    def setup(self) -> str:
        """Creating a client (what every snippet starts with)."""
        return (
            f"import {self._import()}\n\n"
            f"// NewClient reads {' and '.join(self._envs)}.\n"
            f"client, err := {self.package}.NewClient()\n"
        )

    def error_class(self, status: str) -> str:
        err = f"*{self.package}.Error"
        return f"{err} (StatusCode {status})" if status.isdigit() else err

    def call(self, op: Operation) -> str:
        access, m = self._methods[op.id]
        args = ["ctx"] + [a.arg for a in m.args]
        if m.params is not None:
            args.append(f"{self.package}.{m.params.name}{{...}}")
        return f"client.{access}.{m.name}({', '.join(args)})"

    def iterate(self, op: Operation) -> str:
        """A range loop over ``<Method>AutoPaging``, which stops on the first error."""
        access, m = self._methods[op.id]
        args = ["ctx"] + [a.arg for a in m.args]
        if m.params is not None:
            args.append(f"{self.package}.{m.params.name}{{}}")
        call = f"client.{access}.{m.name}AutoPaging({', '.join(args)})"
        first = f"client.{access}.{m.name}({', '.join(args)})"
        return (
            f"for item, err := range {call} {{\n"
            "\tif err != nil {\n"
            "\t\treturn err // the first error ends the loop\n"
            "\t}\n"
            "\tfmt.Println(item)\n"
            "}\n"
            "\n"
            f"page, err := {first} // one page; page.NextPage(ctx) fetches the next\n"
        )

    def snippet(
        self,
        op: Operation,
        body: object | None,
        path_params: Mapping[str, object],
        query: Mapping[str, object] | None = None,
    ) -> str:
        """A runnable program: key and base URL from the environment, the call, the result's id printed."""
        field, m = self._methods[op.id]
        lits = Literals(self.pkg, self.models, self.unions, self.package)
        notes: list[str] = []
        args = ["context.Background()"]
        path = [p for p in op.params if p.location == "path" and p.const is None]
        for a, param in zip(m.args, path, strict=True):
            value = path_params.get(param.name, param.name)
            args.append(self._value(lits, param.type, a.go, value, notes, a.arg))
        if m.params is not None:
            args.append(self._params(lits, op, m, body, dict(query or {}), notes))
        call = f"client.{field}.{m.name}({', '.join(args)})"
        p = self.package
        imports = ['"context"'] + (['"encoding/json"'] if lits.uses_json else []) + ['"fmt"', '"log"']
        lines = (
            ["package main", "", "import ("]
            + [f"\t{i}" for i in imports]
            + ["", f"\t{self._import()}", ")", ""]
        )
        lines += ["func main() {", f"\t// NewClient reads {' and '.join(self._envs)}."]
        lines += [f"\tclient, err := {p}.NewClient()", "\tif err != nil {", "\t\tlog.Fatal(err)", "\t}"]
        lines += [f"\t// {one_line(n)}" for n in notes]  # a note quotes spec text (names, values)
        if m.returns == "none":
            lines += [
                f"\tif err := {call}; err != nil {{",
                "\t\tlog.Fatal(err)",
                "\t}",
                '\tfmt.Println("done")',
            ]
        else:
            lines += [f"\tresult, err := {call}", "\tif err != nil {", "\t\tlog.Fatal(err)", "\t}"]
            lines.append(f"\tfmt.Println({self._printed(op, m)})")
        lines.append("}")
        return format_go("\n".join(lines) + "\n", f"Go snippet for {op.id}")

    def _printed(self, op: Operation, m: MethodView) -> str:
        """``result.ID`` when the result is a model with an ``id``; else the whole result."""
        ok = op.success
        if m.page is not None:  # a list that pages returns its first page
            return "result.Items"
        if m.returns == "model" and ok is not None and isinstance(ok.type, ModelRef):
            view = next((v for v in self.pkg.models if v.name == m.out_go), None)
            fv = next((f for f in view.fields if f.wire == '"id"'), None) if view else None
            if fv is not None:
                return f"result.{fv.name}"
        if m.returns in ("bytes", "text"):
            return "len(result)"
        return "result"

    def _value(self, lits: Literals, t: Any, go: str, value: object, notes: list[str], what: str) -> str:
        try:
            return lits.expr(t, go, value)
        except NoLiteral as e:
            notes.append(f"The spec's example for {what} does not fit {go} ({e}); left unset.")
            return f"*new({lits.q(go)})"

    def _params(
        self,
        lits: Literals,
        op: Operation,
        m: MethodView,
        body: object | None,
        query: dict[str, object],
        notes: list[str],
    ) -> str:
        assert m.params is not None
        by_wire: dict[tuple[str, str], Param] = {(p.location, p.name): p for p in op.params}
        target = self.models.get(op.body.type.id) if op.body and isinstance(op.body.type, ModelRef) else None
        fields = {f.name: f for f in target.fields} if target is not None else {}
        parts: list[str] = []
        for pf in m.params.fields:
            wire = json.loads(pf.wire)
            if pf.location in ("query", "header") and wire in query:
                t = by_wire[(pf.location, wire)].type
                value = query[wire]
            elif pf.location == "body" and m.body_kind == "model" and isinstance(body, dict) and wire in body:
                t, value = fields[wire].type, body[wire]
            elif pf.location == "body" and m.body_kind == "value" and body is not None and op.body:
                if pf.go == "[]byte":
                    text = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)
                    parts.append(f"{pf.name}: []byte({go_string(text)})")
                    continue
                t, value = op.body.type, body
            else:
                continue
            try:
                parts.append(f"{pf.name}: {lits.expr(t, pf.go, value)}")
            except NoLiteral as e:
                notes.append(f"The spec's example of {wire} does not fit {pf.go} ({e}); left unset.")
        if m.body_kind == "model" and isinstance(body, dict):
            known = {json.loads(pf.wire) for pf in m.params.fields if pf.location == "body"}
            extra = {k: v for k, v in body.items() if k not in known and k not in fields}
            if extra:
                lits.uses_json = True
                raw = [
                    f"{go_string(k)}: json.RawMessage({go_string(json.dumps(v))})" for k, v in extra.items()
                ]
                parts.append(f"ExtraFields: map[string]json.RawMessage{{{', '.join(raw)}}}")
        inner = "".join(f"\n\t\t{x}," for x in parts)
        return (
            f"{self.package}.{m.params.name}{{{inner}\n\t}}"
            if parts
            else f"{self.package}.{m.params.name}{{}}"
        )
