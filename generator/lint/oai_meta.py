"""Response examples written in the ``x-oaiMeta`` vendor extension.

OpenAI's spec documents each operation's response example as a JSON string at
``x-oaiMeta.examples.response`` (or ``x-oaiMeta.examples[*].response``).  These
are the samples SDK docs show, so they are checked against the operation's
first 2xx ``application/json`` response schema.  Strings that are not JSON
(event streams, prose) are skipped.  Findings from these are warnings.
"""

from __future__ import annotations

import json
from typing import Any

from ..errors import SpecError
from ..loading.spec import Node, Spec
from .walk import OperationSite, ValueSite


def _success_schema(spec: Spec, op: OperationSite) -> Node | None:
    responses = op.value.get("responses")
    if not isinstance(responses, dict):
        return None
    for status in sorted(str(s) for s in responses):
        if not status.startswith("2"):
            continue
        node = op.node.child("responses", status)
        try:
            node, value = spec.deref(node)
        except SpecError:  # a broken ref is the ref rule's business
            return None
        content = value.get("content") if isinstance(value, dict) else None
        if isinstance(content, dict):
            for media, mt in content.items():
                if "json" in media and isinstance(mt, dict) and "schema" in mt:
                    return node.child("content", media, "schema")
        return None
    return None


def _response_nodes(op: OperationSite) -> list[tuple[Node, Any]]:
    meta = op.value.get("x-oaiMeta")
    if not isinstance(meta, dict):
        return []
    examples = meta.get("examples")
    base = op.node.child("x-oaiMeta", "examples")
    if isinstance(examples, dict):
        return [(base.child("response"), examples.get("response"))]
    if isinstance(examples, list):
        return [
            (base.child(i, "response"), e.get("response"))
            for i, e in enumerate(examples)
            if isinstance(e, dict)
        ]
    return []


def vendor_example_sites(spec: Spec, operations: list[OperationSite]) -> list[ValueSite]:
    sites: list[ValueSite] = []
    for op in operations:
        candidates = [
            (n, t) for n, t in _response_nodes(op) if isinstance(t, str) and t.lstrip()[:1] in ("{", "[")
        ]
        if not candidates:
            continue
        schema = _success_schema(spec, op)
        if schema is None:
            continue
        for node, text in candidates:
            try:
                value = json.loads(text)
            except ValueError:
                continue
            sites.append(ValueSite("example", node, schema, vendor=True, parsed=value, has_parsed=True))
    return sites
