"""The only code that writes generated output.

``sync`` replaces ``out/<target>/`` with exactly the given files, atomically: the new tree is
written beside the old one and swapped in with renames, so a failure at any point leaves the
previous output as it was; files the generator no longer produces disappear.  ``diff`` is the
check mode: it compares without writing anything.
"""

from __future__ import annotations

import difflib
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .errors import UsageError


@dataclass
class Drift:
    stale: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    diffs: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.stale or self.missing or self.extra)


def _existing(root: Path) -> dict[str, Path]:
    if not root.is_dir():
        return {}
    return {
        p.relative_to(root).as_posix(): p
        for p in sorted(root.rglob("*"))
        if p.is_file() and not _ignored(p, root)
    }


def _ignored(p: Path, root: Path) -> bool:
    # Caches that tools make inside the output (bytecode, type-checker and build caches) are not output.
    parts = p.relative_to(root).parts
    return any(
        part in ("__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache", "site")
        or part.endswith(".egg-info")
        for part in parts
    )


def diff(out_dir: Path, target: str, files: dict[str, str], max_lines: int = 20) -> Drift:
    root = out_dir / target
    on_disk = _existing(root)
    drift = Drift()
    for rel in sorted(files):
        path = on_disk.get(rel)
        if path is None:
            drift.missing.append(f"{target}/{rel}")
            continue
        try:
            current = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            current = None
        if current != files[rel]:
            drift.stale.append(f"{target}/{rel}")
            lines = list(
                difflib.unified_diff(
                    (current or "").splitlines(),
                    files[rel].splitlines(),
                    f"{target}/{rel} (on disk)",
                    f"{target}/{rel} (generated)",
                    lineterm="",
                    n=1,
                )
            )
            more = len(lines) - max_lines
            drift.diffs.append(
                "\n".join(lines[:max_lines] + ([f"... {more} more lines"] if more > 0 else []))
            )
    drift.extra = [f"{target}/{rel}" for rel in sorted(set(on_disk) - set(files))]
    return drift


def sync(out_dir: Path, target: str, files: dict[str, str]) -> int:
    """Make ``out_dir/target`` hold exactly ``files``; returns how many files changed."""
    for rel in files:
        if rel.startswith("/") or ".." in Path(rel).parts:
            raise ValueError(f"generator bug: output path escapes the target folder: {rel!r}")
    drift = diff(out_dir, target, files)
    if drift.clean:
        return 0
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create output folder {out_dir}: {exc.strerror}") from None
    final = out_dir / target
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{target}.new-", dir=out_dir))
    except OSError as exc:
        raise UsageError(f"cannot write to output folder {out_dir}: {exc.strerror}") from None
    backup = out_dir / f".{target}.old-{os.getpid()}"
    try:
        for rel in sorted(files):
            path = staging / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(files[rel])
        _keep_mode_bits(staging)
        if final.exists():
            os.replace(final, backup)
        os.replace(staging, final)
    except BaseException as exc:
        if backup.exists() and not final.exists():
            os.replace(backup, final)
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, OSError):  # a full disk, a read-only file system: the previous output stands
            raise UsageError(f"cannot write {final}: {exc.strerror or exc}; it was left as it was") from None
        raise
    shutil.rmtree(backup, ignore_errors=True)
    return len(drift.stale) + len(drift.missing) + len(drift.extra)


def _keep_mode_bits(root: Path) -> None:
    os.chmod(root, 0o755)  # mkdtemp makes 0700 folders
