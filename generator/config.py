"""``[tool.oasgen]`` in pyproject.toml; command-line flags override it."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import UsageError
from .targets import all_targets

DEFAULT_TARGETS = ["ir", "python"]


@dataclass
class Config:
    spec: Path
    out: Path
    targets: list[str]
    options: dict[str, dict[str, Any]] = field(default_factory=dict)


def read_config(path: Path | None) -> dict[str, Any]:
    """The ``[tool.oasgen]`` table of ``path`` (default ./pyproject.toml, which may be absent)."""
    explicit = path is not None
    path = path or Path("pyproject.toml")
    if not path.is_file():
        if explicit:
            raise UsageError(f"config file {path} does not exist")
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: invalid TOML: {exc}") from None
    table = data.get("tool", {}).get("oasgen", {})
    if not isinstance(table, dict):
        raise UsageError(f"{path}: [tool.oasgen] must be a table")
    return table


def resolve(
    config_path: Path | None,
    spec: str | None,
    out: str | None,
    targets: tuple[str, ...],
    package: str | None,
) -> Config:
    table = read_config(config_path)
    base = (config_path or Path("pyproject.toml")).parent
    spec_value = spec or table.get("spec")
    if not spec_value:
        raise UsageError("no spec given: pass --spec PATH or set spec in [tool.oasgen]")
    spec_path = Path(spec_value) if spec else base / str(spec_value)
    out_path = Path(out) if out else base / str(table.get("out", "generated"))
    configured = table.get("targets", DEFAULT_TARGETS)
    if not isinstance(configured, list):
        raise UsageError('[tool.oasgen] targets must be a list of names, e.g. targets = ["python"]')
    chosen = list(targets) or list(configured)
    if not all(isinstance(t, str) for t in chosen):
        raise UsageError("[tool.oasgen] targets must be a list of names")
    options = {k: dict(v) for k, v in table.items() if isinstance(v, dict)}
    if package:  # every target that declares a package option takes it
        for target in all_targets():
            option = target.package_option
            if option is not None:
                options.setdefault(target.name, {})[option.name] = package
    return Config(_tidy(spec_path), _tidy(out_path), chosen, options)


def _tidy(p: Path) -> Path:
    return Path(p.as_posix().removeprefix("./")) if p.as_posix().startswith("./") else p
