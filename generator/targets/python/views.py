"""View models: everything the Python templates print, computed here so templates stay thin."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...ir.model import Api, Const, EnumType, Field, Model, thaw
from ...naming import pascal, snake, symbol_words
from . import methods as method_views
from .methods import MethodView, ResourceView

__all__ = ["Builder", "MethodView", "PackageView", "ResourceView"]
from ...text import source_prose
from ..docs.markdown import plain
from .names import field_names, model_names, type_name
from .text import LINE_LENGTH, comment, docstring, escape_doc, one_line, py_str
from .types import TypeMapper, py_literal


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

    @property
    def wire_lit(self) -> str:
        """The wire name as a Python string literal."""
        return py_str(self.wire)


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
class PackageView:
    package: str
    client: str
    sdk_name: str
    version: str
    title: str  # one line, safe in a docstring
    title_md: str  # one line of Markdown
    heads: dict[str, str]  # first docstring paragraph of each module (and client class) naming the API
    description_toml: str  # the pyproject description, a TOML string
    doc: str
    default_base_url: str  # as the spec says (for the docs' examples)
    default_base_url_doc: str  # safe in a docstring
    default_base_url_lit: str  # a Python literal
    api_key_env: str
    base_url_env: str
    models: list[ModelView]
    enums: list[EnumView]
    aliases: list[AliasView]
    constants: list[tuple[str, str, str]]  # (name, declared type or "", expression)
    resources: list[ResourceView]  # every node of the tree, parents first
    roots: list[ResourceView]  # the client's attributes
    exports: list[str] = field(default_factory=list)
    auth_header: str | None = None  # an API key sent in this header; None = a bearer token
    auth_header_lit: str = ""  # a Python literal of auth_header
    models_imports: list[str] = field(default_factory=list)  # from ._serde
    models_typing: list[str] = field(default_factory=list)
    models_abc: list[str] = field(default_factory=list)  # from collections.abc
    models_types: list[str] = field(default_factory=list)  # from ._types
    resources_models: list[str] = field(default_factory=list)  # from .models
    resources_runtime: dict[str, list[str]] = field(default_factory=dict)  # module -> names
    resources_typing: list[str] = field(default_factory=list)
    resources_builtins: bool = False  # some annotation says builtins.list (a method is named list)


_IDENT_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def used(pool: set[str] | list[str], texts: list[str]) -> list[str]:
    """The names of ``pool`` that the expressions in ``texts`` (built by this module) mention."""
    seen: set[str] = set()
    for t in texts:
        seen.update(_IDENT_RE.findall(t))
    return sorted(seen & set(pool))


STREAMING_NAMES = {
    "Stream",
    "AsyncStream",
    "ServerSentEvent",
    "stream_of",
    "async_stream_of",
    "json_events",
    "raw_events",
}
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
        base = snake(symbol_words(str(v))).upper()
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

    def auth_header(self) -> str | None:
        """The header of the API's default api-key scheme; None for bearer (or no scheme)."""
        schemes = {s.name: s for s in self.api.auth}
        for name in self.api.default_auth or tuple(schemes):
            scheme = schemes.get(name)
            if (
                scheme is not None
                and scheme.kind == "api-key"
                and scheme.param_in == "header"
                and scheme.header
            ):
                return scheme.header
            if scheme is not None:
                return None
        return None

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
        hints = [name + type_name((pascal(f.name),)) for f in m.fields]
        attrs = field_names(
            m.fields,
            tuple(self.types.map(f.type, h).annotation for f, h in zip(m.fields, hints, strict=True)),
        )
        fields = [self.field_view(name, f, a) for f, a in zip(m.fields, attrs, strict=True)]
        # Required fields first in __init__ keeps it valid Python; the template keeps wire order elsewhere.
        extra = self.types.map(m.additional, name + "Value").parser if m.additional is not None else None
        return ModelView(
            name=name,
            doc=docstring("\n\n".join(filter(None, [m.description, "Deprecated." if m.deprecated else ""])))
            or f"The ``{''.join(m.name)}`` schema.",
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
        resources = method_views.resources(self)
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
            for x in [m.returns_sync, m.returns_async, m.parser_sync, m.parser_async]
            + [m.body_model or "" if m.body_kind == "fields" else ""]
            + [p.annotation for p in m.positional + m.keyword]
        ]
        exports = sorted([v.name for v in models] + [e.name for e in enums] + [a.name for a in aliases])
        runtime: dict[str, list[str]] = {
            "_encoding": (["add_query"] if any(m.query for m in methods) else [])
            + (["encode_path"] if any(m.positional for m in methods) else [])
            + (["encode_form"] if any(m.body_kind == "form" for m in methods) else [])
            + (["encode_raw"] if any(m.body_kind == "raw" for m in methods) else []),
            "_serde": used(SERDE_NAMES, res_texts)
            + (["to_json"] if any(m.query or m.headers for m in methods) else [])
            + used({"to_json"}, [p.to_json for m in methods for p in m.body_fields])
            + (["to_json"] if any(m.body_kind in ("multipart", "form") for m in methods) else []),
            "_response": ["APIResponse"],
            "_streaming": used(STREAMING_NAMES, res_texts),
            "_types": ["NOT_GIVEN", "NotGiven"] + used({"FileInput"}, res_texts),
        }
        title = one_line(self.api.info.title) or self.client
        base_url = self.api.servers[0].url if self.api.servers else "http://localhost"
        auth_header = self.auth_header()
        env = re.sub(r"[^A-Z0-9]", "_", self.client.upper())  # ChatKit -> CHATKIT_API_KEY
        return PackageView(
            package=self.package,
            client=self.client,
            sdk_name=f"{self.package.replace('_', '-')}-python",
            version=version,
            title=escape_doc(title),
            title_md=plain(title),
            heads={
                "init": docstring(f"{title}: a typed Python client.", 0),
                "client": docstring(f"The {title} clients.", 0),
                "resources": docstring(
                    f"Resource classes of the {title}: one method per operation, sync and async.", 0
                ),
                "models": docstring(
                    f"Models of the {title}: one class per schema, each with ``from_dict`` and ``to_dict``.",
                    0,
                ),
                "sync": docstring(f"Blocking client for the {title}.", 4),
                "async": docstring(f"Asynchronous client for the {title}.", 4),
            },
            description_toml=py_str(
                f"Typed Python client for the {source_prose(title)} (generated by oasgen)."
            ),
            doc=docstring(self.api.info.description, 0),
            default_base_url=base_url,
            default_base_url_doc=escape_doc(one_line(base_url)),
            default_base_url_lit=py_str(base_url),
            api_key_env=f"{env}_API_KEY",
            base_url_env=f"{env}_BASE_URL",
            models=models,
            enums=enums,
            aliases=aliases,
            constants=[(n, self.types.annotations.get(n, ""), e) for e, n in self.types.constants.items()],
            resources=resources,
            roots=method_views.roots(resources),
            exports=exports,
            auth_header=auth_header,
            auth_header_lit=py_str(auth_header or ""),
            models_imports=sorted(set(models_imports)),
            models_typing=sorted(set(models_typing)),
            models_abc=models_abc,
            models_types=(
                ["NOT_GIVEN", "NotGiven"] if any(not f.required for m in models for f in m.fields) else []
            ),
            resources_builtins=any("builtins." in t for t in res_texts),
            resources_models=used(exports + list(self.types.constants.values()), res_texts),
            resources_runtime={k: sorted(set(v)) for k, v in sorted(runtime.items()) if v},
            resources_typing=sorted(
                set(
                    used({"Any", "Literal", "IO"}, res_texts)
                    + (["Any"] if any(m.body_kind in ("fields", "multipart") for m in methods) else [])
                )
            ),
        )


def _field_doc(f: Field) -> str | None:
    parts = [f.description or ""]
    if f.default is not None:
        parts.append(f"Default: ``{py_literal(thaw(f.default.value))}``.")
    if f.deprecated:
        parts.append("Deprecated.")
    return "\n\n".join(p for p in parts if p) or None
