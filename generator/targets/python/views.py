"""View models: everything the Python templates print, computed here so templates stay thin."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...ir.model import Api, Const, EnumType, Field, Model, thaw
from ...naming import pascal, screaming, snake, symbol_words
from . import methods as method_views
from .auth import AuthView, auth_view
from .methods import MethodView, ResourceView
from .modules import Constant, Modules, ResourceModule, TypesModule

__all__ = ["Builder", "MethodView", "PackageView", "ResourceView"]
from ...text import source_prose
from ..docs.markdown import plain
from .names import field_names, model_names, type_name
from .text import LINE_LENGTH, comment, docstring, escape_doc, one_line, py_str
from .types import TypeMapper, model_enum, py_literal
from .types import const_default as const_default_of


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
    fixed: str | None  # an object or array const: not a parameter, this literal is set in the body
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
    extra_serializer: str | None  # for typed additionalProperties whose JSON form differs
    required_count: int
    has_params: bool  # __init__ takes keyword arguments
    known: str  # frozenset literal of wire names
    secrets: str  # tuple literal of attr names
    consts: str  # tuple literal of (wire name, value) for const fields, filled into request dicts


@dataclass
class EnumView:
    name: str
    base: str
    doc: str
    members: list[tuple[str, str, str]]  # (MEMBER_NAME, literal, docstring or "")


@dataclass
class AliasView:
    name: str
    annotation: str  # a class name, or a string literal holding the annotation (a forward reference)
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
    api_key_env: str  # the first credential's environment variable ("" without credentials)
    base_url_env: str
    resources: list[ResourceView]  # every node of the tree, parents first
    roots: list[ResourceView]  # the client's attributes
    auth: AuthView = field(default_factory=lambda: AuthView([], [], "()", "{}", {}))  # credentials
    exports: list[str] = field(default_factory=list)
    types_modules: list[TypesModule] = field(default_factory=list)
    resource_modules: list[ResourceModule] = field(default_factory=list)
    lazy: list[tuple[str, str]] = field(default_factory=list)  # (exported name, its types module)


def resource_modules(resources: list[ResourceView]) -> list[str]:
    """Each resource's module name under ``resources/`` (its path's words, unique by construction)."""
    return [r.module for r in resources]


def enum_members(t: EnumType) -> list[tuple[str, str, str]]:
    """(MEMBER_NAME, literal, docstring): names from the IR's words, else from the value."""
    names = []
    for i, v in enumerate(t.values):
        base = screaming(t.name_of(i)) or snake(symbol_words(str(v))).upper()
        if base[0].isdigit():
            base = "V" + base
        names.append((base, py_literal(v), docstring(t.description_of(i))))
    seen: dict[str, int] = {}
    out = []
    for name, lit, doc in names:
        seen[name] = seen.get(name, 0) + 1
        out.append((name if seen[name] == 1 else f"{name}_{seen[name]}", lit, doc))
    return out


def alias_view(name: str, annotation: str, doc: str, classes: set[str]) -> AliasView:
    """Another name of a class is the class itself (usable at run time: ``BillingAddress.from_dict``);
    any other annotation is a forward reference, a string (aliases may refer to later ones)."""
    return AliasView(name, annotation if annotation in classes else py_literal(annotation), doc)


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
        const_default = const_default_of(f.type.value) if isinstance(f.type, Const) else None
        fixed = py_literal(f.type.value) if isinstance(f.type, Const) and const_default is None else None
        init_default = const_default or (None if f.required or fixed else "NOT_GIVEN")
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
            fixed=fixed,
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
        extra = self.types.map(m.additional, name + "Value") if m.additional is not None else None
        return ModelView(
            name=name,
            doc=docstring("\n\n".join(filter(None, [m.description, "Deprecated." if m.deprecated else ""])))
            or f"The ``{''.join(m.name)}`` schema.",
            fields=fields,
            extra_parser=extra.parser if extra else None,
            extra_serializer=extra.serializer if extra else None,
            required_count=sum(1 for f in fields if f.required),
            has_params=any(f.fixed is None for f in fields),
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
        models, enums, found = [], [], []
        for m in self.api.models:
            if m.kind == "object":
                models.append(self.model_view(m))
            elif (enum := model_enum(m)) is not None:
                enums.append(
                    EnumView(self.names[m.id], enum.base, docstring(m.description), enum_members(enum))
                )
        for m in self.api.models:
            if m.kind != "object" and model_enum(m) is None:
                assert m.type is not None
                pt = self.types.map(m.type, self.names[m.id] + "Value")
                found.append((self.names[m.id], pt.annotation, comment(m.description)))
        resources = method_views.resources(self)
        found += [(name, ann, "") for name, ann in self.hoisted.items()]
        # Inline enums found while mapping types.
        for e in self.types.enums.values():
            base = {"str": "string", "int": "integer", "float": "number"}[e.base]
            enums.append(EnumView(e.name, base, "", enum_members(e.enum)))
        classes = {v.name for v in models} | {e.name for e in enums}
        aliases = [alias_view(name, ann, doc, classes) for name, ann, doc in found]
        title = one_line(self.api.info.title) or self.client
        base_url = self.api.servers[0].url if self.api.servers else "http://localhost"
        env = re.sub(r"[^A-Z0-9]", "_", self.client.upper())  # ChatKit -> CHATKIT_API_KEY
        auth = auth_view(self.api, env)
        constants = [
            Constant(n, self.types.annotations.get(n, ""), e) for e, n in self.types.constants.items()
        ]
        modules = Modules(models, enums, aliases, constants, resources, resource_modules(resources), title)
        types_modules = modules.types_modules()
        exports = sorted(name for m in types_modules for name in m.exports)
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
            api_key_env=auth.args[0].env if auth.args else "",
            base_url_env=f"{env}_BASE_URL",
            resources=resources,
            roots=method_views.roots(resources),
            exports=exports,
            auth=auth,
            types_modules=types_modules,
            resource_modules=modules.resource_modules(),
            lazy=sorted((name, m.name) for m in types_modules for name in m.exports),
        )


def _field_doc(f: Field) -> str | None:
    parts = [f.description or ""]
    if f.default is not None:
        parts.append(f"Default: ``{py_literal(thaw(f.default.value))}``.")
    if f.deprecated:
        parts.append("Deprecated.")
    return "\n\n".join(p for p in parts if p) or None
