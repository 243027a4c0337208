"""View models: everything the Python templates print, computed here so templates stay thin."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field

from ...ir.model import (
    Api,
    Const,
    EnumType,
    Field,
    Model,
    ModelRef,
    Nullable,
    Operation,
    Param,
    UnionType,
    thaw,
)
from ...naming import pascal, snake
from .names import field_names, model_names, py_ident, type_name
from .types import TypeMapper, py_literal

LINE_LENGTH = 110


def docstring(text: str | None, indent: int = 4) -> str:
    """A safe triple-quoted docstring body (no closing quotes, no stray escapes), or ''.

    Long lines are wrapped to the line length; lines of code blocks are left alone.
    """
    if not text or not text.strip():
        return ""
    body = escape_doc(text.strip())
    pad = " " * indent
    width = LINE_LENGTH - indent - 4
    lines: list[str] = []
    fenced = False
    for ln in body.splitlines():
        if ln.lstrip().startswith("```"):
            fenced = not fenced
        if fenced or len(ln) <= width:
            lines.append(ln.rstrip())
            continue
        lead = ln[: len(ln) - len(ln.lstrip())]
        bullet = re.match(r"^\s*(?:[-*+]|\d+\.)\s+", ln)
        rest = lead + " " * (len(bullet.group(0)) - len(lead)) if bullet else lead
        lines.extend(
            textwrap.wrap(
                ln,
                width,
                initial_indent="",
                subsequent_indent=rest,
                break_on_hyphens=False,
                break_long_words=False,
            )
            or [""]
        )
    out = "\n".join([lines[0]] + [(pad + ln) if ln.strip() else "" for ln in lines[1:]])
    return out + " " if out.endswith('"') else out  # `""""` would end the docstring early


def escape_doc(text: str) -> str:
    """Text that can stand inside a triple-double-quoted string."""
    return text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')


def arg_doc(arg: str, text: str | None) -> str:
    """An ``Args:`` entry's text, wrapped under its name (the name and 12 spaces precede it)."""
    flat = escape_doc(comment(text)) or arg.replace("_", " ")
    lines = textwrap.wrap(
        f"{arg}: {flat}", LINE_LENGTH - 12, subsequent_indent="    ", break_long_words=False
    )
    return "\n".join(lines[:1] + [" " * 12 + ln for ln in lines[1:]]).removeprefix(f"{arg}: ")


def comment(text: str | None) -> str:
    """One line, for ``#`` comments and summaries."""
    return re.sub(r"\s+", " ", text or "").strip()


@dataclass
class FieldView:
    wire: str
    attr: str
    annotation: str  # as declared on the model (with `| NotGiven` when optional)
    init_annotation: str
    parser: str  # expression, applied to the raw value
    to_json: str  # expression over `self.<attr>`
    required: bool
    init_default: str | None  # "NOT_GIVEN", a literal for consts, or None
    doc: str
    secret: bool


@dataclass
class ModelView:
    name: str
    doc: str
    fields: list[FieldView]
    extra_parser: str | None  # for typed additionalProperties
    required_count: int
    known: str  # frozenset literal of wire names
    secrets: str  # tuple literal of attr names
    consts: str  # tuple literal of (wire name, value) for const fields, filled into request dicts


@dataclass
class EnumView:
    name: str
    base: str
    doc: str
    members: list[tuple[str, str]]  # (MEMBER_NAME, literal)


@dataclass
class AliasView:
    name: str
    annotation: str
    doc: str


@dataclass
class ParamView:
    arg: str
    wire: str
    annotation: str
    default: str | None
    location: str
    explode: bool
    doc: str
    to_json: str = "to_json"  # how the argument becomes JSON


@dataclass
class MethodView:
    name: str
    http_method: str
    path: str
    summary: str
    doc: str
    raw_doc: str
    positional: list[ParamView]  # path params
    keyword: list[ParamView]  # query, header, body fields (required first)
    path_args: str  # "session_id=session_id"
    query: list[ParamView]
    headers: list[ParamView]
    const_headers: str  # dict literal
    body_kind: str  # "none" | "fields" | "whole"
    body_fields: list[ParamView]
    body_model: str | None
    returns: str
    parser: str
    expect: str
    deprecated: bool


