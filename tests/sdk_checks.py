"""Batch checks of generated SDKs, one table entry per target (used by tests/corpus and tests/fuzz).

An :class:`Sdk` is one spec's output: ``folder/<target>/`` as ``oasgen generate`` writes it, with
``package`` as the SDK package name (a lower-case alphanumeric name, valid in every target).  Each
check takes many SDKs at once, because a tool's start-up dominates on small outputs: one ``mypy``
over every Python package, one ``go vet`` and one ``go build`` over a module that holds every Go
package, one Python process that imports every package, one that builds every docs site.  It
returns ``{sdk id: failure text}`` for the SDKs that failed (a missing id passed).

``CHECKS`` is the table: target -> its checks.  A new target joins the corpus and fuzz tests with
one entry here (and its check functions).  ``run_checks`` runs all checks of the chosen targets,
two at a time (the machine has two cores; each check is one process).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
GO_BIN = shutil.which("go") or "/usr/local/go/bin/go"
CHECK_TIMEOUT = 1500.0  # seconds for one batch (the corpus' mypy run is the longest: a few minutes)


@dataclass(frozen=True)
class Sdk:
    id: str  # unique among the SDKs checked together; the test's name for it
    folder: Path  # holds one subfolder per target (python/, go/, docs/)
    package: str  # lower-case letters and digits: a valid Python and Go package name


Failures = dict[str, str]
CheckFn = Callable[[list[Sdk], Path], Failures]


@dataclass(frozen=True)
class Check:
    name: str  # e.g. "mypy"; a test id is "<target>-<name>"
    run: CheckFn  # (sdks, scratch folder) -> failures


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=CHECK_TIMEOUT, check=False
    )


def _attribute(
    lines: Iterable[str], sdks: list[Sdk], marker: Callable[[Sdk], str]
) -> tuple[Failures, list[str]]:
    """Group report lines by the SDK whose ``marker`` they contain; the rest are returned apart."""
    out: dict[str, list[str]] = {}
    rest: list[str] = []
    patterns = [(s.id, re.compile(rf"(^|[\s/(]){re.escape(marker(s))}")) for s in sdks]
    for line in lines:
        owner = next((sid for sid, pat in patterns if pat.search(line)), None)
        if owner is None:
            rest.append(line)
        else:
            out.setdefault(owner, []).append(line)
    return {k: "\n".join(v) for k, v in out.items()}, rest


# -- Python -----------------------------------------------------------------------------------------------
def python_mypy(sdks: list[Sdk], scratch: Path) -> Failures:
    """One ``mypy --strict`` over every package, with the packages' own (identical) config."""
    config = sdks[0].folder / "python" / "pyproject.toml"
    args = [
        str(BIN / "mypy"),
        "--strict",
        "--config-file",
        str(config),
        "--cache-dir",
        str(scratch / "cache"),
    ]
    args += ["--no-error-summary", "--show-absolute-path", "--no-color-output"]
    args += [str(s.folder / "python" / s.package) for s in sdks]
    proc = _run(args, scratch)
    report = (proc.stdout + proc.stderr).splitlines()
    failures, rest = _attribute(report, sdks, lambda s: str(s.folder / "python" / s.package) + os.sep)
    errors = [line for line in rest if line.strip()]
    if proc.returncode not in (0, 1) or (proc.returncode == 1 and not failures) or errors:
        raise AssertionError(
            f"mypy exit {proc.returncode}, not attributable to one SDK:\n" + "\n".join(report)
        )
    return failures


_IMPORT_ALL = """
import importlib, json, pkgutil, sys, traceback
failures = {}
for sid, folder, package in json.loads(sys.argv[1]):
    sys.path.insert(0, folder)
    try:
        top = importlib.import_module(package)
        for m in pkgutil.walk_packages(top.__path__, package + "."):
            importlib.import_module(m.name)
    except BaseException:
        failures[sid] = traceback.format_exc(limit=-4)
    sys.path.remove(folder)
print(json.dumps(failures))
"""


