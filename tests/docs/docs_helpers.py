"""Docs test helpers: generate docs into a folder, read code blocks out of Markdown, build with MkDocs."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.config import resolve
from generator.pipeline import generate

REPO = Path(__file__).resolve().parents[2]
GENERATED = REPO / "generated" / "docs"
MKDOCS = [sys.executable, "-m", "mkdocs"]
_FENCE = re.compile(r"^(`{3,})([\w+-]*)\s*$")
_HEADING = re.compile(r"^(#{1,6}) (.*)$")


@dataclass(frozen=True)
class Block:
    page: str  # path relative to the Markdown folder
    heading: str  # the last heading above the block
    lang: str
    text: str


def blocks(docs_dir: Path) -> list[Block]:
    """Every fenced code block of every page (top-level fences, as the docs target writes them)."""
    out: list[Block] = []
    for md in sorted(docs_dir.rglob("*.md")):
        heading, fence, lang, body = "", "", "", []
        for line in md.read_text(encoding="utf-8").split("\n"):
            if fence:
                if line == fence:
                    out.append(Block(md.relative_to(docs_dir).as_posix(), heading, lang, "\n".join(body)))
                    fence = ""
                else:
                    body.append(line)
                continue
            m = _FENCE.match(line)
            if m:
                fence, lang, body = m.group(1), m.group(2), []
                continue
            h = _HEADING.match(line)
            if h:
                heading = h.group(2)
        assert not fence, f"{md}: unclosed code fence"
    return out


def docs_options(config: Path = REPO / "pyproject.toml") -> dict[str, dict[str, Any]]:
    """Every target's options table as the config gives them (docs sees the SDK targets' own)."""
    return resolve(config, None, None, (), None).options


def write_docs(spec: Path, out: Path, options: dict[str, dict[str, Any]] | None = None) -> dict[str, str]:
    files = generate(spec, ["docs"], options if options is not None else docs_options()).files["docs"]
    for rel, text in files.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return files


def mkdocs_build(project: Path, site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        MKDOCS + ["build", "--strict", "--site-dir", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )
