// Every shared payload vector (tests/vectors/chatkit.json) through the generated parse functions.
// Valid vectors round-trip exactly (JSON text and value); invalid ones throw ValidationError at
// error_path, with a message per rule. No rule is skipped. The one deliberate difference:
// session_big_integers holds integers beyond 2^53, which this SDK refuses (documented in its
// README) rather than keeping; the test asserts that refusal and its path.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { ChatSession, SessionCreateParams, ValidationError } from "../sdk/src/index.js";

interface Vector {
  name: string;
  schema: string;
  payload: unknown;
  valid: boolean;
  error_path?: string;
  rule?: string;
  expected?: string;
}

const file = process.env["OASGEN_VECTORS"] ?? "";
const vectors = (JSON.parse(readFileSync(file, "utf8")) as { vectors: Vector[] }).vectors;
const parsers: Record<string, (v: unknown) => unknown> = {
  ChatSession: ChatSession.parse,
  SessionCreateParams: SessionCreateParams.parse,
};
const BIG = new Set(["session_big_integers"]);

function parser(v: Vector): (v: unknown) => unknown {
  const p = parsers[v.schema];
  assert.ok(p, `no parser for ${v.schema}`);
  return p;
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "list";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function valueAt(payload: unknown, path: string): unknown {
  let value = payload;
  for (const part of path ? path.split(".") : []) value = (value as Record<string, unknown>)[part];
  return value;
}

test("the vectors are loaded", () => {
  assert.ok(vectors.length >= 40);
  assert.deepEqual(new Set(vectors.map((v) => v.valid)), new Set([true, false]));
});

for (const v of vectors.filter((x) => x.valid && !BIG.has(x.name))) {
  test(`valid: ${v.name}`, () => {
    const text = JSON.stringify(v.payload);
    const out = parser(v)(JSON.parse(text));
    assert.equal(JSON.stringify(out), text);
    assert.deepStrictEqual(out, v.payload);
  });
}

for (const v of vectors.filter((x) => BIG.has(x.name))) {
  test(`integers beyond 2^53 are refused, not rounded: ${v.name}`, () => {
    assert.throws(
      () => parser(v)(v.payload),
      (err: unknown) =>
        err instanceof ValidationError && err.path === "expires_at" && err.detail.includes("2^53"),
    );
  });
}

for (const v of vectors.filter((x) => !x.valid)) {
  test(`invalid: ${v.name} at ${JSON.stringify(v.error_path)} (${v.rule ?? ""})`, () => {
    let caught: unknown;
    try {
      parser(v)(v.payload);
    } catch (err) {
      caught = err;
    }
    assert.ok(caught instanceof ValidationError, `no ValidationError for ${v.name}`);
    assert.equal(caught.path, v.error_path);
    assert.equal(caught.message, caught.path ? `${caught.path}: ${caught.detail}` : caught.detail);
    const hint = v.expected ?? "";
    if (v.rule === "type") {
      const found = kindOf(valueAt(v.payload, v.error_path ?? ""));
      assert.ok(caught.detail.startsWith("expected "), caught.detail);
      assert.ok(caught.detail.endsWith(`got ${found}`), caught.detail);
    } else if (v.rule === "required") {
      assert.equal(caught.detail, "is required");
    } else if (v.rule === "const") {
      assert.ok(caught.detail.includes(JSON.stringify(JSON.parse(hint))), caught.detail);
    } else {
      const bounds = hint.match(/\d+/g) ?? [];
      assert.ok(bounds.length > 0);
      for (const b of bounds) assert.ok(caught.detail.includes(b), `${b} not in ${caught.detail}`);
    }
  });
}
