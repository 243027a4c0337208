"""Run one pure function in a forked worker while the caller goes on (2 cores: lint beside rendering).

Falls back to running it in-process (when it is asked for) where fork is unavailable, on one CPU,
or when other threads exist (a fork would copy their locks).
"""

from __future__ import annotations

import os
import pickle
import threading
import traceback
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def start(fn: Callable[[], T]) -> Callable[[], T]:
    """Start ``fn``; the returned callable waits for and returns its result (call it exactly once)."""
    if not hasattr(os, "fork") or (os.cpu_count() or 1) < 2 or threading.active_count() > 1:
        return fn
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker
        os.close(read_end)
        try:
            payload = pickle.dumps((True, fn()))
        except BaseException:
            payload = pickle.dumps((False, traceback.format_exc()))
        with os.fdopen(write_end, "wb") as out:
            out.write(payload)
        os._exit(0)
    os.close(write_end)

    def result() -> T:
        with os.fdopen(read_end, "rb") as src:
            data = src.read()
        os.waitpid(pid, 0)
        if not data:
            raise RuntimeError("background worker exited without a result")
        ok, value = pickle.loads(data)
        if not ok:
            raise RuntimeError(f"background worker failed:\n{value}")
        result_value: T = value
        return result_value

    return result
