"""Perl pagination, streams and uploads of fixture specs, over real HTTP: every paging style of
tests/fixtures/specs/pagination.yaml against Prism and, page by page, against the scripted server."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.pipeline import generate
from tests.servers.scripted import Reply, ScriptedServer

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "tests" / "fixtures" / "specs" / "pagination.yaml"

# Every *_all method of the distribution, iterated to the end (at most 500 items: a guard, not a
# rule), printing each resource's item count as JSON.
_ITERATE = r"""
use strict; use warnings; use JSON::PP;
use Pets;
my $client = Pets->new( base_url => $ENV{BASE_URL}, max_retries => 0 );
my %count;
for my $resource (@ARGV) {
    my $pager = $client->$resource->list_all;
    my $n = 0;
    while ( defined( my $item = $pager->next ) ) { die "no end" if ++$n > 500 }
    $count{$resource} = $n;
}
print JSON::PP->new->canonical->encode( \%count );
"""


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    out = tmp_path_factory.mktemp("perl-paging")
    files = generate(SPEC, ["perl"], {"perl": {"namespace": "Pets"}}).files["perl"]
    for rel, text in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text, encoding="utf-8")
    yield out


def resources(dist: Path) -> list[str]:
    out = []
    for pm in sorted((dist / "lib" / "Pets" / "Resource").glob("*.pm")):
        if "sub list_all" in pm.read_text():
            out.append(pm.stem.lower())
    return out


def iterate(dist: Path, base_url: str, names: list[str]) -> dict[str, int]:
    proc = subprocess.run(
        ["perl", "-Ilib", "-e", _ITERATE, *names],
        cwd=dist,
        env={"BASE_URL": base_url, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    counts: dict[str, int] = json.loads(proc.stdout)
    return counts


def test_every_style_against_prism(dist: Path, prism_pagination_url: str) -> None:
    names = resources(dist)
    assert len(names) >= 5, names  # cursor, token, offset, page, link
    counts = iterate(dist, prism_pagination_url, names)
    assert all(n >= 1 for n in counts.values()), counts


def test_cursor_pages_until_has_more_is_false(dist: Path) -> None:
    with ScriptedServer() as server:
        server.script(
            Reply(
                json={
                    "object": "list",
                    "data": [{"id": "a", "name": "a"}, {"id": "b", "name": "b"}],
                    "has_more": True,
                }
            ),
            Reply(json={"object": "list", "data": [{"id": "c", "name": "c"}], "has_more": False}),
        )
        assert iterate(dist, server.url, ["pets"]) == {"pets": 3}
        assert [r.path for r in server.requests] == ["/pets", "/pets?after=b"]
