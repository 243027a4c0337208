"""HTTP machinery shared by every generated client: configuration, headers, retries, errors.

httpx is imported only when a client is constructed, so importing the package stays cheap.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, TypeVar

from ._auth import AuthScheme, Credentials, Security
from ._encoding import encode_json, encode_multipart
from ._exceptions import APIConnectionError, APIError, APITimeoutError, status_error
from ._response import APIResponse
from ._retry import retry_delay, should_retry_status
from ._types import NOT_GIVEN, Expect, NotGiven, Timeout

if TYPE_CHECKING:
    from types import TracebackType
    from typing import Self

    import httpx

__all__ = [
    "DEFAULT_CONNECT_TIMEOUT",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "NOT_GIVEN",
    "APIResponse",
    "AsyncAPIClient",
    "AuthScheme",
    "ClientConfig",
    "NotGiven",
    "SyncAPIClient",
    "Timeout",
]

T = TypeVar("T")

DEFAULT_TIMEOUT = 600.0  # seconds, whole request
DEFAULT_CONNECT_TIMEOUT = 5.0  # seconds, establishing the connection
DEFAULT_MAX_RETRIES = 2


class ClientConfig:
    """What the generated client tells the runtime about its API.

    A plain class rather than a dataclass: importing ``dataclasses`` pulls in ``inspect``,
    which costs more import time than the whole SDK.
    """

    __slots__ = ("sdk_name", "sdk_version", "default_base_url", "base_url_env", "schemes", "required")

    def __init__(
        self,
        *,
        sdk_name: str,  # first part of the User-Agent, e.g. "chatkit-python"
        sdk_version: str,
        default_base_url: str,
        base_url_env: str,  # environment variable read when base_url is not passed
        schemes: Sequence[AuthScheme] = (),  # the API's security schemes
        required: Sequence[str] = (),  # schemes every operation needs: the client fails without them
    ) -> None:
        self.sdk_name = sdk_name
        self.sdk_version = sdk_version
        self.default_base_url = default_base_url
        self.base_url_env = base_url_env
        self.schemes = tuple(schemes)
        self.required = tuple(required)


class _ClientCore:
    """Everything but the I/O: settings, request building, and the retry decisions."""

    def __init__(
        self,
        *,
        config: ClientConfig,
        credentials: Mapping[str, object] | None,
        base_url: str | None,
        timeout: Timeout | NotGiven,
        max_retries: int,
        default_headers: Mapping[str, str] | None,
        client_timeout: Timeout | NotGiven,
    ) -> None:
        if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
            raise ValueError(f"max_retries must be an integer >= 0, got {max_retries!r}")
        self.config = config
        self.credentials = Credentials(config.schemes, credentials or {}, config.required)
        self.base_url = _resolve_base_url(config, base_url)
        # httpx is imported on first use (the default timeout, the first request), not here:
        # creating a client stays cheap.
        self._timeout: Timeout | NotGiven = timeout if not isinstance(timeout, NotGiven) else client_timeout
        self.max_retries = max_retries
        self.default_headers = dict(default_headers or {})

    @property
    def timeout(self) -> Timeout:
        """The timeout of each request: the one given, else the http_client's, else 600 s (connect 5 s)."""
        if isinstance(self._timeout, NotGiven):
            import httpx

            self._timeout = httpx.Timeout(DEFAULT_TIMEOUT, connect=DEFAULT_CONNECT_TIMEOUT)
        return self._timeout

    @property
    def user_agent(self) -> str:
        import httpx

        python = f"{sys.version_info.major}.{sys.version_info.minor}"
        return f"{self.config.sdk_name}/{self.config.sdk_version} python/{python} httpx/{httpx.__version__}"

    def _headers(
        self,
        operation_headers: Mapping[str, str] | None,
        extra_headers: Mapping[str, str] | None,
        *,
        auth: Mapping[str, str],
        content_type: str | None,
        retries_taken: int,
    ) -> dict[str, str]:
        merged: dict[str, tuple[str, str]] = {}

        def put(headers: Mapping[str, str]) -> None:
            for name, value in headers.items():
                merged[name.lower()] = (name, value)

        base = {**auth, "User-Agent": self.user_agent, "Accept": "application/json"}
        if content_type:
            base["Content-Type"] = content_type
        if retries_taken:
            base["X-Retry-Count"] = str(retries_taken)
        for layer in (base, self.default_headers, operation_headers or {}, extra_headers or {}):
            put(layer)
        return dict(merged.values())

    def _prepare(
        self,
        path: str,
        query: Sequence[str] | None,
        headers: Mapping[str, str] | None,
        cookies: Sequence[str] | None,
        security: Security,
    ) -> tuple[str, dict[str, str], dict[str, str]]:
        """(URL with its query string, operation headers with the Cookie header, credential headers)."""
        out_headers = dict(headers or {})
        out_query, out_cookies = list(query or ()), list(cookies or ())
        auth_headers: dict[str, str] = {}
        self.credentials.apply(security, auth_headers, out_query, out_cookies)
        if out_cookies:
            out_headers["Cookie"] = "; ".join(out_cookies)
        if path.startswith(("https://", "http://")):
            url = path  # a URL the API gave (a Link header's next page)
        else:
            url = self.base_url + (path if path.startswith("/") else "/" + path)
        if out_query:
            url += ("&" if "?" in url else "?") + "&".join(out_query)
        return url, out_headers, auth_headers

    def _build_request(
        self,
        client: httpx.Client | httpx.AsyncClient,
        method: str,
        url: str,
        *,
        headers: dict[str, str],
        content: bytes | None,
        timeout: Timeout | NotGiven,
    ) -> httpx.Request:
        return client.build_request(
            method,
            url,
            headers=headers,
            content=content,
            timeout=self.timeout if isinstance(timeout, NotGiven) else timeout,
        )

    def _transport_failure(self, exc: Exception, request: httpx.Request, retries_taken: int) -> float:
        """Seconds to wait before retrying after ``exc``; raises the mapped error when not retried."""
        import httpx

        retryable = isinstance(exc, httpx.TimeoutException | httpx.NetworkError | httpx.RemoteProtocolError)
        if retryable and retries_taken < self.max_retries:
            return self._delay(retries_taken, None)
        if isinstance(exc, httpx.TimeoutException):
            raise APITimeoutError(f"Request timed out: {_method_url(request)}", request=request) from exc
        raise APIConnectionError(f"Connection error: {_method_url(request)}: {exc}", request=request) from exc

    def _response_failure(self, response: httpx.Response, retries_taken: int) -> float:
        """Seconds to wait before retrying a 4xx/5xx response; raises the mapped error when not retried."""
        if retries_taken < self.max_retries and should_retry_status(response.status_code, response.headers):
            return self._delay(retries_taken, response.headers)
        raise status_error(response)

    def _delay(self, retries_taken: int, headers: Mapping[str, str] | None) -> float:
        import random

        delay: float = retry_delay(retries_taken, headers, random_fraction=random.random(), now=time.time())
        return delay


