"""Every real-world spec of the shared corpus, through every target, as a user would run oasgen.

The corpus is ``../shared/specs/corpus/`` (read-only; absent outside the project's machines, and
then this module skips).  **Entry points** are found by one rule, not by a list of names: a
``.yaml``/``.yml``/``.json`` file under the corpus whose top-level mapping has an ``openapi`` key
(YAML: a line ``openapi:`` at column 0; JSON: a key of the parsed top-level object).  The other
files (the parts that a multi-file spec ``$ref``s: paths, schemas, parameters; READMEs; code
samples) are not specs and are never run on their own.

For each entry point:

* ``lint``: ``oasgen lint SPEC`` ends without a crash: exit 0 (clean) or 1 (findings), never an
  internal error (exit 3) or a traceback;
* ``generate``: ``oasgen generate`` for every target in ``sdk_checks.CHECKS`` succeeds;
* then every check of that table: Python (every module imports; ``mypy --strict``), Go (``go vet``,
  ``go build``), docs (``mkdocs build --strict``), Perl (every module loads; ``perlcritic --stern``
  on the spec-shaped modules; ``podchecker``).  Each check runs once over all specs
  (tests/sdk_checks.py), and each (spec, check) is its own test.

``KNOWN_FAILURES`` lists the (spec, check) pairs that fail on main today, each with its cause.  They
are strict xfails: a fix makes the test XPASS, which fails the run until the entry is removed.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from sdk_checks import CHECK_IDS, TARGETS, Failures, Sdk, run_checks

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "specs" / "corpus"
SUFFIXES = (".yaml", ".yml", ".json")
_YAML_OPENAPI = re.compile(r"^[\"']?openapi[\"']?[ \t]*:", re.M)
RUN_TIMEOUT = 900.0  # one oasgen command on the largest spec takes well under a minute alone


def is_entry_point(path: Path) -> bool:
    """A spec, rather than a part of one: its top-level mapping has an ``openapi`` key."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".json":
        try:
            data = json.loads(text)
        except ValueError:
            return False
        return isinstance(data, dict) and "openapi" in data
    return _YAML_OPENAPI.search(text) is not None


def discover(corpus: Path) -> dict[str, Path]:
    """Entry point id (its path under the corpus) -> path."""
    found = sorted(p for p in corpus.rglob("*") if p.suffix in SUFFIXES and p.is_file())
    return {p.relative_to(corpus).as_posix(): p for p in found if is_entry_point(p)}


def package_name(spec_id: str) -> str:
    """A package name valid in every target, distinct per spec: ``c`` + the id's letters and digits."""
    return "c" + re.sub(r"[^a-z0-9]", "", spec_id.removesuffix(Path(spec_id).suffix).lower())


# OASGEN_CORPUS_ONLY=<regex>: only the entry points whose id it matches (a quicker local run).
SPECS: dict[str, Path] = {
    sid: path
    for sid, path in (discover(CORPUS) if CORPUS.is_dir() else {}).items()
    if re.search(os.environ.get("OASGEN_CORPUS_ONLY", ""), sid)
}

# (spec id, check) -> why it fails; strict xfail.  Checks: "lint", "generate", and CHECK_IDS.
# Empty: every corpus spec holds every check.  A new entry names its true cause.
KNOWN_FAILURES: dict[tuple[str, str], str] = {}

pytestmark = [
    pytest.mark.slow,
    # The module fixture runs everything: ~8 CPU-minutes, far longer on a loaded machine (a hang guard only).
    pytest.mark.timeout(5400),
    pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the shared corpus is not at {CORPUS}"),
]


@dataclass
class Outcome:
    returncode: int
    output: str


@dataclass
class Corpus:
    lint: dict[str, Outcome]
    generate: dict[str, Outcome]
    checks: dict[str, Failures]  # check id -> spec id -> failure text
    checked: set[str]  # the specs that generated, so were checked


