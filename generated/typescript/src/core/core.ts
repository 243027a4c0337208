/** HTTP machinery shared by the generated client: configuration, headers, auth, retries, errors. */

import { APIConnectionError, APIError, APITimeoutError, APIUserAbortError, statusError } from "./errors.js";
import { type QueryItem, headerText, multipart, queryString } from "./encoding.js";
import { retryDelay, shouldRetryStatus } from "./retry.js";
import { type Check, ValidationError } from "./validate.js";

export const DEFAULT_TIMEOUT = 600_000; // milliseconds, each attempt
export const DEFAULT_MAX_RETRIES = 2;

/** A security scheme the client can send (from the spec's securitySchemes). */
export interface AuthScheme {
  readonly kind: "bearer" | "basic" | "http" | "api-key";
  readonly in?: "header" | "query" | "cookie";
  readonly param?: string; // api-key: the header, query parameter or cookie name
  readonly scheme?: string; // http: the scheme word
}

/** What the generated client tells the runtime about its API. */
export interface ClientConfig {
  readonly sdkName: string;
  readonly sdkVersion: string;
  readonly defaultBaseURL: string;
  readonly baseURLEnv: string;
  readonly schemes: Readonly<Record<string, AuthScheme>>;
}

export interface CoreOptions {
  /** The API's base URL; default from the environment variable, else the spec's first server. */
  baseURL?: string | undefined;
  /** Retries after the first attempt (default 2); 0 disables retries. */
  maxRetries?: number | undefined;
  /** Milliseconds each attempt may take (default 600000). */
  timeout?: number | undefined;
  /** The fetch implementation (default: the global fetch). */
  fetch?: typeof fetch | undefined;
  /** Headers sent with every request. */
  defaultHeaders?: Readonly<Record<string, string>> | undefined;
}

/** Per-call options: the last argument of every method. */
export interface RequestOptions {
  timeout?: number | undefined;
  maxRetries?: number | undefined;
  headers?: Readonly<Record<string, string>> | undefined;
  signal?: AbortSignal | undefined;
}

export type Expect = "json" | "text" | "binary" | "none" | "stream";

/** One call, as a generated method describes it. */
export interface Call<T> {
  readonly method: string;
  readonly path: string;
  readonly query?: readonly QueryItem[];
  readonly headers?: readonly (readonly [string, unknown, boolean])[];
  readonly cookies?: readonly (readonly [string, unknown])[];
  readonly json?: unknown;
  readonly multipart?: Readonly<Record<string, unknown>>;
  readonly raw?: { readonly body: Blob | string | ArrayBuffer | Uint8Array; readonly type: string };
  readonly security: readonly (readonly string[])[]; // alternatives (OR) of schemes (AND); [] = none
  readonly expect: Expect;
  readonly check?: Check<T>;
}

export interface WithResponse<T> {
  readonly data: T;
  readonly response: Response;
  readonly status: number;
  readonly headers: Headers;
}

/**
 * The result of a call: a Promise of the data, and `.withResponse()` for the status and headers
 * too. (A Promise subclass whose `then` reads the call's result; derived promises are plain.)
 */
export class APIPromise<T> extends Promise<T> {
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  readonly #result: Promise<WithResponse<T>>;

  constructor(result: Promise<WithResponse<T>>) {
    super((resolve) => {
      resolve(undefined as T);
    });
    this.#result = result;
  }

  withResponse(): Promise<WithResponse<T>> {
    return this.#result;
  }

  override then<A = T, B = never>(
    onfulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#result.then((r) => r.data).then(onfulfilled, onrejected);
  }

  override catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.then(undefined, onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onfinally);
  }
}

function env(name: string): string | undefined {
  const proc = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  const value = proc?.env?.[name];
  return value === undefined || value === "" ? undefined : value;
}

export { env as readEnv };

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new APIUserAbortError());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new APIUserAbortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** The call a method describes, built once (its errors as a rejection). */
export function built<T>(call: Call<T> | (() => Call<T>)): Promise<Call<T>> {
  return new Promise((resolve) => {
    resolve(typeof call === "function" ? call() : call);
  });
}

