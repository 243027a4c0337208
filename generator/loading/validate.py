"""Structural validation against the published OpenAPI 3.0 / 3.1 JSON Schemas.

The schemas are the ones openapi-spec-validator ships (the OpenAPI Initiative's
published ``schema.json`` files).  We validate the root document's resolved view
(:mod:`.resolve`: an operation or parameter written as a ``$ref`` to another file is
checked as the object it stands for) with jsonschema directly: the 3.1 schema checks
Schema Objects only as "object or boolean" and schema ``$ref``s stay references,
which keeps a 3 MB spec to a couple of seconds.  Semantic checks (refs, examples,
...) live in :mod:`generator.lint`.

Each jsonschema error becomes a located ``oas-schema`` finding: its instance path,
followed through the resolved ``$ref``s, names the file, ``line:col`` and pointer
where the offending value is written.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from typing import Any, Literal

from jsonschema import Draft4Validator, Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from ..errors import Finding, Severity
from .spec import Node, Spec
from .yaml_source import Document

Version = Literal["3.0", "3.1"]
RULE = "oas-schema"
MAX_ERRORS = 50
_MAX_MESSAGE = 160

_VERSION = re.compile(r"^3\.([01])\.\d+(-.+)?$")


@cache
def _validator(version: Version) -> Draft4Validator | Draft202012Validator:
    text = (files("openapi_spec_validator") / f"resources/schemas/v{version}/schema.json").read_text("utf-8")
    schema = json.loads(text)
    if version == "3.0":
        return Draft4Validator(schema)
    # Crawl once up front: otherwise every $dynamicRef lookup re-crawls the meta-schema (10x slower).
    resource = DRAFT202012.create_resource(schema)
    registry: Registry[Any] = Registry().with_resource(schema["$id"], resource).crawl()
    return Draft202012Validator(schema, registry=registry)


def _finding(doc: Document, pointer: str, message: str) -> Finding:
    return Finding(Severity.ERROR, RULE, message, doc.location(pointer))


def spec_version(doc: Document) -> tuple[Version | None, Finding | None]:
    """The OpenAPI minor version of the root document, or a located finding saying why not."""
    data = doc.data
    if not isinstance(data, dict):
        return None, _finding(doc, "", "an OpenAPI document must be a mapping at the top level")
    if "openapi" not in data:
        if "swagger" in data:
            return None, _finding(
                doc, "/swagger", "Swagger 2.0 is not supported; convert the spec to OpenAPI 3"
            )
        return None, _finding(doc, "", "the document has no 'openapi' version field")
    raw = data["openapi"]
    m = _VERSION.match(raw) if isinstance(raw, str) else None
    if m is None:
        return None, _finding(
            doc,
            "/openapi",
            f"unsupported OpenAPI version {raw!r}: oasgen reads 3.0.x and 3.1.x (as a string)",
        )
    return ("3.0" if m.group(1) == "0" else "3.1"), None


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _unexpected_keys(err: ValidationError) -> list[str]:
    inst, schema = err.instance, err.schema
    if not isinstance(inst, dict) or not isinstance(schema, dict):
        return []
    props = schema.get("properties", {})
    patterns = [re.compile(p) for p in schema.get("patternProperties", {})]
    return [k for k in inst if k not in props and not any(p.search(k) for p in patterns)]


def describe(err: ValidationError) -> tuple[list[str | int], str]:
    """A short message for one jsonschema error and the path it is about (sometimes a child key)."""
    path: list[str | int] = list(err.absolute_path)
    kind = err.validator
    schema = err.schema if isinstance(err.schema, Mapping) else {}
    if kind in ("additionalProperties", "unevaluatedProperties") and schema.get(kind) is False:
        keys = _unexpected_keys(err)
        if keys:
            return path + [keys[0]], f"unknown field {keys[0]!r}"
    if kind == "type":
        expected = err.validator_value
        if isinstance(expected, list):
            expected = " or ".join(str(e) for e in expected)
        return path, f"expected {expected}, got {_json_type(err.instance)}"
    if kind in ("oneOf", "anyOf"):
        given = _json_type(err.instance)
        if kind == "oneOf" and not err.context:
            return path, f"the {given} value matches more than one oneOf branch"
        return path, f"the {given} value matches none of the {kind} branches"
    if kind == "const":
        return path, f"expected {json.dumps(err.validator_value)}, got {json.dumps(err.instance)[:60]}"
    message = err.message
    if len(message) > _MAX_MESSAGE:
        message = message[: _MAX_MESSAGE - 3] + "..."
    return path, message


def _at_broken_ref(spec: Spec, node: Node) -> bool:
    """A ``{$ref: ...}`` left in place (or its ``$ref``): its value is unknown, not wrong."""
    pointer = node.pointer.removesuffix("/$ref")
    return spec.unresolved(Node(node.doc, pointer))


@cache
def _fast_validator(version: Version) -> Any:
    """The same published schema compiled by jsonschema-rs: about 100x faster, yes/no only."""
    import jsonschema_rs

    text = (files("openapi_spec_validator") / f"resources/schemas/v{version}/schema.json").read_text("utf-8")
    return jsonschema_rs.validator_for(json.loads(text))


def validate_structure(spec: Spec, fast: bool = False) -> tuple[Version | None, list[Finding]]:
    """Check the root document against the OpenAPI schema of its version.  Findings are located.

    ``fast``: first ask jsonschema-rs whether the document is valid at all; only an invalid one
    goes through the (slower) validator whose errors become the located, readable findings.
    """
    doc = spec.root
    version, problem = spec_version(doc)
    if version is None:
        return None, [problem] if problem else []
    data, root = spec.data, spec.node()
    if fast:
        try:
            valid = bool(_fast_validator(version).is_valid(data))
        except (ValueError, TypeError, OverflowError):  # data it cannot take (e.g. huge ints)
            valid = False
        if valid:
            return version, []
    findings: list[Finding] = []
    for err in _validator(version).iter_errors(data):
        leaf = best_match([err])
        path, message = describe(leaf)
        node = root.child(*path)
        if _at_broken_ref(spec, node):
            continue  # the ref's own finding says what is wrong there
        findings.append(Finding(Severity.ERROR, RULE, message, node.location))
        if len(findings) >= MAX_ERRORS:
            findings.append(
                _finding(doc, "", f"stopped after {MAX_ERRORS} structural errors; fix these and run again")
            )
            break
    return version, findings