@dataclass
class ResourceView:
    attr: str
    cls: str
    methods: list[MethodView]


@dataclass
class PackageView:
    package: str
    client: str
    sdk_name: str
    version: str
    title: str
    doc: str
    default_base_url: str
    api_key_env: str
    base_url_env: str
    models: list[ModelView]
    enums: list[EnumView]
    aliases: list[AliasView]
    constants: list[tuple[str, str, str]]  # (name, declared type or "", expression)
    resources: list[ResourceView]
    exports: list[str] = field(default_factory=list)
    models_imports: list[str] = field(default_factory=list)  # from ._serde
    models_typing: list[str] = field(default_factory=list)
    models_abc: list[str] = field(default_factory=list)  # from collections.abc
    models_types: list[str] = field(default_factory=list)  # from ._types
    resources_models: list[str] = field(default_factory=list)  # from .models
    resources_runtime: dict[str, list[str]] = field(default_factory=dict)  # module -> names
    resources_typing: list[str] = field(default_factory=list)


_IDENT_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def used(pool: set[str] | list[str], texts: list[str]) -> list[str]:
    """The names of ``pool`` that the expressions in ``texts`` (built by this module) mention."""
    seen: set[str] = set()
    for t in texts:
        seen.update(_IDENT_RE.findall(t))
    return sorted(seen & set(pool))


SERDE_NAMES = {
    "Parser",
    "at",
    "expected",
    "p_any",
    "p_bool",
    "p_checked",
    "p_const",
    "p_enum",
    "p_float",
    "p_int",
    "p_list",
    "p_map",
    "p_nullable",
    "p_str",
    "p_tagged",
    "p_union",
    "s_enum",
    "s_list",
    "s_map",
    "s_nullable",
    "to_json",
    "c_min_length",
    "c_max_length",
    "c_pattern",
    "c_minimum",
    "c_maximum",
    "c_exclusive_minimum",
    "c_exclusive_maximum",
    "c_multiple_of",
    "c_min_items",
    "c_max_items",
    "c_unique_items",
    "c_min_properties",
    "c_max_properties",
}


def enum_members(values: tuple[object, ...]) -> list[tuple[str, str]]:
    names = []
    for v in values:
        base = snake(str(v)).upper() or "EMPTY"
        if base[0].isdigit():
            base = "V" + base
        names.append((base, py_literal(v)))
    seen: dict[str, int] = {}
    out = []
    for name, lit in names:
        seen[name] = seen.get(name, 0) + 1
        out.append((name if seen[name] == 1 else f"{name}_{seen[name]}", lit))
    return out