class SyncAPIClient(_ClientCore):
    """Blocking client. Closing it closes the httpx.Client it created, never one passed in."""

    def __init__(
        self,
        *,
        config: ClientConfig,
        credentials: Mapping[str, object] | None = None,
        base_url: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        super().__init__(
            config=config,
            credentials=credentials,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            client_timeout=NOT_GIVEN if http_client is None else http_client.timeout,
        )
        self._owns_client = http_client is None
        self._http: httpx.Client | None = http_client
        self._closed = False

    @property
    def _client(self) -> httpx.Client:
        """The httpx client: the one passed in, or one created on first use."""
        if self._http is None:
            import httpx

            self._http = httpx.Client(timeout=self.timeout, follow_redirects=True)
        return self._http

    def request(
        self,
        method: str,
        path: str,
        *,
        parser: Callable[[object], T],
        query: Sequence[str] | None = None,
        headers: Mapping[str, str] | None = None,
        cookies: Sequence[str] | None = None,
        security: Security = (),
        json_body: object = NOT_GIVEN,
        multipart: Sequence[tuple[str, object]] | None = None,
        raw_body: tuple[bytes, str] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        expect: Expect = "json",
    ) -> APIResponse[T]:
        """Send ``method path`` (already encoded, relative to base_url), retrying as configured.

        ``query`` holds encoded ``key=value`` pieces, ``cookies`` encoded ``name=value`` pieces;
        ``security`` names the credentials the operation accepts (see ``_auth``).
        """
        import httpx

        if self._closed:
            raise APIError("This client has been closed; create a new one.")
        content, content_type = raw_body or _encode_body(json_body, multipart)
        url, operation_headers, auth = self._prepare(path, query, headers, cookies, security)
        retries_taken = 0
        while True:
            request_headers = self._headers(
                operation_headers,
                extra_headers,
                auth=auth,
                content_type=content_type,
                retries_taken=retries_taken,
            )
            request = self._build_request(
                self._client,
                method,
                url,
                headers=request_headers,
                content=content,
                timeout=timeout,
            )
            try:
                response = self._client.send(request, stream=expect == "event-stream")
            except httpx.TransportError as exc:
                delay = self._transport_failure(exc, request, retries_taken)
            else:
                if response.is_success:
                    return APIResponse(response, parser=parser, expect=expect, retries_taken=retries_taken)
                response.read()
                delay = self._response_failure(response, retries_taken)
            time.sleep(delay)
            retries_taken += 1

    @property
    def is_closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        """Release connections. Idempotent. A user-supplied http_client is left open."""
        if not self._closed:
            self._closed = True
            if self._owns_client and self._http is not None:
                self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncAPIClient(_ClientCore):
    """asyncio client (backoff uses asyncio.sleep). Closing it never closes a passed-in http_client."""

    def __init__(
        self,
        *,
        config: ClientConfig,
        credentials: Mapping[str, object] | None = None,
        base_url: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        super().__init__(
            config=config,
            credentials=credentials,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            client_timeout=NOT_GIVEN if http_client is None else http_client.timeout,
        )
        self._owns_client = http_client is None
        self._http: httpx.AsyncClient | None = http_client
        self._closed = False

    @property
    def _client(self) -> httpx.AsyncClient:
        """The httpx client: the one passed in, or one created on first use."""
        if self._http is None:
            import httpx

            self._http = httpx.AsyncClient(timeout=self.timeout, follow_redirects=True)
        return self._http

    async def request(
        self,
        method: str,
        path: str,
        *,
        parser: Callable[[object], T],
        query: Sequence[str] | None = None,
        headers: Mapping[str, str] | None = None,
        cookies: Sequence[str] | None = None,
        security: Security = (),
        json_body: object = NOT_GIVEN,
        multipart: Sequence[tuple[str, object]] | None = None,
        raw_body: tuple[bytes, str] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        expect: Expect = "json",
    ) -> APIResponse[T]:
        """Send ``method path`` (already encoded, relative to base_url), retrying as configured.

        ``query`` holds encoded ``key=value`` pieces, ``cookies`` encoded ``name=value`` pieces;
        ``security`` names the credentials the operation accepts (see ``_auth``).
        """
        import asyncio

        import httpx

        if self._closed:
            raise APIError("This client has been closed; create a new one.")
        content, content_type = raw_body or _encode_body(json_body, multipart)
        url, operation_headers, auth = self._prepare(path, query, headers, cookies, security)
        retries_taken = 0
        while True:
            request_headers = self._headers(
                operation_headers,
                extra_headers,
                auth=auth,
                content_type=content_type,
                retries_taken=retries_taken,
            )
            request = self._build_request(
                self._client,
                method,
                url,
                headers=request_headers,
                content=content,
                timeout=timeout,
            )
            try:
                response = await self._client.send(request, stream=expect == "event-stream")
            except httpx.TransportError as exc:
                delay = self._transport_failure(exc, request, retries_taken)
            else:
                if response.is_success:
                    return APIResponse(response, parser=parser, expect=expect, retries_taken=retries_taken)
                await response.aread()
                delay = self._response_failure(response, retries_taken)
            await asyncio.sleep(delay)
            retries_taken += 1

    @property
    def is_closed(self) -> bool:
        return self._closed

    async def close(self) -> None:
        """Release connections. Idempotent. A user-supplied http_client is left open."""
        if not self._closed:
            self._closed = True
            if self._owns_client and self._http is not None:
                await self._http.aclose()

    async def aclose(self) -> None:
        """Alias of ``close()``, the httpx spelling."""
        await self.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()


def _method_url(request: httpx.Request) -> str:
    return f"{request.method} {request.url}"


def _encode_body(json_body: object, multipart: Sequence[tuple[str, object]] | None) -> tuple[bytes | None, str | None]:
    """The request body bytes and their content type (None, None without a body)."""
    if multipart is not None:
        return encode_multipart(multipart)
    if isinstance(json_body, NotGiven):
        return None, None
    return encode_json(json_body), "application/json"


def _resolve_base_url(config: ClientConfig, base_url: str | None) -> str:
    url = base_url if base_url is not None else os.environ.get(config.base_url_env) or config.default_base_url
    if not url.startswith(("http://", "https://")):
        source = "base_url" if base_url is not None else f"{config.base_url_env} / the default"
        raise ValueError(f"{source} must be an absolute http:// or https:// URL, got {url!r}")
    return url.rstrip("/")
