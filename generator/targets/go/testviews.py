"""View models of the generated Go tests (api_test.go, models_test.go): spec-driven cases."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...ir.model import (
    AnyType,
    Api,
    BinaryType,
    EnumType,
    Model,
    ModelRef,
    Nullable,
    Operation,
    Primitive,
    Type,
    thaw,
)
from ...text import path_template
from ..wire import cookie_pieces, header_text, path_text, pct, query_pieces
from .sample import NoFiniteValue, Sampler, accepts_string
from .types import go_string
from .viewmodels import MethodView, PackageView

if TYPE_CHECKING:
    from .pagetests import PagesCase


def js(value: object) -> str:
    """A Go string literal holding compact JSON."""
    return go_string(json.dumps(value, separators=(",", ":"), ensure_ascii=False))


@dataclass
class ModelCase:
    name: str
    min_json: str
    full_json: str
    extra_json: str
    missing: list[tuple[str, str]]  # (JSON without a required field, path)
    wrong: list[tuple[str, str]]  # (JSON with a wrongly typed field, path)
    secrets: list[str]  # Go literals of secret values inside full_secret_json
    secret_json: str


@dataclass
class EnumCase:
    name: str
    unknown: str  # JSON literal (Go string)
    known: str  # a constant name


@dataclass
class PathValue:
    arg: str
    go: str
    json: str  # Go literal; "" for plain strings
    literal: str  # Go literal of the string value when go == "string"


@dataclass
class OpCase:
    test: str
    service_field: str
    method: MethodView
    path_values: list[PathValue]
    escaped_path: str  # Go literal
    param_json: list[tuple[str, str]]  # (params field, Go literal of its JSON)
    body_json: str  # Go literal, "" when none
    query: str  # Go literal of the raw query string the call sends
    cookie: str  # Go literal of its Cookie header ("" when none)
    headers: list[tuple[str, str]]
    status: int
    reply: str  # Go literal, "" when no body
    event: str = ""  # a stream's event: Go literal of its data (JSON unless raw)
    files: list[tuple[str, str]] = field(default_factory=list)  # multipart: (params field, Go value)
    parts: list[tuple[str, str, str, str]] = field(default_factory=list)  # (name, filename, type, data)


@dataclass
class Tests:
    models: list[ModelCase] = field(default_factory=list)
    enums: list[EnumCase] = field(default_factory=list)
    ops: list[OpCase] = field(default_factory=list)
    pages: list[PagesCase] = field(default_factory=list)
    fuzz_types: list[str] = field(default_factory=list)  # every type that decodes JSON (fuzz_test.go)
    fuzz_seeds: list[tuple[int, str]] = field(default_factory=list)  # (index in fuzz_types, Go literal)


def build_tests(api: Api, view: PackageView) -> Tests:
    models = {m.id: m for m in api.models}
    full, least = Sampler(models, True), Sampler(models, False)
    tests = Tests()
    names = view.names
    for m in api.models:
        if m.kind == "object":
            try:
                tests.models.append(_model_case(m, names[m.id], models, full, least))
            except NoFiniteValue:
                continue  # no value to round-trip
    for e in view.enums:
        unknown: object = "__oasgen_unknown__" if e.base == "string" else 987654
        tests.enums.append(EnumCase(e.name, js(unknown), e.consts[0][0]))
    from .pagetests import pages_case

    for s in view.services:
        for mv in s.methods:
            try:
                tests.ops.append(_op_case(api, s.access, mv, models))
                pages = pages_case(tests.ops[-1], models)
            except NoFiniteValue:
                continue  # its request or response has no finite value to send
            if pages is not None:
                tests.pages.append(pages)
    tests.fuzz_types = [c.name for c in tests.models]
    tests.fuzz_types += [u.name for u in view.unions] + [e.name for e in view.enums]
    tests.fuzz_types += [a.name for a in view.aliases]
    tests.fuzz_seeds = [(i, text) for i, c in enumerate(tests.models) for text in (c.min_json, c.full_json)]
    return tests


def _model_case(m: Model, name: str, models: dict[str, Model], full: Sampler, least: Sampler) -> ModelCase:
    f_json = full.model(m.id)
    assert isinstance(f_json, dict)
    # An unknown field must fit a typed additionalProperties; any JSON fits an untyped one.
    typed = m.additional is not None and not isinstance(_strip(m.additional), AnyType)
    unknown = full.value(m.additional) if typed and m.additional is not None else None
    extra = dict(f_json, x_oasgen_extra=unknown if typed else {"nested": [1, 2.5, "s", None, True]})
    missing, wrong = [], []
    for f in m.fields:
        if f.required:
            missing.append((js({k: v for k, v in f_json.items() if k != f.name}), go_string(f.name)))
            break
    for f in m.fields:
        if f.name in f_json and not isinstance(_strip(f.type), (AnyType, BinaryType)):
            bad: object = "wrong" if not accepts_string(f.type, models) else [["wrong"]]
            if isinstance(f.type, Primitive) and f.type.kind == "string" or _is_str_enum(f.type):
                bad = 12345
            wrong.append((js(dict(f_json, **{f.name: bad})), go_string(f.name)))
            break
    secret_json = dict(f_json)
    secrets = []
    for f in m.fields:
        if f.secret and f.name in secret_json and isinstance(secret_json[f.name], str):
            value = f"s3cr3t-{f.name}-value"
            secret_json[f.name] = value
            secrets.append(go_string(value))
    return ModelCase(
        name=name,
        min_json=js(least.model(m.id)),
        full_json=js(f_json),
        extra_json=js(extra),
        missing=missing,
        wrong=wrong,
        secrets=secrets,
        secret_json=js(secret_json),
    )


def _strip(t: Type) -> Type:
    return t.inner if isinstance(t, Nullable) else t


def _is_str_enum(t: object) -> bool:
    t = t.inner if isinstance(t, Nullable) else t
    return isinstance(t, EnumType) and t.base == "string"


def _param_text(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value)


def test_auth(api: Api, op: Operation) -> tuple[list[str], list[str]]:
    """The query pieces and cookies a generated test's client (every credential "sk-test-key") adds."""
    alternatives = [r for r in api.security_of(op) if r.schemes]
    schemes = {s.name: s for s in api.auth}
    query: list[str] = []
    cookies: list[str] = []
    for name in alternatives[0].schemes if alternatives else ():
        s = schemes[name]
        if s.kind == "api-key" and s.param_in == "query":
            query.append(f"{pct(s.param_name or '')}=sk-test-key")
        elif s.kind == "api-key" and s.param_in == "cookie":
            cookies.append(f"{s.param_name}=sk-test-key")
    return query, cookies


