"""The generated Perl client beside OpenAPI::Client (Debian's libopenapi-client-perl 1.07).

Both read the same OpenAPI 3.0 spec (Spotify's, from the shared corpus; OpenAPI::Client cannot read
3.1 offline).  Measured, each as the median of several runs on this machine:

* start-up: a fresh ``perl`` process until a client is ready to call (ours: ``use`` the generated
  distribution and ``->new``; theirs: ``OpenAPI::Client->new($spec)``, which reads and validates it);
* per-call overhead: ``GET /albums/{id}`` against a loopback server answering a fixed album, in one
  process, many calls (ours returns typed models; theirs a Mojo transaction with a plain hash);
* parse throughput: ``ChatSession`` payloads per second through ``from_json`` (ChatKit distribution)
  beside a bare JSON decode (what an untyped client does).

Run: ``.venv/bin/python bench/perl_runtime.py [--quick]``.  Needs ``apt-get install
libopenapi-client-perl`` for the peer.  Prints a table; writes bench/out/perl_runtime.json.
Nothing here asserts on timings.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"
SPEC = REPO.parent / "shared" / "specs" / "corpus" / "spotify.yml"
CHATKIT = REPO / "generated" / "perl"
ALBUM: dict[str, object] = {}  # the spec's own example (or a minimal valid value) of get-an-album's 200

OURS_START = "use Spotify; my $c = Spotify->new( access_token => 'x' );"
THEIRS_START = "use OpenAPI::Client; my $c = OpenAPI::Client->new( 'file://{spec}' );"
OURS_CALLS = r"""
use Spotify; use Time::HiRes qw(time);
my $c = Spotify->new( access_token => 'x', base_url => $ARGV[0], max_retries => 0 );
my ($n) = $ARGV[1]; $c->albums->retrieve( 'a' ) for 1 .. 5;
my $t = time; $c->albums->retrieve( 'a' ) for 1 .. $n; print( ( time - $t ) / $n, "\n" );
"""
THEIRS_CALLS = r"""
use OpenAPI::Client; use Time::HiRes qw(time);
my $c = OpenAPI::Client->new( 'file://{spec}', base_url => $ARGV[0] );
my ($n) = $ARGV[1]; $c->call( 'get-an-album', { id => 'a' } ) for 1 .. 5;
my $t = time;
for ( 1 .. $n ) {
    my $tx = $c->call( 'get-an-album', { id => 'a' } );
    die $tx->res->code if $tx->res->code != 200;
}
print( ( time - $t ) / $n, "\n" );
"""
PARSE = r"""
use ChatKit::Model::ChatSession; use ChatKit::Runtime::JSON qw(json_decode); use Time::HiRes qw(time);
local $/; my $text = <STDIN>; my ($n) = $ARGV[0];
my $t = time; ChatKit::Model::ChatSession->from_json($text) for 1 .. $n; my $typed = $n / ( time - $t );
$t = time; json_decode($text) for 1 .. $n; my $plain = $n / ( time - $t );
print "$typed $plain\n";
"""


class _Album(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        body = json.dumps(ALBUM).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        pass


def album() -> dict[str, object]:
    sys.path.insert(0, str(REPO))
    from generator.pipeline import build
    from generator.targets.docs.examples import response_example, sample

    _spec, api, _w = build(SPEC)
    op = next(o for o in api.operations if o.id == "get-an-album")
    ok = op.success
    assert ok is not None and ok.type is not None
    models = {m.id: m for m in api.models}
    found = response_example(ok, models)
    value = found[1] if found is not None else sample(ok.type, models)
    assert isinstance(value, dict)
    return value


def generate(out: Path) -> Path:
    argv = [sys.executable, "-m", "generator", "generate", "-q", "--spec", str(SPEC), "--out", str(out)]
    argv += ["--target", "perl", "--package", "spotify"]
    subprocess.run(argv, cwd=REPO, check=True)
    return out / "perl" / "lib"


def seconds(argv: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def perl_out(argv: list[str], stdin: str | None = None) -> str:
    return subprocess.run(argv, check=True, capture_output=True, text=True, input=stdin).stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    runs, calls = (3, 200) if args.quick else (9, 1000)
    if subprocess.run(["perl", "-MOpenAPI::Client", "-e1"], capture_output=True).returncode != 0:
        sys.exit("OpenAPI::Client is missing: apt-get install libopenapi-client-perl")
    work = OUT / "perl"
    shutil.rmtree(work, ignore_errors=True)
    lib = generate(work)
    results: dict[str, float] = {}
    results["startup_ours_s"] = seconds(["perl", f"-I{lib}", "-e", OURS_START], runs)
    results["startup_theirs_s"] = seconds(["perl", "-e", THEIRS_START.replace("{spec}", str(SPEC))], runs)
    results["startup_perl_s"] = seconds(["perl", "-e", "1"], runs)
    ALBUM.update(album())
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Album)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}"
    results["call_ours_s"] = float(perl_out(["perl", f"-I{lib}", "-e", OURS_CALLS, url, str(calls)]))
    theirs = THEIRS_CALLS.replace("{spec}", str(SPEC))
    results["call_theirs_s"] = float(perl_out(["perl", "-e", theirs, url, str(calls)]))
    server.shutdown()
    session = (REPO / "tests" / "vectors" / "chatkit.json").read_text()
    payload = json.dumps(
        next(v for v in json.loads(session)["vectors"] if v["name"] == "session_full")["payload"]
    )
    typed, plain = perl_out(["perl", f"-I{CHATKIT / 'lib'}", "-e", PARSE, str(calls * 5)], payload).split()
    results["parse_typed_per_s"], results["parse_plain_per_s"] = float(typed), float(plain)
    OUT.mkdir(exist_ok=True)
    (OUT / "perl_runtime.json").write_text(json.dumps(results, indent=2))
    r = results
    rows = [
        ("start-up to a ready client (s)", f"{r['startup_ours_s']:.3f}", f"{r['startup_theirs_s']:.3f}"),
        ("per call, loopback (ms)", f"{r['call_ours_s'] * 1e3:.3f}", f"{r['call_theirs_s'] * 1e3:.3f}"),
        ("ChatSession parses per s", f"{r['parse_typed_per_s']:.0f}", f"{r['parse_plain_per_s']:.0f}"),
    ]
    print(f"{'measure':<34}{'oasgen Perl':>14}{'OpenAPI::Client':>18}")
    for name, ours, theirs in rows:
        print(f"{name:<34}{ours:>14}{theirs:>18}")
    ratio = r["startup_theirs_s"] / r["startup_ours_s"]
    perl_alone = r["startup_perl_s"]
    print(f"start-up: ours is 1/{ratio:.0f} of OpenAPI::Client's (perl -e 1 alone: {perl_alone:.3f} s);")
    print("the parse row's right column is a bare JSON decode (an untyped client's whole work).")


if __name__ == "__main__":
    main()
