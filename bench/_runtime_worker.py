"""Runs inside bench/.venvs/runtime: measures parse/serialise throughput, prints one JSON object.

    python _runtime_worker.py PAYLOAD.json SECONDS_PER_MEASUREMENT REPEATS

Each case is measured independently; a case that cannot run reports its error instead.
"""

from __future__ import annotations

import json
import statistics
import sys
import timeit
from collections.abc import Callable
from typing import Any


def rate(fn: Callable[[], object], seconds: float, repeats: int) -> dict[str, Any]:
    timer = timeit.Timer(fn)
    number, taken = timer.autorange()  # at least 0.2 s
    number = max(1, int(number * seconds / max(taken, 1e-9)))
    per_op = [t / number for t in timer.repeat(repeat=repeats, number=number)]
    med = statistics.median(per_op)
    return {"ops_per_s": 1.0 / med, "us_per_op": med * 1e6, "number": number, "repeats": repeats}


def case(
    results: dict[str, Any], name: str, make: Callable[[], Callable[[], object]], seconds: float, reps: int
) -> None:
    try:
        fn = make()
        fn()  # warm-up, and fail early if it cannot run
        results[name] = rate(fn, seconds, reps)
    except BaseException as exc:  # noqa: BLE001 - report, do not crash the benchmark
        results[name] = {"error": f"{type(exc).__name__}: {exc}"[:300]}


def chatkit_cls() -> Any:
    import chatkit  # type: ignore[import-not-found]

    return chatkit.ChatSession


def openai_cls() -> Any:
    from openai.types.beta.chatkit.chat_session import ChatSession  # type: ignore[import-not-found]

    return ChatSession


def cases(payload: dict[str, Any]) -> dict[str, Callable[[], Callable[[], object]]]:
    """name -> factory of the measured call (a factory may raise: that case reports its error)."""

    def ck_parse() -> Callable[[], object]:
        cls = chatkit_cls()
        return lambda: cls.from_dict(payload)

    def oa_validate() -> Callable[[], object]:
        cls = openai_cls()
        return lambda: cls.model_validate(payload)

    def oa_construct() -> Callable[[], object]:
        cls = openai_cls()
        return lambda: cls.construct(**payload)

    def oa_client_path() -> Callable[[], object]:
        from openai._models import construct_type  # type: ignore[import-not-found]

        cls = openai_cls()
        return lambda: construct_type(value=payload, type_=cls)

    def ck_dump() -> Callable[[], object]:
        obj = chatkit_cls().from_dict(payload)
        return lambda: obj.to_dict()

    def oa_dump() -> Callable[[], object]:
        obj = openai_cls().model_validate(payload)
        return lambda: obj.model_dump()

    def oa_to_dict() -> Callable[[], object]:
        obj = openai_cls().model_validate(payload)
        return lambda: obj.to_dict()

    return {
        "chatkit.from_dict": ck_parse,
        "openai.model_validate": oa_validate,
        "openai.construct": oa_construct,
        "openai.construct_type": oa_client_path,
        "chatkit.to_dict": ck_dump,
        "openai.model_dump": oa_dump,
        "openai.to_dict": oa_to_dict,
    }


def sanity(payload: dict[str, Any]) -> dict[str, Any]:
    """Reported, never asserted: does each side round-trip the payload and reject a bad field?"""
    checks: dict[str, Any] = {}
    bad = dict(payload, expires_at="not a number")
    for name, get_cls, parse in (
        ("chatkit", chatkit_cls, "from_dict"),
        ("openai", openai_cls, "model_validate"),
    ):
        try:
            cls = get_cls()
        except BaseException as exc:  # noqa: BLE001
            checks[f"{name}_available"] = f"no ({type(exc).__name__}: {exc})"[:200]
            continue
        try:
            checks[f"{name}_round_trip_equal"] = getattr(cls, parse)(payload).to_dict() == payload
        except BaseException as exc:  # noqa: BLE001
            checks[f"{name}_round_trip_equal"] = f"error: {type(exc).__name__}: {exc}"[:200]
        try:
            getattr(cls, parse)(bad)
            checks[f"{name}_rejects_bad_expires_at"] = False
        except BaseException as exc:  # noqa: BLE001
            checks[f"{name}_rejects_bad_expires_at"] = type(exc).__name__
    return checks


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as fh:
        payload: dict[str, Any] = json.load(fh)
    seconds, reps = float(sys.argv[2]), int(sys.argv[3])
    results: dict[str, Any] = {}
    for name, make in cases(payload).items():
        case(results, name, make, seconds, reps)
    print(json.dumps({"results": results, "checks": sanity(payload)}))


if __name__ == "__main__":
    main()
