"""Go identifiers: one deterministic pass from IR ids and wire names to names.

Every spec name becomes an ASCII identifier (words split by :mod:`generator.naming`; accents
dropped; a name of symbols only is spelled by its characters' Unicode names, ``👍`` ->
``ThumbsUpSign``; a leading digit gets ``V``/``M``/``p``).  Then, per kind of name:

* **exported package-level names** (models, enums and their constants, unions and their
  constructors, params structs, services: PascalCase with Go's initialisms ``ID``, ``URL``,
  ``HTTP``, ``API``, ``JSON``) never clash with Go's keywords, predeclared identifiers or imported
  packages, which are all lower-case.  They may not take a name the runtime exports (``Client``,
  ``Error``, ``Opt``, ``Nullable``, ``Some``, ``Secret``, ``File``, ``Stream``, ...) or one that would
  make a runtime helper's name (a union ``String`` would declare ``decodeString``): such a model
  gets the suffix ``Model`` (``ErrorModel``, ``StringModel``);
* **struct fields** may not take a method or field name of the generated structs (``ExtraFields``,
  ``MarshalJSON``, ``UnmarshalJSON``, ``String``, ``IsKnown``, ``Raw``, ``IsSet``, ...): they get
  the suffix ``Field``;
* **arguments** (camelCase: path parameters) may not take a Go keyword, a predeclared identifier
  (``string``, ``error``, ``len``, ``any``, ...), a package the generated files import (``context``,
  ``fmt``, ``http``, ``json``, ``url``, ...), a local or parameter of the generated method (``ctx``,
  ``params``, ``opts``, ``req``, ``err``, ``path``, ``body``, ...) or an unexported name of the
  runtime (``request``, ``addQuery``, ``expandPath``, ...): they get the suffix ``Param``
  (``typeParam``).

Names that still clash in one scope are numbered 2, 3, ... in a fixed order that keeps them
stable as the spec grows: a name that already is its identifier wins (the schema ``Pet`` before
``pet``, the property ``foo_bar`` before ``fooBar``), then components before inline schemas, then
spec order.
"""

from __future__ import annotations

import re

from ...ir.model import Field
from ...naming import split_words, symbol_words


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


GO_KEYWORDS = _words(
    "break case chan const continue default defer else fallthrough for func go goto if import"
    " interface map package range return select struct switch type var"
)
# https://go.dev/ref/spec#Predeclared_identifiers
PREDECLARED = _words(
    "any bool byte comparable complex64 complex128 error float32 float64 int int8 int16 int32 int64"
    " rune string uint uint8 uint16 uint32 uint64 uintptr true false iota nil append cap clear close"
    " complex copy delete imag len make max min new panic print println real recover"
)
# The last element of every package the generated files (runtime, client, tests) import.
IMPORTED_PACKAGES = _words(
    "bufio bytes context json errors fmt io math mime multipart http httptest textproto url os"
    " reflect regexp runtime sort strconv strings sync testing time unicode log iter"
)
# Parameters and locals of the generated methods.
METHOD_LOCALS = _words("s ctx params opts req out err path body form contentType q pathParam paramStyle")
# Unexported package-level names of the runtime (templates/go/runtime) and the generated files.
RUNTIME_UNEXPORTED = _words(
    "addQuery asValidation at atIndex call checked config constJSONOf constOf constText decodeAny"
    " decodeBool decodeEnum decodeFloat decodeFloatEnum decodeInt decodeIntEnum decodeModel"
    " decodeModelPtr decodeNumber decodeObject decodeSecret decodeString decodeTagged decodeUnion"
    " encodeBody exclusiveMaximum exclusiveMinimum expandPath expected firstVariant"
    " jsonEvents jsonKind listOf mapOf maxItems maxLength maxProperties maximum messageOf minItems"
    " minLength minProperties minimum multipartForm multipleOf newConfig newError newMultipartForm"
    " newStream nullableOf numeric openStream optional paramText parseJSON"
    " part partQuoter pattern quoteShort rawEvents redacted request required retryAfter retryDelay"
    " sameJSON shouldRetry sleep sortedKeys union unionAs unionOf uniqueItems userAgent variant"
    " initialRetryDelay maxRetryAfter maxRetryDelay retryJitter packageName"
    " sdkName setHeader jsonEqual"
    # the scanner and writer the models encode and decode with, and the pagination runtime
    " arrayEnd isDigit isHex isSpace items literalEnd maxDepth member members noField numberEnd"
    " objectEnd skipSpace smallInt splitObject stringEnd syntaxError trailing trimJSON validNumber"
    " valueEnd encodeAny encodeBool encodeEnum encodeFloat encodeFloatEnum encodeInt encodeIntEnum"
    " encodeList encodeMap encodeModelPtr encodeNullable encodeNumber encodeSecret encodeString"
    " jsonValue jsonWriter marshalValue safeASCII writers autoPaging listPage nextLink paging"
    " scalarText splitOutside queryValue withQuery"
    " addCookie authParts checkExtra credential deepObject howToSet isHex memberText newParamValue"
    " objectMembers paramStyle paramValue parseParamValue pathParam pathText pct pctEncode queryJoin"
    " securityScheme trimEmpty validToken withCredential withTokenSource"
)
RESERVED_LOCALS = GO_KEYWORDS | PREDECLARED | IMPORTED_PACKAGES | METHOD_LOCALS | RUNTIME_UNEXPORTED
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
        "Page",
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
    words = symbol_words(words_or_text) if isinstance(words_or_text, str) else words_or_text
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
    words = symbol_words(text)
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
