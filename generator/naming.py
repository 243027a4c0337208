"""Language-neutral word splitting and case conversion.

``split_words`` turns any spec identifier (``ChatSessionWorkflowParam``,
``max_requests_per_1_minute``, ``OpenAI-Beta``, ``x.y``) into lower-case words;
targets join them in their own case and escape their own keywords.
"""

from __future__ import annotations

import re
import unicodedata

# An acronym run (HTTPServer -> HTTP, Server), a capitalised word, a lower-case word, or digits.
_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+")


def split_words(text: str) -> tuple[str, ...]:
    """``"ChatSessionHTTPError2"`` -> ``("chat", "session", "http", "error", "2")``.

    Words are ASCII: compatibility decomposition first turns ``café`` into ``cafe`` and ``ﬁ`` into
    ``fi``; what is left outside ASCII letters and digits separates words.
    """
    return tuple(w.lower() for w in _WORD.findall(_ascii(text)))


def _ascii(text: str) -> str:
    """Compatibility decomposition without the combining marks: ``naïve`` -> ``naive``."""
    if text.isascii():
        return text
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def symbol_words(text: str) -> tuple[str, ...]:
    """``split_words``, or for text without ASCII letters or digits the Unicode names of its
    characters: ``"👍"`` -> ``("thumbs", "up", "sign")``, ``"*/"`` -> ``("asterisk", "solidus")``,
    ``""`` -> ``("empty",)`` (for enum members named after their values)."""
    words = split_words(text)
    if words:
        return words
    if not text:
        return ("empty",)
    out: list[str] = []
    for ch in text:
        out.extend(split_words(unicodedata.name(ch, f"U{ord(ch):04X}")))
    return tuple(out)


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


COMPONENT = "#/components/schemas/"


def claim_order(ids: list[str], wanted: list[str]) -> list[int]:
    """The order in which targets hand out model names, stable as the spec grows: components whose
    name already is their identifier (``Pet``), then other components (``pet``), then inline
    schemas; spec order within each."""

    def rank(i: int) -> tuple[int, int]:
        if not ids[i].startswith(COMPONENT):
            return (2, i)
        return (0 if ids[i][len(COMPONENT) :] == wanted[i] else 1, i)

    return sorted(range(len(ids)), key=rank)


def keep_case_words(text: str) -> tuple[str, ...]:
    """Split but keep each word's original case (for type names such as ``ChatKit``)."""
    return tuple(_WORD.findall(_ascii(text)))
