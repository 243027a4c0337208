"""Runtime speed of the generated Python SDK (`chatkit`) vs the official `openai` package.

    .venv/bin/python bench/python_runtime.py [--quick]

Runs in bench/.venvs/runtime (pinned openai, httpx, pydantic) with a copy of generated/python on
PYTHONPATH. Measures import time (fresh interpreters) and ChatSession parse / serialise throughput.
For scale it also generates the full OpenAI spec's SDK (``openai_sdk``) and times
``import openai_sdk; openai_sdk.OpenAI(api_key_auth=...)`` beside
``import openai; openai.OpenAI(api_key=...)``.
Prints tables and writes bench/out/python_runtime.json. A benchmark, not a test: nothing asserts.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    HTTPX,
    OPENAI,
    OUT,
    PYDANTIC,
    REPO,
    ensure_venv,
    fmt,
    installed_version,
    log,
    measure,
    median,
    table,
    write_json,
)

GENERATED = REPO / "generated" / "python"
OPENAI_SPEC = Path("/work/shared/specs/openai-openapi.yaml")
WORKER = Path(__file__).resolve().parent / "_runtime_worker.py"

# A full ChatSession as the API returns it, with five state variables of mixed types.
PAYLOAD: dict[str, Any] = {
    "id": "cksess_68c1e6f2a3b04c8e9d7f1a2b3c4d5e6f",
    "object": "chatkit.session",
    "expires_at": 1735689600,
    "client_secret": "ek_68c1e6f2a3b04c8e9d7f1a2b3c4d5e6f_secret_token_value",
    "workflow": {
        "id": "wf_68c1e6f2a3b04c8e9d7f1a2b3c4d5e6f",
        "version": "3",
        "state_variables": {
            "plan": "pro",
            "beta_features": True,
            "seats": 12,
            "discount": 0.15,
            "region": "eu-west-1",
        },
        "tracing": {"enabled": True},
    },
    "user": "user_789",
    "rate_limits": {"max_requests_per_1_minute": 60},
    "max_requests_per_1_minute": 60,
    "status": "active",
    "chatkit_configuration": {
        "automatic_thread_titling": {"enabled": True},
        "file_upload": {"enabled": True, "max_file_size": 16, "max_files": 20},
        "history": {"enabled": True, "recent_threads": None},
    },
}

IMPORTS = {
    "bare interpreter": "pass",
    "import chatkit": "import chatkit",
    "import openai": "import openai",
    "openai ChatSession": "from openai.types.beta.chatkit.chat_session import ChatSession",
    "import httpx": "import httpx",
    "import pydantic": "import pydantic",
    "import openai_sdk + client": "import openai_sdk; openai_sdk.OpenAI(api_key_auth='sk-bench')",
    "import openai + client": "import openai; openai.OpenAI(api_key='sk-bench')",
}

PAIRS = [  # (ours, theirs, what)
    ("chatkit.from_dict", "openai.model_validate", "parse, validating"),
    ("chatkit.from_dict", "openai.construct", "parse vs openai construct(**d) (no validation)"),
    ("chatkit.from_dict", "openai.construct_type", "parse vs openai client path construct_type()"),
    ("chatkit.to_dict", "openai.model_dump", "serialise vs model_dump()"),
    ("chatkit.to_dict", "openai.to_dict", "serialise vs openai to_dict()"),
]


def import_times(py: Path, env: dict[str, str], runs: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for label, stmt in IMPORTS.items():
        warm = measure([str(py), "-c", stmt], env=env, timeout_s=60)  # compiles .pyc, fails early
        if warm.exit_code != 0:
            out[label] = {"error": warm.tail(200)}
            continue
        walls = [measure([str(py), "-c", stmt], env=env, timeout_s=60).wall_s for _ in range(runs)]
        out[label] = {"median_s": median(walls), "min_s": min(walls), "runs": walls}
    # The minimum is the least disturbed by other load on the machine: net times use it.
    bare = out.get("bare interpreter", {}).get("min_s")
    for data in out.values():
        if "min_s" in data and bare is not None:
            data["net_ms"] = 1000 * (data["min_s"] - bare)
    return out


def generate_full(out: Path) -> None:
    """The Python SDK of the full OpenAI spec in ``out/python/openai_sdk`` (client class ``OpenAI``)."""
    sys.path.insert(0, str(REPO))
    from generator.pipeline import generate
    from generator.writer import sync

    result = generate(OPENAI_SPEC, ["python"], {"python": {"package": "openai_sdk", "client_name": "OpenAI"}})
    sync(out, "python", result.files["python"])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="fewer, shorter measurements")
    args = ap.parse_args()
    started = time.perf_counter()
    py = ensure_venv("runtime", [OPENAI, HTTPX, PYDANTIC])
    versions = {d: installed_version(py, d) for d in ("openai", "pydantic", "pydantic-core", "httpx")}

    work = OUT / "runtime"
    sdk = work / "python"
    if sdk.exists():
        shutil.rmtree(sdk)
    notes = []
    if GENERATED.exists():
        shutil.copytree(GENERATED, sdk, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    else:
        notes.append(f"{GENERATED.relative_to(REPO)} does not exist yet: chatkit rows are n/a")
        sdk.mkdir(parents=True)
    full = work / "openai_sdk"
    if OPENAI_SPEC.exists():
        log("generating the full OpenAI spec's SDK ...")
        generate_full(full)
    else:
        notes.append(f"{OPENAI_SPEC} missing: the openai_sdk rows are n/a")
    payload_file = work / "payload.json"
    payload_file.write_text(json.dumps(PAYLOAD, indent=1))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(sdk), str(full / "python")]))
    env.pop("VIRTUAL_ENV", None)
    # Bytecode as users have it: pip compiled openai's at install; the warm-up run compiles ours.
    env.pop("PYTHONDONTWRITEBYTECODE", None)

    log("import times ...")
    imports = import_times(py, env, 3 if args.quick else 9)
    seconds, repeats = (0.3, 1) if args.quick else (1.0, 3)
    log(f"throughput ({seconds}s x {repeats} per case) ...")
    run = measure(
        [str(py), str(WORKER), str(payload_file), str(seconds), str(repeats)], env=env, timeout_s=300
    )
    if run.exit_code == 0:
        worker = json.loads(run.stdout)
    else:
        worker = {"results": {}, "checks": {}, "error": run.tail(300)}
        notes.append(f"worker failed: {worker['error']}")
    res: dict[str, Any] = worker["results"]

    print("\n== Import time (fresh interpreter; net = min minus the bare interpreter's min) ==")
    rows = []
    for label, d in imports.items():
        if "error" in d:
            rows.append([label, "n/a", "n/a", "n/a", f"error: {d['error'][:80]}"])
        else:
            ms = [fmt(1000 * d["min_s"], 1), fmt(1000 * d["median_s"], 1), fmt(d.get("net_ms"), 1)]
            rows.append([label, *ms, ""])
    print(table(["what", "min ms", "median ms", "net ms", ""], rows))
    ours = imports.get("import chatkit", {}).get("net_ms")
    for theirs in ("import openai", "openai ChatSession"):
        other = imports.get(theirs, {}).get("net_ms")
        if ours and other:
            print(f"  {theirs} / import chatkit = {other / ours:.1f}x")

    ours_full = imports.get("import openai_sdk + client", {})
    theirs_full = imports.get("import openai + client", {})
    if ours_full.get("net_ms") and theirs_full.get("net_ms"):
        net = ours_full["net_ms"] / theirs_full["net_ms"]
        raw = ours_full["min_s"] / theirs_full["min_s"]
        print(
            "  full OpenAI spec, import + client: openai_sdk / openai = "
            f"{net:.3f} net ({ours_full['net_ms']:.1f} ms vs {theirs_full['net_ms']:.1f} ms), "
            f"{raw:.3f} with start-up"
        )

    print("\n== Throughput on one ChatSession payload (5 state variables) ==")
    rows = []
    for name, d in res.items():
        if "error" in d:
            rows.append([name, "n/a", "n/a", f"error: {d['error'][:90]}"])
        else:
            rows.append([name, f"{d['ops_per_s']:,.0f}", fmt(d["us_per_op"], 2), ""])
    print(table(["case", "objects/s", "us/op", ""], rows))

    print("\n== Ratios (>1 means chatkit is faster) ==")
    ratios = []
    for mine, theirs, what in PAIRS:
        a, b = res.get(mine, {}).get("ops_per_s"), res.get(theirs, {}).get("ops_per_s")
        value = a / b if a and b else None
        ratios.append({"ours": mine, "theirs": theirs, "what": what, "speedup": value})
        shown = f"{value:.2f}x" if value is not None else "n/a"
        print(f"  {mine} vs {theirs}: {shown}  ({what})")
    for key, value in worker.get("checks", {}).items():
        print(f"  check {key}: {value}")
    for note in notes:
        print(f"note: {note}")
    print(
        "versions: "
        + ", ".join(f"{k} {v}" for k, v in versions.items())
        + f"; python {sys.version.split()[0]}"
    )

    data = {
        "env": {"python": sys.version.split()[0], "platform": platform.platform(), "cpus": os.cpu_count()},
        "versions": versions,
        "quick": args.quick,
        "imports": imports,
        "throughput": res,
        "ratios": ratios,
        "checks": worker.get("checks", {}),
        "notes": notes,
        "payload": PAYLOAD,
        "total_s": time.perf_counter() - started,
    }
    path = write_json("python_runtime.json", data)
    print(f"\nraw results: {path.relative_to(REPO)}  (total {data['total_s']:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