export class BaseClient {
  readonly baseURL: string;
  readonly maxRetries: number;
  readonly timeout: number;
  readonly #fetch: typeof fetch;
  readonly #config: ClientConfig;
  readonly #credentials: Readonly<Record<string, readonly string[] | undefined>>;
  readonly #defaultHeaders: Readonly<Record<string, string>>;

  constructor(
    config: ClientConfig,
    credentials: Readonly<Record<string, readonly string[] | undefined>>,
    options: CoreOptions,
  ) {
    this.#config = config;
    this.#credentials = credentials;
    const url = options.baseURL ?? env(config.baseURLEnv) ?? config.defaultBaseURL;
    if (!/^https?:\/\//.test(url)) {
      const source = options.baseURL !== undefined ? "baseURL" : `${config.baseURLEnv} / the default`;
      throw new APIError(`${source} must be an absolute http:// or https:// URL, got ${JSON.stringify(url)}`);
    }
    this.baseURL = url.replace(/\/+$/, "");
    const retries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
    if (!Number.isInteger(retries) || retries < 0) {
      throw new APIError(`maxRetries must be an integer >= 0, got ${String(retries)}`);
    }
    this.maxRetries = retries;
    const timeout = options.timeout ?? DEFAULT_TIMEOUT;
    if (!(timeout > 0)) throw new APIError(`timeout must be > 0 milliseconds, got ${String(timeout)}`);
    this.timeout = timeout;
    const f = options.fetch ?? (globalThis.fetch as typeof fetch | undefined);
    if (f === undefined) throw new APIError("no fetch implementation: pass one as the fetch option");
    this.#fetch = f;
    this.#defaultHeaders = options.defaultHeaders ?? {};
  }

  /**
   * Sends `call` (with retries) and decodes the response. A call given as a function is built
   * inside the promise: a bad argument (an invalid body, an empty path parameter) rejects it.
   */
  request<T>(call: Call<T> | (() => Call<T>), options?: RequestOptions): APIPromise<T> {
    return new APIPromise(built(call).then((c) => this.send(c, options)));
  }

