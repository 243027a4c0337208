"""The Perl target on the full public OpenAI spec: every operation a method, every module loads in
one perl process, and the distribution's own tests pass (prove).  Slow (a few minutes, mostly
perltidy over about 2400 modules): marked ``slow``."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from generator.pipeline import generate
from tests.sdk_checks import Sdk, perl_load

PUBLIC = Path(__file__).resolve().parents[3] / "shared/specs/openai-openapi.yaml"


@pytest.mark.slow
@pytest.mark.skipif(not PUBLIC.exists(), reason=f"the shared public OpenAI spec is not at {PUBLIC}")
def test_full_openai_spec_loads_and_passes_its_tests(tmp_path: Path) -> None:
    result = generate(PUBLIC, ["perl"], {"perl": {"namespace": "OpenAI"}})
    files = result.files["perl"]
    dist = tmp_path / "openai" / "perl"
    for rel, text in files.items():
        (dist / rel).parent.mkdir(parents=True, exist_ok=True)
        (dist / rel).write_text(text, encoding="utf-8")
    tables = [
        name
        for rel, text in files.items()
        if rel.startswith("lib/OpenAI/Resource/") or rel == "lib/OpenAI.pm"
        for name in re.findall(r"^\s+name\s+=> '([^']+)',$", text, re.M)
    ]
    assert len(set(tables)) >= len(result.api.operations), "every operation is a method"
    assert perl_load([Sdk("openai", tmp_path / "openai", "openai")], tmp_path) == {}
    proc = subprocess.run(["prove", "-lr", "t/"], cwd=dist, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0 and "Result: PASS" in proc.stdout, proc.stdout[-4000:] + proc.stderr[-4000:]
