"""Go list methods that page, against Prism serving the pagination fixture (every style).

The multi-page behaviour (last page, empty page, error on page 3) is covered by the generated
<Method>Pages tests, which every fixture run executes (test_go.py); this checks that the requests
a Page makes for its next page are ones the spec accepts, and that real responses decode.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import PRISM_BIN, REPO_ROOT, _free_port, _stop, _wait_until_up
from test_go import GO_BIN, SPECS, run

from generator.pipeline import generate

SPEC = SPECS / "pagination.yaml"
MODULE = "example.com/pages"


@pytest.fixture(scope="module")
def pages_prism(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not PRISM_BIN.exists():
        pytest.fail("Prism is not installed: npm ci --prefix tests/prism", pytrace=False)
    log = tmp_path_factory.mktemp("prism-pages") / "prism.log"
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [str(PRISM_BIN), "mock", str(SPEC), "--host", "127.0.0.1", "--port", str(port)],
            cwd=REPO_ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    try:
        problem = _wait_until_up(proc, base_url, log)
        if problem is not None:
            pytest.fail(problem, pytrace=False)
        yield base_url
    finally:
        _stop(proc)


def test_every_paging_style_against_prism(pages_prism: str, tmp_path: Path) -> None:
    sdk = tmp_path / "sdk"
    for rel, text in generate(SPEC, ["go"], {"go": {"module": MODULE}}).files["go"].items():
        (sdk / rel).parent.mkdir(parents=True, exist_ok=True)
        (sdk / rel).write_text(text)
    prog = tmp_path / "prog"
    prog.mkdir()
    (prog / "go.mod").write_text(
        f"module pagescheck\n\ngo 1.23\n\nrequire {MODULE} v0.0.0\n\nreplace {MODULE} => {sdk}\n"
    )
    (prog / "main.go").write_text((Path(__file__).parent / "pages_prism_main.go.txt").read_text())
    out = run([GO_BIN, "run", ".", pages_prism], prog)
    assert out.strip().endswith("OK"), out
    for name in ("pets", "owners", "toys", "vets", "visits", "treats"):
        assert f"{name}: ok" in out
