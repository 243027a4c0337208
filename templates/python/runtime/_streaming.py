"""Server-sent events: ``text/event-stream`` responses as iterators of events.

``Stream[T]`` yields each event's ``data`` parsed as JSON and then by the operation's parser
(typed events); an event whose data is ``[DONE]`` ends the stream.  ``ServerSentEvent`` is the
raw event, for streams whose events the spec does not describe.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from typing import TYPE_CHECKING, Generic, TypeVar

from ._exceptions import APIError

if TYPE_CHECKING:
    import httpx

__all__ = ["AsyncStream", "ServerSentEvent", "Stream", "async_stream_of", "json_events", "raw_events", "stream_of"]

T = TypeVar("T")


class ServerSentEvent:
    """One event: its ``event`` name, ``data`` (lines joined by newlines), ``id`` and ``retry``."""

    __slots__ = ("data", "event", "id", "retry")

    def __init__(self, data: str, event: str | None = None, id: str | None = None, retry: int | None = None):
        self.data = data
        self.event = event
        self.id = id
        self.retry = retry

    def json(self) -> object:
        import json

        try:
            value: object = json.loads(self.data)
        except ValueError as exc:
            raise APIError(f"event data is not JSON: {self.data[:200]!r}") from exc
        return value

    def __repr__(self) -> str:
        return f"ServerSentEvent(event={self.event!r}, data={self.data[:60]!r}, id={self.id!r})"


class _Decoder:
    """The SSE line protocol (WHATWG HTML, 9.2): fields accumulate until a blank line."""

    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        self._data: list[str] = []
        self._event: str | None = None
        self._id: str | None = None
        self._retry: int | None = None

    def feed(self, line: str) -> ServerSentEvent | None:
        if not line:
            if not self._data and self._event is None:
                return None
            event = ServerSentEvent("\n".join(self._data), self._event, self._id, self._retry)
            self._reset()
            return event
        if line.startswith(":"):
            return None
        name, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if name == "data":
            self._data.append(value)
        elif name == "event":
            self._event = value
        elif name == "id":
            self._id = value
        elif name == "retry" and value.isdigit():
            self._retry = int(value)
        return None


def raw_events(event: ServerSentEvent) -> ServerSentEvent:
    """The event parser of streams whose events the spec does not describe."""
    return event


def json_events(parser: Callable[[object], T]) -> Callable[[ServerSentEvent], T]:
    """The event parser of typed streams: each event's data is JSON, checked by ``parser``."""
    return lambda event: parser(event.json())


def stream_of(parse_event: Callable[[ServerSentEvent], T]) -> Callable[[object], Stream[T]]:
    """The response parser of a streaming operation (it receives the open httpx.Response)."""
    return lambda response: Stream(response, parse_event)  # type: ignore[arg-type]


def async_stream_of(parse_event: Callable[[ServerSentEvent], T]) -> Callable[[object], AsyncStream[T]]:
    return lambda response: AsyncStream(response, parse_event)  # type: ignore[arg-type]


class Stream(Generic[T]):
    """Iterate over the events of a streamed response; closes the response when done."""

    def __init__(self, response: httpx.Response, parse_event: Callable[[ServerSentEvent], T]) -> None:
        self.response = response
        self._parse = parse_event

    def __iter__(self) -> Iterator[T]:
        decoder = _Decoder()
        try:
            for line in self.response.iter_lines():
                event = decoder.feed(line)
                if event is None:
                    continue
                if event.data == "[DONE]":
                    break
                yield self._parse(event)
            last = decoder.feed("")
            if last is not None and last.data != "[DONE]":
                yield self._parse(last)
        finally:
            self.response.close()

    def close(self) -> None:
        self.response.close()

    def __enter__(self) -> Stream[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class AsyncStream(Generic[T]):
    """``async for`` over the events of a streamed response."""

    def __init__(self, response: httpx.Response, parse_event: Callable[[ServerSentEvent], T]) -> None:
        self.response = response
        self._parse = parse_event

    async def __aiter__(self) -> AsyncIterator[T]:
        decoder = _Decoder()
        try:
            async for line in self.response.aiter_lines():
                event = decoder.feed(line)
                if event is None:
                    continue
                if event.data == "[DONE]":
                    break
                yield self._parse(event)
            last = decoder.feed("")
            if last is not None and last.data != "[DONE]":
                yield self._parse(last)
        finally:
            await self.response.aclose()

    async def close(self) -> None:
        await self.response.aclose()

    async def __aenter__(self) -> AsyncStream[T]:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()
