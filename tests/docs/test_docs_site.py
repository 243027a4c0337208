"""The reference builds as a static site with ``mkdocs build --strict``; a broken link fails the build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docs_helpers import GENERATED, REPO, docs_options, mkdocs_build, write_docs

SPECS = REPO / "tests" / "fixtures" / "specs"
FIXTURES = sorted(SPECS.glob("*.yaml")) + [SPECS / "multifile" / "root.yaml"]


def test_generated_docs_are_fresh() -> None:
    """generated/docs is exactly what the docs target makes of spec/chatkit.yaml (nothing stale or extra)."""
    from generator.pipeline import generate

    files = generate(REPO / "spec" / "chatkit.yaml", ["docs"], docs_options()).files["docs"]
    on_disk = {p.relative_to(GENERATED).as_posix() for p in GENERATED.rglob("*") if p.is_file()}
    assert on_disk == set(files), "run: python -m generator generate --target docs"
    stale = [rel for rel, text in files.items() if (GENERATED / rel).read_text(encoding="utf-8") != text]
    assert not stale, f"stale: {stale}; run: python -m generator generate --target docs"


def test_generated_docs_build_strict(tmp_path: Path) -> None:
    project = tmp_path / "docs"
    shutil.copytree(GENERATED, project)
    proc = mkdocs_build(project, tmp_path / "site")
    assert proc.returncode == 0, proc.stderr
    page = (tmp_path / "site" / "operations" / "sessions-cancel.html").read_text(encoding="utf-8")
    assert "POST /chatkit/sessions/{session_id}/cancel" in page
    assert 'href="../models/ChatSession.html"' in page


@pytest.mark.parametrize(
    ("page", "old", "new"),
    [
        ("index.md", "(models/ChatSession.md)", "(models/NoSuchModel.md)"),
        ("models/ChatSessionStatus.md", "(../operations/sessions-cancel.md)", "(../operations/nope.md)"),
    ],
)
def test_a_broken_link_fails_the_build(tmp_path: Path, page: str, old: str, new: str) -> None:
    project = tmp_path / "docs"
    shutil.copytree(GENERATED, project)
    md = project / "reference" / page
    text = md.read_text(encoding="utf-8")
    assert old in text
    md.write_text(text.replace(old, new, 1), encoding="utf-8")
    proc = mkdocs_build(project, tmp_path / "site")
    assert proc.returncode != 0, "mkdocs build --strict accepted a broken link"
    assert new.strip("()").split("/")[-1] in proc.stderr + proc.stdout


@pytest.mark.parametrize("spec", FIXTURES, ids=[p.relative_to(SPECS).as_posix() for p in FIXTURES])
def test_fixture_spec_docs_build_strict(spec: Path, tmp_path: Path) -> None:
    """Nasty descriptions (pipes, `<`, backticks, template syntax) and odd names still make a valid site."""
    files = write_docs(spec, tmp_path / "docs")
    assert any(rel.startswith("reference/operations/") for rel in files)
    proc = mkdocs_build(tmp_path / "docs", tmp_path / "site")
    assert proc.returncode == 0, proc.stderr


def test_output_is_deterministic_across_hash_seeds(tmp_path: Path) -> None:
    script = (
        "import sys, json; sys.path.insert(0, 'tests/docs'); from docs_helpers import docs_options;"
        "from pathlib import Path; from generator.pipeline import generate;"
        "files = generate(Path('spec/chatkit.yaml'), ['docs'], docs_options()).files;"
        "print(json.dumps(files, sort_keys=True))"
    )
    outs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run(
            [sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
        )
        assert proc.returncode == 0, proc.stderr
        outs.append(proc.stdout)
    assert outs[0] == outs[1]
