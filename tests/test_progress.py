"""Progress goes to stderr only on a terminal; piped output stays quiet and deterministic."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "spec" / "chatkit.yaml"


def run(tmp_path: Path, *, tty: bool) -> tuple[int, str, str]:
    args = [
        sys.executable,
        "-m",
        "generator",
        "generate",
        "--spec",
        str(SPEC),
        "--out",
        str(tmp_path / "out"),
    ]
    env = {**os.environ, "OASGEN_NO_CACHE": "1"}
    if not tty:
        proc = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, env=env, timeout=120)
        return proc.returncode, proc.stdout, proc.stderr
    leader, follower = pty.openpty()
    proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=follower, env=env)
    os.close(follower)
    chunks: list[bytes] = []
    while True:
        try:
            data = os.read(leader, 4096)
        except OSError:  # the child closed its end
            break
        if not data:
            break
        chunks.append(data)
    stdout = proc.communicate(timeout=120)[0].decode()
    os.close(leader)
    return proc.returncode, stdout, b"".join(chunks).decode(errors="replace")


def test_progress_on_a_terminal(tmp_path: Path) -> None:
    code, stdout, stderr = run(tmp_path, tty=True)
    assert code == 0, stderr
    assert "oasgen: loading" in stderr
    assert "built IR: 20 models, 2 operations" in stderr
    assert "rendered python:" in stderr and "files" in stderr
    assert "oasgen:" not in stdout  # results on stdout, progress on stderr


def test_quiet_when_piped(tmp_path: Path) -> None:
    code, stdout, stderr = run(tmp_path, tty=False)
    assert code == 0, stderr
    assert stderr == ""
    assert stdout.splitlines()[0].endswith("/ir: 1 files, 1 changed")
