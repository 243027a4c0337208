"""Prettier over the generated TypeScript: one run for every file that is not in the cache.

Prettier is a pinned dev dependency of the TypeScript harness (tests/typescript/harness, installed
by ``make setup`` with ``npm ci``), like gofmt for the Go target: the generator needs it and says
so when it is missing.  The result is cached by content hash (and prettier's version).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from ...errors import UsageError
from ...format import FormatError, _cache_get, _cache_put

ROOT = Path(__file__).resolve().parents[3]
HARNESS = ROOT / "tests" / "typescript" / "harness"
PRETTIER = HARNESS / "node_modules" / "prettier" / "bin" / "prettier.cjs"
CONFIG = {"printWidth": 110}
CONFIG_TEXT = json.dumps(CONFIG, indent=2) + "\n"


def _prettier() -> tuple[str, str]:
    node = shutil.which("node")
    if node is None or not PRETTIER.is_file():
        raise UsageError(
            "the typescript target formats with the harness' pinned prettier: install Node.js 18+ and "
            f"run `make setup` (npm ci --prefix {HARNESS.relative_to(ROOT)})"
        )
    version = json.loads((PRETTIER.parents[1] / "package.json").read_text(encoding="utf-8"))["version"]
    return node, f"prettier-{version}-{CONFIG_TEXT}"


def format_typescript(files: dict[str, str]) -> dict[str, str]:
    """Every ``.ts`` file of ``files`` formatted (the others unchanged)."""
    node, kind = _prettier()
    out = dict(files)
    todo = {}
    for rel, text in files.items():
        if not rel.endswith(".ts"):
            continue
        hit = _cache_get(kind, text)
        if hit is None:
            todo[rel] = text
        else:
            out[rel] = hit
    if todo:
        with tempfile.TemporaryDirectory(prefix="oasgen-prettier-") as tmp:
            root = Path(tmp)
            (root / ".prettierrc.json").write_text(CONFIG_TEXT, encoding="utf-8")
            for rel, text in todo.items():
                path = root / rel
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
            proc = subprocess.run(
                [node, str(PRETTIER), "--write", "--log-level", "warn", "--no-editorconfig", "."],
                cwd=root,
                capture_output=True,
                text=True,
                check=False,
            )
            if proc.returncode != 0:
                raise FormatError(
                    f"generator bug: prettier failed on the TypeScript output:\n{proc.stderr[-4000:]}"
                )
            for rel, text in todo.items():
                formatted = (root / rel).read_text(encoding="utf-8")
                _cache_put(kind, text, formatted)
                out[rel] = formatted
    out[".prettierrc.json"] = CONFIG_TEXT
    return out
