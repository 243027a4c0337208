"""Exceptions raised by the client and the models.

Every error the client raises for a failed API call derives from ``APIError``:

- ``APIConnectionError`` (``APITimeoutError``): no HTTP response was received;
- ``APIStatusError`` and its per-status subclasses: the server answered with 4xx/5xx.

Models raise ``ValidationError`` (a ``ValueError``) for data that does not match the schema.
This module does not import httpx at runtime.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "UnprocessableEntityError",
    "ValidationError",
    "status_error",
]

_SUMMARY_CHARS = 200


class APIError(Exception):
    """Base class of every error raised by the client."""

    message: str
    request: httpx.Request | None
    body: object | None

    def __init__(self, message: str, *, request: httpx.Request | None = None, body: object | None = None):
        super().__init__(message)
        self.message = message
        self.request = request
        self.body = body


class APIConnectionError(APIError):
    """The request could not be sent or no response was received (DNS, refused, reset, ...)."""

    def __init__(self, message: str = "Connection error.", *, request: httpx.Request | None = None):
        super().__init__(message, request=request)


class APITimeoutError(APIConnectionError):
    """The request timed out (connect, read, write or pool timeout)."""

    def __init__(self, message: str = "Request timed out.", *, request: httpx.Request | None = None):
        super().__init__(message, request=request)


class APIStatusError(APIError):
    """The server answered with a 4xx or 5xx status code."""

    status_code: int
    response: httpx.Response
    request_id: str | None
    code: str | None
    type: str | None
    param: str | None

    def __init__(self, message: str, *, response: httpx.Response, body: object | None):
        super().__init__(message, request=response.request, body=body)
        self.response = response
        self.status_code = response.status_code
        self.request_id = response.headers.get("x-request-id")
        error = _error_object(body)
        self.code = _str_or_none(error.get("code"))
        self.type = _str_or_none(error.get("type"))
        self.param = _str_or_none(error.get("param"))


class BadRequestError(APIStatusError):
    """HTTP 400."""


class AuthenticationError(APIStatusError):
    """HTTP 401: the API key is missing, wrong or revoked."""


class PermissionDeniedError(APIStatusError):
    """HTTP 403."""


class NotFoundError(APIStatusError):
    """HTTP 404."""


class ConflictError(APIStatusError):
    """HTTP 409."""


class UnprocessableEntityError(APIStatusError):
    """HTTP 422."""


class RateLimitError(APIStatusError):
    """HTTP 429: too many requests (retried automatically before this is raised)."""


class InternalServerError(APIStatusError):
    """HTTP 5xx (retried automatically before this is raised)."""


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


class ValidationError(ValueError):
    """Data does not match the schema. ``path`` locates the value (``"session.user"``), may be empty."""

    path: str
    message: str

    def __init__(self, path: str, message: str):
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path
        self.message = message


def status_error(response: httpx.Response) -> APIStatusError:
    """Build the ``APIStatusError`` subclass matching ``response.status_code`` (the body must be read)."""
    body = _json_or_none(response)
    cls = _BY_STATUS.get(response.status_code)
    if cls is None:
        cls = InternalServerError if response.status_code >= 500 else APIStatusError
    return cls(_message(response, body), response=response, body=body)


def _json_or_none(response: httpx.Response) -> object | None:
    if not response.content:
        return None
    try:
        body: object = response.json()
    except ValueError:  # not JSON (json.JSONDecodeError) or not decodable text (UnicodeDecodeError)
        return None
    return body


def _message(response: httpx.Response, body: object | None) -> str:
    error = _error_object(body)
    message = error.get("message")
    if isinstance(message, str) and message:
        return message
    if isinstance(body, dict) and isinstance(body.get("error"), str) and body["error"]:
        return str(body["error"])
    summary = f"Error code: {response.status_code}"
    text = _text(response).strip()
    if text:
        if len(text) > _SUMMARY_CHARS:
            text = text[:_SUMMARY_CHARS] + "..."
        summary += f" - {text}"
    elif response.reason_phrase:
        summary += f" - {response.reason_phrase}"
    return summary


def _text(response: httpx.Response) -> str:
    try:
        return response.text
    except (LookupError, ValueError):  # unknown or wrong charset
        return response.content.decode("utf-8", errors="replace")


def _error_object(body: object | None) -> dict[str, object]:
    if isinstance(body, dict):
        error = body.get("error")
        if isinstance(error, dict):
            return {str(k): v for k, v in error.items()}
    return {}


def _str_or_none(value: object) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)
