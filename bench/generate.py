"""Generation speed: oasgen vs openapi-python-client vs datamodel-code-generator.

    .venv/bin/python bench/generate.py [--quick] [--runs N] [--tools a,b] [--inputs a,b]

Each tool runs from its own venv under bench/.venvs/ (created on first use, pinned versions).
Prints tables and writes bench/out/generate.json. A benchmark, not a test: nothing asserts.
"""

from __future__ import annotations

import argparse
import platform
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _specs
from _common import OUT, REPO, Run, fmt, log, measure, median, ratio, table, write_json
from _tools import TOOL_NOTES, TOOLS, Tool, clean, describe_output, import_check, version

OPENAI_SPEC = Path("/work/shared/specs/openai-openapi.yaml")
CHATKIT_SPEC = REPO / "spec" / "chatkit.yaml"
FULL_TOOLS = ["oasgen", "opc", "opc-nohooks", "dcg", "dcg-builtin"]
QUICK_TOOLS = ["oasgen", "opc", "dcg"]
ALL_INPUTS = ["chatkit-1x", "chatkit-10x", "chatkit-100x", "openai"]
QUICK_INPUTS = ["chatkit-1x", "chatkit-10x", "openai"]


@dataclass
class Input:
    name: str
    path: Path
    package: str
    schemas: int
    operations: int


def build_inputs(wanted: list[str] | None) -> tuple[list[Input], list[str]]:
    notes: list[str] = []
    candidates: list[tuple[str, Path | None, str]] = []
    if CHATKIT_SPEC.exists():
        specs_dir = OUT / "specs"
        candidates.append(("chatkit-1x", CHATKIT_SPEC, "chatkit"))
        for factor in (10, 100):
            name = f"chatkit-{factor}x"
            if wanted is None or name in wanted:
                candidates.append((name, _specs.synthetic(CHATKIT_SPEC, factor, specs_dir), "chatkit"))
    else:
        notes.append(f"{CHATKIT_SPEC.relative_to(REPO)} does not exist yet: chatkit inputs skipped")
    if OPENAI_SPEC.exists():
        candidates.append(("openai", OPENAI_SPEC, "openai_api"))
    else:
        notes.append(f"{OPENAI_SPEC} missing: openai input skipped")
    inputs = []
    for name, path, package in candidates:
        if path is None or (wanted is not None and name not in wanted):
            continue
        data = _specs.load(path)
        inputs.append(Input(name, path, package, _specs.count_schemas(data), _specs.count_operations(data)))
    return inputs, notes


@dataclass
class Plan:
    runs: int  # cold runs per cell
    cell_budget_s: float  # stop repeating a cell once it has used this much
    timeout_s: float  # per run
    deadline: float  # perf_counter() after which nothing new starts and runs are cut short

    def timeout(self) -> float:
        return min(self.timeout_s, self.deadline - time.perf_counter())


def skipped(inp: Input, tool: str, why: str) -> dict[str, Any]:
    return {"input": inp.name, "tool": tool, "runs": [], "exit_code": -1, "timed_out": False,
            "median_wall_s": None, "peak_mib": None, "error": why, "outcome": "skipped"}  # fmt: skip


def run_cell(tool: Tool, py: Path, inp: Input, plan: Plan) -> dict[str, Any]:
    """Cold runs (fresh output, working and cache dirs each), then facts, an import check, a re-run."""
    base = OUT / "gen" / inp.name / tool.name
    out, cwd = base / "out", base / "cwd"
    env = tool.env(py)
    measured: list[Run] = []
    for _ in range(plan.runs):
        if measured and plan.timeout() < 5:
            break
        clean(out)
        clean(cwd)
        env["XDG_CACHE_HOME"] = str(cwd / ".cache")
        env["OASGEN_CACHE_DIR"] = str(cwd / ".cache" / "oasgen")
        run = measure(tool.argv(py, inp.path, out, inp.package), cwd=cwd, env=env, timeout_s=plan.timeout())
        measured.append(run)
        peak = fmt(run.peak_mib, 1)
        log(f"  {inp.name:<12} {tool.name:<12} rc={run.exit_code} {run.wall_s:7.2f}s {peak:>7} MiB")
        if run.exit_code != 0 or sum(r.wall_s for r in measured) > plan.cell_budget_s:
            break
    last = measured[-1]
    result: dict[str, Any] = {
        "input": inp.name,
        "tool": tool.name,
        "runs": [r.as_json() for r in measured],
        "exit_code": last.exit_code,
        "timed_out": last.timed_out,
        "median_wall_s": median([r.wall_s for r in measured]) if last.exit_code == 0 else None,
        "peak_mib": (
            max((r.peak_mib for r in measured if r.peak_mib is not None), default=None)
            if last.exit_code == 0
            else None
        ),
        "error": None if last.exit_code == 0 else (last.tail(160) or f"exit code {last.exit_code}"),
    }
    if last.exit_code == 0:
        result["facts"] = describe_output(tool, last, out, inp.package)
        result["import"] = import_check(tool, py, out, inp.package)
        if tool.name == "oasgen":  # same output, working and cache dirs: the no-change path
            bound = min(plan.timeout(), max(10.0, 1.5 * last.wall_s))
            again = measure(tool.argv(py, inp.path, out, inp.package), cwd=cwd, env=env, timeout_s=bound)
            result["regen"] = {
                "timed_out": again.timed_out,
                "wall_s": again.wall_s,
                "peak_mib": again.peak_mib,
                "exit_code": again.exit_code,
                "stdout": again.stdout.strip()[-300:],
            }
    result["outcome"] = outcome(result)
    return result


