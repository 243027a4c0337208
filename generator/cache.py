"""A memo of the whole pipeline, keyed by everything its output depends on.

The key hashes the spec's folder (every YAML/JSON file in it: the files a spec can ``$ref``),
oasgen's own code and templates, the formatter versions, the targets and their options.  A hit
returns the files and warnings of the earlier run, so regenerating with no change is near-instant;
anything that differs is a miss.  The cache lives outside the project (``OASGEN_CACHE_DIR``, else
``~/.cache/oasgen``); losing it only costs time.
"""

from __future__ import annotations

import hashlib
import json
import os
from importlib.metadata import version
from pathlib import Path
from typing import Any

from .errors import Finding, Location, Severity

ROOT = Path(__file__).resolve().parent.parent
_SPEC_SUFFIXES = {".yaml", ".yml", ".json"}
_KEEP = 16  # entries kept; the oldest go first


def root() -> Path:
    """Where oasgen keeps its caches: ``OASGEN_CACHE_DIR``, else ``~/.cache/oasgen``."""
    base = os.environ.get("OASGEN_CACHE_DIR")
    return Path(base) if base else Path.home() / ".cache" / "oasgen"


def _dir() -> Path:
    return root() / "results"


def _code_digest() -> str:
    h = hashlib.sha256()
    for folder, pattern in ((ROOT / "generator", "*.py"), (ROOT / "templates", "*")):
        for path in sorted(folder.rglob(pattern)):
            if path.is_file() and "__pycache__" not in path.parts:
                h.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for tool in ("ruff", "jinja2", "pyyaml"):
        h.update(f"{tool}={version(tool)}\0".encode())
    return h.hexdigest()


def key(spec_path: Path, targets: list[str], options: dict[str, Any]) -> str | None:
    """The inputs' digest, or None when they cannot all be read (then nothing is cached)."""
    h = hashlib.sha256(_code_digest().encode())
    h.update(json.dumps([str(spec_path), targets, options], sort_keys=True, default=str).encode())
    try:
        folder = spec_path.resolve().parent
        for path in sorted(folder.rglob("*")):
            if path.suffix in _SPEC_SUFFIXES and path.is_file():
                h.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    except OSError:
        return None
    return h.hexdigest()


def load(digest: str) -> tuple[dict[str, dict[str, str]], list[Finding]] | None:
    try:
        data = json.loads((_dir() / f"{digest}.json").read_text(encoding="utf-8"))
        warnings = [
            Finding(Severity(s), rule, message, Location(file, line, col, pointer))
            for s, rule, message, file, line, col, pointer in data["warnings"]
        ]
        return data["files"], warnings
    except (OSError, ValueError, KeyError, TypeError):
        return None


def store(digest: str, files: dict[str, dict[str, str]], warnings: list[Finding]) -> None:
    rows = [
        [
            f.severity.value,
            f.rule,
            f.message,
            f.location.file,
            f.location.line,
            f.location.col,
            f.location.pointer,
        ]
        for f in warnings
    ]
    folder = _dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{digest}.{os.getpid()}.tmp"
        tmp.write_text(json.dumps({"files": files, "warnings": rows}), encoding="utf-8")
        os.replace(tmp, folder / f"{digest}.json")
        entries = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[_KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # an optimisation only