def _op_case(api: Api, service_field: str, mv: MethodView, models: dict[str, Model]) -> OpCase:
    op: Operation = mv.op
    full = Sampler(models, True, skip_read_only=True)
    path = path_template(op.path)
    path_values = []
    path_params = [p for p in op.params if p.location == "path" and p.const is None]
    # The test's variable is <arg>Arg: a parameter's own name could be one of the test's locals (t, s, c).
    for arg, p in zip(mv.args, path_params, strict=True):
        if arg.go == "string":
            value: object = "id/1 x"
            path_values.append(PathValue(arg.arg + "Arg", arg.go, "", go_string("id/1 x")))
        else:
            value = full.value(p.type)
            path_values.append(PathValue(arg.arg + "Arg", arg.go, js(value), ""))
        path = path.replace("{" + p.name + "}", path_text(p, value))
    for p in op.params:
        if p.location == "path" and p.const is not None:
            path = path.replace("{" + p.name + "}", path_text(p, p.const.value))
    param_json: list[tuple[str, str]] = []
    query: list[str] = []
    cookies: list[str] = []
    headers: list[tuple[str, str]] = []
    body_json = ""
    files: list[tuple[str, str]] = []
    parts: list[tuple[str, str, str, str]] = []
    fields = {(f.location, json.loads(f.wire)): f for f in (mv.params.fields if mv.params else [])}
    for p in op.params:  # in spec order, as the method sends them
        if p.location == "path" or p.location == "header" and p.const is not None:
            continue
        if p.const is not None:
            value = p.const.value
        else:
            value = full.value(p.type)
            param_json.append((fields[(p.location, p.name)].name, js(value)))
        if p.location == "query":
            query += query_pieces(p, value)
        elif p.location == "cookie":
            cookies += cookie_pieces(p, value)
        else:
            headers.append((go_string(p.name), go_string(header_text(p, value) or "")))
    if mv.params is not None:
        if mv.body_kind == "model" and op.body is not None:
            sample = full.value(op.body.type)
            assert isinstance(sample, dict)
            if mv.stream_flag:
                sample["stream"] = True
            body_json = js(dict(sample, x_oasgen_extra=[True]))
        elif mv.body_kind == "multipart" and op.body is not None:
            files, parts = multipart_case(mv, op, models, full, param_json)
        elif mv.body_kind == "value" and op.body is not None and not mv.content_type:
            body_json = js(full.value(op.body.type))
            param_json.append(("Body", body_json))
    auth_query, auth_cookies = test_auth(api, op)
    ok = op.success
    status = int(ok.status) if ok is not None and ok.status.isdigit() else 200
    reply = ""
    if mv.returns in ("model", "value") and ok is not None and ok.type is not None:
        example = thaw(ok.examples[0][1]) if ok.examples else Sampler(models, True).value(ok.type)
        reply = js(example)
    elif mv.returns in ("bytes", "text"):
        reply = go_string("hello")
    event = ""
    if mv.returns == "stream":
        media = ok.stream if ok is not None else None
        if media is not None and media.type is not None:
            event = js(Sampler(models, True).value(media.type))
        else:
            event = go_string("hello")
    if mv.returns == "none" and status == 200:
        status = 204
    return OpCase(
        test=f"Test{service_field.replace('.', '')}{mv.name}",
        service_field=service_field,
        method=mv,
        path_values=path_values,
        escaped_path=go_string("/v1" + path),
        param_json=param_json,
        body_json=body_json,
        query=go_string("&".join(query + auth_query)),
        cookie=go_string("; ".join(cookies + auth_cookies)) if cookies or auth_cookies else "",
        headers=headers,
        status=status,
        reply=reply,
        event=event,
        files=files,
        parts=parts,
    )


