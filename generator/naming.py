"""Language-neutral word splitting and case conversion.

``split_words`` turns any spec identifier (``ChatSessionWorkflowParam``,
``max_requests_per_1_minute``, ``OpenAI-Beta``, ``x.y``) into lower-case words;
targets join them in their own case and escape their own keywords.
"""

from __future__ import annotations

import re

# An acronym run (HTTPServer -> HTTP, Server), a capitalised word, a lower-case word, or digits.
_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+")


def split_words(text: str) -> tuple[str, ...]:
    """``"ChatSessionHTTPError2"`` -> ``("chat", "session", "http", "error", "2")``."""
    return tuple(w.lower() for w in _WORD.findall(text))


def snake(words: tuple[str, ...] | str) -> str:
    if isinstance(words, str):
        words = split_words(words)
    return "_".join(words)


def screaming(words: tuple[str, ...] | str) -> str:
    return snake(words).upper()


def pascal(words: tuple[str, ...] | str) -> str:
    if isinstance(words, str):
        words = split_words(words)
    return "".join(w[:1].upper() + w[1:] for w in words)


def camel(words: tuple[str, ...] | str) -> str:
    p = pascal(words)
    return p[:1].lower() + p[1:]


def keep_case_words(text: str) -> tuple[str, ...]:
    """Split but keep each word's original case (for type names such as ``ChatKit``)."""
    return tuple(_WORD.findall(text))
