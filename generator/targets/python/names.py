"""Python identifiers: one deterministic pass from IR ids and wire names to names.

Every spec name becomes an ASCII identifier (words split by :mod:`generator.naming`; accents
dropped, ``café`` -> ``cafe``; a name with no letters or digits left -> ``value``/``Model``; a
leading digit gets ``n_``/``M``).  Then, per kind of name:

* **types** (models, enums, aliases: PascalCase; resource classes likewise) that are a keyword, a
  builtin (``Warning``, ``Exception``, ``TimeoutError``), a name the generated package defines or
  imports next to them (``Model``, ``NotGiven``, ``APIResponse``, ``Stream``, ``Any``,
  ``TypeAlias``, ``Mapping``, ...) or the client's class get the suffix ``Model`` (``Resource``
  for resource classes): ``WarningModel``;
* **fields** (snake_case attributes) that are a keyword or a member of every model
  (``from_dict``, ``to_dict``, ``request_json``, ``extra_fields``, ``self``, ``cls``; ``str`` and
  ``dict``, which every model's ``to_dict`` signature names) get a trailing ``_``: ``from_``.  So
  does a builtin (``int``, ``float``, ``bool``, ``bytes``, ``list``) that the model's own
  annotations use, because a field of that name would shadow it in the class body;
* **arguments** (snake_case) that are a keyword, a parameter of every generated method (``self``,
  ``timeout``, ``extra_headers``; the body's own locals start with ``_``: ``_query``, ``_headers``),
  a runtime helper the method body calls (``to_json``, ``add_query``, ...) or a builtin it uses
  (``isinstance``, ``str``, ``dict``, ``list``, ``tuple``, ``object``) get a trailing ``_``:
  ``object_``; so ``headers``, ``params`` and ``query`` stay as they are;
* **methods** that are a keyword or ``with_raw_response`` get a trailing ``_``;
* **resource attributes** of the client that are a keyword or a member of the client
  (``api_key``, ``base_url``, ``timeout``, ``close``, ``request``, ...) get a trailing ``_``:
  ``client.api_key_``.

Names that still clash in one scope (``foo_bar`` and ``fooBar``; schemas ``Pet`` and ``pet``) are
numbered 2, 3, ... in a fixed order that keeps them stable as the spec grows: a name that already
is its identifier (the property ``foo_bar``; the schema ``Pet``) wins, then components before
inline schemas, then spec order.  Adding a schema or a property therefore never renames one that
was spelled as its identifier.
"""

from __future__ import annotations

import builtins
import keyword
import re

from ...ir.model import Api, Field
from ...naming import claim_order, snake, symbol_words

KEYWORDS = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist)
BUILTINS = frozenset(n for n in dir(builtins) if not n.startswith("_"))


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Module-level names of the runtime (templates/python/runtime) that generated modules import.
RUNTIME_NAMES = _words(
    "APIConnectionError APIError APIResponse APIStatusError APITimeoutError AsyncAPIClient AsyncStream"
    " AuthenticationError BadRequestError ClientConfig ConflictError DEFAULT_CONNECT_TIMEOUT"
    " DEFAULT_MAX_RETRIES DEFAULT_TIMEOUT Expect FileInput INITIAL_RETRY_DELAY InternalServerError"
    " JITTER MAX_RETRY_AFTER MAX_RETRY_DELAY Model NOT_GIVEN NotFoundError NotGiven OpenEnum Parser"
    " PermissionDeniedError RateLimitError ServerSentEvent Stream SyncAPIClient Timeout"
    " UnprocessableEntityError ValidationError"
    " at expected kind retry_after_seconds retry_delay should_retry_status status_error"
    " AuthScheme Credentials Security"
)
# The runtime's helpers that method bodies call (and so that an argument may not shadow).
HELPERS = _words(
    "add_query encode_form encode_json encode_multipart encode_path encode_raw to_json"
    " add_cookie add_header json_param path_value same_json scalar_text"
    " stream_of async_stream_of json_events raw_events p_none"
    " p_any p_bool p_checked p_const p_enum p_float p_int p_list p_map p_nullable p_str p_tagged p_union"
    " s_enum s_list s_map s_nullable"
    " c_exclusive_maximum c_exclusive_minimum c_max_items c_max_length c_max_properties c_maximum"
    " c_min_items c_min_length c_min_properties c_minimum c_multiple_of c_pattern c_unique_items"
)
# Other names generated modules import or define at module level (typing, modules).
MODULE_NAMES = _words(
    "Any AsyncIterator Callable IO Iterator Literal Mapping Self Sequence TYPE_CHECKING TypeAlias"
    " annotations builtins httpx __version__"
)
PACKAGE_NAMES = RUNTIME_NAMES | HELPERS | MODULE_NAMES
RESERVED_TYPE_NAMES = KEYWORDS | BUILTINS | PACKAGE_NAMES
# Members of every model (its methods, and what its class body's signatures name).
MODEL_MEMBERS = _words("from_dict to_dict request_json extra_fields self cls str dict")
# Builtins a field may be named after unless the model's own annotations use them (class-body scope).
SHADOWABLE = _words("int float bool list bytes")
# Parameters and locals of generated methods, and the builtins their bodies use (annotations in a
# signature are resolved outside it, so only the bodies matter).
METHOD_LOCALS = _words("self timeout extra_headers")  # the rest of a body's locals start with `_`
METHOD_BUILTINS = _words("isinstance str dict list tuple object")
RESERVED_ARGS = KEYWORDS | METHOD_LOCALS | METHOD_BUILTINS | HELPERS | MODULE_NAMES
# Attributes of every resource class.
RESOURCE_MEMBERS = _words("with_raw_response")
# Public attributes and methods of the generated clients (templates/python/runtime/_base_client.py).
CLIENT_MEMBERS = _words(
    "api_key base_url timeout max_retries default_headers user_agent config request close aclose is_closed"
    " credentials"
)
_IDENT_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_NOT_IDENT = re.compile(r"[^A-Za-z0-9_]")


