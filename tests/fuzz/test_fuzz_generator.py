"""Fuzzing the generator: specs drawn at random (tests/fuzz/spec_strategies.py) through the CLI.

Each drawn spec either generates code that compiles and type-checks in every target, or is refused
with located findings: exit 1, and every finding names ``file:line:col`` (line and column >= 1).
Nothing may end with an internal error (exit 3) or a traceback; ``oasgen lint`` ends with 0 or 1.

The CLI runs in-process (click's runner: the same code path, exit codes and messages as the
``oasgen`` command, without a Python start-up per example).  Every example is generated and linted;
the first ``OASGEN_FUZZ_COMPILE`` that generated are compiled and type-checked in one batch per
check (tests/sdk_checks.py: one mypy, one go vet, one go build, one import run, one docs run).

Knobs (environment): ``OASGEN_FUZZ_EXAMPLES`` (default 150), ``OASGEN_FUZZ_COMPILE`` (default 24),
``OASGEN_FUZZ_SEED`` (default: derandomized, so every `make test` draws the same specs; `make fuzz`
passes a fresh seed and prints it).  A failure names the example's folder, which holds its spec:
``oasgen generate --spec <folder>/openapi.yaml`` reproduces it.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, seed, settings
from sdk_checks import CHECK_IDS, TARGETS, Sdk, run_checks
from spec_strategies import files

from generator.cli import main

EXAMPLES = int(os.environ.get("OASGEN_FUZZ_EXAMPLES", "150"))
COMPILE = int(os.environ.get("OASGEN_FUZZ_COMPILE", "24"))
SEED = os.environ.get("OASGEN_FUZZ_SEED", "")
# A finding line: "<file>:<line>:<col>: error|warning: <message> (<rule>) [<pointer>]".
FINDING = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?:error|warning): ")
SUMMARY = re.compile(r"^\d+ error\(s\), \d+ warning\(s\)$")


pytestmark = pytest.mark.timeout(3600 + EXAMPLES * 10)  # the module fixture runs the whole campaign


@dataclass
class Example:
    folder: Path
    lint: tuple[int, str]
    generate: tuple[int, str]
    check: tuple[int, str]  # `oasgen check` right after a successful generate: up to date (a cache hit)


@dataclass
class Campaign:
    examples: list[Example] = field(default_factory=list)
    sdks: list[Sdk] = field(default_factory=list)
    checks: dict[str, dict[str, str]] = field(default_factory=dict)
    seconds: float = 0.0


def _cli(args: list[str], cwd: Path) -> tuple[int, str]:
    """Run ``oasgen ARGS`` in-process: (exit code, stdout + stderr)."""
    runner = CliRunner()
    env = {"OASGEN_NO_CACHE": None, "OASGEN_DEBUG": "1", "OASGEN_CACHE_DIR": str(cwd.parent / "cache")}
    old = Path.cwd()
    os.chdir(cwd)
    try:
        result = runner.invoke(main, args, env=env, catch_exceptions=True)
    finally:
        os.chdir(old)
    text = result.stdout + result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        import traceback

        tb = "".join(traceback.format_exception(result.exception))
        return 3, f"{text}\nuncaught {type(result.exception).__name__}:\n{tb}"
    return result.exit_code, text


def _write(folder: Path, spec_files: dict[str, str]) -> Path:
    for rel, text in spec_files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return folder / next(iter(spec_files))


@pytest.fixture(scope="module")
def campaign(tmp_path_factory: pytest.TempPathFactory) -> Campaign:
    base = tmp_path_factory.mktemp("fuzz")
    done = Campaign()
    started = time.monotonic()
    seen: set[str] = set()

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=not SEED,
        suppress_health_check=list(HealthCheck),
    )
    @given(files())
    def draw(spec_files: dict[str, str]) -> None:
        key = repr(sorted(spec_files.items()))
        if key in seen:
            return
        seen.add(key)
        folder = base / f"ex{len(done.examples):05d}"
        spec = _write(folder, spec_files)
        lint = _cli(["lint", spec.name], folder)
        package = f"fz{len(done.examples):05d}"
        args = ["generate", "-q", "--spec", spec.name, "--out", "out", "--package", package]
        args += [a for t in TARGETS for a in ("--target", t)]
        gen = _cli(args, folder)
        check = _cli(["check", *args[1:]], folder) if gen[0] == 0 else (0, "")
        done.examples.append(Example(folder, lint, gen, check))
        if gen[0] == 0 and len(done.sdks) < COMPILE:
            done.sdks.append(Sdk(folder.name, folder / "out", package))

    if SEED:
        draw = seed(int(SEED))(draw)
    draw()
    done.checks = run_checks(done.sdks, base / "checks")
    done.seconds = time.monotonic() - started
    generated = sum(1 for e in done.examples if e.generate[0] == 0)
    print(
        f"\nfuzz: {len(done.examples)} specs ({generated} generated, {len(done.sdks)} compiled)"
        f" in {done.seconds:.0f} s; seed {SEED or 'derandomized'}; examples in {base}"
    )
    return done


def _unlocated(output: str) -> list[str]:
    """Finding lines without a real file:line:col (and lines that are not findings at all)."""
    bad = []
    for line in output.splitlines():
        if not line.strip() or SUMMARY.match(line) or line.startswith("oasgen: ") and "warning(s)" in line:
            continue
        m = FINDING.match(line)
        if m is None or m["file"] == "<unknown>" or int(m["line"]) < 1 or int(m["col"]) < 1:
            bad.append(line)
    return bad


def test_no_internal_error(campaign: Campaign) -> None:
    crashes = [
        f"{e.folder} ({stage} exit {rc}):\n{out[-3000:]}"
        for e in campaign.examples
        for stage, (rc, out) in (("lint", e.lint), ("generate", e.generate))
        if rc not in (0, 1) or "Traceback" in out or "internal error" in out
    ]
    assert not crashes, f"{len(crashes)} of {len(campaign.examples)} specs crashed oasgen:\n" + "\n\n".join(
        crashes[:10]
    )


def test_check_after_generate_is_clean(campaign: Campaign) -> None:
    stale = [f"{e.folder}:\n{e.check[1][-2000:]}" for e in campaign.examples if e.check[0] != 0]
    assert not stale, "oasgen check after generate is not clean:\n" + "\n\n".join(stale[:5])


def test_refusals_are_located(campaign: Campaign) -> None:
    problems = []
    for e in campaign.examples:
        for stage, (rc, out) in (("lint", e.lint), ("generate", e.generate)):
            if rc == 1 and stage == "generate" and not FINDING.search(out.replace("\n", "\n")):
                problems.append(f"{e.folder}: generate refused without a finding:\n{out[-2000:]}")
            elif rc in (0, 1) and (bad := _unlocated(out)):
                problems.append(f"{e.folder} ({stage}): not located:\n" + "\n".join(bad[:5]))
    assert not problems, f"{len(problems)} unlocated:\n" + "\n\n".join(problems[:10])


def test_the_draw_is_not_vacuous(campaign: Campaign) -> None:
    """Most drawn specs generate (else the compile checks would see little) and some are refused."""
    generated = sum(1 for e in campaign.examples if e.generate[0] == 0)
    refused = sum(1 for e in campaign.examples if e.generate[0] == 1)
    assert generated >= len(campaign.examples) // 3, (generated, refused, len(campaign.examples))
    assert refused >= 1
    assert len(campaign.sdks) == min(COMPILE, generated)


@pytest.mark.parametrize("check", CHECK_IDS)
def test_generated_code_compiles(campaign: Campaign, check: str) -> None:
    failures = campaign.checks[check]
    report = "\n\n".join(
        f"{sid} ({campaign.examples[0].folder.parent / sid}):\n{text[-3000:]}"
        for sid, text in sorted(failures.items())
    )
    assert not failures, f"{check}: {len(failures)} of {len(campaign.sdks)} generated SDKs fail:\n{report}"
