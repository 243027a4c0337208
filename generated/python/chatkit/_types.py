"""Small shared types of the runtime: the "not given" sentinel and the timeout alias.

This module must stay cheap to import: it does not import httpx.
"""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Final, Literal, TypeAlias

if TYPE_CHECKING:
    import httpx

__all__ = ["NOT_GIVEN", "Expect", "FileInput", "NotGiven", "Timeout"]


class NotGiven:
    """Type of the ``NOT_GIVEN`` sentinel: "the caller did not pass this argument".

    It differs from ``None``, which for some parameters is a meaningful value
    (``timeout=None`` disables the timeout; a JSON body may be ``null``).
    """

    __slots__ = ()

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()

# A float is a total timeout in seconds, None disables timeouts, an httpx.Timeout
# sets connect/read/write/pool separately. The alias is a string so that httpx is
# not imported at runtime; use it in annotations only.
Timeout: TypeAlias = "float | httpx.Timeout | None"

# What request() does with the response body before handing it to the parser.
Expect: TypeAlias = Literal["json", "none", "binary", "text", "event-stream"]

# A file for a multipart upload: its bytes, a binary file object, or (filename, bytes or file[,
# content type]).  A string alias, like Timeout, for annotations only.
FileInput: TypeAlias = (
    "bytes | IO[bytes] | tuple[str, bytes | IO[bytes]] | tuple[str, bytes | IO[bytes], str]"
)
