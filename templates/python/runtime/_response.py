"""``APIResponse``: the raw HTTP response of a call next to its parsed value."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

from ._exceptions import APIError
from ._types import Expect

if TYPE_CHECKING:
    import httpx

__all__ = ["APIResponse"]

T = TypeVar("T")

_PREVIEW_CHARS = 200


class APIResponse(Generic[T]):
    """A successful (2xx) response. ``parse()`` turns the body into the operation's return type.

    What the parser receives depends on what the operation expects: the decoded JSON value
    (``"json"``), ``None`` (``"none"``), the body bytes (``"binary"``) or the body text (``"text"``).
    """

    http_response: httpx.Response
    retries_taken: int

    def __init__(
        self,
        http_response: httpx.Response,
        *,
        parser: Callable[[object], T],
        expect: Expect = "json",
        retries_taken: int = 0,
    ) -> None:
        self.http_response = http_response
        self.retries_taken = retries_taken
        self._parser = parser
        self._expect: Expect = expect
        self._parsed: tuple[T] | None = None

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        """The ``x-request-id`` response header: quote it when reporting a problem."""
        request_id: str | None = self.http_response.headers.get("x-request-id")
        return request_id

    @property
    def text(self) -> str:
        return self.http_response.text

    @property
    def content(self) -> bytes:
        return self.http_response.content

    def json(self) -> object:
        """The decoded JSON body; raises ``APIError`` when the body is not JSON."""
        response = self.http_response
        try:
            value: object = response.json()
        except ValueError as exc:  # json.JSONDecodeError, UnicodeDecodeError
            content_type = response.headers.get("content-type", "none")
            preview = response.content[:_PREVIEW_CHARS].decode("utf-8", errors="replace")
            method, url = response.request.method, response.request.url
            raise APIError(
                f"Expected a JSON body in the response to {method} {url} "
                f"(HTTP {response.status_code}, content-type {content_type}) but could not decode it: "
                f"{exc}; body starts with {preview!r}",
                request=response.request,
                body=preview,
            ) from exc
        return value

    def parse(self) -> T:
        """The body converted by the operation's parser (computed once, then cached)."""
        if self._parsed is None:
            raw: object
            if self._expect == "json":
                raw = self.json()
            elif self._expect == "text":
                raw = self.http_response.text
            elif self._expect == "binary":
                raw = self.http_response.content
            elif self._expect == "event-stream":
                raw = self.http_response  # the parser wraps the open response in a Stream
            else:
                raw = None
            self._parsed = (self._parser(raw),)
        return self._parsed[0]

    def __repr__(self) -> str:
        request = self.http_response.request
        return f"<APIResponse [{self.status_code}] {request.method} {request.url}>"
