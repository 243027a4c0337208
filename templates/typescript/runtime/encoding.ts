/** How parameter values and bodies go on the wire: path segments, query strings, headers, multipart. */

/** One path segment, percent-encoded; empty, "." and ".." are refused (they would change the path). */
export function pathSegment(name: string, value: string | number | boolean): string {
  const text = String(value);
  if (text === "" || text === "." || text === "..") {
    throw new Error(`path parameter ${name} must not be ${text === "" ? "empty" : JSON.stringify(text)}`);
  }
  return encodeURIComponent(text);
}

/** A query (or header) parameter: wire name, value (undefined: not sent), style, explode. */
export type QueryItem = readonly [name: string, value: unknown, style: string, explode: boolean];

function scalar(v: unknown): string {
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  return JSON.stringify(v);
}

const enc = encodeURIComponent;

/** The query string (without "?") of `items`, in order; unset values are left out. */
export function queryString(items: readonly QueryItem[]): string {
  const out: string[] = [];
  for (const [name, value, style, explode] of items) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      const parts = value.map(scalar);
      if (explode && style === "form") for (const p of parts) out.push(`${enc(name)}=${enc(p)}`);
      else {
        const sep = style === "spaceDelimited" ? "%20" : style === "pipeDelimited" ? "|" : ",";
        out.push(`${enc(name)}=${parts.map(enc).join(sep)}`);
      }
    } else if (typeof value === "object" && value !== null) {
      const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
      if (style === "deepObject") {
        for (const [k, v] of entries) out.push(`${enc(name)}%5B${enc(k)}%5D=${enc(scalar(v))}`);
      } else if (explode) {
        for (const [k, v] of entries) out.push(`${enc(k)}=${enc(scalar(v))}`);
      } else {
        out.push(`${enc(name)}=${entries.map(([k, v]) => `${enc(k)},${enc(scalar(v))}`).join(",")}`);
      }
    } else {
      out.push(`${enc(name)}=${enc(scalar(value))}`);
    }
  }
  return out.join("&");
}

/** A header parameter's text (arrays comma-joined, objects as key,value pairs); undefined: not sent. */
export function headerText(value: unknown, explode: boolean): string | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value.map(scalar).join(",");
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.map(([k, v]) => (explode ? `${k}=${scalar(v)}` : `${k},${scalar(v)}`)).join(",");
  }
  return scalar(value);
}

/** A multipart/form-data body: Blobs (and Files) as file parts, lists repeated, objects as JSON. */
export function multipart(fields: Readonly<Record<string, unknown>>): FormData {
  const form = new FormData();
  const put = (name: string, v: unknown): void => {
    if (v === undefined) return;
    if (typeof Blob !== "undefined" && v instanceof Blob) {
      const fileName = (v as Blob & { name?: unknown }).name;
      form.append(name, v, typeof fileName === "string" && fileName ? fileName : "upload");
    } else {
      form.append(name, scalar(v));
    }
  };
  for (const [name, value] of Object.entries(fields)) {
    if (Array.isArray(value)) for (const v of value) put(name, v);
    else put(name, value);
  }
  return form;
}

/** An application/x-www-form-urlencoded body from an object (form style, exploded). */
export function formBody(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value !== "object" || Array.isArray(value)) return queryString([["value", value, "form", true]]);
  const items: QueryItem[] = Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, v, "form", true]);
  return queryString(items);
}

/** A raw (binary or text) body as fetch takes it. */
export function rawBody(value: unknown): Blob | string | ArrayBuffer | Uint8Array {
  if (typeof value === "string" || value instanceof ArrayBuffer || value instanceof Uint8Array) return value;
  if (typeof Blob !== "undefined" && value instanceof Blob) return value;
  return JSON.stringify(value);
}
