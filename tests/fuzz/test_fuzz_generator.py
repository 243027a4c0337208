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
from sdk_checks import CHECK_IDS, TARGETS, Sdk, python_import, run_checks
from spec_strategies import files

from generator.cli import main

EXAMPLES = int(os.environ.get("OASGEN_FUZZ_EXAMPLES", "150"))
COMPILE = int(os.environ.get("OASGEN_FUZZ_COMPILE", "24"))
SEED = os.environ.get("OASGEN_FUZZ_SEED", "")
# A finding line: "<file>:<line>:<col>: error|warning: <message> (<rule>) [<pointer>]".
FINDING = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?:error|warning): ")
SUMMARY = re.compile(r"^\d+ error\(s\), \d+ warning\(s\)$")
COMPILE_BATCH = 50  # SDKs per mypy/go/docs run (a long run compiles hundreds)


@dataclass(frozen=True)
class Known:
    """A generator bug the fuzzer finds that another helper is fixing (issue 9), tolerated until then.

    ``stage`` is "crash" (an internal error of lint or generate; ``pattern`` is searched in its
    signature: ``<the internal error line> @ <innermost generator frame>``) or a check id (searched in
    each error line of the check's report).  In the derandomized run (`make test`) each entry must
    still be seen (unless ``smoke`` is False: found by longer runs only): a fix makes
    ``test_known_issue_still_happens`` fail until the entry is removed.
    Repro specs are in tests/fuzz/findings/ (see its README).
    """

    name: str
    stage: str
    pattern: str
    reason: str
    smoke: bool = True  # the derandomized `make test` draw finds it (else only longer runs do)


KNOWN: tuple[Known, ...] = (
    Known(
        "ir-recursion",
        "crash",
        r"RecursionError",
        "shapes: nested allOf/oneOf whose parts lead back to themselves recurse without bound while"
        " the IR merges object parts (ir/objects.py parts -> typed_union -> convert)",
        smoke=False,  # not in every draw
    ),
    Known(
        "go-enum-constant-type",
        "go-vet",
        r"cannot use .* \(untyped \w+ constant.*\) as \w+ value in constant declaration",
        "shapes: an enum whose values do not all have the enum's Go type renders constants that"
        " do not compile",
        smoke=False,
    ),
    Known(
        "go-enum-constant-type-build",
        "go-build",
        r"cannot use .* \(untyped \w+ constant.*\) as \w+ value in constant",
        "shapes: as go-enum-constant-type",
        smoke=False,
    ),
    Known(
        "go-json-import",
        "go-vet",
        r"undefined: json",
        "shapes/go: client.go uses encoding/json without importing it",
        smoke=False,  # not in every draw
    ),
    Known(
        "go-json-import-build", "go-build", r"undefined: json", "shapes/go: as go-json-import", smoke=False
    ),
)
_FRAME = re.compile(r'File ".*?/generator/(?P<file>[^"]+)", line \d+, in (?P<fn>\w+)')


def crash_signature(output: str) -> str:
    """``<internal error line> @ <innermost generator frame>`` of a crash's output (OASGEN_DEBUG=1)."""
    error = next((ln for ln in output.splitlines() if "internal error" in ln or "uncaught" in ln), "")
    frames = _FRAME.findall(output)
    where = f"{frames[-1][0]}:{frames[-1][1]}" if frames else "?"
    return f"{error.strip()} @ {where}"


def known(stage: str, text: str) -> Known | None:
    return next((k for k in KNOWN if k.stage == stage and re.search(k.pattern, text)), None)


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
    drawn: dict[str, dict[str, str]] = {}  # the draw first, apart from the runs: what the code under
    # test does must not steer hypothesis (it does, when the runs happen inside the drawing function)

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=not SEED,
        suppress_health_check=list(HealthCheck),
    )
    @given(files())
    def draw(spec_files: dict[str, str]) -> None:
        drawn.setdefault(repr(sorted(spec_files.items())), spec_files)

    if SEED:
        draw = seed(int(SEED))(draw)
    draw()
    for n, spec_files in enumerate(drawn.values()):
        folder = base / f"ex{n:05d}"
        spec = _write(folder, spec_files)
        lint = _cli(["lint", spec.name], folder)
        package = f"fz{n:05d}"
        args = ["generate", "-q", "--spec", spec.name, "--out", "out", "--package", package]
        args += [a for t in TARGETS for a in ("--target", t)]
        gen = _cli(args, folder)
        check = _cli(["check", *args[1:]], folder) if gen[0] == 0 else (0, "")
        done.examples.append(Example(folder, lint, gen, check))
        if (n + 1) % 250 == 0:  # a long run's progress (shown with -s, as make fuzz runs it)
            crashed = sum(1 for e in done.examples if 3 in (e.lint[0], e.generate[0]))
            print(
                f"fuzz: {n + 1}/{len(drawn)} specs run, {crashed} crashed, {time.monotonic() - started:.0f} s"
            )
        if gen[0] == 0 and len(done.sdks) < COMPILE:
            done.sdks.append(Sdk(folder.name, folder / "out", package))
    done.checks = {cid: {} for cid in CHECK_IDS}
    for i in range(0, len(done.sdks), COMPILE_BATCH):
        for cid, failures in run_checks(done.sdks[i : i + COMPILE_BATCH], base / "checks" / str(i)).items():
            done.checks[cid].update(failures)
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


def _crashes(campaign: Campaign) -> list[tuple[Example, str, str]]:
    """(example, stage, output) of every lint or generate run that crashed."""
    return [
        (e, stage, out)
        for e in campaign.examples
        for stage, (rc, out) in (("lint", e.lint), ("generate", e.generate))
        if rc not in (0, 1) or "Traceback" in out or "internal error" in out
    ]


