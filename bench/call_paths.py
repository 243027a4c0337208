"""How many of our call paths on the OpenAI spec equal the official openai-python SDK's.

    .venv/bin/python bench/call_paths.py [--spec PATH] [--list]

Reads the official SDK's resource modules (the pinned ``openai`` in ``bench/.venvs/runtime``) with
``ast``: each method of a resource class that calls ``self._get(...)``, ``self._post(...)``,
``self._get_api_list(...)`` etc. with a path gives (HTTP method, path) -> call path, the call
path being the module path (``resources/beta/threads/messages.py`` -> ``beta.threads.messages``)
plus the method name.  Our call paths come from the IR.  An operation matches when our call
path is one of the official methods for it; "ignoring beta/admin" also accepts the official path
with a leading ``beta.`` or ``admin.``, namespaces that the official SDK's hand-written config
adds and a path-based rule cannot know.  It also compares which list operations page.  It measures
and prints; it asserts nothing.
"""

from __future__ import annotations

import argparse
import ast
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _common import HTTPX, OPENAI, OUT, PYDANTIC, ensure_venv

from generator.ir.builder import build_api
from generator.loading.spec import load_spec

SPEC = Path("/work/shared/specs/openai-openapi.yaml")
_CALLS = {"_get": "GET", "_get_api_list": "GET", "_post": "POST", "_put": "PUT", "_patch": "PATCH"}
_CALLS["_delete"] = "DELETE"
Key = tuple[str, str]  # (HTTP method, path with every parameter as {})


def sdk_resources() -> Path:
    py = ensure_venv("runtime", [OPENAI, HTTPX, PYDANTIC])
    code = "import openai, os; print(os.path.dirname(openai.__file__))"
    out = subprocess.run([str(py), "-c", code], check=True, capture_output=True, text=True).stdout
    return Path(out.strip()) / "resources"


def norm_path(path: str) -> str:
    return re.sub(r"\{[^}]*\}", "{}", path.partition("?")[0].rstrip("/"))


def _path_of(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        parts = [v.value if isinstance(v, ast.Constant) else "{}" for v in node.values]
        return "".join(str(p) for p in parts)
    if isinstance(node, ast.Call) and node.args:  # path_template("/x/{id}", id=id)
        return _path_of(node.args[0])
    return None


def official(resources: Path) -> tuple[dict[Key, set[str]], set[Key]]:
    """(HTTP method, path) -> official call paths; and the keys listed through a page type."""
    calls: dict[Key, set[str]] = {}
    paged: set[Key] = set()
    for file in sorted(resources.rglob("*.py")):
        if file.name == "__init__.py":
            continue
        parts = list(file.relative_to(resources).with_suffix("").parts)
        if len(parts) > 1 and parts[-1] == parts[-2]:
            parts.pop()
        tree = ast.parse(file.read_text(encoding="utf-8"))
        for cls in tree.body:
            if not isinstance(cls, ast.ClassDef) or cls.name.startswith("Async"):
                continue
            if not any(isinstance(b, ast.Name) and b.id == "SyncAPIResource" for b in cls.bases):
                continue
            for fn in cls.body:
                if not isinstance(fn, ast.FunctionDef) or fn.name.startswith("_"):
                    continue
                for node in ast.walk(fn):
                    if (
                        isinstance(node, ast.Call)
                        and isinstance(node.func, ast.Attribute)
                        and node.func.attr in _CALLS
                        and node.args
                        and (path := _path_of(node.args[0]))
                    ):
                        key = (_CALLS[node.func.attr], norm_path(path))
                        calls.setdefault(key, set()).add(".".join(parts + [fn.name]))
                        if node.func.attr == "_get_api_list":
                            paged.add(key)
    return calls, paged


def ours(spec: Path) -> dict[Key, tuple[str, bool]]:
    api, _ = build_api(load_spec(spec))
    out: dict[Key, tuple[str, bool]] = {}
    for op in api.operations:
        if "?" in op.path:  # a query-string variant of another path: the official SDK has no twin
            continue
        call = ".".join("_".join(w) for w in op.resource + (op.name,))
        out[(op.method, norm_path(op.path))] = (call, op.pagination is not None)
    return out


def _unprefixed(call: str) -> str:
    head, _, rest = call.partition(".")
    return rest if head in ("beta", "admin") else call


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=SPEC)
    parser.add_argument("--list", action="store_true", help="print every operation that differs")
    args = parser.parse_args()
    calls, paged = official(sdk_resources())
    mine = ours(args.spec)
    both = sorted(k for k in mine if k in calls)
    exact = [k for k in both if mine[k][0] in calls[k]]
    loose = [k for k in both if k in exact or any(_unprefixed(c) == mine[k][0] for c in calls[k])]
    lines = [f"operations in both: {len(both)} (ours {len(mine)}, official {len(calls)})"]
    lines.append(f"same call path: {len(exact)} ({len(exact) / max(len(both), 1):.0%})")
    lines.append(f"same ignoring a leading beta./admin.: {len(loose)} ({len(loose) / max(len(both), 1):.0%})")
    our_paged = {k for k in both if mine[k][1]}
    their_paged = {k for k in both if k in paged}
    lines.append(
        f"paginated: ours {len(our_paged)}, official {len(their_paged)} auto-paging list methods; "
        f"both {len(our_paged & their_paged)}"
    )
    for k in sorted(their_paged - our_paged):
        lines.append(f"  official pages, we do not: {k[0]} {k[1]} ({', '.join(sorted(calls[k]))})")
    for k in sorted(our_paged - their_paged):
        lines.append(f"  we page, official does not: {k[0]} {k[1]} ({mine[k][0]})")
    if args.list:
        for k in both:
            if k not in loose:
                lines.append(f"  {k[0]} {k[1]}: ours {mine[k][0]}, official {', '.join(sorted(calls[k]))}")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "call_paths.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
