/**
 * Runtime checks used by the generated parse functions: each checker takes a JSON value and
 * returns it unchanged when it matches, or throws a {@link ValidationError} whose `path` locates
 * the bad value (`workflow.state_variables.x`, `items[2].id`, `""` for the root).
 *
 * Parsing never copies: a valid value is returned as it is, so unknown fields and explicit nulls
 * are kept and written out again exactly.
 */

/** Data does not match the schema. `path` is the dotted JSON path of the bad value (may be empty). */
export class ValidationError extends Error {
  override readonly name = "ValidationError";
  readonly path: string;
  readonly detail: string;

  constructor(path: string, detail: string) {
    super(path ? `${path}: ${detail}` : detail);
    this.path = path;
    this.detail = detail;
  }
}

/** A checker: the value itself, typed, or a thrown ValidationError. */
export type Check<T> = (value: unknown) => T;

export type JsonObject = Record<string, unknown>;

/** How a JSON value reads in an error message. */
export function kind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "list";
  switch (typeof value) {
    case "number":
      return Number.isInteger(value) ? "integer" : "number";
    case "bigint":
      return "integer";
    case "string":
    case "boolean":
    case "object":
      return typeof value;
    default:
      return typeof value;
  }
}

export function expected(what: string, value: unknown): ValidationError {
  return new ValidationError("", `expected ${what}, got ${kind(value)}`);
}

/** `err` moved one level down: under object key `key` or list index `key`. */
export function at(err: unknown, key: string | number): unknown {
  if (!(err instanceof ValidationError)) return err;
  const head = typeof key === "number" ? `[${String(key)}]` : key;
  const path = !err.path ? head : err.path.startsWith("[") ? head + err.path : `${head}.${err.path}`;
  return new ValidationError(path, err.detail);
}

// -- primitives ---------------------------------------------------------------------------------

export const str: Check<string> = (v) => {
  if (typeof v === "string") return v;
  throw expected("string", v);
};

/**
 * An integer that a JavaScript number holds exactly. Integers beyond Number.MAX_SAFE_INTEGER are
 * rejected (JSON.parse has already rounded them), never passed on silently rounded.
 */
export const int: Check<number> = (v) => {
  if (typeof v === "number" && Number.isInteger(v)) {
    if (Number.isSafeInteger(v)) return v;
    throw new ValidationError(
      "",
      "integer beyond 2^53-1 (Number.MAX_SAFE_INTEGER) cannot be represented exactly; refused rather than rounded",
    );
  }
  throw expected("integer", v);
};

export const num: Check<number> = (v) => {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  throw expected("number", v);
};

export const bool: Check<boolean> = (v) => {
  if (typeof v === "boolean") return v;
  throw expected("boolean", v);
};

export const any: Check<unknown> = (v) => v;

export const blob: Check<Blob> = (v) => {
  if (typeof Blob !== "undefined" && v instanceof Blob) return v;
  throw expected("a Blob or File", v);
};

// -- composites ---------------------------------------------------------------------------------

export function nullable<T>(inner: Check<T>): Check<T | null> {
  return (v) => (v === null ? null : inner(v));
}

