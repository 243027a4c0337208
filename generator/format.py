"""In-process formatting with the pinned formatter, cached by content hash.

A formatter failure is a generator bug: it is reported with the unformatted source's location.
"""

from __future__ import annotations

import hashlib
import os
import re
from importlib.metadata import version
from pathlib import Path

import black
from black.mode import TargetVersion

_MODE = black.Mode(line_length=110, target_versions={TargetVersion.PY311})
_CACHE_DIR = Path(os.environ.get("OASGEN_CACHE_DIR", Path.home() / ".cache" / "oasgen" / "black"))
_KEY_PREFIX = f"black-{version('black')}-110-py311\0"


class FormatError(Exception):
    pass


def format_python(source: str, name: str) -> str:
    key = hashlib.sha256((_KEY_PREFIX + source).encode()).hexdigest()
    cached = _CACHE_DIR / key[:2] / key
    try:
        return cached.read_text(encoding="utf-8")
    except OSError:
        pass
    try:
        out = black.format_str(source, mode=_MODE)
    except Exception as exc:  # black raises several types for invalid input
        message = f"generator bug: {name} is not valid Python ({exc})"
        raise FormatError(f"{message}\n{_excerpt(source, str(exc))}") from None
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(out, encoding="utf-8")
        os.replace(tmp, cached)
    except OSError:
        pass  # the cache is an optimisation only
    return out


def _excerpt(source: str, message: str) -> str:
    """The unformatted lines around the line black names (``... 47054:4 ...``)."""
    m = re.search(r"(\d+):(\d+)", message)
    if not m:
        return source[:2000]
    line = int(m.group(1))
    lines = source.splitlines()
    lo, hi = max(0, line - 4), min(len(lines), line + 3)
    return "\n".join(f"{i + 1:>6} | {lines[i]}" for i in range(lo, hi))
