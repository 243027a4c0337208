"""The TypeScript SDK (generated/typescript) beside the openai npm package, on this machine's Node.

    .venv/bin/python bench/typescript_runtime.py [--quick]

Peers are installed for the bench only (bench/typescript: pinned openai, esbuild; ``npm ci``).
Measures, and writes to bench/out/typescript_runtime.json:

* response handling of a ChatSession: our validated ``ChatSession.parse(JSON.parse(text))`` against
  openai's unvalidated ``JSON.parse(text)``, and a whole ``sessions.cancel`` call through each
  client with the same in-memory ``fetch`` (ratios: ours / theirs);
* the esbuild-minified bundle of a program that creates one session, ours against openai's;
* ``tsc`` time (``--noEmit``) of the SDK generated from the full OpenAI spec.

A benchmark, not a test: nothing asserts.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import OUT, REPO, log, write_json

PEERS = REPO / "bench" / "typescript"
NODE = shutil.which("node") or "node"
TSC = REPO / "tests" / "typescript" / "harness" / "node_modules" / "typescript" / "bin" / "tsc"
ESBUILD = PEERS / "node_modules" / ".bin" / "esbuild"
OPENAI_SPEC = Path("/work/shared/specs/openai-openapi.yaml")
WORK = OUT / "typescript"
PAYLOAD = {
    "id": "cksess_68c1e6f2a3b04c8e9d7f1a2b3c4d5e6f",
    "object": "chatkit.session",
    "expires_at": 1735689600,
    "client_secret": "ek_68c1e6f2a3b04c8e9d7f1a2b3c4d5e6f_secret_token_value",
    "workflow": {
        "id": "wf_68c1e6f2a3b04c8e9d7f1a2b3c4d5e6f",
        "version": "3",
        "state_variables": {"plan": "pro", "beta_features": True, "seats": 12, "discount": 0.15},
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


def sh(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{proc.stdout[-3000:]}{proc.stderr[-3000:]}")
    return proc


def peers() -> str:
    if not (PEERS / "node_modules" / "openai" / "package.json").is_file():
        log("installing the bench peers (npm ci in bench/typescript)")
        sh(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], PEERS)
    meta = json.loads((PEERS / "node_modules" / "openai" / "package.json").read_text(encoding="utf-8"))
    return str(meta["version"])


def build_ours() -> Path:
    """generated/typescript compiled by tsc into bench/out/typescript/chatkit/dist."""
    package = WORK / "chatkit"
    shutil.rmtree(package, ignore_errors=True)
    shutil.copytree(REPO / "generated" / "typescript", package, ignore=shutil.ignore_patterns("dist"))
    sh([NODE, str(TSC), "-p", "tsconfig.json"], package)
    return package / "dist" / "index.js"


def bundle(entry: Path, out: Path) -> dict[str, int]:
    sh(
        [
            str(ESBUILD),
            str(entry),
            "--bundle",
            "--minify",
            "--format=esm",
            "--platform=neutral",
            "--main-fields=module,main",
            "--log-level=error",
            f"--outfile={out}",
        ],
        PEERS,
    )
    data = out.read_bytes()
    return {"bytes": len(data), "gzip_bytes": len(gzip.compress(data, 9))}


def tsc_full_spec(runs: int) -> dict[str, float]:
    out = WORK / "openai-sdk"
    cold = WORK / "cold-cache"
    for folder in (out, cold):
        shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    sh(
        [
            sys.executable,
            "-m",
            "generator",
            "generate",
            "-q",
            "--spec",
            str(OPENAI_SPEC),
            "--target",
            "typescript",
            "--out",
            str(out),
            "--package",
            "openai",
        ],
        REPO,
        dict(os.environ, OASGEN_NO_CACHE="1", OASGEN_CACHE_DIR=str(cold)),  # cold: no formatter cache
    )
    generated = time.perf_counter() - started
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        sh([NODE, str(TSC), "-p", "tsconfig.json", "--noEmit"], out / "typescript")
        times.append(time.perf_counter() - t)
    times.sort()
    return {"generate_s": generated, "tsc_s": times[len(times) // 2]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="shorter rounds, one tsc run")
    args = ap.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    version = peers()
    node_version = sh([NODE, "--version"], REPO).stdout.strip()
    ours = build_ours()
    payload = WORK / "session.json"
    payload.write_text(json.dumps(PAYLOAD), encoding="utf-8")
    log(f"response handling: ours vs openai {version} on Node {node_version}")
    seconds, rounds = ("0.3", "3") if args.quick else ("0.5", "9")
    run = sh([NODE, str(PEERS / "worker.mjs"), str(ours), str(payload), seconds, rounds], PEERS)
    rt = json.loads(run.stdout.strip().splitlines()[-1])
    entry = WORK / "entry_ours.mjs"
    entry.write_text((PEERS / "entry_ours.mjs").read_text().replace('"OURS"', json.dumps(str(ours))))
    log("bundles (esbuild --minify)")
    b_ours = bundle(entry, WORK / "bundle_ours.js")
    b_openai = bundle(PEERS / "entry_openai.mjs", WORK / "bundle_openai.js")
    full = {}
    if OPENAI_SPEC.is_file():
        log("tsc of the full OpenAI spec's SDK")
        full = tsc_full_spec(1 if args.quick else 3)
    result = {
        "node": node_version,
        "openai": version,
        "parse_ops_s": {"ours": rt["parseOurs"], "openai": rt["parseOpenAI"]},
        "parse_ratio": rt["parseOurs"] / rt["parseOpenAI"],
        "call_ops_s": {"ours": rt["callOurs"], "openai": rt["callOpenAI"]},
        "call_ratio": rt["callOurs"] / rt["callOpenAI"],
        "bundle": {"ours": b_ours, "openai": b_openai},
        "bundle_ratio": b_ours["bytes"] / b_openai["bytes"],
        "full_spec": full,
    }
    write_json("typescript_runtime.json", result)
    print(f"\nTypeScript SDK vs openai {version} (Node {node_version})")
    print(
        f"  ChatSession parse    ours {rt['parseOurs']:>12,.0f}/s  openai (unchecked JSON.parse) "
        f"{rt['parseOpenAI']:>12,.0f}/s  ratio {result['parse_ratio']:.2f}x"
    )
    print(
        f"  sessions.cancel call ours {rt['callOurs']:>12,.0f}/s  openai {rt['callOpenAI']:>12,.0f}/s"
        f"  ratio {result['call_ratio']:.2f}x"
    )
    print(
        f"  bundle (minified)    ours {b_ours['bytes']:>9,} B ({b_ours['gzip_bytes']:,} gz)  openai "
        f"{b_openai['bytes']:>9,} B ({b_openai['gzip_bytes']:,} gz)  ratio {result['bundle_ratio']:.2f}"
    )
    if full:
        print(
            f"  full OpenAI spec     generate {full['generate_s']:.1f} s, tsc --noEmit {full['tsc_s']:.1f} s"
        )


if __name__ == "__main__":
    main()
