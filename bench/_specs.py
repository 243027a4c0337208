"""Benchmark inputs: load specs, count them, and build synthetic N-times-larger copies.

A synthetic spec of factor N holds the original plus N-1 renamed copies of every component
(`ChatSession` -> `ChatSession_7`), path (`/chatkit/sessions` -> `/v7/chatkit/sessions`),
operationId and schema title, with every `$ref` rewritten, so the result stays a valid spec.
"""

from __future__ import annotations

import copy
import hashlib
from pathlib import Path
from typing import Any

import yaml

try:
    _Loader: Any = yaml.CSafeLoader
    _Dumper: Any = yaml.CSafeDumper
except AttributeError:  # pragma: no cover - libyaml missing
    _Loader = yaml.SafeLoader
    _Dumper = yaml.SafeDumper

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# Component sections whose entries are renamed in each copy (securitySchemes are referenced by
# name from `security`, so they are shared, not copied).
RENAMED_SECTIONS = ("schemas", "parameters", "responses", "requestBodies", "headers", "examples", "links")


def load(path: Path) -> dict[str, Any]:
    with open(path, "rb") as fh:
        data = yaml.load(fh, Loader=_Loader)
    if not isinstance(data, dict):
        raise TypeError(f"{path}: not an OpenAPI mapping")
    return data


def count_schemas(spec: dict[str, Any]) -> int:
    return len((spec.get("components") or {}).get("schemas") or {})


def count_operations(spec: dict[str, Any]) -> int:
    n = 0
    for item in (spec.get("paths") or {}).values():
        if isinstance(item, dict):
            n += sum(1 for m in HTTP_METHODS if m in item)
    return n


def _renamer(spec: dict[str, Any], k: int) -> dict[str, str]:
    comps = spec.get("components") or {}
    table: dict[str, str] = {}
    for section in RENAMED_SECTIONS:
        for name in comps.get(section) or {}:
            table[f"#/components/{section}/{name}"] = f"#/components/{section}/{name}_{k}"
    return table


def _rewrite(node: Any, refs: dict[str, str], k: int) -> Any:
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                out[key] = refs.get(value, value)
            elif key == "mapping" and isinstance(value, dict):
                out[key] = {mk: refs.get(mv, mv) if isinstance(mv, str) else mv for mk, mv in value.items()}
            elif key == "title" and isinstance(value, str):
                out[key] = f"{value} {k}"
            elif key == "operationId" and isinstance(value, str):
                out[key] = f"{value}_{k}"
            elif key == "x-oasgen" and isinstance(value, dict) and isinstance(value.get("group"), str):
                out[key] = {**value, "group": f"{value['group']}_v{k}"}
            else:
                out[key] = _rewrite(value, refs, k)
        return out
    if isinstance(node, list):
        return [_rewrite(v, refs, k) for v in node]
    return node


def replicate(spec: dict[str, Any], factor: int) -> dict[str, Any]:
    """The original spec plus factor-1 renamed copies of all its paths and components."""
    out = copy.deepcopy(spec)
    out_paths: dict[str, Any] = out.setdefault("paths", {})
    out_comps: dict[str, Any] = out.setdefault("components", {})
    comps = spec.get("components") or {}
    info = out.get("info")
    if isinstance(info, dict):
        info["title"] = f"{info.get('title', 'API')} x{factor}"
    for k in range(2, factor + 1):
        refs = _renamer(spec, k)
        for path, item in (spec.get("paths") or {}).items():
            out_paths[f"/v{k}{path}"] = _rewrite(item, refs, k)
        for section in RENAMED_SECTIONS:
            for name, value in (comps.get(section) or {}).items():
                out_comps.setdefault(section, {})[f"{name}_{k}"] = _rewrite(value, refs, k)
    return out


def synthetic(base: Path, factor: int, out_dir: Path) -> Path:
    """Write (or reuse) bench/out/specs/<stem>-x<factor>.yaml built from base's current content."""
    digest = hashlib.sha256(base.read_bytes()).hexdigest()[:12]
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{base.stem}-x{factor}-{digest}.yaml"
    if not target.exists():
        for stale in out_dir.glob(f"{base.stem}-x{factor}-*.yaml"):
            stale.unlink()
        data = replicate(load(base), factor)
        tmp = target.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            yaml.dump(data, fh, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
        tmp.replace(target)
    return target
