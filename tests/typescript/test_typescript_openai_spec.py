"""The TypeScript target on the full public OpenAI spec: it type-checks under the strict options and
its smoke test runs (tests/typescript/node/openai_smoke.test.ts). Slow: marked ``slow``."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from ts_harness import REPO, node_test, stage, tsc

from generator.pipeline import build, generate

PUBLIC = REPO.parent / "shared" / "specs" / "openai-openapi.yaml"


@pytest.mark.slow
@pytest.mark.skipif(not PUBLIC.exists(), reason=f"the shared public OpenAI spec is not at {PUBLIC}")
def test_full_openai_spec_type_checks_and_runs(tmp_path: Path) -> None:
    files = generate(PUBLIC, ["typescript"], {"typescript": {"package": "openai"}}).files["typescript"]
    sdk = tmp_path / "package"
    for rel, text in files.items():
        (sdk / rel).parent.mkdir(parents=True, exist_ok=True)
        (sdk / rel).write_text(text, encoding="utf-8")
    _spec, api, _ = build(PUBLIC)
    client = files["src/client.ts"]
    methods = re.findall(r"^  (\w+)\(", client, re.M)
    assert len(methods) >= len(api.operations)  # every operation a method (plus the stream ones)
    root = tmp_path / "build"
    proc = tsc(stage(sdk, root, ["server.ts", "openai_smoke.test.ts"]))
    assert proc.returncode == 0, proc.stdout[-8000:] + proc.stderr[-2000:]
    dist = root / "dist"
    run = node_test([dist / "tests" / "openai_smoke.test.js"], dist, dict(os.environ))
    assert run.returncode == 0, run.stdout[-8000:] + run.stderr[-2000:]
