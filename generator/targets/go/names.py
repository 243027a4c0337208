"""Go identifiers: one deterministic pass from IR ids and wire names to names.

Exported names are PascalCase with Go's initialisms (``ID``, ``URL``, ``HTTP``, ``API``);
unexported ones (arguments) are camelCase and never a Go keyword or a name the generated
method bodies use.  Clashes are numbered in a fixed order (2, 3, ...), like the Python target.
"""

from __future__ import annotations

import re

from ...ir.model import Field
from ...naming import split_words

GO_KEYWORDS = frozenset(
    [
        "break",
        "case",
        "chan",
        "const",
        "continue",
        "default",
        "defer",
        "else",
        "fallthrough",
        "for",
        "func",
        "go",
        "goto",
        "if",
        "import",
        "interface",
        "map",
        "package",
        "range",
        "return",
        "select",
        "struct",
        "switch",
        "type",
        "var",
    ]
)
# Predeclared identifiers and the locals/imports generated method bodies use.
RESERVED_LOCALS = GO_KEYWORDS | frozenset(
    [
        "any",
        "bool",
        "byte",
        "error",
        "false",
        "float64",
        "int",
        "int64",
        "nil",
        "string",
        "true",
        "uint",
        "ctx",
        "params",
        "opts",
        "s",
        "req",
        "out",
        "err",
        "path",
        "body",
        "q",
        "json",
        "url",
        "http",
        "fmt",
        "context",
        "time",
        # more locals and runtime helpers a method body uses (multipart bodies, path parameters)
        "form",
        "contentType",
        "pathParam",
        "paramStyle",
        "expandPath",
        "encodeBody",
        "newMultipartForm",
        "openStream",
    ]
)
INITIALISMS = frozenset(
    {"id", "url", "uri", "http", "https", "api", "json", "uuid", "ip", "sql", "html", "xml", "ttl", "tls"}
)
# Exported names the runtime (templates/go/runtime) and the client template define.
RUNTIME_NAMES = frozenset(
    {
        "Client",
        "NewClient",
        "Option",
        "WithBaseURL",
        "WithHTTPClient",
        "WithMaxRetries",
        "WithRequestTimeout",
        "WithHeader",
        "Error",
        "ValidationError",
        "Opt",
        "Some",
        "Nullable",
        "NotNull",
        "Null",
        "SomeNull",
        "SomeNotNull",
        "Secret",
        "DefaultMaxRetries",
        "DefaultRequestTimeout",
        "DefaultBaseURL",
        "BaseURLEnv",
        "Version",
        "File",
        "Stream",
        "ServerSentEvent",
    }
)
# Members of generated structs: a field may not take these names.
STRUCT_MEMBERS = frozenset(
    {"ExtraFields", "MarshalJSON", "UnmarshalJSON", "String", "Format", "GoString", "IsKnown", "Raw", "IsSet"}
)
_NON_IDENT = re.compile(r"[^A-Za-z0-9_]")


def _word(w: str) -> str:
    low = w.lower()
    if low in INITIALISMS:
        return w.upper()
    if low.endswith("s") and low[:-1] in INITIALISMS:  # ids -> IDs, urls -> URLs
        return low[:-1].upper() + "s"
    return w[:1].upper() + w[1:]


def exported(words_or_text: tuple[str, ...] | str, fallback: str = "Value") -> str:
    """``max_requests_per_1_minute`` -> ``MaxRequestsPer1Minute``; ``session_id`` -> ``SessionID``."""
    words = split_words(words_or_text) if isinstance(words_or_text, str) else words_or_text
    name = _NON_IDENT.sub("", "".join(_word(w) for w in words if w))
    if not name:
        return fallback
    if name[0].isdigit() or name[0] == "_":
        name = "V" + name
    return name


def type_name(words: tuple[str, ...]) -> str:
    """A model name keeps the spec's casing of each word (``ChatKit``), with initialisms upper-cased."""
    name = _NON_IDENT.sub("", "".join(_word(w) for w in words if w))
    if not name:
        return "Model"
    return "M" + name if name[0].isdigit() else name


def unexported(text: str, taken: set[str]) -> str:
    """A camelCase argument name (``session_id`` -> ``sessionID``), unique among ``taken``."""
    words = split_words(text)
    if not words:
        base = "arg"
    else:
        base = _NON_IDENT.sub("", words[0].lower() + "".join(_word(w) for w in words[1:]))
        if not base or base[0].isdigit():
            base = "p" + base
    if base in RESERVED_LOCALS:
        base += "Param"
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}{n}"
    taken.add(name)
    return name


class NameTable:
    """Every package-level identifier, allocated in a fixed order; a clash gets the next free number."""

    def __init__(self, reserved: frozenset[str] = RUNTIME_NAMES) -> None:
        self.reserved = set(reserved)
        self.taken: set[str] = set(reserved)

    def claim(self, wanted: str, suffix: str = "") -> str:
        """``wanted``, or ``wanted + suffix`` when the runtime owns it; clashes numbered 2, 3, ..."""
        name = wanted
        if name in self.reserved and suffix:
            name = wanted + suffix
        n = 1
        base = name
        while name in self.taken:
            n += 1
            name = f"{base}{n}"
        self.taken.add(name)
        return name


def field_names(fields: tuple[Field, ...], reserved: frozenset[str] = STRUCT_MEMBERS) -> list[str]:
    """Exported struct field names; plain snake_case wire names win a clash, then spec order."""

    def plain(f: Field) -> bool:
        return "_".join(split_words(f.name)) == f.name

    order = sorted(range(len(fields)), key=lambda i: (not plain(fields[i]), i))
    taken: set[str] = set(reserved)
    out: dict[int, str] = {}
    for i in order:
        base = exported(fields[i].name)
        if base in reserved:
            base += "Field"
        name, n = base, 1
        while name in taken:
            n += 1
            name = f"{base}{n}"
        taken.add(name)
        out[i] = name
    return [out[i] for i in range(len(fields))]


def singular(word: str) -> str:
    """A naive English singular, enough for resource group names (``sessions`` -> ``session``)."""
    lower = word.lower()
    if lower.endswith("ies") and len(word) > 3:
        return word[:-3] + ("Y" if word[-3].isupper() else "y")
    if lower.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if lower.endswith("s") and not lower.endswith("ss") and len(word) > 1:
        return word[:-1]
    return word


METHOD_NAMES = {"create": "New", "retrieve": "Get"}


def method_name(words: tuple[str, ...]) -> str:
    """IR operation name -> Go method: create -> New, retrieve -> Get, others PascalCase."""
    if len(words) == 1 and words[0] in METHOD_NAMES:
        return METHOD_NAMES[words[0]]
    return exported(words, "Call")