def python_import(sdks: list[Sdk], scratch: Path) -> Failures:
    """One Python process imports every module of every package (distinct names, so no clash)."""
    todo = [(s.id, str(s.folder / "python"), s.package) for s in sdks]
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    proc = _run([sys.executable, "-c", _IMPORT_ALL, json.dumps(todo)], scratch, env)
    assert proc.returncode == 0, f"the import checker failed:\n{proc.stderr[-4000:]}"
    failures: Failures = json.loads(proc.stdout.strip().splitlines()[-1])
    return failures


# -- Go ---------------------------------------------------------------------------------------------------
def go_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(GOFLAGS="-mod=mod", GOTOOLCHAIN="local", GOPROXY="off", GOWORK="off", CGO_ENABLED="0")
    env["PATH"] = f"{Path(GO_BIN).parent}{os.pathsep}{env.get('PATH', '')}"
    return env


_GO_MODULE_LOCK = threading.Lock()


def go_module(sdks: list[Sdk], scratch: Path) -> Path:
    """One module holding every SDK's Go package in a folder named after the SDK (made once)."""
    with _GO_MODULE_LOCK:
        module = scratch.parent / "go-module"
        if not module.is_dir():
            _make_go_module(sdks, module)
        return module


def _make_go_module(sdks: list[Sdk], module: Path) -> None:
    module.mkdir(parents=True)
    go_line = "go 1.22"
    for s in sdks:
        src = s.folder / "go"
        mod = (src / "go.mod").read_text(encoding="utf-8")
        go_line = next((ln for ln in mod.splitlines() if ln.startswith("go ")), go_line)
        shutil.copytree(src, module / s.package, ignore=shutil.ignore_patterns("go.mod", "go.sum"))
    (module / "go.mod").write_text(f"module oasgencheck\n\n{go_line}\n", encoding="utf-8")


def _go(sdks: list[Sdk], scratch: Path, command: str) -> Failures:
    module = go_module(sdks, scratch)
    proc = _run([GO_BIN, command, "./..."], module, go_env())
    report = (proc.stdout + proc.stderr).splitlines()
    # "# oasgencheck/<pkg>" heads each package's errors; error lines start with "<pkg>/file.go:".
    owner = ""
    by_pkg = {s.package: s.id for s in sdks}
    out: dict[str, list[str]] = {}
    rest: list[str] = []
    for line in report:
        head = re.match(r"# oasgencheck/([a-z0-9]+)\b", line)
        if head:
            owner = by_pkg.get(head.group(1), "")
            continue
        file_owner = re.match(r"(?:vet: )?(?:\./)?([a-z0-9]+)/", line)
        sid = by_pkg.get(file_owner.group(1), "") if file_owner else owner
        if sid:
            out.setdefault(sid, []).append(line)
        elif line.strip():
            rest.append(line)
    if proc.returncode != 0 and not out or rest:
        raise AssertionError(f"go {command} exit {proc.returncode}, not attributable:\n" + "\n".join(report))
    return {k: "\n".join(v) for k, v in out.items()}


def go_vet(sdks: list[Sdk], scratch: Path) -> Failures:
    return _go(sdks, scratch, "vet")


def go_build(sdks: list[Sdk], scratch: Path) -> Failures:
    return _go(sdks, scratch, "build")


# -- docs -------------------------------------------------------------------------------------------------
_MKDOCS_ALL = """
import json, logging, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config

class Keep(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.lines = []
    def emit(self, record):
        self.lines.append(record.getMessage())

failures = {}
for sid, config, site in json.loads(sys.argv[1]):
    keep = Keep()
    logging.getLogger("mkdocs").addHandler(keep)
    try:
        build(load_config(config_file=config, strict=True, site_dir=site))
    except BaseException as exc:
        failures[sid] = "\\n".join(keep.lines + [f"{type(exc).__name__}: {exc}"])
    logging.getLogger("mkdocs").removeHandler(keep)
print(json.dumps(failures))
"""


