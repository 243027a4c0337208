"""The Perl target: generated/perl is fresh; every module passes perl -c, podchecker,
perlcritic --stern and perltidy (the checked-in profile); its own tests (prove -lr t/) pass;
it round-trips the shared payload vectors and keeps the contract against Prism; every fixture
spec's distribution compiles and loads."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.errors import SpecError, UsageError
from generator.pipeline import generate
from generator.targets.perl import options_of
from generator.targets.perl.names import field_names, ident
from tests.sdk_checks import Sdk, perl_critic, perl_load, perl_pod

ROOT = Path(__file__).resolve().parents[2]
GENERATED = ROOT / "generated" / "perl"
HERE = Path(__file__).resolve().parent
SPECS = ROOT / "tests" / "fixtures" / "specs"

_TIDY_CHECK = r"""
use strict; use warnings; use Perl::Tidy;
my ($profile, @files) = @ARGV;
my @bad;
for my $file (@files) {
    open my $fh, '<', $file or die "$file: $!";
    my $src = do { local $/; <$fh> };
    close $fh;
    my ($dst, $err) = ('', '');
    Perl::Tidy::perltidy(source => \$src, destination => \$dst, perltidyrc => $profile,
        stderr => \$err, errorfile => \$err, argv => '');
    push @bad, $file if $dst ne $src;
}
print map { "$_\n" } @bad;
exit(@bad ? 1 : 0);
"""


def perl(args: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: float = 300) -> str:
    proc = subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert (
        proc.returncode == 0
    ), f"{' '.join(args)} failed in {cwd}:\n{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}"
    return proc.stdout + proc.stderr


def modules(dist: Path) -> list[str]:
    return sorted(str(p.relative_to(dist)) for p in (dist / "lib").rglob("*.pm"))


def pods(dist: Path) -> list[str]:
    return modules(dist) + sorted(str(p.relative_to(dist)) for p in (dist / "lib").rglob("*.pod"))


@pytest.fixture(scope="module", autouse=True)
def tools() -> None:
    missing = [
        t for t in ("perl", "prove", "podchecker", "perlcritic", "perltidy") if shutil.which(t) is None
    ]
    if missing:
        pytest.fail(
            f"missing {', '.join(missing)}: run `make setup` (apt-get install perltidy libperl-critic-perl)"
        )


def write_dist(files: dict[str, str], folder: Path) -> Path:
    for rel, text in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text, encoding="utf-8")
    return folder


def test_generated_is_fresh() -> None:
    fresh = generate(ROOT / "spec" / "chatkit.yaml", ["perl"], {"perl": {"namespace": "ChatKit"}}).files[
        "perl"
    ]
    committed = {str(p.relative_to(GENERATED)): p.read_text() for p in GENERATED.rglob("*") if p.is_file()}
    assert sorted(fresh) == sorted(committed)
    stale = [str(k) for k in fresh if fresh[k] != committed[k]]
    assert not stale, f"generated/perl is stale (run make generate): {stale}"


def test_every_module_compiles() -> None:
    for rel in modules(GENERATED):
        perl(["perl", "-Ilib", "-c", rel], GENERATED)


def test_pod() -> None:
    out = perl(["podchecker", *pods(GENERATED)], GENERATED)
    assert "WARNING" not in out and "ERROR" not in out, out


def test_perlcritic_stern() -> None:
    perl(["perlcritic", "--stern", "--quiet", "lib"], GENERATED)


def test_perltidy_profile() -> None:
    files = modules(GENERATED) + sorted(str(p.relative_to(GENERATED)) for p in (GENERATED / "t").rglob("*.t"))
    perl(["perl", "-e", _TIDY_CHECK, ".perltidyrc", *files], GENERATED)


def test_prove() -> None:
    out = perl(["prove", "-lr", "t/"], GENERATED)
    assert "Result: PASS" in out


@pytest.mark.parametrize("backend", ["default", "JSON::PP"])
def test_payload_vectors(backend: str) -> None:
    """Through the JSON module the runtime picks (Cpanel::JSON::XS when installed) and core JSON::PP."""
    env = {k: v for k, v in os.environ.items() if k != "PERL_JSON_BACKEND"}
    if backend != "default":
        env["PERL_JSON_BACKEND"] = backend
    out = perl(["prove", "-I", str(GENERATED / "lib"), str(HERE / "vectors.t")], ROOT, env)
    assert "Result: PASS" in out


def test_prism_contract(prism_url: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHATKIT_")}
    env["CHATKIT_BASE_URL"] = prism_url
    out = perl(["prove", "-I", str(GENERATED / "lib"), str(HERE / "prism.t")], ROOT, env)
    assert "Result: PASS" in out


def test_options() -> None:
    assert options_of({"namespace": "My::API"}) == ("My::API", "0.1.0")
    assert options_of({"namespace": "spotify"})[0] == "Spotify"
    for bad in ("my api", "My::", "9Lives"):
        with pytest.raises(UsageError):
            options_of({"namespace": bad})


def test_names() -> None:
    assert ident("OpenAI-Beta") == "open_ai_beta"
    assert ident("1st") == "n1_st"
    assert field_names(["new", "x", "has_x", "to_hash"]) == ["new_field", "x", "has_x_field", "to_hash_field"]


def test_fixture_specs_compile_load_critic_pod(tmp_path: Path) -> None:
    """Every fixture spec's distribution loads, and passes perlcritic and podchecker: the corpus
    checks (tests/sdk_checks.py), each one process over every distribution."""
    sdks = []
    for i, spec in enumerate(sorted(SPECS.glob("*.yaml"))):
        package = f"f{i}"
        try:
            files = generate(spec, ["perl"], {"perl": {"namespace": package}}).files["perl"]
        except (UsageError, SpecError):
            continue  # a fixture that is meant to be refused
        write_dist(files, tmp_path / package / "perl")
        sdks.append(Sdk(spec.name, tmp_path / package, package))
    assert len(sdks) >= 10
    for check in (perl_load, perl_critic, perl_pod):
        scratch = tmp_path / check.__name__
        scratch.mkdir()
        assert check(sdks, scratch) == {}, check.__name__
