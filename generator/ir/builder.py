"""Spec -> :class:`Api`: the one place that normalises a loaded spec into the IR."""

from __future__ import annotations

from typing import Any

from ..errors import UNKNOWN, Finding, Severity, SpecError
from ..loading.spec import Node, Spec
from ..naming import keep_case_words, split_words
from .model import Api, AuthScheme, Info, Model, Operation, Server
from .operations import OperationBuilder
from .schemas import COMPONENT_PREFIX, SchemaConverter, is_component


def build_api(spec: Spec) -> tuple[Api, list[Finding]]:
    """Build the IR.  Raises SpecError for input it cannot represent; returns warnings beside it."""
    broken = [f for f in spec.findings if f.severity is Severity.ERROR]
    if broken:  # a $ref left unresolved stands where an object or a string should
        raise SpecError(broken)
    data = spec.data
    version = str(data.get("openapi", ""))
    conv = SchemaConverter(spec, is_30=version.startswith("3.0"))

    # Every component schema is a model, in spec order, whether or not an operation uses it.
    schemas = (data.get("components") or {}).get("schemas") or {}
    for name in schemas:
        node = spec.node(COMPONENT_PREFIX.rstrip("/")).child(name)
        conv.model_ref(_component_model(spec, node), keep_case_words(str(name)) or (str(name),))

    ops = OperationBuilder(conv).build_all()
    webhooks = data.get("webhooks")
    if isinstance(webhooks, dict) and webhooks:
        conv.warn(
            "webhooks-not-generated",
            f"{len(webhooks)} webhook(s) are not generated as calls; their payload schemas are models",
            spec.node("/webhooks"),
        )
    findings = list(conv.findings)
    ops = _dedupe_names(ops, findings)
    models = tuple(m for mid in conv.order if (m := conv.models[mid]) is not None)

    info = data.get("info") or {}
    api = Api(
        info=Info(str(info.get("title", "")), str(info.get("version", "")), info.get("description")),
        servers=tuple(
            Server(str(s["url"]), s.get("description"))
            for s in data.get("servers") or ()
            if isinstance(s, dict) and "url" in s
        ),
        auth=_auth(data),
        default_auth=tuple(
            str(k) for req in data.get("security") or () if isinstance(req, dict) for k in req
        ),
        operations=tuple(ops),
        models=models,
    )
    return api, findings


_REF_ANNOTATIONS = {"$ref", "description", "title", "summary", "$comment"}


def _component_model(spec: Spec, node: Node) -> Node:
    """The node of a component schema's model.

    A component written as a ``$ref`` to a schema outside the components (``Pet: {$ref:
    schemas/pet.yaml}``, the usual multi-file layout) *is* that schema, under the component's
    name: refs to the file and to ``#/components/schemas/Pet`` then give the same model.
    """
    value = spec.value(node)
    if not isinstance(value, dict) or "$ref" not in value or value.keys() - _REF_ANNOTATIONS:
        return node
    try:
        final, _ = spec.deref(node)
    except SpecError:
        return node  # reported by the ref rules; converting the node says so again
    return node if is_component(final) else final


def _auth(data: dict[str, Any]) -> tuple[AuthScheme, ...]:
    out: list[AuthScheme] = []
    schemes = (data.get("components") or {}).get("securitySchemes") or {}
    for name, s in schemes.items():
        if not isinstance(s, dict):
            continue
        kind = s.get("type")
        scheme = str(s.get("scheme", "")).lower()
        if kind == "http" and scheme in ("bearer", "basic"):
            out.append(
                AuthScheme(
                    str(name), "bearer" if scheme == "bearer" else "basic", description=s.get("description")
                )
            )
        elif kind == "apiKey":
            out.append(AuthScheme(str(name), "api-key", s.get("name"), s.get("in"), s.get("description")))
        elif kind in ("oauth2", "openIdConnect"):
            out.append(
                AuthScheme(
                    str(name), "oauth2" if kind == "oauth2" else "openid", description=s.get("description")
                )
            )
    return tuple(out)


def _dedupe_names(ops: list[Operation], findings: list[Finding]) -> list[Operation]:
    """Rule 3 of grouping: clashing (group, name) pairs fall back to operationId words, then numbers."""
    from dataclasses import replace

    def clashes(items: list[Operation]) -> set[tuple[tuple[str, ...], tuple[str, ...]]]:
        seen: dict[tuple[tuple[str, ...], tuple[str, ...]], int] = {}
        for o in items:
            seen[(o.group, o.name)] = seen.get((o.group, o.name), 0) + 1
        return {k for k, n in seen.items() if n > 1}

    bad = clashes(ops)
    if bad:
        ops = [replace(o, name=split_words(o.id)) if (o.group, o.name) in bad else o for o in ops]
    bad = clashes(ops)
    if bad:
        counters: dict[tuple[tuple[str, ...], tuple[str, ...]], int] = {}
        renamed = []
        for o in ops:
            key = (o.group, o.name)
            if key in bad:
                counters[key] = counters.get(key, 0) + 1
                if counters[key] > 1:
                    findings.append(
                        Finding(
                            Severity.WARNING,
                            "operation-name-clash",
                            f"operation {o.id!r} clashes with another as "
                            f"{'.'.join(o.group)}.{'_'.join(o.name)}; numbered",
                            o.location or UNKNOWN,
                        )
                    )
                    o = replace(o, name=o.name + (str(counters[key]),))
            renamed.append(o)
        ops = renamed
    return ops


def model_index(api: Api) -> dict[str, Model]:
    return {m.id: m for m in api.models}