def outcome(r: dict[str, Any]) -> str:
    if r["timed_out"]:
        return "timeout"
    if r["exit_code"] != 0:
        return "error"
    if r.get("import", {}).get("imports") != "ok":
        return "broken"
    facts = r.get("facts", {})
    if facts.get("endpoints_dropped") or facts.get("responses_omitted") or facts.get("schemas_failed"):
        return "partial"
    return "ok"


def startup(tool: Tool, py: Path) -> float | None:
    """Fixed cost: the tool's CLI printing --help (interpreter start + imports)."""
    argv = tool.argv(py, Path("x.yaml"), OUT / "gen" / "startup", "x")
    cmd = argv[:4] if tool.name == "oasgen" else argv[:1]
    runs = [measure([*cmd, "--help"], env=tool.env(py), timeout_s=60) for _ in range(3)]
    return median([r.wall_s for r in runs]) if all(r.exit_code == 0 for r in runs) else None


def details(r: dict[str, Any]) -> str:
    if r["error"]:
        return f"{'skipped' if r['outcome'] == 'skipped' else 'error'}: {r['error'][:90]}"
    f, imp = r.get("facts", {}), r.get("import", {})
    parts = [f"{f.get('py_files', 0)} .py", f"{f.get('classes', 0)} classes"]
    if "operations" in f:
        parts.append(f"{f['operations']} ops")
        parts.append(
            f"dropped: {f['endpoints_dropped']} endpoints, {f['responses_omitted']} responses, "
            f"{f['schemas_failed']} schemas"
        )
    if f.get("numbered_collisions"):
        parts.append(f"{f['numbered_collisions']} numbered names")
    if imp.get("imports") == "ok":
        parts.append(f"imports ok ({imp['modules_ok']} modules)")
    elif imp.get("imports") == "fail":
        parts.append(
            f"imports: {imp['modules_failed']}/{imp['modules_ok'] + imp['modules_failed']} modules fail"
        )
    else:
        parts.append(f"imports: {imp.get('imports', '?')} {imp.get('detail', '')[:60]}")
    return "; ".join(parts)


