"""Schema shapes in the generated Go models: the root model of each shape fixture decodes and
re-encodes the same random payloads as the Python test (tests/payloads.py) to the same JSON, and
rejects wrong values with an error at their JSON path.

The five fixture SDKs are generated into one temporary folder and one program imports them all,
so Go compiles once.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from generator.ir.builder import build_api
from generator.loading.spec import load_spec
from generator.pipeline import generate
from tests.go.test_go import GO_BIN, run
from tests.payloads import Payloads, dumps, same_json

SPECS = Path(__file__).resolve().parents[1] / "fixtures" / "specs"
ROOTS = {
    "consts": "Settings",
    "enum_values": "Palette",
    "const_unions": "Job",
    "object_shapes": "Thing",
    "allof_annotations": "Order",
}
DRAWS = 150
# (fixture, payload, JSON path of the error): wrong values must fail where they are
INVALID: list[tuple[str, dict[str, Any], str]] = [
    ("consts", {"mode": "fast", "object": "other"}, "object"),
    ("consts", {"mode": "slow"}, "mode"),
    ("consts", {"mode": "fast", "origin": {"x": 1, "y": [2, True]}}, "origin"),
    ("consts", {"mode": "fast", "empty": 0}, "empty"),
    ("consts", {"mode": "fast", "pair": ["a", 1]}, "pair"),
    ("consts", {"mode": "fast", "strict": 0}, "strict"),
    ("enum_values", {"code": 404, "weight": "0"}, "weight"),
    ("enum_values", {"code": 1.5, "weight": 0}, "code"),
    ("enum_values", {"code": 1, "weight": 0, "always_on": False}, "always_on"),
    ("enum_values", {"code": 1, "weight": 0, "mixed": False}, "mixed"),
    ("enum_values", {"code": 1, "weight": 0, "weight_with_empty": ""}, "weight_with_empty"),
    ("const_unions", {"speed": 1, "status": "done"}, "speed"),
    ("const_unions", {"speed": "fast", "status": "done", "units": ["kb", 2]}, "units[1]"),
    ("object_shapes", {"grid": [[1, "2"]]}, "grid[0][1]"),
    ("object_shapes", {"grid": [], "pet": {"kind": "bird"}}, "pet.kind"),
    ("object_shapes", {"grid": [], "named_pet": {"kind": "cat", "meows": True}}, "named_pet.name"),
    ("object_shapes", {"grid": [], "scores": {"a": True}}, "scores.a"),
    ("object_shapes", {"grid": [], "extra_typed": {"id": "i", "n": "x"}}, "extra_typed.n"),
    ("object_shapes", {"grid": [], "extra_ref": {"tom": {"kind": "cat"}}}, "extra_ref.tom.meows"),
    ("allof_annotations", {"method": {"kind": "card"}, "currency": "EUR"}, "method.last4"),
    ("allof_annotations", {"method": None, "currency": "EUR"}, "method"),
]
# Fill the required members the invalid payloads above leave out (each targets one member).
BASE = {
    "consts": {
        "object": "settings",
        "version": 2,
        "ratio": 0.25,
        "strict": False,
        "empty": None,
        "origin": {"x": 1, "y": [2, 3]},
        "pair": ["a", 1, True],
    },
    "enum_values": {"single": "only", "with_empty": ""},
}

MAIN = """package main

import (
	"encoding/json"
	"fmt"
	"os"

%IMPORTS%
)

func roundTrip[T any](data []byte) ([]byte, error) {
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		return nil, err
	}
	return json.Marshal(v)
}

var codecs = map[string]func([]byte) ([]byte, error){
%CODECS%
}

func main() {
	var cases []struct {
		Fixture string          `json:"fixture"`
		Payload json.RawMessage `json:"payload"`
	}
	if err := json.NewDecoder(os.Stdin).Decode(&cases); err != nil {
		panic(err)
	}
	enc := json.NewEncoder(os.Stdout)
	for _, c := range cases {
		out, err := codecs[c.Fixture](c.Payload)
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		if err := enc.Encode(map[string]any{"out": string(out), "error": msg, "ok": err == nil}); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
"""


def package(name: str) -> str:
    return "sh" + name.replace("_", "")


def test_shapes_round_trip_and_fail_at_their_paths(tmp_path: Path) -> None:
    mod = ["module shapecheck", "", "go 1.22", ""]
    for name in ROOTS:
        files = generate(SPECS / f"{name}.yaml", ["go"], {"go": {"module": f"example.com/{package(name)}"}})
        for rel, text in files.files["go"].items():
            (tmp_path / name / rel).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / name / rel).write_text(text)
        mod += [
            f"require example.com/{package(name)} v0.0.0",
            f"replace example.com/{package(name)} => ../{name}",
        ]
    prog = tmp_path / "prog"
    prog.mkdir()
    (prog / "go.mod").write_text("\n".join(mod) + "\n")
    imports = "\n".join(f'\t"example.com/{package(n)}"' for n in ROOTS)
    codecs = "\n".join(f'\t"{n}": roundTrip[{package(n)}.{root}],' for n, root in ROOTS.items())
    (prog / "main.go").write_text(MAIN.replace("%IMPORTS%", imports).replace("%CODECS%", codecs))

    cases: list[dict[str, Any]] = []
    for name in ROOTS:
        api = build_api(load_spec(SPECS / f"{name}.yaml"))[0]
        for seed in range(DRAWS):
            payload = Payloads(api, random.Random(seed)).model(f"#/components/schemas/{ROOTS[name]}")
            cases.append({"fixture": name, "payload": payload, "valid": True})
    for name, payload, path in INVALID:
        cases.append(
            {"fixture": name, "payload": {**BASE.get(name, {}), **payload}, "path": path, "valid": False}
        )
    results = [json.loads(ln) for ln in run([GO_BIN, "run", "."], prog, stdin=json.dumps(cases)).splitlines()]
    assert len(results) == len(cases)
    problems = []
    for c, r in zip(cases, results, strict=True):
        if c["valid"]:
            if not r["ok"]:
                problems.append(f"{c['fixture']}: rejected {dumps(c['payload'])}: {r['error']}")
            elif not same_json(json.loads(r["out"]), c["payload"]):
                problems.append(
                    f"{c['fixture']}: round trip differs:\n got  {r['out']}\n want {dumps(c['payload'])}"
                )
        elif r["ok"]:
            problems.append(f"{c['fixture']}: accepted {dumps(c['payload'])}, want an error at {c['path']!r}")
        elif not r["error"].startswith(c["path"] + ": "):
            problems.append(f"{c['fixture']}: error {r['error']!r} is not at {c['path']!r}")
    assert not problems, "\n".join(problems[:20])
