/** Server-sent events (text/event-stream) as an async iterable of checked, typed events. */

import { APIPromise, type BaseClient, built, type Call, type RequestOptions } from "./core.js";
import type { Check } from "./validate.js";

/** One raw event: its `event` name (default "message"), `data` text, and `id`. */
export interface ServerSentEvent {
  readonly event: string;
  readonly data: string;
  readonly id: string | null;
}

async function* lines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let nl: number;
      while ((nl = buffer.search(/\r\n|\r|\n/)) >= 0) {
        const width = buffer.startsWith("\r\n", nl) ? 2 : 1;
        yield buffer.slice(0, nl);
        buffer = buffer.slice(nl + width);
      }
    }
    buffer += decoder.decode();
    if (buffer) yield buffer;
  } finally {
    reader.releaseLock();
  }
}

/** The events of an SSE body, per the WHATWG event-stream rules (comments and retry ignored). */
export async function* events(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentEvent> {
  let event = "";
  let data: string[] = [];
  let id: string | null = null;
  for await (const line of lines(body)) {
    if (line === "") {
      if (data.length) yield { event: event || "message", data: data.join("\n"), id };
      event = "";
      data = [];
      continue;
    }
    if (line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
    else if (field === "id") id = value;
  }
  if (data.length) yield { event: event || "message", data: data.join("\n"), id };
}

/** A stream of events, each JSON `data` checked by `check`; `data: [DONE]` ends it. */
export class Stream<T> implements AsyncIterable<T> {
  readonly response: Response;
  readonly #check: Check<T>;

  constructor(response: Response, check: Check<T>) {
    this.response = response;
    this.#check = check;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    const body = this.response.body;
    if (body === null) return;
    for await (const sse of events(body)) {
      if (sse.data === "[DONE]") return;
      let value: unknown;
      try {
        value = JSON.parse(sse.data);
      } catch {
        value = sse.data; // a non-JSON event is checked as a string
      }
      yield this.#check(value);
    }
  }
}

/** A streaming call: the response's events as a Stream, once the response has started. */
export function streamCall<T>(
  client: BaseClient,
  call: Call<unknown> | (() => Call<unknown>),
  check: Check<T>,
  options: RequestOptions | undefined,
): APIPromise<Stream<T>> {
  return new APIPromise(
    built(call).then(async (c) => {
      const r = await client.request({ ...c, expect: "stream" } as Call<Response>, options).withResponse();
      return { ...r, data: new Stream<T>(r.data, check) };
    }),
  );
}
