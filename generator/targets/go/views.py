"""View models: everything the Go templates print, computed here so templates stay thin."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager

from ...ir.model import (
    AnyType,
    Api,
    Const,
    EnumType,
    Field,
    Model,
    ModelRef,
    Nullable,
    Operation,
    Resource,
    Type,
    UnionType,
    thaw,
)
from ...naming import claim_order, symbol_words
from ...text import path_template
from ..docs.markdown import plain
from .auth import auth_view, claim_names
from .docs import comment, one_line
from .methoddocs import method_doc
from .names import (
    RUNTIME_NAMES,
    NameTable,
    exported,
    field_names,
    method_name,
    singular,
    type_name,
    unexported,
)
from .paging import page_view, paged_doc
from .params import const_value, path_param, security_literal, send_call
from .streams import multipart_fields, stream_flag, stream_variant
from .streams import unique_methods as _unique_methods
from .types import GoType, Origin, TypeMapper, enum_base, go_json_literal, go_scalar, go_string, model_enum
from .viewmodels import (
    AccessorView,
    AliasView,
    ChildService,
    CtorView,
    EnumView,
    FieldView,
    MethodView,
    ModelView,
    PackageView,
    ParamField,
    ParamsView,
    PathArg,
    SendView,
    ServiceView,
    UnionView,
)

# Go type names a model may not take: runtime decoders are named decode<Name>.
RUNTIME_DECODER_TYPES = frozenset(
    [
        "String",
        "Secret",
        "Int",
        "Float",
        "Number",
        "Bool",
        "Any",
        "Enum",
        "IntEnum",
        "FloatEnum",
        "Model",
        "ModelPtr",
        "Object",
        "Union",
        "Tagged",
    ]
)


def value_reach(api: Api) -> dict[str, set[str]]:
    """model id -> the object models it holds by value (fields, Opt, Nullable), transitively."""
    models = {m.id: m for m in api.models}

    def direct(t: Type | None, seen: frozenset[str] = frozenset()) -> set[str]:
        if isinstance(t, Nullable):
            return direct(t.inner, seen)
        if isinstance(t, ModelRef) and t.id in models:
            m = models[t.id]
            if m.kind == "object":
                return {t.id}
            if m.kind == "alias" and not isinstance(m.type, UnionType) and t.id not in seen:
                return direct(m.type, seen | {t.id})
        return set()

    edges = {
        m.id: set().union(*(direct(f.type) for f in m.fields)) if m.fields else set() for m in api.models
    }
    reach: dict[str, set[str]] = {}
    for start in edges:
        seen: set[str] = set()
        todo = list(edges[start])
        while todo:
            n = todo.pop()
            if n not in seen:
                seen.add(n)
                todo.extend(edges.get(n, ()))
        reach[start] = seen
    return reach


class Builder:
    def __init__(self, api: Api, package: str, module: str) -> None:
        self.api = api
        self.package = package
        self.module = module
        self.models = {m.id: m for m in api.models}
        self.table = NameTable(RUNTIME_NAMES | RUNTIME_DECODER_TYPES)
        self.auth_names = claim_names(api, self.table)  # before the models: WithAPIKey stays WithAPIKey
        ids = [m.id for m in api.models]
        wanted = [type_name(m.name) for m in api.models]
        self.names = {ids[i]: self.table.claim(wanted[i], "Model") for i in claim_order(ids, wanted)}
        self.types = TypeMapper(self.models, self.names, self.table, value_reach(api))

    def build(self, version: str) -> PackageView:
        for m in self.api.models:  # named unions first: they keep their model's name
            if m.kind != "object" and isinstance(m.type, UnionType):
                with self.within(("model", m.id)):
                    u = self.types.union(m.type, self.names[m.id], "", name=self.names[m.id])
                u.doc = m.description or ""
        enums = [self.enum_view(m) for m in self.api.models if model_enum(m) is not None]
        services = self.services()
        models = [self.model_view(m) for m in self.api.models if m.kind == "object"]
        aliases = []
        for m in self.api.models:
            if (
                m.kind != "object"
                and m.type is not None
                and not isinstance(m.type, UnionType)
                and not model_enum(m)
            ):
                with self.within(("model", m.id)):
                    gt = self.types.alias_target(m.id, m.type, self.names[m.id])
                aliases.append(
                    AliasView(self.names[m.id], gt.go, comment(m.description, name=self.names[m.id]))
                )
        for e in list(self.types.enums.values()):  # inline enums, found while mapping
            enums.append(self._enum(e.name, e.enum, ""))
        unions = [self.union_view(u) for u in self.types.unions.values()]
        env = re.sub(r"[^A-Z0-9]", "_", self.package.upper())
        auth = auth_view(self.api, self.auth_names, env)
        base_url = self.api.servers[0].url if self.api.servers else "http://localhost"
        return PackageView(
            package=self.package,
            module=self.module,
            version=version,
            title=one_line(self.api.info.title),
            title_md=plain(self.api.info.title),
            doc=comment(self.api.info.description or self.api.info.title, name=f"Package {self.package}"),
            default_base_url=base_url,
            default_base_url_doc=one_line(base_url),
            default_base_url_lit=go_string(base_url),
            api_key_env=auth.envs[0].env if auth.envs else "",
            base_url_env=f"{env}_BASE_URL",
            sdk_name=f"{self.package}-go",
            auth=auth,
            models=models,
            enums=enums,
            unions=unions,
            aliases=aliases,
            services=services,
            names=dict(self.names),
        )

    # -- models -----------------------------------------------------------------------------------------
    @contextmanager
    def within(self, origin: Origin) -> Iterator[None]:
        """Inline enums and unions mapped inside are marked as found in ``origin``."""
        saved, self.types.context = self.types.context, origin
        try:
            yield
        finally:
            self.types.context = saved

    def field_view(self, owner: Model, f: Field, name: str) -> FieldView:
        oname = self.names[owner.id]
        with self.within(("model", owner.id)):
            gt = self.types.map(f.type, oname + exported(f.name), exported(f.name), owner.id, f.secret)
        const = go_json_literal(f.type.value) if isinstance(f.type, Const) else None
        doc = comment(_field_doc(f), "\t")
        return FieldView(
            name=name,
            wire=go_string(f.name),
            go=gt.go if f.required else f"Opt[{gt.go}]",
            decoder=gt.decoder,
            required=f.required,
            const=const,
            doc=doc,
            encoder=gt.encoder,
            key=go_string(json.dumps(f.name) + ":"),
        )

    def model_view(self, m: Model) -> ModelView:
        name = self.names[m.id]
        fields = [self.field_view(m, f, n) for f, n in zip(m.fields, field_names(m.fields), strict=True)]
        return ModelView(
            name=name,
            doc=comment(m.description, name=name),
            fields=fields,
            index=f"fieldOf{name}",
            extra_decoder=self.extra_decoder(m, name),
        )

    def extra_decoder(self, m: Model, name: str) -> str:
        """The decoder each undeclared member must pass (typed additionalProperties), "" for any."""
        if m.additional is None or isinstance(m.additional, AnyType):
            return ""
        with self.within(("model", m.id)):
            return self.types.map(m.additional, name + "Value", "Value", None).decoder

    def enum_view(self, m: Model) -> EnumView:
        enum = model_enum(m)
        assert enum is not None
        return self._enum(self.names[m.id], enum, m.description or "")

    def _enum(self, name: str, t: EnumType, doc: str) -> EnumView:
        """Constants named after the IR's member words where the spec names them, else the value."""
        consts, docs = [], []
        for i, v in enumerate(t.values):
            words = t.name_of(i)
            cname = self.table.claim(name + (exported(words) if words else exported(symbol_words(str(v)))))
            consts.append((cname, go_scalar(v)))
            docs.append(comment(t.description_of(i), "\t"))
        members = [(c, lit, d) for (c, lit), d in zip(consts, docs, strict=True)]
        base = enum_base(t)[0]
        return EnumView(name, base, comment(doc or f"Known values of {name}.", name=name), consts, members)

    def union_view(self, u: object) -> UnionView:
        from .types import UnionDef

        assert isinstance(u, UnionDef)
        ctors: list[CtorView] = []
        accessors: list[AccessorView] = []
        names = {v.name for v in u.variants}
        for i, v in enumerate(u.variants):
            ctors.append(CtorView(self.table.claim(u.name + v.name), v.go, v.what, "v", i))
            accessors.append(AccessorView("As" + v.name, v.go, v.decoder, v.what))
            if v.go == "json.Number":  # numbers: integer and float conveniences, exact either way
                for extra, go, conv, dec in (
                    ("Int", "int64", "json.Number(strconv.FormatInt(v, 10))", "decodeInt"),
                    ("Float", "float64", "v", "decodeFloat"),
                ):
                    if extra not in names:
                        ctors.append(CtorView(self.table.claim(u.name + extra), go, v.what, conv))
                        accessors.append(AccessorView("As" + extra, go, dec, v.what))
        return UnionView(
            name=u.name,
            doc=comment(u.doc or f"{u.name} is one of: {u.what}.", name=u.name),
            what=go_string(u.what),
            ctors=ctors,
            accessors=accessors,
            tag=go_string(u.tag) if u.tag else None,
            tagged=[(go_string(k), c) for k, c in u.tagged],
            rest=u.rest,
        )

    # -- operations -------------------------------------------------------------------------------------
    def services(self) -> list[ServiceView]:
        """Every node of the IR's resource tree as a service, parents before their children."""
        ops = {op.id: op for op in self.api.operations}
        out: list[ServiceView] = []

        def visit(node: Resource, field: str, access: str) -> ServiceView:
            words = tuple(w for part in node.path for w in part)
            svc = self.table.claim(exported(tuple(singular(w) for w in words), "Default") + "Service")
            methods: list[MethodView] = []
            for op in (ops[i] for i in node.operations):
                methods.append(self.method(op, words))
                ok = op.success
                if ok is not None and ok.stream is not None and ok.encoding != "event-stream":
                    with self.within(("op", op.id)):
                        methods.append(stream_variant(self, op, methods[-1]))
            _unique_methods(methods)
            group = ".".join("_".join(part) for part in node.path)
            view = ServiceView(field, svc, group, methods, access)
            out.append(view)
            taken = {m.name for m in methods} | {"client"}
            for child in node.children:
                cfield = exported(child.name, "Default")
                while cfield in taken:  # a method named like the child (the IR keeps their words apart)
                    cfield += "Service"
                taken.add(cfield)
                cview = visit(child, cfield, f"{access}.{cfield}")
                view.children.append(ChildService(cfield, cview.type, cview.group))
            return view

        used: set[str] = {"cfg"}
        for root in self.api.resources:  # field names on Client
            base = exported(root.name, "Default")
            name, n = base, 1
            while name in used:
                n += 1
                name = f"{base}{n}"
            used.add(name)
            visit(root, name, name)
        return out

    def method(self, op: Operation, group: tuple[str, ...]) -> MethodView:
        with self.within(("op", op.id)):
            mv = self._method(op, group)
            mv.page = page_view(self, op, mv)
        if mv.page is not None:
            mv.doc = paged_doc(self, op, mv)
        return mv

    def _method(self, op: Operation, group: tuple[str, ...]) -> MethodView:
        name = method_name(op.name)
        prefix = exported(tuple(singular(w) for w in group), "Default") + name
        taken: set[str] = set()
        args = []
        path_params: list[str] = []
        sends: list[SendView] = []
        pfields: list[ParamField] = []
        for p in op.params:
            if p.location == "path" and p.const is None:
                gt = self.types.map(p.type, prefix + exported(p.name), exported(p.name), None)
                arg = unexported(p.name, taken)
                args.append(PathArg(arg, gt.go, go_string(p.name), arg))
                path_params.append(path_param(p, arg))
            elif p.location == "path":
                path_params.append(path_param(p, const_value(p)))
            elif p.const is not None and p.location != "header":
                sends.append(SendView(const_call=send_call(p, const_value(p))))
            elif p.const is None:
                gt = self.types.map(p.type, prefix + exported(p.name), exported(p.name), None)
                field = ParamField(
                    exported(p.name),
                    gt.go if p.required else f"Opt[{gt.go}]",
                    go_string(p.name),
                    p.location,
                    p.required,
                    p.explode,
                    comment(p.description, "\t"),
                    param=p,
                )
                pfields.append(field)
                sends.append(SendView(field=field))
        body_kind, body_model, body_go, content_type, extra = "none", "", "", "", False
        multipart_consts: list[tuple[str, str]] = []
        body_consts: list[tuple[str, str]] = []  # optional consts are sent too, as in every target
        body = op.body
        if body is not None:
            target = self.models.get(body.type.id) if isinstance(body.type, ModelRef) else None
            if body.encoding == "json" and target is not None and target.kind == "object":
                body_kind, body_model, extra = "model", self.names[target.id], True
                for f, fname in zip(target.fields, field_names(target.fields), strict=True):
                    if isinstance(f.type, Const) and not f.required and not f.read_only:
                        body_consts.append((fname, f"Some({self.types.const_value(f.type)})"))
                    if f.read_only or isinstance(f.type, Const):
                        continue
                    fv = self.field_view(target, f, fname)
                    pfields.append(
                        ParamField(fname, fv.go, fv.wire, "body", f.required, True, fv.doc, body_field=fname)
                    )
            elif body.encoding == "multipart" and target is not None and target.kind == "object":
                body_kind = "multipart"
                mfields, multipart_consts = multipart_fields(self, target)
                pfields += mfields
            else:
                gt = self.types.map(body.type, prefix + "Body", "Body", None)
                body_kind, body_go = "value", gt.go if body.encoding == "json" else "[]byte"
                content_type = "" if body.encoding == "json" else go_string(body.content_type)
                pfields.append(
                    ParamField(
                        "Body", body_go, '""', "body", body.required, True, comment(body.description, "\t")
                    )
                )
                if body.encoding == "multipart":
                    doc = "ContentType replaces the Content-Type header; give the multipart writer's "
                    doc += "FormDataContentType(), which names the boundary."
                    pfields.append(
                        ParamField(
                            "ContentType", "string", '""', "content-type", False, True, comment(doc, "\t")
                        )
                    )
        _number(pfields, {"ExtraFields"} if extra else set())
        params = None
        if pfields or extra:
            pname = self.table.claim(prefix + "Params")
            params = ParamsView(pname, comment(f"{pname} holds the parameters of {name}."), pfields, extra)
        ok = op.success
        returns, out_go, event_decoder, out_decoder = "none", "", "", ""
        if ok is not None and ok.type is not None and ok.encoding == "json":
            gt = self.types.map(ok.type, prefix + "Response", "Response", None)
            is_model = isinstance(ok.type, ModelRef) and self.models[ok.type.id].kind == "object"
            returns, out_go, out_decoder = ("model" if is_model else "value"), gt.go, gt.decoder
        elif ok is not None and ok.encoding == "binary":
            returns, out_go = "bytes", "[]byte"
        elif ok is not None and ok.encoding == "event-stream":
            returns, out_go, event_decoder = "stream", *self.event_type(op, prefix)
        elif ok is not None and ok.encoding == "text":
            returns, out_go = "text", "string"
        mv = MethodView(
            name=name,
            doc=method_doc(name, op, self.models),
            http_method=op.method,
            path=go_string(path_template(op.path)),
            args=args,
            path_params=path_params,
            sends=sends,
            security=security_literal(self.api.security_of(op)),
            params=params,
            const_headers=[
                (go_string(p.name), go_string(str(p.const.value)))
                for p in op.params
                if p.const is not None and p.location == "header"
            ],
            body_kind=body_kind,
            body_model=body_model,
            body_go=body_go,
            content_type=content_type,
            content_type_param=any(f.location == "content-type" for f in pfields),
            returns=returns,
            out_go=out_go,
            out_decoder=out_decoder,
            event_decoder=event_decoder,
            multipart_consts=multipart_consts,
            body_consts=body_consts,
            op=op,
        )
        if returns == "stream":
            mv.stream_flag, mv.stream_value = stream_flag(self, op, mv, name)
        return mv

    def event_type(self, op: Operation, prefix: str) -> tuple[str, str]:
        """(Go type, event decoder) of the events of the operation's text/event-stream response."""
        ok = op.success
        media = ok.stream if ok is not None else None
        if media is None or media.type is None:
            return "ServerSentEvent", "rawEvents"
        gt = self.types.map(media.type, prefix + "Event", "Event", None)
        return gt.go, f"jsonEvents({gt.decoder})"


def _number(fields: list[ParamField], taken: set[str]) -> None:
    for f in fields:
        base, n = f.name, 1
        while f.name in taken:
            n += 1
            f.name = f"{base}{n}"
        taken.add(f.name)


def _field_doc(f: Field) -> str | None:
    parts = [f.description or ""]
    if isinstance(f.type, Const):
        parts.append(f"Always {json.dumps(thaw(f.type.value))}; set when encoding.")
    if f.default is not None:
        parts.append(f"The server's default: {one_line(json.dumps(thaw(f.default.value)))}.")
    return "\n".join(p for p in parts if p) or None


__all__ = ["Builder", "GoType", "PackageView"]
