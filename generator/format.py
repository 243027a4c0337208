"""Formatting with the pinned formatter, cached by content hash.

Python output is formatted with ``ruff format`` (the pinned ruff): it is Black-compatible and
about 100x faster than black on large outputs; the test suite checks the result with
``black --check`` too.  A formatter failure is a generator bug: it is reported with the
unformatted lines around the error.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

_CACHE_DIR = Path(os.environ.get("OASGEN_CACHE_DIR", Path.home() / ".cache" / "oasgen" / "format"))
_RUFF_ARGS = ("format", "--isolated", "--line-length", "110", "--target-version", "py311", "-")


class FormatError(Exception):
    pass


def _ruff() -> str:
    from ruff.__main__ import find_ruff_bin  # type: ignore[import-untyped]

    return str(find_ruff_bin())


def _cached(kind: str, source: str, make: Callable[[str], str]) -> str:
    key = hashlib.sha256(f"{kind}\0{source}".encode()).hexdigest()
    path = _CACHE_DIR / key[:2] / key
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        pass
    out = make(source)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(out, encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # the cache is an optimisation only
    return out


def format_python(source: str, name: str) -> str:
    def run(src: str) -> str:
        proc = subprocess.run([_ruff(), *_RUFF_ARGS], input=src, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            message = f"generator bug: {name} is not valid Python ({proc.stderr.strip()})"
            raise FormatError(f"{message}\n{_excerpt(src, proc.stderr)}")
        return proc.stdout

    return _cached(f"ruff-{version('ruff')}-{' '.join(_RUFF_ARGS)}", source, run)


def _excerpt(source: str, message: str) -> str:
    """The unformatted lines around the line the formatter names (``...:47054:4...``)."""
    m = re.search(r"(\d+):(\d+)", message)
    if not m:
        return source[:2000]
    line = int(m.group(1))
    lines = source.splitlines()
    lo, hi = max(0, line - 4), min(len(lines), line + 3)
    return "\n".join(f"{i + 1:>6} | {lines[i]}" for i in range(lo, hi))
