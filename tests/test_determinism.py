"""Same spec, different hash seeds and fresh caches: byte-identical output, and no timestamps."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "tests" / "fixtures" / "specs"
CASES = {
    "chatkit": ROOT / "spec" / "chatkit.yaml",
    "unions": SPECS / "unions.yaml",
    "multifile": SPECS / "multifile" / "root.yaml",
    "hostile_names": SPECS / "hostile_names.yaml",  # every clash rule, allocated in a fixed order
}
SEEDS = ("1", "12345")


TOOL_CACHES = {"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"}


def tree(root: Path) -> dict[str, bytes]:
    """Every file under root (tool caches left out: they are not output)."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not TOOL_CACHES & set(p.relative_to(root).parts)
    }


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """Every case under every seed, run concurrently; each run has its own formatter cache."""
    base = tmp_path_factory.mktemp("determinism")
    procs = {}
    for seed in SEEDS:
        for name, spec in CASES.items():
            run = base / f"seed{seed}" / name
            env = dict(os.environ, PYTHONHASHSEED=seed, OASGEN_CACHE_DIR=str(run / "cache"))
            cmd = [sys.executable, "-m", "generator", "generate", "-q", "--spec", str(spec)]
            cmd += ["--config", str(ROOT / "pyproject.toml")]  # the repo's python options
            cmd += ["--out", str(run / "out"), "--target", "ir", "--target", "python"]
            procs[seed, name] = subprocess.Popen(
                cmd, cwd=base, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
            )
    outs = {}
    for key, proc in procs.items():
        _stdout, stderr = proc.communicate(timeout=120)
        assert proc.returncode == 0, f"{key}: {stderr}"
        outs[key] = base / f"seed{key[0]}" / key[1] / "out"
    return outs


@pytest.mark.parametrize("name", list(CASES))
def test_same_bytes_under_different_hash_seeds(runs: dict[tuple[str, str], Path], name: str) -> None:
    first, second = (tree(runs[seed, name]) for seed in SEEDS)
    assert sorted(first) == sorted(second)
    assert {"ir/api.json", "python/pyproject.toml"} <= set(first)
    differing = [rel for rel in first if first[rel] != second[rel]]
    assert not differing, differing


def test_chatkit_output_is_the_committed_output(runs: dict[tuple[str, str], Path]) -> None:
    committed = {
        rel: data for rel, data in tree(ROOT / "generated").items() if rel.split("/")[0] in ("ir", "python")
    }
    assert tree(runs[SEEDS[1], "chatkit"]) == committed


@pytest.mark.parametrize("name", list(CASES))
def test_no_timestamps(runs: dict[tuple[str, str], Path], name: str) -> None:
    today = datetime.date.today()
    stamps = [str(today.year), today.isoformat(), today.strftime("%d %b"), today.strftime("%b %d")]
    for rel, data in tree(runs[SEEDS[0], name]).items():
        text = data.decode("utf-8")
        found = [s for s in stamps if s in text]
        assert not found, f"{rel} contains {found}"
