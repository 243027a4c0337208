/**
 * Errors raised by the client. Every failed call throws an {@link APIError}:
 * - {@link APIConnectionError} ({@link APITimeoutError}): no HTTP response was received;
 * - {@link APIStatusError} and its per-status subclasses: the server answered 4xx/5xx.
 * Neither the request nor its credentials are kept on an error, so `JSON.stringify(error)` and
 * `console.log(error)` never show a secret.
 */

const SUMMARY_CHARS = 200;

export class APIError extends Error {
  override name = "APIError";

  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message };
  }
}

export class APIConnectionError extends APIError {
  override name = "APIConnectionError";

  constructor(message = "Connection error.", options?: { cause?: unknown }) {
    super(message, options);
  }
}

export class APITimeoutError extends APIConnectionError {
  override name = "APITimeoutError";

  constructor(message = "Request timed out.") {
    super(message);
  }
}

/** The call was cancelled through its AbortSignal. */
export class APIUserAbortError extends APIError {
  override name = "APIUserAbortError";

  constructor(message = "Request was aborted.") {
    super(message);
  }
}

function errorObject(body: unknown): Record<string, unknown> {
  if (typeof body === "object" && body !== null && !Array.isArray(body)) {
    const error = (body as Record<string, unknown>)["error"];
    if (typeof error === "object" && error !== null && !Array.isArray(error)) {
      return error as Record<string, unknown>;
    }
  }
  return {};
}

function strOrNull(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return typeof v === "string" ? v : JSON.stringify(v);
}

export class APIStatusError extends APIError {
  override name = "APIStatusError";
  readonly status: number;
  readonly headers: Headers;
  /** The response body: parsed JSON, the text when it is not JSON, or null when empty. */
  readonly body: unknown;
  readonly requestID: string | null;
  readonly code: string | null;
  readonly type: string | null;
  readonly param: string | null;

  constructor(status: number, headers: Headers, body: unknown, message: string) {
    super(message);
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.requestID = headers.get("x-request-id");
    const error = errorObject(body);
    this.code = strOrNull(error["code"]);
    this.type = strOrNull(error["type"]);
    this.param = strOrNull(error["param"]);
  }

  override toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, status: this.status, requestID: this.requestID };
  }
}

/** HTTP 400. */
export class BadRequestError extends APIStatusError {
  override name = "BadRequestError";
}
/** HTTP 401: the API key is missing, wrong or revoked. */
export class AuthenticationError extends APIStatusError {
  override name = "AuthenticationError";
}
/** HTTP 403. */
export class PermissionDeniedError extends APIStatusError {
  override name = "PermissionDeniedError";
}
/** HTTP 404. */
export class NotFoundError extends APIStatusError {
  override name = "NotFoundError";
}
/** HTTP 409. */
export class ConflictError extends APIStatusError {
  override name = "ConflictError";
}
/** HTTP 422. */
export class UnprocessableEntityError extends APIStatusError {
  override name = "UnprocessableEntityError";
}
/** HTTP 429: too many requests (retried automatically before this is thrown). */
export class RateLimitError extends APIStatusError {
  override name = "RateLimitError";
}
/** HTTP 5xx (retried automatically before this is thrown). */
export class InternalServerError extends APIStatusError {
  override name = "InternalServerError";
}

const BY_STATUS: Readonly<Record<number, typeof APIStatusError>> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

function message(status: number, statusText: string, body: unknown, text: string): string {
  const m = errorObject(body)["message"];
  if (typeof m === "string" && m) return m;
  if (typeof body === "object" && body !== null) {
    const e = (body as Record<string, unknown>)["error"];
    if (typeof e === "string" && e) return e;
  }
  let summary = `Error code: ${String(status)}`;
  const t = text.trim();
  if (t) summary += ` - ${t.length > SUMMARY_CHARS ? t.slice(0, SUMMARY_CHARS) + "..." : t}`;
  else if (statusText) summary += ` - ${statusText}`;
  return summary;
}

/** The APIStatusError subclass for `status`, from the response's text. */
export function statusError(
  status: number,
  statusText: string,
  headers: Headers,
  text: string,
): APIStatusError {
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  const cls = BY_STATUS[status] ?? (status >= 500 ? InternalServerError : APIStatusError);
  return new cls(status, headers, body, message(status, statusText, body, text));
}