def _check_errors(campaign: Campaign, check: str) -> list[tuple[str, str]]:
    """(sdk id, error line) of every error line a check reported."""
    out = []
    for sid, text in campaign.checks[check].items():
        lines = [ln for ln in text.splitlines() if re.search(r"error|:\d+:\d+: ", ln)] or [text]
        out += [(sid, ln) for ln in lines]
    return out


def _seen(campaign: Campaign) -> dict[str, int]:
    counts = {k.name: 0 for k in KNOWN}
    for _e, _stage, out in _crashes(campaign):
        if k := known("crash", crash_signature(out)):
            counts[k.name] += 1
    for check in CHECK_IDS:
        for _sid, line in _check_errors(campaign, check):
            if k := known(check, line):
                counts[k.name] += 1
    return counts


def test_no_internal_error(campaign: Campaign) -> None:
    crashes = _crashes(campaign)
    new = [
        f"{e.folder} ({stage}): {crash_signature(out)}\n{out[-3000:]}"
        for e, stage, out in crashes
        if known("crash", crash_signature(out)) is None
    ]
    print(f"\n{len(crashes)} crashes, known: {_seen(campaign)}")
    assert not new, f"{len(new)} of {len(campaign.examples)} specs crashed oasgen:\n" + "\n\n".join(new[:10])


def test_check_after_generate_is_clean(campaign: Campaign) -> None:
    stale = [f"{e.folder}:\n{e.check[1][-2000:]}" for e in campaign.examples if e.check[0] != 0]
    assert not stale, "oasgen check after generate is not clean:\n" + "\n\n".join(stale[:5])


def test_refusals_are_located(campaign: Campaign) -> None:
    problems = []
    for e in campaign.examples:
        for stage, (rc, out) in (("lint", e.lint), ("generate", e.generate)):
            if stage == "generate" and rc == 0:
                continue  # its output is the written folders, not findings
            if rc == 1 and stage == "generate" and not FINDING.search(out):
                problems.append(f"{e.folder}: generate refused without a finding:\n{out[-2000:]}")
            elif rc in (0, 1) and (bad := _unlocated(out)):
                problems.append(f"{e.folder} ({stage}): not located:\n" + "\n".join(bad[:5]))
    assert not problems, f"{len(problems)} unlocated:\n" + "\n\n".join(problems[:10])


def test_the_draw_is_not_vacuous(campaign: Campaign) -> None:
    """Many drawn specs generate (else the compile checks would see little) and some are refused.

    A fifth, while the known crashes stand (about half the draw today); raise it as they are fixed."""
    generated = sum(1 for e in campaign.examples if e.generate[0] == 0)
    refused = sum(1 for e in campaign.examples if e.generate[0] == 1)
    assert generated >= len(campaign.examples) // 5, (generated, refused, len(campaign.examples))
    assert refused >= 1
    assert len(campaign.sdks) == min(COMPILE, generated)


@pytest.mark.parametrize("check", CHECK_IDS)
def test_generated_code_compiles(campaign: Campaign, check: str) -> None:
    base = campaign.examples[0].folder.parent
    new = [(sid, line) for sid, line in _check_errors(campaign, check) if known(check, line) is None]
    report = "\n".join(f"{base / sid}: {line[:500]}" for sid, line in new[:40])
    assert (
        not new
    ), f"{check}: {len({sid for sid, _ in new})} of {len(campaign.sdks)} generated SDKs fail:\n{report}"


@pytest.mark.parametrize("entry", [pytest.param(k, id=k.name) for k in KNOWN])
def test_known_issue_still_happens(campaign: Campaign, entry: Known) -> None:
    """A known issue the draw no longer finds is fixed (or no longer drawn): remove its entry."""
    if SEED or not entry.smoke:
        pytest.skip("only the derandomized draw is checked, for the issues it finds")
    assert (
        _seen(campaign)[entry.name] > 0
    ), f"{entry.name} was not seen: remove it from KNOWN ({entry.reason})"


# -- the findings: each repro is handled, or a strict xfail until its fix lands -----------------------------
FINDINGS = Path(__file__).parent / "findings"
FINDING_FILES = sorted(p for p in FINDINGS.iterdir() if p.suffix in (".yaml", ".json"))
REFUSED = {"yaml-control-character-message.yaml"}  # not valid YAML: a located refusal is right
# file -> reason: the findings still open (see findings/README.md); the others are fixed and must stay so.
OPEN_FINDINGS: dict[str, str] = {
    "yaml-control-character-message.yaml": "open: see tests/fuzz/findings/README.md",
}


@pytest.mark.parametrize(
    "spec",
    [
        (
            pytest.param(p, id=p.name, marks=[pytest.mark.xfail(strict=True, reason=OPEN_FINDINGS[p.name])])
            if p.name in OPEN_FINDINGS
            else pytest.param(p, id=p.name)
        )
        for p in FINDING_FILES
    ],
)
def test_finding(spec: Path, tmp_path: Path) -> None:
    folder = tmp_path / "spec"
    folder.mkdir()
    (folder / spec.name).write_bytes(spec.read_bytes())
    args = ["generate", "-q", "--spec", spec.name, "--out", "out", "--package", "finding"]
    rc, out = _cli(args + [a for t in TARGETS for a in ("--target", t)], folder)
    if spec.name in REFUSED:
        findings = [ln for ln in out.splitlines() if ln.strip() and not SUMMARY.match(ln)]
        assert rc == 1 and findings and not _unlocated(out), out
        assert all(not ln.startswith(f"{spec.name}:1:1:") for ln in findings), out
    else:
        assert rc == 0, out
        failures = python_import([Sdk(spec.name, folder / "out", "finding")], tmp_path)
        assert not failures, failures