class Builder:
    def __init__(self, api: Api, package: str, client: str) -> None:
        self.api = api
        self.package = package
        self.client = client
        self.models = {m.id: m for m in api.models}
        reserved = {client, f"Async{client}"}
        self.names = model_names(api, reserved)
        self.types = TypeMapper(self.models, self.names)
        self.hoisted: dict[str, str] = {}  # alias name -> annotation

    def fit(self, annotation: str, rest: int, hint: str, omittable: bool = False) -> str:
        """``annotation`` (plus ``| NotGiven`` when ``omittable``), shortened by a named alias when its
        line (``rest`` other characters) would be too long.

        Black and ruff format an over-long annotation differently; a short one reads better anyway.
        """
        tail = " | NotGiven" if omittable else ""
        if rest + len(annotation) + len(tail) <= LINE_LENGTH:
            return annotation + tail
        alias = self.alias(annotation, hint)
        if rest + len(alias) + len(tail) <= LINE_LENGTH or not omittable:
            return alias + tail
        return self.alias(annotation + tail, hint + "OrNotGiven")

    def alias(self, annotation: str, hint: str) -> str:
        for name, ann in self.hoisted.items():
            if ann == annotation:
                return name
        taken = set(self.names.values()) | set(self.types.enums) | set(self.hoisted)
        name, n = hint, 1
        while name in taken:
            n += 1
            name = f"{hint}{n}"
        self.hoisted[name] = annotation
        self.types.taken.add(name)
        return name

    def field_view(self, owner: str, f: Field, attr: str) -> FieldView:
        hint = owner + type_name((pascal(f.name),))
        pt = self.types.map(f.type, hint)
        const_default = py_literal(f.type.value) if isinstance(f.type, Const) else None
        init_default = const_default or (None if f.required else "NOT_GIVEN")
        rest = 8 + len(attr) + 2 + (3 + len(init_default) if init_default else 0) + 1
        annotation = self.fit(pt.annotation, rest, hint + "Type", not f.required)
        value = f"self.{attr}"
        to_json = f"{pt.serializer}({value})" if pt.serializer else value
        if pt.serializer and pt.serializer.endswith(".to_dict"):
            to_json = f"{value}.to_dict()"
        return FieldView(
            wire=f.name,
            attr=attr,
            annotation=annotation,
            init_annotation=annotation,
            parser=pt.parser,
            to_json=to_json,
            required=f.required,
            init_default=init_default,
            doc=docstring(_field_doc(f)),
            secret=f.secret,
        )

    def model_view(self, m: Model) -> ModelView:
        name = self.names[m.id]
        attrs = field_names(m.fields)
        fields = [self.field_view(name, f, a) for f, a in zip(m.fields, attrs, strict=True)]
        # Required fields first in __init__ keeps it valid Python; the template keeps wire order elsewhere.
        extra = self.types.map(m.additional, name + "Value").parser if m.additional is not None else None
        return ModelView(
            name=name,
            doc=docstring(m.description) or f"The ``{m.name and ''.join(m.name)}`` schema.",
            fields=fields,
            extra_parser=extra,
            required_count=sum(1 for f in fields if f.required),
            known=(
                "frozenset({" + ", ".join(py_literal(f.wire) for f in fields) + "})"
                if fields
                else "frozenset()"
            ),
            secrets="(" + "".join(f"{py_literal(f.attr)}, " for f in fields if f.secret) + ")",
            consts="("
            + "".join(
                f"({py_literal(f.name)}, {py_literal(f.type.value)}), "
                for f in m.fields
                if isinstance(f.type, Const)
            )
            + ")",
        )

    def build(self, version: str) -> PackageView:
        models, enums, aliases = [], [], []
        for m in self.api.models:
            if m.kind == "object":
                models.append(self.model_view(m))
            elif m.kind == "enum" and isinstance(m.type, EnumType):
                enums.append(
                    EnumView(
                        self.names[m.id], m.type.base, docstring(m.description), enum_members(m.type.values)
                    )
                )
        for m in self.api.models:
            if m.kind == "alias" or m.kind == "enum" and not isinstance(m.type, EnumType):
                assert m.type is not None
                pt = self.types.map(m.type, self.names[m.id] + "Value")
                aliases.append(AliasView(self.names[m.id], pt.annotation, comment(m.description)))
        resources = self.resources()
        aliases += [AliasView(name, ann, "") for name, ann in self.hoisted.items()]
        # Inline enums found while mapping types.
        for e in self.types.enums.values():
            base = {"str": "string", "int": "integer", "float": "number"}[e.base]
            enums.append(EnumView(e.name, base, "", enum_members(e.values)))
        model_texts = [e for e in self.types.constants] + [a for a in self.types.annotations.values()]
        model_texts += [x for m in models for f in m.fields for x in (f.parser, f.to_json, f.annotation)]
        model_texts += [m.extra_parser for m in models if m.extra_parser] + [a.annotation for a in aliases]
        models_imports = used(SERDE_NAMES, model_texts) + (["Model", "at", "expected"] if models else [])
        models_imports += ["OpenEnum"] if enums else []
        models_typing = used({"Any", "Literal"}, model_texts) + (["Any", "Self"] if models else [])
        models_typing += ["TypeAlias"] if aliases else []
        models_abc = used({"Mapping"}, model_texts)
        methods = [m for r in resources for m in r.methods]
        res_texts = [p.to_json for m in methods for p in m.body_fields] + [
            x
            for m in methods
            for x in [m.returns, m.parser, m.body_model or ""]
            + [p.annotation for p in m.positional + m.keyword]
        ]
        exports = sorted([v.name for v in models] + [e.name for e in enums] + [a.name for a in aliases])
        runtime: dict[str, list[str]] = {
            "_encoding": (["add_query"] if any(m.query for m in methods) else [])
            + (["encode_path"] if any(m.positional for m in methods) else []),
            "_serde": used(SERDE_NAMES, res_texts)
            + (["to_json"] if any(m.query or m.headers for m in methods) else [])
            + used({"to_json"}, [p.to_json for m in methods for p in m.body_fields]),
            "_response": ["APIResponse"],
            "_types": ["NOT_GIVEN", "NotGiven"],
        }
        title = self.api.info.title or self.client
        env = re.sub(r"[^A-Z0-9]", "_", self.client.upper())  # ChatKit -> CHATKIT_API_KEY
        return PackageView(
            package=self.package,
            client=self.client,
            sdk_name=f"{self.package.replace('_', '-')}-python",
            version=version,
            title=title,
            doc=docstring(self.api.info.description, 0),
            default_base_url=self.api.servers[0].url if self.api.servers else "http://localhost",
            api_key_env=f"{env}_API_KEY",
            base_url_env=f"{env}_BASE_URL",
            models=models,
            enums=enums,
            aliases=aliases,
            constants=[(n, self.types.annotations.get(n, ""), e) for e, n in self.types.constants.items()],
            resources=resources,
            exports=exports,
            models_imports=sorted(set(models_imports)),
            models_typing=sorted(set(models_typing)),
            models_abc=models_abc,
            models_types=(
                ["NOT_GIVEN", "NotGiven"] if any(not f.required for m in models for f in m.fields) else []
            ),
            resources_models=used(exports + list(self.types.constants.values()), res_texts),
            resources_runtime={k: sorted(set(v)) for k, v in sorted(runtime.items()) if v},
            resources_typing=sorted(
                set(used({"Literal"}, res_texts) + (["Any"] if any(m.body_fields for m in methods) else []))
            ),
        )

    # -- operations ---------------------------------------------------------------------------------
    def resources(self) -> list[ResourceView]:
        groups: dict[tuple[str, ...], list[Operation]] = {}
        for op in self.api.operations:
            groups.setdefault(op.group, []).append(op)
        out = []
        for group, ops in groups.items():
            attr = py_ident(group)
            out.append(
                ResourceView(
                    attr, type_name(tuple(pascal(w) for w in group)), [self.method(op) for op in ops]
                )
            )
        return out

    def param_view(self, p: Param, hint: str, arg: str) -> ParamView:
        pt = self.types.map(p.type, hint)
        rest = 8 + len(arg) + 2 + (0 if p.required else 13) + 1
        ann = self.fit(pt.annotation, rest, hint + "Type", not p.required)
        return ParamView(
            arg,
            p.name,
            ann,
            None if p.required else "NOT_GIVEN",
            p.location,
            p.explode is not False,
            arg_doc(arg, p.description),
        )

    def method(self, op: Operation) -> MethodView:
        hint = type_name(tuple(pascal(w) for w in op.group + op.name))
        params = [p for p in op.params if p.const is None and p.location != "cookie"]
        used: set[str] = {"self", "timeout", "extra_headers"}
        views: list[ParamView] = []
        for p in params:
            arg = py_ident(p.name)
            while arg in used:
                arg += "_"
            used.add(arg)
            views.append(self.param_view(p, hint + type_name((pascal(p.name),)), arg))
        positional = [v for v in views if v.location == "path"]
        body_kind, body_fields, body_model = "none", [], None
        body = op.body
        if (
            body is not None
            and body.encoding == "json"
            and isinstance(body.type, ModelRef)
            and self.models[body.type.id].kind == "object"
        ):
            model = self.models[body.type.id]
            body_kind, body_model = "fields", self.names[model.id]
            for f, attr in zip(model.fields, field_names(model.fields), strict=True):
                if f.read_only:
                    continue
                arg = attr
                while arg in used:
                    arg += "_"
                used.add(arg)
                fhint = body_model + type_name((pascal(f.name),))
                pt = self.types.map(f.type, fhint)
                suffix = ""
                convert = "to_json"
                if isinstance(f.type, ModelRef) and self.models[f.type.id].kind == "object":
                    suffix = " | Mapping[str, Any]"
                    convert = f"{pt.annotation}.request_json"
                elif _nested_model(f.type, self.models):
                    suffix = " | Mapping[str, Any]"
                default = (
                    py_literal(f.type.value)
                    if isinstance(f.type, Const)
                    else (None if f.required else "NOT_GIVEN")
                )
                rest = 8 + len(arg) + 2 + (3 + len(default) if default else 0) + 1
                ann = self.fit(pt.annotation + suffix, rest, fhint + "Arg", default == "NOT_GIVEN")
                body_fields.append(
                    ParamView(arg, f.name, ann, default, "body", True, arg_doc(arg, f.description), convert)
                )
        elif body is not None:
            body_kind = "whole"
            pt = self.types.map(body.type, hint + "Body")
            arg = "body"
            rest = 8 + len(arg) + 2 + (0 if body.required else 13) + 1
            body_fields.append(
                ParamView(
                    arg,
                    "",
                    self.fit(pt.annotation, rest, hint + "Body", not body.required),
                    None if body.required else "NOT_GIVEN",
                    "body",
                    True,
                    arg_doc(arg, body.description or "The request body."),
                )
            )
        keyword = [v for v in views if v.location != "path"] + body_fields
        keyword.sort(key=lambda v: v.default is not None)
        ok = op.success
        returns, parser, expect = "None", "p_none", "none"
        if ok is not None and ok.type is not None and ok.encoding == "json":
            pt = self.types.map(ok.type, hint + "Response")
            returns = self.fit(pt.annotation, len("    ) -> APIResponse[]:"), hint + "Result")
            parser, expect = pt.parser, "json"
        elif ok is not None and ok.encoding in ("binary",):
            returns, parser, expect = "bytes", "p_any", "binary"
        elif ok is not None and ok.encoding in ("text", "event-stream"):
            returns, parser, expect = "str", "p_any", "text"
        const_headers = (
            "{"
            + ", ".join(
                f"{py_literal(p.name)}: {py_literal(p.const.value)}"
                for p in op.params
                if p.const is not None and p.location == "header"
            )
            + "}"
        )
        return MethodView(
            name=py_ident(op.name),
            http_method=op.method,
            path=op.path,
            summary=comment(op.summary),
            raw_doc=docstring(f"{comment(op.summary) or py_ident(op.name)} (raw response).", 8),
            doc=docstring(_method_doc(op), 8),
            positional=positional,
            keyword=keyword,
            path_args=", ".join(
                f"{v.wire}={v.arg}" if v.wire.isidentifier() else f"**{{{py_literal(v.wire)}: {v.arg}}}"
                for v in positional
            ),
            query=[v for v in views if v.location == "query"],
            headers=[v for v in views if v.location == "header"],
            const_headers=const_headers,
            body_kind=body_kind,
            body_fields=body_fields,
            body_model=body_model,
            returns=returns,
            parser=parser,
            expect=expect,
            deprecated=op.deprecated,
        )


def _nested_model(t: object, models: dict[str, Model]) -> bool:
    if isinstance(t, Nullable):
        return _nested_model(t.inner, models)
    if isinstance(t, UnionType):
        return any(_nested_model(v, models) for v in t.variants)
    return isinstance(t, ModelRef) and models[t.id].kind == "object"


def _field_doc(f: Field) -> str | None:
    parts = [f.description or ""]
    if f.default is not None:
        parts.append(f"Default: ``{py_literal(thaw(f.default.value))}``.")
    return "\n\n".join(p for p in parts if p) or None


def _method_doc(op: Operation) -> str:
    parts = [op.summary or "", op.description or "" if op.description != op.summary else ""]
    parts.append(f"``{op.method} {op.path}``")
    if op.deprecated:
        parts.append("Deprecated.")
    return "\n\n".join(p for p in parts if p)
