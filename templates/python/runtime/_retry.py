"""Retry policy: which responses are retried and how long to wait. Pure functions, no I/O."""

from __future__ import annotations

from collections.abc import Mapping

__all__ = [
    "INITIAL_RETRY_DELAY",
    "MAX_RETRY_AFTER",
    "MAX_RETRY_DELAY",
    "retry_after_seconds",
    "retry_delay",
    "should_retry_status",
]

INITIAL_RETRY_DELAY = 0.5  # seconds before the first retry; doubles on each further retry
MAX_RETRY_DELAY = 8.0  # cap of the computed (exponential) delay
JITTER = 0.25  # the computed delay is randomised by +/- 25 %
MAX_RETRY_AFTER = 60.0  # a server-requested delay above this is ignored (the computed delay is used)

_RETRYABLE_STATUS = frozenset({408, 409, 429})


def should_retry_status(status_code: int, headers: Mapping[str, str]) -> bool:
    """Whether a response with this status is retried: 408, 409, 429 and 5xx.

    A ``x-should-retry: true|false`` response header overrides the status code.
    """
    flag = _lower(headers).get("x-should-retry", "").strip().lower()
    if flag == "true":
        return True
    if flag == "false":
        return False
    return status_code in _RETRYABLE_STATUS or status_code >= 500


def retry_after_seconds(headers: Mapping[str, str], *, now: float) -> float | None:
    """The delay the server asks for, in seconds, or None when absent, invalid or too long.

    ``retry-after-ms`` (milliseconds) wins over ``Retry-After`` (delta-seconds or an HTTP
    date; a date in the past means "now"). Values outside ``[0, MAX_RETRY_AFTER]`` are ignored.
    ``now`` is the current Unix time, used for HTTP dates.
    """
    lowered = _lower(headers)
    seconds: float | None = None
    if "retry-after-ms" in lowered:
        millis = _float(lowered["retry-after-ms"])
        seconds = None if millis is None else millis / 1000.0
    if seconds is None and "retry-after" in lowered:
        raw = lowered["retry-after"].strip()
        seconds = _float(raw)
        if seconds is None:
            seconds = _http_date_delay(raw, now)
    if seconds is None or not 0.0 <= seconds <= MAX_RETRY_AFTER:
        return None
    return seconds


def retry_delay(
    retries_taken: int, headers: Mapping[str, str] | None, *, random_fraction: float, now: float
) -> float:
    """Seconds to wait before retry number ``retries_taken + 1``.

    The server's ``retry-after-ms``/``Retry-After`` is honoured when valid; otherwise
    ``INITIAL_RETRY_DELAY * 2**retries_taken`` capped at ``MAX_RETRY_DELAY``, scaled by a
    jitter factor in ``[1 - JITTER, 1 + JITTER)`` chosen by ``random_fraction`` in ``[0, 1)``.
    """
    if headers is not None:
        requested = retry_after_seconds(headers, now=now)
        if requested is not None:
            return requested
    exponent = min(max(retries_taken, 0), 16)
    base = min(INITIAL_RETRY_DELAY * 2.0**exponent, MAX_RETRY_DELAY)
    return base * (1.0 - JITTER + 2.0 * JITTER * random_fraction)


def _lower(headers: Mapping[str, str]) -> dict[str, str]:
    return {key.lower(): value for key, value in headers.items()}


def _float(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if value == value else None  # NaN is not a delay


def _http_date_delay(text: str, now: float) -> float | None:
    from email.utils import parsedate_to_datetime  # imported lazily: rarely needed

    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # "-0000" or no zone: HTTP dates are always GMT
        from datetime import UTC

        when = when.replace(tzinfo=UTC)
    return max(when.timestamp() - now, 0.0)
