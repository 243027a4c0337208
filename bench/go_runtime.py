"""Runtime speed of the generated Go SDK (generated/go) vs the official openai-go, side by side.

    .venv/bin/python bench/go_runtime.py [--quick] [--runs N] [--benchtime 1s]

bench/go is a bench-only Go module: it requires github.com/openai/openai-go/v3 (pinned in its
go.mod; the first run downloads it through the Go module proxy) and example.com/chatkit through a
replace directive pointing at generated/go. Its `testing.B` benchmarks decode (json.Unmarshal) and
encode (json.Marshal of a decoded value) the same ChatSession payload and session create params
in both SDKs. The test binary is built once and run --runs times; each run measures every case,
so each ratio is taken pair by pair within one run and the median is reported. Prints tables and
writes bench/out/go_runtime.json. A benchmark, not a test: nothing asserts on timings.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import OUT, REPO, fmt, log, median, table, write_json

MODULE = REPO / "bench" / "go"
GENERATED = REPO / "generated" / "go"
GO = shutil.which("go") or "/usr/local/go/bin/go"
CASES = [  # benchmark, what (each has sdk=oasgen and, where openai-go has the call, sdk=openai)
    ("ChatSessionDecode", "decode a ChatSession (json.Unmarshal)"),
    ("ChatSessionEncode", "encode a decoded ChatSession (json.Marshal)"),
    ("ChatSessionMarshalJSON", "its own MarshalJSON (openai-go's ChatSession has none)"),
    ("CreateParamsDecode", "decode the session create params (json.Unmarshal)"),
    ("CreateParamsEncode", "encode the session create params (json.Marshal)"),
    ("CreateParamsMarshalJSON", "their own MarshalJSON, as each client encodes a request body"),
]
RATIOS = [  # (our case, their case, what)
    ("ChatSessionDecode", "ChatSessionDecode", "ChatSession decode"),
    ("ChatSessionEncode", "ChatSessionEncode", "ChatSession json.Marshal"),
    ("ChatSessionMarshalJSON", "ChatSessionEncode", "ChatSession MarshalJSON vs openai-go json.Marshal"),
    ("CreateParamsDecode", "CreateParamsDecode", "create params decode"),
    ("CreateParamsEncode", "CreateParamsEncode", "create params json.Marshal"),
    ("CreateParamsMarshalJSON", "CreateParamsMarshalJSON", "create params MarshalJSON"),
]
_LINE = re.compile(
    r"^Benchmark(?P<case>\w+)/sdk=(?P<sdk>\w+)(?:-\d+)?\s+\d+\s+(?P<ns>[\d.]+) ns/op"
    r"(?:\s+[\d.]+ MB/s)?(?:\s+(?P<bytes>\d+) B/op\s+(?P<allocs>\d+) allocs/op)?"
)
_CHECK = re.compile(r"check (?P<sdk>\w+) (?P<what>\w+) (?P<key>\w+)=(?P<value>\w+)")


def go_env() -> dict[str, str]:
    env = dict(os.environ, GOFLAGS="-mod=mod", GOTOOLCHAIN="local", GOWORK="off", CGO_ENABLED="0")
    env["PATH"] = f"{Path(GO).parent}{os.pathsep}{env.get('PATH', '')}"
    return env


def build(binary: Path) -> str | None:
    """Build the benchmark binary; an error message, or None."""
    binary.parent.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(
        [GO, "test", "-c", "-o", str(binary), "."],
        cwd=MODULE,
        env=go_env(),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    return None if proc.returncode == 0 else (proc.stderr or proc.stdout).strip()[-1500:]


def run_once(binary: Path, benchtime: str) -> tuple[dict[tuple[str, str], dict[str, float]], str]:
    args = [str(binary), "-test.run", "^$", "-test.bench", ".", "-test.benchmem"]
    args += ["-test.benchtime", benchtime]
    proc = subprocess.run(args, cwd=MODULE, capture_output=True, text=True, timeout=600, check=False)
    found: dict[tuple[str, str], dict[str, float]] = {}
    for line in proc.stdout.splitlines():
        m = _LINE.match(line.strip())
        if m:
            row = {"ns_per_op": float(m["ns"])}
            if m["bytes"] is not None:
                row |= {"bytes_per_op": float(m["bytes"]), "allocs_per_op": float(m["allocs"])}
            found[(m["case"], m["sdk"])] = row
    problem = "" if proc.returncode == 0 else (proc.stdout + proc.stderr).strip()[-800:]
    return found, problem


def checks(binary: Path) -> dict[str, str]:
    proc = subprocess.run(
        [str(binary), "-test.run", "^TestChecks$", "-test.v"],
        cwd=MODULE,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    out = {f"{m['sdk']} {m['what']} {m['key']}": m["value"] for m in _CHECK.finditer(proc.stdout)}
    if proc.returncode != 0:
        out["error"] = proc.stdout.strip()[-500:]
    return out


def go_version() -> str:
    proc = subprocess.run([GO, "version"], capture_output=True, text=True, check=False, env=go_env())
    return proc.stdout.strip()


def openai_go_version() -> str:
    m = re.search(r"github.com/openai/openai-go/v3 (v\S+)", (MODULE / "go.mod").read_text())
    return m.group(1) if m else "?"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="3 runs of 0.3 s per case")
    ap.add_argument("--runs", type=int, default=None, help="runs of the whole suite (default 7, quick 3)")
    ap.add_argument("--benchtime", default=None, help="per case and run (default 1s, quick 0.3s)")
    args = ap.parse_args()
    runs = args.runs or (3 if args.quick else 7)
    benchtime = args.benchtime or ("0.3s" if args.quick else "1s")
    started = time.perf_counter()
    notes: list[str] = []
    if not (GENERATED / "go.mod").exists():
        print(f"{GENERATED.relative_to(REPO)} does not exist: run make generate first", file=sys.stderr)
        return 1

    binary = OUT / "go" / "goruntime.test"
    log(f"building {MODULE.relative_to(REPO)} (downloads openai-go on the first run) ...")
    error = build(binary)
    if error is not None:
        print(f"building the Go benchmark failed:\n{error}", file=sys.stderr)
        return 1
    log(f"{runs} runs x {len(CASES)} benchmarks x {benchtime} per case ...")
    samples: dict[tuple[str, str], list[dict[str, float]]] = {}
    for n in range(runs):
        found, problem = run_once(binary, benchtime)
        if problem:
            notes.append(f"run {n + 1}: {problem}")
        for key, row in found.items():
            samples.setdefault(key, []).append(row)

    print(f"\n== Go runtime: oasgen (generated/go) vs openai-go {openai_go_version()} ==")
    print(f"   median of {runs} runs, {benchtime} per case and run")
    rows = []
    summary: dict[str, Any] = {}
    for case, what in CASES:
        for sdk in ("oasgen", "openai"):
            got = samples.get((case, sdk), [])
            if not got:
                if sdk == "oasgen":
                    rows.append([case, sdk, "n/a", "n/a", "n/a", "n/a"])
                continue
            ns = [r["ns_per_op"] for r in got]
            entry = {
                "ns_per_op": median(ns),
                "min_ns": min(ns),
                "max_ns": max(ns),
                "bytes_per_op": median([r.get("bytes_per_op", float("nan")) for r in got]),
                "allocs_per_op": median([r.get("allocs_per_op", float("nan")) for r in got]),
                "runs": ns,
                "what": what,
            }
            summary[f"{case}/{sdk}"] = entry
            rows.append(
                [
                    case,
                    sdk,
                    f"{entry['ns_per_op']:,.0f}",
                    f"{entry['min_ns']:,.0f}-{entry['max_ns']:,.0f}",
                    fmt(entry["bytes_per_op"], 0),
                    fmt(entry["allocs_per_op"], 0),
                ]
            )
    print(table(["case", "sdk", "ns/op", "min-max", "B/op", "allocs/op"], rows))

    print("\n== Ratios openai-go / oasgen (>1 means oasgen is faster; median of per-run ratios) ==")
    ratios = []
    for mine, theirs, what in RATIOS:
        ours, other = samples.get((mine, "oasgen"), []), samples.get((theirs, "openai"), [])
        pairs = [t["ns_per_op"] / o["ns_per_op"] for o, t in zip(ours, other, strict=False)]
        value = statistics.median(pairs) if pairs else None
        ratios.append({"ours": mine, "theirs": theirs, "what": what, "speedup": value, "per_run": pairs})
        shown = f"{value:.2f}x (runs {min(pairs):.2f}-{max(pairs):.2f})" if value else "n/a"
        print(f"  {what}: {shown}")
    found_checks = checks(binary)
    for key, value in found_checks.items():
        print(f"  check {key}: {value}")
    for note in notes:
        print(f"note: {note}")
    print(f"versions: {go_version()}; openai-go {openai_go_version()}")

    data = {
        "env": {"platform": platform.platform(), "cpus": os.cpu_count(), "go": go_version()},
        "openai_go": openai_go_version(),
        "runs": runs,
        "benchtime": benchtime,
        "results": summary,
        "ratios": ratios,
        "checks": found_checks,
        "notes": notes,
        "total_s": time.perf_counter() - started,
    }
    path = write_json("go_runtime.json", data)
    print(f"\nraw results: {path.relative_to(REPO)}  (total {data['total_s']:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
