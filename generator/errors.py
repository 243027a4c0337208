"""Findings and errors that carry a source location.

Every problem oasgen reports about its input is a :class:`Finding`: a severity,
a rule id, a ``file:line:col`` position, the JSON pointer of the node, and one
sentence.  Code that cannot go on raises :class:`SpecError` with the findings
that stopped it; the CLI prints them and exits 1.  No other exception type is
meant to reach the user for bad input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True, order=True)
class Location:
    """Where a node stands: file (as given, relative when possible), 1-based line/col, JSON pointer."""

    file: str
    line: int
    col: int
    pointer: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


UNKNOWN = Location("<unknown>", 0, 0, "")


@dataclass(frozen=True, slots=True)
class Finding:
    severity: Severity
    rule: str
    message: str
    location: Location

    def format(self) -> str:
        """One line, always: line breaks that spec text brings into the message or pointer are escaped."""
        loc = self.location
        pointer = f" [{_one_line(loc.pointer) or '#'}]" if loc.pointer is not None else ""
        return f"{loc}: {self.severity.value}: {_one_line(self.message)} ({self.rule}){pointer}"

    def sort_key(self) -> tuple[str, int, int, str, str]:
        loc = self.location
        return (loc.file, loc.line, loc.col, self.rule, self.message)


# What str.splitlines() breaks on: a finding that holds one would read as several lines.
_LINE_BREAKS = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def _one_line(text: str) -> str:
    return _LINE_BREAKS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class SpecError(Exception):
    """The input cannot be processed; ``findings`` says where and why."""

    def __init__(self, findings: list[Finding] | Finding) -> None:
        self.findings = [findings] if isinstance(findings, Finding) else list(findings)
        super().__init__("\n".join(f.format() for f in self.findings))


def error(rule: str, message: str, location: Location) -> SpecError:
    return SpecError(Finding(Severity.ERROR, rule, message, location))


class UsageError(Exception):
    """A bad command-line argument or config value (exit 2)."""