def _commands(out: Path) -> list[tuple[str, str, list[str]]]:
    """(spec id, stage, argv): lint and generate of every spec, the largest specs first."""
    py = [sys.executable, "-m", "generator"]
    todo: list[tuple[str, str, list[str]]] = []
    for sid, path in sorted(SPECS.items(), key=lambda kv: -kv[1].stat().st_size):
        todo.append((sid, "lint", [*py, "lint", str(path)]))
        gen = [*py, "generate", "-q", "--spec", str(path), "--out", str(out / package_name(sid))]
        gen += [a for t in TARGETS for a in ("--target", t)] + ["--package", package_name(sid)]
        todo.append((sid, "generate", gen))
    return todo


def _run_all(
    todo: list[tuple[str, str, list[str]]], cwd: Path, workers: int
) -> dict[tuple[str, str], Outcome]:
    """Run the commands ``workers`` at a time (each is one process); outcome per (spec, stage)."""
    env = dict(os.environ, OASGEN_NO_CACHE="1", OASGEN_DEBUG="1")  # a crash prints its traceback

    def one(argv: list[str]) -> Outcome:
        try:
            proc = subprocess.run(
                argv,
                cwd=cwd,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                timeout=RUN_TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            return Outcome(-9, f"{exc.output or ''}\n[killed after {RUN_TIMEOUT:.0f} s]")
        return Outcome(proc.returncode, proc.stdout)

    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = {(sid, stage): pool.submit(one, argv) for sid, stage, argv in todo}
        return {key: f.result() for key, f in futures.items()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    base = tmp_path_factory.mktemp("corpus")
    out = base / "out"
    workers = max(2, os.cpu_count() or 2)
    started = time.monotonic()
    done = _run_all(_commands(out), base, workers)
    lint = {sid: done[(sid, "lint")] for sid in SPECS}
    gen = {sid: done[(sid, "generate")] for sid in SPECS}
    sdks = [Sdk(sid, out / package_name(sid), package_name(sid)) for sid in SPECS if gen[sid].returncode == 0]
    generated = time.monotonic()
    checks = run_checks(sdks, base / "checks", workers)
    print(
        f"\ncorpus: {len(SPECS)} specs linted and generated in {generated - started:.0f} s,"
        f" {len(sdks)} checked in {time.monotonic() - generated:.0f} s ({workers} workers)"
    )
    return Corpus(lint, gen, checks, {s.id for s in sdks})


def _cases(checks: tuple[str, ...]) -> list[object]:
    cases: list[object] = []
    for sid in SPECS:
        for check in checks:
            reason = KNOWN_FAILURES.get((sid, check))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            cases.append(pytest.param(sid, check, marks=marks, id=f"{sid}::{check}"))
    return cases


def test_discovery_finds_entry_points_only() -> None:
    """The rule finds the multi-file spec's root and none of its parts (which have no ``openapi`` key)."""
    found = discover(CORPUS)
    assert len(found) >= 56
    redocly = [sid for sid in found if sid.startswith("redocly-starter/")]
    assert redocly == ["redocly-starter/openapi/openapi.yaml"]
    parts = [p for p in (CORPUS / "redocly-starter").rglob("*.yaml") if p.name != "openapi.yaml"]
    assert parts and not any(is_entry_point(p) for p in parts)
    assert len({package_name(sid) for sid in found}) == len(found)


@pytest.mark.parametrize(("spec", "check"), _cases(("lint",)))
def test_lint_ends_without_a_crash(corpus: Corpus, spec: str, check: str) -> None:
    run = corpus.lint[spec]
    assert run.returncode in (0, 1), f"oasgen lint exit {run.returncode}:\n{run.output[-6000:]}"
    assert "Traceback" not in run.output and "internal error" not in run.output, run.output[-6000:]


@pytest.mark.parametrize(("spec", "check"), _cases(("generate",)))
def test_generate_succeeds(corpus: Corpus, spec: str, check: str) -> None:
    run = corpus.generate[spec]
    assert run.returncode == 0, f"oasgen generate exit {run.returncode}:\n{run.output[-6000:]}"


@pytest.mark.parametrize(("spec", "check"), _cases(CHECK_IDS))
def test_target_check(corpus: Corpus, spec: str, check: str) -> None:
    assert spec in corpus.checked, f"not checked: generate failed:\n{corpus.generate[spec].output[-3000:]}"
    failure = corpus.checks[check].get(spec)
    assert failure is None, f"{check} failed for {spec}:\n{failure[-8000:]}"
