"""perltidy over many modules in one Perl process (Perl::Tidy), cached by content hash.

The profile is ``templates/perl/perltidyrc`` (also written into the distribution as
``.perltidyrc``, so ``perltidy --profile=.perltidyrc`` reproduces the output).  A perltidy
error is a generator bug: it is reported with the module's name.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

from ...cache import root as cache_root
from ...errors import UsageError
from ...format import FormatError

_SCRIPT = r"""
use strict; use warnings;
use Perl::Tidy;
use JSON::PP;
my $in = JSON::PP->new->utf8->decode(do { local $/; <STDIN> });
my $marker = '## oasgen-split';
sub tidy {
    my ($src) = @_;
    my ($dst, $err) = ('', '');
    my $failed = Perl::Tidy::perltidy(
        source => \$src, destination => \$dst, perltidyrc => \$in->{profile},
        stderr => \$err, errorfile => \$err, argv => '',
    );
    return ($failed || $err =~ /\S/) ? (undef, $err) : ($dst, '');
}
my @names = sort keys %{ $in->{files} };
my (%code, %tail, %out);
for my $name (@names) {
    my $src = $in->{files}{$name};
    utf8::encode($src);
    my ($code, $tail) = $src =~ /\A(.*?)(^__END__\n.*)?\z/ms;
    $code =~ s/\s+\z/\n/;
    ($code{$name}, $tail{$name}) = ($code, $tail // '');
}
# Many modules per perltidy call (its start-up dominates on small modules), split again after.
while (my @chunk = splice @names, 0, 200) {
    my $joined = join q{}, map { "$marker $_\n$code{ $chunk[$_] }" } 0 .. $#chunk;
    my ($dst, $err) = tidy($joined);
    my @parts = defined $dst ? split /^\Q$marker\E (\d+)\n/m, $dst : ();
    shift @parts if @parts;
    my %part = @parts;
    for my $i (0 .. $#chunk) {
        my $name = $chunk[$i];
        my $code = $part{$i};
        if (!defined $code) {    # the chunk failed: tidy alone, to name the module
            ($code, $err) = tidy($code{$name});
            die "perltidy failed on $name:\n$err\n" if !defined $code;
        }
        $code =~ s/\s+\z/\n/;
        my $text = $code . ($tail{$name} eq '' ? '' : "\n$tail{$name}");
        utf8::decode($text);
        $out{$name} = $text;
    }
}
print JSON::PP->new->utf8->canonical->encode(\%out);
"""


def _version() -> str:
    if shutil.which("perl") is None:
        raise UsageError("the perl target formats its output with perltidy: install perl and perltidy")
    proc = subprocess.run(
        ["perl", "-MPerl::Tidy", "-e", "print $Perl::Tidy::VERSION"],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise UsageError(
            "the perl target formats its output with perltidy (Perl::Tidy), which is not installed: "
            "apt-get install perltidy"
        )
    return proc.stdout.strip()


def _key(version: str, profile: str, source: str) -> Path:
    digest = hashlib.sha256(f"perltidy\0{version}\0{_SCRIPT}\0{profile}\0{source}".encode()).hexdigest()
    return cache_root() / "format" / digest[:2] / digest


def tidy_many(files: dict[str, str], profile: str) -> dict[str, str]:
    """The ``.pm``/``.t`` files of ``files`` formatted; other files are left out."""
    todo = {k: v for k, v in files.items() if k.endswith((".pm", ".t", ".pl"))}
    if not todo:
        return {}
    version = _version()
    out: dict[str, str] = {}
    missing: dict[str, str] = {}
    for name, source in todo.items():
        try:
            out[name] = _key(version, profile, source).read_text(encoding="utf-8")
        except OSError:
            missing[name] = source
    if missing:
        payload = json.dumps({"profile": profile, "files": missing})
        proc = subprocess.run(
            ["perl", "-e", _SCRIPT], input=payload, capture_output=True, text=True, check=False
        )
        if proc.returncode != 0:
            raise FormatError(proc.stderr.strip())
        tidied: dict[str, str] = json.loads(proc.stdout)
        for name, text in tidied.items():
            out[name] = text
            path = _key(version, profile, missing[name])
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
            except OSError:
                pass
    return out
