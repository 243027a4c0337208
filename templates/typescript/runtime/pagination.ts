/** Pagination: a page of items and the call that fetches the next one. */

import { APIPromise, type BaseClient, built, type Call, type RequestOptions, type WithResponse } from "./core.js";
import type { QueryItem } from "./encoding.js";

/** How a list operation pages (from the spec): the style and the wire names it uses. */
export interface Paging {
  readonly style: "cursor" | "offset" | "page" | "link";
  readonly items: string | null; // the response's item array; null: the body is the array
  readonly cursorParam?: string;
  readonly cursorField?: string; // null: the last item's `id`
  readonly hasMoreField?: string;
  readonly offsetParam?: string;
  readonly pageParam?: string;
}

function field(body: unknown, name: string): unknown {
  return typeof body === "object" && body !== null ? (body as Record<string, unknown>)[name] : undefined;
}

function nextLink(headers: Headers): string | null {
  const link = headers.get("link");
  if (link === null) return null;
  for (const part of link.split(",")) {
    const m = /<([^>]*)>\s*;(.*)/.exec(part.trim());
    if (m && /rel\s*=\s*"?next"?/i.test(m[2] ?? "")) return m[1] ?? null;
  }
  return null;
}

/** One page of a list call: its `items`, the decoded `body`, and the way to the next page. */
export class Page<Item, Body = unknown> implements AsyncIterable<Item> {
  readonly items: readonly Item[];
  readonly body: Body;
  readonly response: Response;
  readonly #client: BaseClient;
  readonly #call: Call<Body>;
  readonly #paging: Paging;
  readonly #options: RequestOptions | undefined;

  constructor(client: BaseClient, call: Call<Body>, paging: Paging, options: RequestOptions | undefined, r: WithResponse<Body>) {
    this.#client = client;
    this.#call = call;
    this.#paging = paging;
    this.#options = options;
    this.body = r.data;
    this.response = r.response;
    const items = paging.items === null ? r.data : field(r.data, paging.items);
    this.items = Array.isArray(items) ? (items as Item[]) : [];
  }

  #nextCall(): Call<Body> | null {
    const p = this.#paging;
    if (this.items.length === 0) return null;
    const query = (this.#call.query ?? []).slice();
    const set = (name: string, value: unknown): void => {
      const i = query.findIndex((q) => q[0] === name);
      const item: QueryItem = [name, value, "form", true];
      if (i >= 0) query[i] = item;
      else query.push(item);
    };
    if (p.style === "link") {
      const next = nextLink(this.response.headers);
      if (next === null) return null;
      const url = new URL(next, this.response.url || undefined);
      return { ...this.#call, path: url.pathname + url.search, query: [] };
    }
    if (p.hasMoreField !== undefined && field(this.body, p.hasMoreField) === false) return null;
    if (p.style === "cursor" && p.cursorParam !== undefined) {
      const cursor =
        p.cursorField !== undefined ? field(this.body, p.cursorField) : field(this.items[this.items.length - 1], "id");
      if (cursor === undefined || cursor === null || cursor === "") return null;
      set(p.cursorParam, cursor);
    } else if (p.style === "offset" && p.offsetParam !== undefined) {
      const current = query.find((q) => q[0] === p.offsetParam)?.[1];
      set(p.offsetParam, (typeof current === "number" ? current : 0) + this.items.length);
    } else if (p.style === "page" && p.pageParam !== undefined) {
      const current = query.find((q) => q[0] === p.pageParam)?.[1];
      set(p.pageParam, (typeof current === "number" ? current : 1) + 1);
    } else {
      return null;
    }
    return { ...this.#call, query };
  }

  hasNextPage(): boolean {
    return this.#nextCall() !== null;
  }

  /** The next page, or null after the last one. */
  async nextPage(): Promise<Page<Item, Body> | null> {
    const call = this.#nextCall();
    if (call === null) return null;
    return fetchPage<Item, Body>(this.#client, call, this.#paging, this.#options);
  }

  /** Every item of this page and the pages after it. */
  async *[Symbol.asyncIterator](): AsyncIterator<Item> {
    yield* this.items;
    for (let page = await this.nextPage(); page !== null; page = await page.nextPage()) {
      yield* page.items;
    }
  }
}

export async function fetchPage<Item, Body>(
  client: BaseClient,
  call: Call<Body>,
  paging: Paging,
  options: RequestOptions | undefined,
): Promise<Page<Item, Body>> {
  const r = await client.request(call, options).withResponse();
  return new Page<Item, Body>(client, call, paging, options, r);
}

/** A list call: await it for the first page, or `for await` over every item of every page. */
export class PagePromise<Item, Body = unknown> extends APIPromise<Page<Item, Body>> implements AsyncIterable<Item> {
  constructor(
    client: BaseClient,
    call: Call<Body> | (() => Call<Body>),
    paging: Paging,
    options: RequestOptions | undefined,
  ) {
    super(
      built(call).then(async (c) => {
        const r = await client.request(c, options).withResponse();
        const page = new Page<Item, Body>(client, c, paging, options, r);
        return { data: page, response: r.response, status: r.status, headers: r.headers };
      }),
    );
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Item> {
    const first = await this;
    yield* first;
  }
}