  protected async send<T>(call: Call<T>, options?: RequestOptions): Promise<WithResponse<T>> {
    const init = this.#build(call, options);
    const url = init.url;
    const maxRetries = options?.maxRetries ?? this.maxRetries;
    const timeout = options?.timeout ?? this.timeout;
    const signal = options?.signal;
    for (let retries = 0; ; retries++) {
      if (signal?.aborted) throw new APIUserAbortError();
      const controller = new AbortController();
      const state = { timedOut: false };
      const onAbort = (): void => {
        controller.abort();
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      const timer = setTimeout(() => {
        state.timedOut = true;
        controller.abort();
      }, timeout);
      let response: Response;
      try {
        response = await this.#fetch(url, { ...init.request, signal: controller.signal });
      } catch (err) {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        if (signal?.aborted) throw new APIUserAbortError();
        if (retries < maxRetries) {
          await sleep(this.#delay(retries, null), signal);
          continue;
        }
        if (state.timedOut) throw new APITimeoutError(`Request timed out: ${call.method} ${url}`);
        throw new APIConnectionError(`Connection error: ${call.method} ${url}: ${String(err)}`, {
          cause: err,
        });
      }
      try {
        if (!response.ok) {
          const text = await response.text();
          if (retries < maxRetries && shouldRetryStatus(response.status, response.headers)) {
            await sleep(this.#delay(retries, response.headers), signal);
            continue;
          }
          throw statusError(response.status, response.statusText, response.headers, text);
        }
        const data = await this.#decode(call, response);
        return { data, response, status: response.status, headers: response.headers };
      } catch (err) {
        if (err instanceof APIError || err instanceof ValidationError) throw err;
        // The body could not be read: the connection failed or timed out mid-response.
        if (signal?.aborted) throw new APIUserAbortError();
        if (retries < maxRetries) {
          await sleep(this.#delay(retries, null), signal);
          continue;
        }
        if (state.timedOut) throw new APITimeoutError(`Request timed out: ${call.method} ${url}`);
        throw new APIConnectionError(`Connection error: ${call.method} ${url}: ${String(err)}`, {
          cause: err,
        });
      } finally {
        clearTimeout(timer); // a stream's body is read later, without the attempt's time limit
        if (call.expect !== "stream") signal?.removeEventListener("abort", onAbort);
      }
    }
  }

  async #decode<T>(call: Call<T>, response: Response): Promise<T> {
    switch (call.expect) {
      case "none":
        await response.body?.cancel();
        return undefined as T;
      case "text":
        return (await response.text()) as T;
      case "binary":
        return (await response.arrayBuffer()) as T;
      case "stream":
        return response as T; // the generated method wraps it in a Stream
      case "json": {
        const text = await response.text();
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch {
          throw new APIError(
            `the response to ${call.method} ${call.path} is not JSON (status ${String(response.status)})`,
          );
        }
        return call.check ? call.check(value) : (value as T);
      }
    }
  }

  #delay(retries: number, headers: Headers | null): number {
    return retryDelay(retries, headers, Math.random(), Date.now() / 1000) * 1000;
  }

  #build(call: Call<unknown>, options: RequestOptions | undefined): { url: string; request: RequestInit } {
    const headers = new Headers();
    headers.set("Accept", call.expect === "stream" ? "text/event-stream" : "application/json");
    headers.set("User-Agent", `${this.#config.sdkName}/${this.#config.sdkVersion}`);
    const query: QueryItem[] = [...(call.query ?? [])];
    const cookies: string[] = [];
    for (const [name, value] of call.cookies ?? []) {
      const text = headerText(value, false);
      if (text !== undefined) cookies.push(`${name}=${encodeURIComponent(text)}`);
    }
    this.#auth(call, headers, query, cookies);
    for (const [name, value] of Object.entries(this.#defaultHeaders)) headers.set(name, value);
    for (const [name, value, explode] of call.headers ?? []) {
      const text = headerText(value, explode);
      if (text !== undefined) headers.set(name, text);
    }
    if (cookies.length) headers.set("Cookie", cookies.join("; "));
    let body: BodyInit | undefined;
    if (call.multipart !== undefined) body = multipart(call.multipart);
    else if (call.raw !== undefined) {
      headers.set("Content-Type", call.raw.type);
      body = call.raw.body as BodyInit;
    } else if (call.json !== undefined) {
      headers.set("Content-Type", "application/json");
      body = JSON.stringify(call.json);
    }
    for (const [name, value] of Object.entries(options?.headers ?? {})) headers.set(name, value);
    const qs = queryString(query);
    const url = this.baseURL + call.path + (qs ? `?${qs}` : "");
    const request: RequestInit = { method: call.method, headers };
    if (body !== undefined) request.body = body;
    return { url, request };
  }

  #auth(call: Call<unknown>, headers: Headers, query: QueryItem[], cookies: string[]): void {
    if (call.security.length === 0) return;
    const usable = call.security.find((alt) => alt.every((s) => this.#credentials[s] !== undefined));
    if (usable === undefined) {
      const wanted = call.security.map((alt) => alt.join(" + ")).join(" or ");
      throw new APIError(`${call.method} ${call.path} needs credentials for ${wanted}; none were given`);
    }
    for (const name of usable) {
      const scheme = this.#config.schemes[name];
      const values = this.#credentials[name];
      if (scheme === undefined || values === undefined) continue;
      const first = values[0] ?? "";
      if (scheme.kind === "bearer") headers.set("Authorization", `Bearer ${first}`);
      else if (scheme.kind === "basic")
        headers.set("Authorization", `Basic ${base64(`${first}:${values[1] ?? ""}`)}`);
      else if (scheme.kind === "http") headers.set("Authorization", `${scheme.scheme ?? "Bearer"} ${first}`);
      else if (scheme.in === "query") query.push([scheme.param ?? name, first, "form", true]);
      else if (scheme.in === "cookie") cookies.push(`${scheme.param ?? name}=${encodeURIComponent(first)}`);
      else headers.set(scheme.param ?? name, first);
    }
  }

  /** Never shows credentials. */
  toJSON(): Record<string, unknown> {
    return { baseURL: this.baseURL, maxRetries: this.maxRetries, timeout: this.timeout };
  }
}