def py_ident(words_or_text: tuple[str, ...] | str, reserved: frozenset[str] = KEYWORDS) -> str:
    """snake_case, never starting with a digit; ``name_`` when ``reserved`` holds it."""
    name = snake(words_or_text) if isinstance(words_or_text, tuple) else snake(symbol_words(words_or_text))
    if not name:
        name = "value"
    if name[0].isdigit():
        name = "n_" + name
    if name in reserved or keyword.iskeyword(name) or keyword.issoftkeyword(name):
        name += "_"
    return name


def arg_name(text: str) -> str:
    """A method argument for a parameter or body field (before numbering)."""
    return py_ident(text, RESERVED_ARGS)


def method_name(words: tuple[str, ...]) -> str:
    return py_ident(words, KEYWORDS | RESOURCE_MEMBERS)


def resource_attr(words: tuple[str, ...]) -> str:
    """The client attribute of a resource: ``client.sessions``; ``client.api_key_``."""
    return py_ident(words, KEYWORDS | CLIENT_MEMBERS)


def is_keyword_argument(name: str, others: frozenset[str] = frozenset({"template"})) -> bool:
    """Whether ``name`` can be passed as ``name=...`` to a function whose own parameters are ``others``."""
    return name.isidentifier() and not keyword.iskeyword(name) and name not in others


def type_name(words: tuple[str, ...], suffix: str = "Model", taken: frozenset[str] = frozenset()) -> str:
    """Keep the spec's own casing of each word (``ChatKit``, ``OpenAI``): just capitalise and join.

    A reserved name (or one in ``taken``) gets ``suffix``.
    """
    name = _NOT_IDENT.sub("", "".join(w[:1].upper() + w[1:] for w in words if w)) or "Model"
    if name[0].isdigit():
        name = "M" + name
    if name in RESERVED_TYPE_NAMES or name in taken:
        name += suffix
    return name


def unique(candidates: list[tuple[str, str]], taken: set[str] | None = None) -> dict[str, str]:
    """``[(key, wanted name)]`` in priority order -> ``{key: name}`` with clashes numbered 2, 3, ..."""
    taken = set() if taken is None else set(taken)
    out: dict[str, str] = {}
    for key, wanted in candidates:
        name, n = wanted, 1
        while name in taken:
            n += 1
            name = f"{wanted}{n}"
        taken.add(name)
        out[key] = name
    return out


def model_names(api: Api, extra_taken: set[str]) -> dict[str, str]:
    """Model id -> class name, handed out in :func:`~generator.naming.claim_order`."""
    ids = [m.id for m in api.models]
    wanted = [type_name(m.name, taken=frozenset(extra_taken)) for m in api.models]
    return unique([(ids[i], wanted[i]) for i in claim_order(ids, wanted)], set(extra_taken))


def field_names(fields: tuple[Field, ...], annotations: tuple[str, ...] = ()) -> list[str]:
    """A field whose snake_case equals its wire name keeps it; clashing ones are numbered in spec order.

    ``annotations`` are the model's annotations: a builtin they use (``bytes``) cannot be a field name.
    """
    used = {w for a in annotations for w in _IDENT_WORD.findall(a)} & SHADOWABLE
    reserved = KEYWORDS | MODEL_MEMBERS | frozenset(used)
    idents = [py_ident(f.name, reserved) for f in fields]
    order = sorted(range(len(fields)), key=lambda i: (idents[i] != fields[i].name, i))
    names = unique([(str(i), idents[i]) for i in order])
    return [names[str(i)] for i in range(len(fields))]
