"""Shrink a spec that crashes oasgen to a small one that crashes it the same way (a developer tool).

    .venv/bin/python tests/fuzz/minimize.py SPEC [OUT]

SPEC is one file (YAML or JSON; a multi-file spec is not shrunk).  The crash's signature is the
exception type and the innermost frame inside generator/; the spec is shrunk greedily (drop a key
or a list item, replace a value by a simpler one) while the signature stays the same, and the
result is written to OUT (default: SPEC's name with ``.min`` before the suffix) as JSON.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from generator.errors import Severity, SpecError, UsageError  # noqa: E402
from generator.lint import blocking, lint  # noqa: E402
from generator.loading.spec import load_spec  # noqa: E402
from generator.pipeline import generate  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from spec_strategies import dump  # noqa: E402

TARGETS = ["python", "go", "docs"]
OPTIONS = {"python": {"package": "pkg"}, "go": {"package": "pkg"}, "docs": {"package": "pkg"}}


def signature(spec: Path) -> str | None:
    """``Type at file:function`` of the crash of lint or generate on ``spec``; None when none, or
    when the spec has errors that stop generation (a repro must be a spec oasgen should accept)."""
    try:
        if any(f.severity is Severity.ERROR for f in blocking(load_spec(spec))):
            return None
    except (SpecError, UsageError):
        return None
    except Exception:  # noqa: BLE001
        pass  # the loader or the checks crash: that is the signature below
    for run in (lambda: lint(load_spec(spec)), lambda: generate(spec, TARGETS, OPTIONS)):
        try:
            run()
        except (SpecError, UsageError):
            pass
        except RecursionError:
            return "RecursionError"
        except Exception as exc:  # noqa: BLE001 - a crash is what we look for
            frames = [f for f in traceback.extract_tb(exc.__traceback__) if "/generator/" in f.filename]
            where = f"{Path(frames[-1].filename).name}:{frames[-1].name}" if frames else "?"
            message = re.sub(r"\d+", "N", str(exc).splitlines()[0] if str(exc) else "")[:70]
            return f"{type(exc).__name__} at {where}: {message}"  # without line numbers, which shrink
    return None


def _candidates(node: Any) -> Iterator[tuple[Any, ...]]:
    """Paths to shrink at and their simpler replacements, biggest cuts first."""
    if isinstance(node, dict):
        for k in list(node):
            yield (k, None)  # drop the key
        for k, v in node.items():
            for path in _candidates(v):
                yield (k, *path)
    elif isinstance(node, list):
        for i in range(len(node)):
            yield (i, None)
        for i, v in enumerate(node):
            for path in _candidates(v):
                yield (i, *path)
    elif isinstance(node, str) and len(node) > 1:
        yield ("", node[: len(node) // 2])
        yield ("", node[1:])


def _apply(node: Any, path: tuple[Any, ...]) -> Any:
    *keys, value = path
    if keys and keys[-1] == "":
        keys, replace = keys[:-1], True
    else:
        replace = False
    data = json.loads(json.dumps(node))
    parent = data
    if not keys:
        return value if replace else data
    for k in keys[:-1]:
        parent = parent[k]
    last = keys[-1]
    if replace:
        parent[last] = value
    elif isinstance(parent, list):
        del parent[last]
    else:
        del parent[last]
    return data


def shrink(data: Any, folder: Path, target: str, name: str) -> Any:
    spec = folder / name

    def same(candidate: Any) -> bool:
        spec.write_text(dump(candidate, True), encoding="utf-8", errors="surrogatepass")
        return signature(spec) == target

    changed = True
    while changed:
        changed = False
        for path in list(_candidates(data)):
            try:
                candidate = _apply(data, path)
            except (KeyError, IndexError, TypeError):
                continue
            if candidate != data and same(candidate):
                data, changed = candidate, True
                break
    return data


def main(argv: list[str]) -> int:
    src = Path(argv[1])
    out = Path(argv[2]) if len(argv) > 2 else src.with_name(src.stem + ".min.json")
    target = signature(src)
    if target is None:
        print(f"{src}: no crash", file=sys.stderr)
        return 1
    print(f"signature: {target}", file=sys.stderr)
    import yaml

    text = src.read_text(encoding="utf-8", errors="surrogatepass")
    data = json.loads(text) if src.suffix == ".json" else yaml.safe_load(text)
    with tempfile.TemporaryDirectory() as tmp:
        small = shrink(data, Path(tmp), target, "openapi.json")
    out.write_text(
        json.dumps(small, indent=1, ensure_ascii=False) + "\n", encoding="utf-8", errors="surrogatepass"
    )
    print(f"wrote {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