def report(
    inputs: list[Input], results: list[dict[str, Any]], tools: list[str], starts: dict[str, Any]
) -> None:
    by = {(r["input"], r["tool"]): r for r in results}
    rows = []
    for inp in inputs:
        base = by.get((inp.name, "oasgen"), {}).get("median_wall_s")
        for name in tools:
            r = by.get((inp.name, name))
            if r is None:
                continue
            wall = r["median_wall_s"]
            rows.append(
                [
                    inp.name,
                    str(inp.schemas),
                    str(inp.operations),
                    name,
                    str(len(r["runs"])),
                    fmt(wall) if wall is not None else f"n/a ({r['outcome']})",
                    fmt(r["peak_mib"], 0),
                    "-" if name == "oasgen" else ratio(wall, base),
                    r["outcome"],
                    details(r),
                ]
            )
    print("\n== Generation: median wall time of cold runs, peak RSS (largest process) ==")
    print(
        table(
            [
                "input",
                "schemas",
                "ops",
                "tool",
                "n",
                "wall s",
                "peak MiB",
                "tool/oasgen",
                "outcome",
                "output",
            ],
            rows,
        )
    )

    print("\n== oasgen vs the fastest peer (per input; <1 means oasgen is faster) ==")
    rows = []
    for inp in inputs:
        mine = by.get((inp.name, "oasgen"), {})
        peers = [by[(inp.name, t)] for t in tools if t != "oasgen" and (inp.name, t) in by]
        ok = [p for p in peers if p["median_wall_s"] is not None]
        best = min(ok, key=lambda p: p["median_wall_s"]) if ok else None
        regen = mine.get("regen", {})
        rows.append(
            [
                inp.name,
                fmt(mine.get("median_wall_s")) if mine.get("median_wall_s") is not None else "n/a",
                f"{best['tool']} {fmt(best['median_wall_s'])}" if best else "n/a",
                ratio(mine.get("median_wall_s"), best["median_wall_s"] if best else None),
                (
                    (
                        f"n/a (killed after {fmt(regen['wall_s'])} s)"
                        if regen.get("timed_out")
                        else fmt(regen.get("wall_s"))
                    )
                    if regen
                    else "n/a"
                ),
            ]
        )
    print(
        table(["input", "oasgen s", "fastest peer s", "oasgen/fastest", "oasgen re-run s (no change)"], rows)
    )

    print("\n== Growth: ms per schema (wall / schemas), and after subtracting CLI start-up ==")
    headers = ["input", "schemas"]
    for name in tools:
        headers += [f"{name} ms/schema", f"{name} net"]
    rows = []
    for inp in inputs:
        row = [inp.name, str(inp.schemas)]
        for name in tools:
            wall = by.get((inp.name, name), {}).get("median_wall_s")
            start = starts.get(name)
            row.append(fmt(1000 * wall / inp.schemas, 1) if wall is not None and inp.schemas else "n/a")
            net = (wall - start) if wall is not None and start is not None else None
            row.append(fmt(1000 * net / inp.schemas, 1) if net is not None and inp.schemas else "n/a")
        rows.append(row)
    print(table(headers, rows))
    print("start-up (s, `--help`): " + ", ".join(f"{k} {fmt(v)}" for k, v in starts.items()))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="1 run per cell, main tool variants only")
    ap.add_argument("--runs", type=int, help="runs per tool x input (default 3, 1 with --quick)")
    ap.add_argument("--tools", help=f"comma list from {','.join(FULL_TOOLS)}")
    ap.add_argument("--inputs", help=f"comma list from {','.join(ALL_INPUTS)} (--quick: no 100x)")
    ap.add_argument("--timeout", type=float, help="seconds before a run is killed (300; 40 with --quick)")
    ap.add_argument("--budget", type=float, help="seconds for the whole run (570; 110 with --quick)")
    args = ap.parse_args()
    tools = args.tools.split(",") if args.tools else (QUICK_TOOLS if args.quick else FULL_TOOLS)
    unknown = [t for t in tools if t not in TOOLS]
    if unknown:
        ap.error(f"unknown tool(s): {', '.join(unknown)}")
    started = time.perf_counter()
    plan = Plan(
        runs=args.runs or (1 if args.quick else 3),
        cell_budget_s=20.0 if args.quick else 45.0,
        timeout_s=args.timeout or (40.0 if args.quick else 300.0),
        deadline=started + (args.budget or (110.0 if args.quick else 570.0)),
    )
    runs = plan.runs
    wanted = args.inputs.split(",") if args.inputs else (QUICK_INPUTS if args.quick else None)

    inputs, notes = build_inputs(wanted)
    for note in notes:
        log(note)
    pythons: dict[str, Path] = {}
    versions: dict[str, str] = {}
    starts: dict[str, float | None] = {}
    for name in tools:
        try:
            pythons[name] = TOOLS[name].setup()
        except (OSError, subprocess.CalledProcessError) as exc:  # a venv that cannot be built: n/a rows
            log(f"cannot set up {name}: {exc}")
            continue
        versions[name] = version(TOOLS[name], pythons[name])
        starts[name] = startup(TOOLS[name], pythons[name])
    log("versions: " + ", ".join(f"{k} {v}" for k, v in versions.items()))

    results: list[dict[str, Any]] = []
    # Real-world input before the 100x one, and peers before oasgen, so that a slow run cut
    # short by the time budget costs as little of the comparison as possible.
    order = sorted(inputs, key=lambda i: i.name == "chatkit-100x")
    for inp in order:
        for name in sorted(tools, key=lambda t: t == "oasgen"):
            if name not in pythons:
                results.append(skipped(inp, name, "venv setup failed"))
            elif plan.timeout() < 5:
                results.append(skipped(inp, name, "time budget used up (--budget)"))
            else:
                results.append(run_cell(TOOLS[name], pythons[name], inp, plan))

    report(inputs, results, [t for t in tools], starts)
    print("\ntools: " + "; ".join(f"{k} = {TOOL_NOTES[k]} [{versions.get(k, '?')}]" for k in tools))
    env = {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpus": __import__("os").cpu_count(),
        "runs": runs,
        "quick": args.quick,
        "total_s": time.perf_counter() - started,
    }
    path = write_json(
        "generate.json",
        {
            "env": env,
            "versions": versions,
            "startup_s": starts,
            "notes": notes,
            "inputs": [vars(i) | {"path": str(i.path), "bytes": i.path.stat().st_size} for i in inputs],
            "results": results,
        },
    )
    print(f"\nraw results: {path.relative_to(REPO)}  (total {env['total_s']:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
