"""The Perl SDK's call syntax for an operation: what the docs show, from the Perl target's own views.

Method names, argument names and their order come from :class:`~.views.Builder`, so an example
cannot drift from the generated client.  ``snippet`` writes a complete script: the client from
the environment, the call with the example's values as Perl literals, and the result printed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...ir.model import Api, ModelRef, Operation
from . import literals, options_of
from .errors import error_class
from .viewmodels import MethodView
from .views import Builder


class PerlSnippets:
    label = "Perl"
    fence = "perl"

    def __init__(self, api: Api, options: Mapping[str, Any]) -> None:
        self.ns, _version = options_of(options)
        builder = Builder(api, self.ns, "0")
        self.pkg = builder.build()
        self.api = api
        self.models = {m.id: m for m in api.models}
        self.methods: dict[str, MethodView] = builder.methods
        self.all_methods = {m.op_id: m for r in self.pkg.resources for m in r.methods if m.kind == "all"} | {
            m.op_id: m for m in self.pkg.root_methods if m.kind == "all"
        }
        self.api_key_env = self.pkg.env_args[0][1] if self.pkg.env_args else ""
        self.scheme_envs = self._scheme_envs(api)
        self.base_url_env = self.pkg.base_url_env
        self.default_base_url = self.pkg.default_base_url
        self._envs = [e for _a, e, _r in self.pkg.env_args] + [self.base_url_env]

    def _scheme_envs(self, api: Api) -> dict[str, tuple[str, ...]]:
        from ..credentials import credentials
        from .names import ident

        prefix = self.ns.replace("::", "_").upper()
        return {
            c.scheme.name: tuple(f"{prefix}_{ident(w).upper()}" for w in c.words) for c in credentials(api)
        }

    def setup(self) -> str:
        return (
            f"use {self.ns};\n\n"
            f"# {self.ns}->new reads {' and '.join(self._envs)}.\n"
            f"my $client = {self.ns}->new;\n"
        )

    def call(self, op: Operation) -> str:
        return self.methods[op.id].call

    def error_class(self, status: str) -> str:
        return error_class(self.ns, status)

    def iterate(self, op: Operation) -> str:
        m = self.all_methods.get(op.id) or self.methods[op.id]
        call = m.call
        return (
            f"my $items = {call};\n"
            "while ( defined( my $item = $items->next ) ) {\n"
            '    print $item, "\\n";\n'
            "}\n"
        )

    def snippet(
        self,
        op: Operation,
        body: object | None,
        path_params: Mapping[str, object],
        query: Mapping[str, object] | None = None,
    ) -> str:
        m = self.methods[op.id]
        args: list[str] = []
        notes: list[str] = []
        path = [p for p in op.params if p.location == "path" and p.const is None]
        for p in path:
            args.append(literals.value(path_params.get(p.name, p.name)))
        by_where = {(a.where, a.name): a for a in m.args}
        wires = {p.name: a for p, a in zip([p for p in op.params if p.const is None], m.args, strict=False)}
        for name, value in (query or {}).items():
            arg = wires.get(name)
            if arg is not None and arg.where != "path":
                args.append(f"{arg.name} => {literals.value(value)}")
        if body is not None:
            if any(w == "body" and n == "body" for w, n in by_where) or not isinstance(body, dict):
                args.append(f"body => {literals.value(body)}")
            else:
                fields = self._body_fields(op)
                for key, value in body.items():
                    if key in fields:
                        args.append(f"{fields[key]} => {literals.value(value)}")
                    else:
                        notes.append(f"# The example's {key!r} is not a field of the request; left out.")
        head = m.call.split("(", 1)[0]
        flat = f"{head}({', '.join(args)})"
        inner = "".join(f"\n    {a}," for a in args)
        call = flat if len(flat) <= 80 and "\n" not in flat else f"{head}({inner}\n)"
        lines = ["use strict;", "use warnings;", "", f"use {self.ns};", ""]
        lines += [f"# {self.ns}->new reads {' and '.join(self._envs)}.", f"my $client = {self.ns}->new;"]
        lines += notes
        if m.returns == "nothing":
            lines += [f"{call};", 'print "done\\n";']
        else:
            lines += [f"my $result = {call};", self._printed(op)]
        return "\n".join(lines) + "\n"

    def _body_fields(self, op: Operation) -> dict[str, str]:
        from .names import field_names

        b = op.body
        if b is None or not isinstance(b.type, ModelRef) or b.type.id not in self.models:
            return {}
        model = self.models[b.type.id]
        wires = [f.name for f in model.fields]
        return dict(zip(wires, field_names(wires), strict=True))

    def _printed(self, op: Operation) -> str:
        ok = op.success
        if ok is not None and isinstance(ok.type, ModelRef) and ok.type.id in self.models:
            model = self.models[ok.type.id]
            if model.kind == "object":
                if any(f.name == "id" for f in model.fields):
                    return 'print $result->id, "\\n";'
                return 'print $result->to_json, "\\n";'
        return 'print ref $result ? scalar @{ [$result] } : $result, "\\n";'
