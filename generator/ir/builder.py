"""Spec -> :class:`Api`: the one place that normalises a loaded spec into the IR."""

from __future__ import annotations

from ..errors import UNKNOWN, Finding, Severity
from ..loading.spec import Spec
from ..naming import split_words
from .model import Api, Info, Model, Operation, Server
from .operations import OperationBuilder
from .schemas import COMPONENT_PREFIX, SchemaConverter
from .security import SecurityBuilder


def build_api(spec: Spec) -> tuple[Api, list[Finding]]:
    """Build the IR.  Raises SpecError for input it cannot represent; returns warnings beside it."""
    data = spec.data
    version = str(data.get("openapi", ""))
    conv = SchemaConverter(spec, is_30=version.startswith("3.0"))

    # Every component schema is a model, in spec order, whether or not an operation uses it.
    schemas = (data.get("components") or {}).get("schemas") or {}
    for name in schemas:
        node = spec.node(COMPONENT_PREFIX.rstrip("/")).child(name)
        conv.model_ref(node, conv.component_name(node))

    security = SecurityBuilder(spec, conv)
    default_security = security.default()
    ops = OperationBuilder(conv, security).build_all()
    schemes, default_security = security.finish(default_security)
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
        auth=schemes,
        security=default_security,
        operations=tuple(ops),
        models=models,
    )
    return api, findings


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