def docs_mkdocs(sdks: list[Sdk], scratch: Path) -> Failures:
    """``mkdocs build --strict`` of every site, in one Python process."""
    todo = [(s.id, str(s.folder / "docs" / "mkdocs.yml"), str(scratch / "site" / s.package)) for s in sdks]
    proc = _run([sys.executable, "-c", _MKDOCS_ALL, json.dumps(todo)], scratch)
    assert proc.returncode == 0, f"the docs checker failed:\n{proc.stderr[-4000:]}"
    failures: Failures = json.loads(proc.stdout.strip().splitlines()[-1])
    return failures


# -- Perl -----------------------------------------------------------------------------------------------
# One perl process compiles and loads every module of every distribution (each has its own
# namespace, so they load side by side); failures come back as JSON.
_PERL_LOAD_ALL = r"""
use strict; use warnings;
use JSON::PP ();
my %failures;
for my $sdk ( @{ JSON::PP->new->decode( $ARGV[0] ) } ) {
    my ( $sid, $lib, @modules ) = @{$sdk};
    local @INC = ( $lib, @INC );
    for my $module (@modules) {
        ( my $file = "$module.pm" ) =~ s{::}{/}g;
        my $ok = eval { local $SIG{__WARN__} = sub { die @_ }; require $file; 1 };
        if ( !$ok ) { $failures{$sid} .= "$module: $@"; last }
    }
}
print JSON::PP->new->canonical->encode( \%failures ), "\n";
"""


def _perl_modules(sdk: Sdk) -> list[str]:
    lib = sdk.folder / "perl" / "lib"
    return sorted(str(p.relative_to(lib).with_suffix("")).replace(os.sep, "::") for p in lib.rglob("*.pm"))


def perl_load(sdks: list[Sdk], scratch: Path) -> Failures:
    """Every module of every distribution compiles and loads (``require``), in one perl process."""
    todo = [[s.id, str(s.folder / "perl" / "lib"), *_perl_modules(s)] for s in sdks]
    (scratch / "sdks.json").write_text(json.dumps(todo), encoding="utf-8")
    script = _PERL_LOAD_ALL.replace("$ARGV[0]", "do { local $/; open my $f, '<', $ARGV[0] or die; <$f> }")
    proc = _run(["perl", "-e", script, str(scratch / "sdks.json")], scratch)
    assert proc.returncode == 0, f"the perl load checker failed:\n{proc.stderr[-4000:]}"
    failures: Failures = json.loads(proc.stdout.strip().splitlines()[-1])
    return failures


def _perl_varying(sdk: Sdk) -> list[str]:
    """The modules whose code depends on the spec's structure: the client, the resources and the
    enum/alias models (their subs are named after the spec).  Object models are a field table and
    one fixed line, and the runtime is the same in every distribution: generated/perl checks those."""
    lib = sdk.folder / "perl" / "lib"
    out = [str(p) for p in sorted(lib.glob("*.pm"))]
    out += [str(p) for p in sorted(lib.glob("*/Resource/**/*.pm"))]
    models = sorted(lib.glob("*/Model/*.pm"))
    out += [str(p) for p in models if "\nmy $TYPE = " in p.read_text(encoding="utf-8")]
    return out


def perl_critic(sdks: list[Sdk], scratch: Path) -> Failures:
    """``perlcritic --stern`` over the spec-shaped modules of every distribution, in one call."""
    files = [f for s in sdks for f in _perl_varying(s)]
    proc = _run(["perlcritic", "--stern", "--quiet", *files], scratch)
    lines = [line for line in (proc.stdout + proc.stderr).splitlines() if line.strip()]
    failures, rest = _attribute(lines, sdks, lambda s: str(s.folder / "perl" / "lib") + os.sep)
    if rest or (proc.returncode != 0 and not failures):
        raise AssertionError(
            f"perlcritic exit {proc.returncode}, not attributable:\n" + "\n".join(rest[-50:])
        )
    return failures