export function list<T>(item: Check<T>): Check<T[]> {
  return (v) => {
    if (!Array.isArray(v)) throw expected("list", v);
    for (let i = 0; i < v.length; i++) {
      try {
        item(v[i]);
      } catch (err) {
        throw at(err, i);
      }
    }
    return v as T[];
  };
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function obj(v: unknown): JsonObject {
  if (isObject(v)) return v;
  throw expected("object", v);
}

export function map<T>(item: Check<T>): Check<Record<string, T>> {
  return (v) => {
    const o = obj(v);
    for (const k in o) {
      if (!Object.hasOwn(o, k)) continue;
      try {
        item(o[k]);
      } catch (err) {
        throw at(err, k);
      }
    }
    return o as Record<string, T>;
  };
}

/** Equal JSON values of the same kinds, all the way down. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return (
      ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && sameJson(a[k], b[k]))
    );
  }
  return false;
}

export function constant<T>(value: T): Check<T> {
  const shown = JSON.stringify(value);
  return (v) => {
    if (sameJson(v, value)) return v as T;
    throw new ValidationError("", `expected ${shown}, got ${kind(v)}`);
  };
}

/** An open enum: any value of the base JSON kind is accepted (unknown values are kept). */
export function openEnum<T>(base: Check<unknown>): Check<T> {
  return (v) => base(v) as T;
}

// Primitive checkers that a union tries by a typeof test rather than by catching an error.
const EXACT = new Map<Check<unknown>, (v: unknown) => boolean>([
  [str, (v) => typeof v === "string"],
  [bool, (v) => typeof v === "boolean"],
  [num, (v) => typeof v === "number" && Number.isFinite(v)],
  [int, (v) => Number.isSafeInteger(v)],
  [any, () => true],
]);

/** The first variant that accepts the value wins. */
export function union<T>(what: string, variants: readonly Check<unknown>[]): Check<T> {
  return (v) => {
    for (const variant of variants) {
      const test = EXACT.get(variant);
      if (test !== undefined) {
        if (test(v)) return v as T;
        continue;
      }
      try {
        return variant(v) as T;
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
      }
    }
    throw expected(what, v);
  };
}

/** A discriminated union: the value of `prop` picks the variant. */
export function tagged<T>(
  prop: string,
  what: string,
  variants: Readonly<Record<string, Check<unknown>>>,
  fallback: Check<unknown> | null,
): Check<T> {
  return (v) => {
    const o = obj(v);
    const tag = o[prop];
    const variant = typeof tag === "string" && Object.hasOwn(variants, tag) ? variants[tag] : undefined;
    if (variant !== undefined) return variant(o) as T;
    if (fallback !== null) return fallback(o) as T;
    const known = Object.keys(variants).map((k) => JSON.stringify(k));
    throw at(expected(`one of ${known.join(", ")} (${what})`, tag), prop);
  };
}

/** A rule of a constraint keyword: an error message, or undefined when the value passes. */
export type Rule = (v: never) => string | undefined;

/** A checker followed by constraint checks (each rule applies to the checked value's kind). */
export function checked<T>(inner: Check<T>, rules: readonly Rule[]): Check<T> {
  return (v) => {
    const out = inner(v);
    for (const rule of rules) {
      const problem = rule(out as never);
      if (problem !== undefined) throw new ValidationError("", problem);
    }
    return out;
  };
}

// -- objects ------------------------------------------------------------------------------------

/** A required property: present (null counts as present) and valid. */
export function req(o: JsonObject, key: string, check: Check<unknown>): void {
  if (!Object.hasOwn(o, key)) throw new ValidationError(key, "is required");
  try {
    check(o[key]);
  } catch (err) {
    throw at(err, key);
  }
}

/** An optional property: valid when present. */
export function opt(o: JsonObject, key: string, check: Check<unknown>): void {
  if (!Object.hasOwn(o, key)) return;
  try {
    check(o[key]);
  } catch (err) {
    throw at(err, key);
  }
}

/** Every property not declared (`known`) is checked by `check` (a typed additionalProperties). */
export function rest(o: JsonObject, known: ReadonlySet<string>, check: Check<unknown>): void {
  for (const key in o) {
    if (!Object.hasOwn(o, key) || known.has(key)) continue;
    try {
      check(o[key]);
    } catch (err) {
      throw at(err, key);
    }
  }
}

// -- constraints --------------------------------------------------------------------------------

type Sized = string | readonly unknown[];

// A string's length in code points (as JSON Schema counts), not UTF-16 units.
const chars = (v: Sized): number =>
  typeof v === "string" ? v.length - (v.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0) : v.length;

export const minLength =
  (n: number) =>
  (v: string): string | undefined =>
    chars(v) >= n ? undefined : `must have at least ${String(n)} character(s), got ${String(chars(v))}`;

export const maxLength =
  (n: number) =>
  (v: string): string | undefined =>
    chars(v) <= n ? undefined : `must have at most ${String(n)} character(s), got ${String(chars(v))}`;

export const pattern = (source: string): ((v: string) => string | undefined) => {
  let rx: RegExp | null = null;
  return (v) => {
    if (rx === null) {
      try {
        rx = new RegExp(source, "u");
      } catch {
        rx = /(?:)/u; // a pattern JavaScript cannot compile is not checked on the client
      }
    }
    return rx.test(v) ? undefined : `must match the pattern ${JSON.stringify(source)}`;
  };
};

export const minimum =
  (n: number) =>
  (v: number): string | undefined =>
    v >= n ? undefined : `must be >= ${String(n)}, got ${String(v)}`;

export const maximum =
  (n: number) =>
  (v: number): string | undefined =>
    v <= n ? undefined : `must be <= ${String(n)}, got ${String(v)}`;

export const exclusiveMinimum =
  (n: number) =>
  (v: number): string | undefined =>
    v > n ? undefined : `must be > ${String(n)}, got ${String(v)}`;

export const exclusiveMaximum =
  (n: number) =>
  (v: number): string | undefined =>
    v < n ? undefined : `must be < ${String(n)}, got ${String(v)}`;

export const multipleOf =
  (n: number) =>
  (v: number): string | undefined =>
    Number.isInteger(v / n) ? undefined : `must be a multiple of ${String(n)}, got ${String(v)}`;

export const minItems =
  (n: number) =>
  (v: readonly unknown[]): string | undefined =>
    v.length >= n ? undefined : `must have at least ${String(n)} item(s), got ${String(v.length)}`;

export const maxItems =
  (n: number) =>
  (v: readonly unknown[]): string | undefined =>
    v.length <= n ? undefined : `must have at most ${String(n)} item(s), got ${String(v.length)}`;

export const uniqueItems =
  () =>
  (v: readonly unknown[]): string | undefined =>
    v.every((x, i) => v.findIndex((y) => sameJson(x, y)) === i) ? undefined : "items must be unique";

export const minProperties =
  (n: number) =>
  (v: object): string | undefined =>
    Object.keys(v).length >= n
      ? undefined
      : `must have at least ${String(n)} entries, got ${String(Object.keys(v).length)}`;

export const maxProperties =
  (n: number) =>
  (v: object): string | undefined =>
    Object.keys(v).length <= n
      ? undefined
      : `must have at most ${String(n)} entries, got ${String(Object.keys(v).length)}`;

// -- secrets ------------------------------------------------------------------------------------

const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/**
 * A function that hides `keys` from `util.inspect` / `console.log` of an object (a non-enumerable
 * symbol property, so JSON.stringify, Object.keys and spreading never see it); the values stay
 * readable and are sent as they are. One shared descriptor per model: parsing stays cheap.
 */
export function redactor(keys: readonly string[]): (o: JsonObject) => void {
  function inspect(
    this: JsonObject,
    _depth: number,
    options: unknown,
    show: (v: unknown, o: unknown) => string,
  ): string {
    const shown: JsonObject = {};
    for (const k of Object.keys(this)) shown[k] = keys.includes(k) ? "[redacted]" : this[k];
    return show(shown, options);
  }
  const descriptor: PropertyDescriptor = { value: inspect, enumerable: false, configurable: true };
  return (o) => {
    Object.defineProperty(o, INSPECT, descriptor);
  };
}

/**
 * The slow path of a field whose inline check failed: the error it deserves ("is required", or
 * the checker's own, under the field's path).
 */
export function bad(o: JsonObject, key: string, check: Check<unknown>, required: boolean): void {
  if (required) req(o, key, check);
  else opt(o, key, check);
}
