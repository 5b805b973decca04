"""Retries for GitHub's API, wrapped around the HTTP session's `request`.

Neither urllib3's Retry nor a generic retry library knows GitHub's rate-limit headers, so the
policy is here, in one place:
- 429, or 403 with `Retry-After`: wait that long (bounded) and retry, any method (the request
  was refused, not processed);
- 403 with `X-RateLimit-Remaining: 0`: wait until `X-RateLimit-Reset` (bounded) and retry;
- 403 saying "secondary rate limit" without headers: back off and retry;
- any other 403 is a real permission error: no retry, the caller fails with a clear message;
- 5xx, timeouts and connection errors: back off and retry idempotent methods only. A POST is
  never retried blindly: the bot looks for its own marker before creating a comment again."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import requests

IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE"})
MAX_ATTEMPTS = 5
MAX_WAIT = 60.0
BACKOFF = 1.0


class RateLimited(Exception):
    """GitHub asked us to wait longer than we are willing to."""


def install(
    session: requests.Session,
    sleep: Callable[[float], None] | None = None,
    clock: Callable[[], float] | None = None,
) -> None:
    """Wrap `session.request` with the retry policy above (sleep and clock injectable; by
    default looked up when called, so tests can patch `time`)."""
    original = session.request

    def pause(seconds: float) -> None:
        (sleep or time.sleep)(seconds)

    def now() -> float:
        return (clock or time.time)()

    def request(method: str, url: str, *args: Any, **kwargs: Any) -> requests.Response:
        method = method.upper()
        for attempt in range(1, MAX_ATTEMPTS + 1):
            last = attempt == MAX_ATTEMPTS
            try:
                response = original(method, url, *args, **kwargs)
            except (requests.ConnectionError, requests.Timeout):
                if last or method not in IDEMPOTENT:
                    raise
                pause(_backoff(attempt))
                continue
            wait = _wait_for(response, method, attempt, now)
            if wait is None or last:
                return response
            if wait > MAX_WAIT:
                raise RateLimited(
                    f"GitHub asks to wait {wait:.0f} s before {method} {url}; "
                    f"giving up (limit {MAX_WAIT:.0f} s)"
                )
            pause(wait)
        raise AssertionError("unreachable")

    session.request = request  # type: ignore[method-assign]


def _wait_for(
    response: requests.Response, method: str, attempt: int, clock: Callable[[], float]
) -> float | None:
    """Seconds to wait before retrying, or None to return the response as it is."""
    status = response.status_code
    headers = response.headers
    if status in (403, 429):
        if "Retry-After" in headers:
            return _number(headers["Retry-After"], _backoff(attempt))
        if headers.get("X-RateLimit-Remaining") == "0" and "X-RateLimit-Reset" in headers:
            return max(0.0, _number(headers["X-RateLimit-Reset"], 0) - clock()) + 1
        if status == 429 or "secondary rate limit" in response.text.lower():
            return _backoff(attempt)
        return None
    if status >= 500 and method in IDEMPOTENT:
        return _backoff(attempt)
    return None


def _backoff(attempt: int) -> float:
    return BACKOFF * 2 ** (attempt - 1)


def _number(text: str, default: float) -> float:
    try:
        return float(text)
    except ValueError:
        return default