def perl_pod(sdks: list[Sdk], scratch: Path) -> Failures:
    """``podchecker`` over every module and reference page, in one call."""
    files = [
        str(p)
        for s in sdks
        for ext in ("*.pm", "*.pod")
        for p in sorted((s.folder / "perl" / "lib").rglob(ext))
    ]
    proc = _run(["podchecker", *files], scratch)
    bad = [
        line
        for line in (proc.stdout + proc.stderr).splitlines()
        if "pod syntax OK" not in line and line.strip()
    ]
    failures, rest = _attribute(bad, sdks, lambda s: str(s.folder / "perl" / "lib") + os.sep)
    if rest:
        raise AssertionError("podchecker output not attributable:\n" + "\n".join(rest[-50:]))
    return failures


# -- TypeScript -------------------------------------------------------------------------------------------
def typescript_tsc(sdks: list[Sdk], scratch: Path) -> Failures:
    """One ``tsc`` (the packages' strict options, no emit, no Node types) over every package's src/."""
    sys.path.insert(0, str(ROOT / "tests" / "typescript"))
    from ts_harness import tsc, tsc_project

    config = tsc_project(scratch, [str(s.folder / "typescript" / "src") for s in sdks], False, False)
    proc = tsc(config)
    owners = [(str(s.folder / "typescript") + os.sep, s.id) for s in sdks]
    out: dict[str, list[str]] = {}
    rest: list[str] = []
    owner = ""
    for line in (proc.stdout + proc.stderr).splitlines():
        head = re.match(r"^(\S[^(]*)\(\d+,\d+\): ", line)
        if head:
            path = str((scratch / head.group(1)).resolve())
            owner = next((sid for prefix, sid in owners if path.startswith(prefix)), "")
        if owner:
            out.setdefault(owner, []).append(line)
        elif line.strip():
            rest.append(line)
    if proc.returncode != 0 and not out or rest:
        raise AssertionError(f"tsc exit {proc.returncode}, not attributable:\n" + "\n".join(rest[:80]))
    return {k: "\n".join(v) for k, v in out.items()}


# -- the table --------------------------------------------------------------------------------------------
CHECKS: dict[str, tuple[Check, ...]] = {
    "python": (Check("mypy", python_mypy), Check("import", python_import)),
    "go": (Check("vet", go_vet), Check("build", go_build)),
    "docs": (Check("mkdocs", docs_mkdocs),),
    "perl": (Check("critic", perl_critic), Check("load", perl_load), Check("pod", perl_pod)),
    "typescript": (Check("tsc", typescript_tsc),),
}
# OASGEN_CHECK_TARGETS=typescript,go: only those targets' checks (a quicker local run of one target).
if os.environ.get("OASGEN_CHECK_TARGETS"):
    _chosen = {t.strip() for t in os.environ["OASGEN_CHECK_TARGETS"].split(",")}
    CHECKS = {t: c for t, c in CHECKS.items() if t in _chosen}
TARGETS = tuple(CHECKS)  # the targets generated for a check run
CHECK_IDS = tuple(f"{target}-{c.name}" for target, checks in CHECKS.items() for c in checks)


def run_checks(sdks: list[Sdk], scratch: Path, workers: int = 2) -> dict[str, Failures]:
    """Every check over ``sdks`` (check id -> failures); checks run ``workers`` at a time, in table
    order (so put a target's slowest check first: the others share the second core meanwhile)."""
    if not sdks:
        return {cid: {} for cid in CHECK_IDS}
    jobs: dict[str, tuple[CheckFn, Path]] = {}
    for target, checks in CHECKS.items():
        for c in checks:
            folder = scratch / f"{target}-{c.name}"
            folder.mkdir(parents=True, exist_ok=True)
            jobs[f"{target}-{c.name}"] = (c.run, folder)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = {cid: pool.submit(fn, sdks, folder) for cid, (fn, folder) in jobs.items()}
        return {cid: f.result() for cid, f in futures.items()}
