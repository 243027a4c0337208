"""Formatting with the pinned formatter, cached by content hash.

Python output is formatted with ``ruff format`` (the pinned ruff): it is Black-compatible and
about 100x faster than black on large outputs; the test suite checks the result with
``black --check`` too.  A formatter failure is a generator bug: it is reported with the
unformatted lines around the error.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import subprocess
import threading
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

from .cache import root as cache_root
from .errors import UsageError

_RUFF_ARGS = ("format", "--isolated", "--line-length", "110", "--target-version", "py311", "-")
# Import sorting is ruff's isort rule, applied as a fix: the same order `ruff check` expects.
_ISORT_ARGS = (
    "check",
    "--isolated",
    "--select",
    "I",
    "--fix",
    "--exit-zero",
    "--quiet",
    "--stdin-filename",
    "x.py",
    "-",
)


class FormatError(Exception):
    pass


@functools.cache
def _ruff() -> str:
    """The pinned ruff binary.  Resolve it before formatting in threads: ``find_ruff_bin`` reads
    ``sysconfig``, whose lazy initialisation is not thread-safe (a race gave ``"ruff" + None``)."""
    from ruff.__main__ import find_ruff_bin  # type: ignore[import-untyped]

    return str(find_ruff_bin())


def prepare() -> None:
    """Do the formatter's one-time set-up in the calling thread."""
    _ruff()


# Entries are keyed by this module's own code too: a change in how formatting is done is a miss.
_SELF = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


def _cache_path(kind: str, source: str) -> Path:
    key = hashlib.sha256(f"{_SELF}\0{kind}\0{source}".encode()).hexdigest()
    return cache_root() / "format" / key[:2] / key


def _cache_get(kind: str, source: str) -> str | None:
    try:
        return _cache_path(kind, source).read_text(encoding="utf-8")
    except OSError:
        return None


def _cache_put(kind: str, source: str, out: str) -> None:
    path = _cache_path(kind, source)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        tmp.write_text(out, encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # the cache is an optimisation only


def _cached(kind: str, source: str, make: Callable[[str], str]) -> str:
    hit = _cache_get(kind, source)
    if hit is not None:
        return hit
    out = make(source)
    _cache_put(kind, source, out)
    return out


def format_python(source: str, name: str) -> str:
    def run(src: str) -> str:
        ruff = _ruff()
        header, body = _split_header(src)
        # isort sees the header followed by one statement, so it treats it as a whole import block.
        sentinel = "_oasgen_end_of_imports = None\n"
        proc = subprocess.run(
            [ruff, *_ISORT_ARGS], input=header + sentinel, capture_output=True, text=True, check=False
        )
        if proc.returncode == 0:
            sorted_header = proc.stdout.removesuffix(sentinel)
            proc = subprocess.run(
                [ruff, *_RUFF_ARGS], input=sorted_header + body, capture_output=True, text=True, check=False
            )
        if proc.returncode != 0:
            message = f"generator bug: {name} is not valid Python ({proc.stderr.strip()})"
            raise FormatError(f"{message}\n{_excerpt(src, proc.stderr)}")
        return proc.stdout

    return _cached(f"ruff-{version('ruff')}-{' '.join(_RUFF_ARGS + _ISORT_ARGS)}", source, run)


def format_python_many(sources: dict[str, str]) -> dict[str, str]:
    """Every source formatted as ``format_python`` does, with one ruff run per step for all cache misses.

    Hundreds of modules would otherwise start hundreds of ruff processes.  If a batch fails, each
    file is formatted on its own, so the error names the file and line.
    """
    kind = f"ruff-{version('ruff')}-{' '.join(_RUFF_ARGS + _ISORT_ARGS)}"
    out: dict[str, str] = {}
    misses: list[str] = []
    for name, source in sources.items():
        hit = _cache_get(kind, source)
        if hit is None:
            misses.append(name)
        else:
            out[name] = hit
    if len(misses) <= 1:
        out.update((name, format_python(sources[name], name)) for name in misses)
        return {name: out[name] for name in sources}
    import tempfile

    sentinel = "_oasgen_end_of_imports = None\n"
    with tempfile.TemporaryDirectory(prefix="oasgen-format-") as tmp:
        paths = {name: Path(tmp) / f"m{i}.py" for i, name in enumerate(misses)}
        bodies = {}
        for name, path in paths.items():
            header, bodies[name] = _split_header(sources[name])
            path.write_text(header + sentinel, encoding="utf-8")
        ok = _ruff_batch([*_ISORT_ARGS[:-3], "--no-cache", tmp])
        if ok:
            for name, path in paths.items():
                header = path.read_text(encoding="utf-8").removesuffix(sentinel)
                path.write_text(header + bodies[name], encoding="utf-8")
            ok = _ruff_batch([*_RUFF_ARGS[:-1], "--no-cache", tmp])
        formatted = {name: path.read_text(encoding="utf-8") for name, path in paths.items()} if ok else {}
    for name in misses:
        if name in formatted:
            out[name] = formatted[name]
            _cache_put(kind, sources[name], formatted[name])
        else:
            out[name] = format_python(sources[name], name)  # raises the located FormatError
    return {name: out[name] for name in sources}


def _ruff_batch(args: list[str]) -> bool:
    proc = subprocess.run([_ruff(), *args], capture_output=True, text=True, check=False)
    return proc.returncode == 0


_FIRST_STATEMENT = re.compile(r"^(?!from |import |if TYPE_CHECKING)[A-Za-z_@]", re.M)


def _split_header(source: str) -> tuple[str, str]:
    """(the module docstring and imports, the rest): import sorting needs only the first part."""
    start = 0
    if source.startswith('"""'):  # the module docstring may hold any text
        start = source.find('"""', 3) + 3
    m = _FIRST_STATEMENT.search(source, start)
    if m is None:
        return source, ""
    return source[: m.start()], source[m.start() :]


def _excerpt(source: str, message: str) -> str:
    """The unformatted lines around the line the formatter names (``...:47054:4...``)."""
    m = re.search(r"(\d+):(\d+)", message)
    if not m:
        return source[:2000]
    line = int(m.group(1))
    lines = source.splitlines()
    lo, hi = max(0, line - 4), min(len(lines), line + 3)
    return "\n".join(f"{i + 1:>6} | {lines[i]}" for i in range(lo, hi))


# -- Go ---------------------------------------------------------------------------------------------------


def _gofmt_binary() -> str:
    import shutil

    found = shutil.which("gofmt") or next(
        (p for p in ("/usr/local/go/bin/gofmt", "/usr/lib/go/bin/gofmt") if Path(p).is_file()), None
    )
    if found is None:
        raise UsageError("gofmt was not found on PATH (install Go 1.22 or later)")
    return found


def format_go(source: str, name: str) -> str:
    """``source`` piped through gofmt, cached by content hash (and the gofmt binary's identity)."""
    binary = _gofmt_binary()
    stamp = os.stat(binary)

    def run(src: str) -> str:
        proc = subprocess.run([binary], input=src.encode(), capture_output=True, check=False)
        if proc.returncode != 0:
            message = proc.stderr.decode(errors="replace").strip()
            excerpt = _excerpt(src, message.split(":", 1)[-1])
            raise FormatError(f"generator bug: {name} is not valid Go ({message})\n{excerpt}")
        return proc.stdout.decode()

    return _cached(f"gofmt-{binary}-{stamp.st_size}-{stamp.st_mtime_ns}", source, run)
