"""Every Perl example in generated/docs runs against the Prism mock with generated/perl (exit 0; a
complete script prints the result's id)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from docs_helpers import GENERATED, REPO, Block, blocks

DOCS = GENERATED / "reference"
LIB = REPO / "generated" / "perl" / "lib"


@pytest.fixture(scope="module")
def perl_blocks() -> list[Block]:
    found = [b for b in blocks(DOCS) if b.lang == "perl"]
    assert found, f"no Perl blocks under {DOCS}: run the docs target first"
    return found


def test_perl_blocks_compile(perl_blocks: list[Block]) -> None:
    for b in perl_blocks:
        text = b.text if b.text.startswith("use strict") else f"sub {{ my $client; {b.text} }};"
        proc = subprocess.run(
            ["perl", f"-I{LIB}", "-c", "-e", text], capture_output=True, text=True, timeout=60, check=False
        )
        assert proc.returncode == 0, f"{b.page} ({b.heading}) does not compile:\n{b.text}\n{proc.stderr}"


def test_perl_snippets_run(prism_url: str, perl_blocks: list[Block], tmp_path: Path) -> None:
    scripts = [b for b in perl_blocks if b.text.startswith("use strict")]
    assert len(scripts) >= 3, "one per request example of spec/chatkit.yaml (2 create, 1 cancel)"
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHATKIT_")}
    env.update(CHATKIT_BASE_URL=prism_url, CHATKIT_API_KEY="test")
    for b in scripts:
        argv = ["perl", f"-I{LIB}", "-e", b.text]
        proc = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=60, check=False)
        assert proc.returncode == 0, f"{b.page} ({b.heading}) failed:\n{b.text}\n{proc.stderr}"
        assert proc.stdout.strip(), f"{b.page}: printed nothing"
