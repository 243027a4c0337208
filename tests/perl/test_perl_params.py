"""Perl parameter serialisation: the OpenAPI specification's Style Examples table
(tests/vectors/style_examples.json) as calls of tests/fixtures/specs/param_styles.yaml, each
against the scripted server, all from one perl process."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from generator.pipeline import generate
from tests.servers.scripted import RecordedRequest, Reply, ScriptedServer

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "tests" / "fixtures" / "specs" / "param_styles.yaml"
TABLE = [
    tuple(row) for row in json.loads((ROOT / "tests" / "vectors" / "style_examples.json").read_text())["rows"]
]

_CALLS = r"""
use strict; use warnings; use JSON::PP;
use Styles; use Styles::Model::Rgb;
my ( $url, $rows ) = @ARGV;
my $client = Styles->new( base_url => $url, max_retries => 0 );
my %value = (
    string => 'blue',
    array  => [ 'blue', 'black', 'brown' ],
    object => Styles::Model::Rgb->new( r => 100, g => 200, b => 150 ),
);
for my $row ( @{ JSON::PP->new->decode($rows) } ) {
    my ( $resource, $method, $kind ) = @{$row};
    my $value = $value{$kind};
    $resource eq 'path'
      ? $client->$resource->$method($value)
      : $client->$resource->$method( color => $value );
}
"""


def sent(request: RecordedRequest, resource: str, method: str) -> str | None:
    if resource == "path":
        prefix = f"/path/{method.replace('_', '-')}/"
        assert request.url_path.startswith(prefix)
        return request.url_path[len(prefix) :]
    if resource == "query":
        return request.path.partition("?")[2]
    return request.header("color" if resource == "header" else "Cookie")


def test_style_examples_table(tmp_path: Path) -> None:
    files = generate(SPEC, ["perl"], {"perl": {"namespace": "Styles"}}).files["perl"]
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    with ScriptedServer() as server:
        server.script(*[Reply(204) for _ in TABLE])
        rows = json.dumps([row[:3] for row in TABLE])
        proc = subprocess.run(
            ["perl", "-Ilib", "-e", _CALLS, server.url, rows], cwd=tmp_path, capture_output=True, text=True
        )
        assert proc.returncode == 0, proc.stderr[-3000:]
        got = [sent(r, row[0], row[1]) for r, row in zip(server.requests, TABLE, strict=True)]
    wrong = [(row, g) for row, g in zip(TABLE, got, strict=True) if g != row[3]]
    assert not wrong, "\n".join(f"{row}: sent {g!r}" for row, g in wrong)