_FILE = 'File{Name: "a\\"b.txt", Data: strings.NewReader("hello %d"), ContentType: "text/plain"}'


def multipart_case(
    mv: MethodView, op: Operation, models: dict[str, Model], full: Sampler, param_json: list[tuple[str, str]]
) -> tuple[list[tuple[str, str]], list[tuple[str, str, str, str]]]:
    """Multipart params (files as Go values, the rest as JSON into param_json) and the parts expected."""
    assert op.body is not None and isinstance(op.body.type, ModelRef) and mv.params is not None
    target = models[op.body.type.id]
    by_wire = {go_string(f.name): f for f in target.fields}
    files: list[tuple[str, str]] = []
    parts: list[tuple[str, str, str, str]] = []
    for wire, text in mv.multipart_consts:
        value = json.loads(json.loads(text))
        parts += _parts(wire, value)
    n = 0
    for pf in mv.params.fields:
        if pf.location != "body":
            continue
        f = by_wire[pf.wire]
        if pf.go in ("File", "Opt[File]", "[]File", "Opt[[]File]"):
            count = 2 if "[]File" in pf.go else 1
            values = [_FILE.replace("%d", str(n + i)) for i in range(count)]
            for i in range(count):
                parts.append(
                    (pf.wire, go_string("a%22b.txt"), go_string("text/plain"), go_string(f"hello {n + i}"))
                )
            n += count
            value = values[0] if count == 1 else "[]File{" + ", ".join(values) + "}"
            files.append((pf.name, value if pf.required else f"Some({value})"))
            continue
        if pf.name == mv.stream_flag:
            parts += _parts(pf.wire, True)
            continue
        sample = full.value(f.type)
        param_json.append((pf.name, js(sample)))
        parts += _parts(pf.wire, sample)
    return files, parts


def _parts(wire: str, value: object, top: bool = True) -> list[tuple[str, str, str, str]]:
    if value is None:
        return []
    if isinstance(value, list) and top:
        return [p for item in value for p in _parts(wire, item, False)]
    if isinstance(value, (dict, list)):
        return [(wire, '""', go_string("application/json"), js(value))]
    return [(wire, '""', '""', go_string(_param_text(value)))]
