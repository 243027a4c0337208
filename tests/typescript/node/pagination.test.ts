// Auto-paging list methods of tests/fixtures/specs/pagination.yaml, against the scripted server.
import assert from "node:assert/strict";
import { after, test } from "node:test";

import { APIStatusError, Client } from "../pkgs/pagination/src/index.js";
import { scripted, type Reply } from "./server.js";

const servers: { close(): Promise<void> }[] = [];
after(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function setup(replies: Reply[]) {
  const server = await scripted(replies);
  servers.push(server);
  return { server, client: new Client({ baseURL: server.url, maxRetries: 0 }) };
}

const pets = (ids: string[], more: boolean): Reply => ({
  body: { object: "list", data: ids.map((id) => ({ id, name: id })), has_more: more },
});

test("cursor (after, has_more, the last item's id): for await yields every item of every page", async () => {
  const { server, client } = await setup([
    pets(["a", "b"], true),
    pets(["c", "d"], true),
    pets(["e"], false),
  ]);
  const names: string[] = [];
  for await (const pet of client.pets.list({ limit: 2 })) names.push(pet.name);
  assert.deepEqual(names, ["a", "b", "c", "d", "e"]);
  assert.deepEqual(
    server.received.map((r) => r.url),
    ["/pets?limit=2", "/pets?after=b&limit=2", "/pets?after=d&limit=2"],
  );
});

test("awaiting a list gives the first page, with nextPage()", async () => {
  const { client } = await setup([pets(["a"], true), pets(["b"], false)]);
  const page = await client.pets.list();
  assert.deepEqual(
    page.items.map((p) => p.id),
    ["a"],
  );
  assert.equal(page.hasNextPage(), true);
  const next = await page.nextPage();
  assert.ok(next);
  assert.deepEqual(
    next.items.map((p) => p.id),
    ["b"],
  );
  assert.equal(next.hasNextPage(), false);
  assert.equal(await next.nextPage(), null);
});

test("an empty page ends the list", async () => {
  const { server, client } = await setup([pets(["a"], true), pets([], true)]);
  const ids: string[] = [];
  for await (const pet of client.pets.list()) ids.push(pet.id);
  assert.deepEqual(ids, ["a"]);
  assert.equal(server.received.length, 2);
});

test("an error on page 3 surfaces when iteration reaches it", async () => {
  const { client } = await setup([
    pets(["a"], true),
    pets(["b"], true),
    { status: 404, body: { error: "gone" } },
  ]);
  const ids: string[] = [];
  await assert.rejects(async () => {
    for await (const pet of client.pets.list()) ids.push(pet.id);
  }, APIStatusError);
  assert.deepEqual(ids, ["a", "b"]);
});

test("token cursor (next_page_token)", async () => {
  const owners = (names: string[], next: string | null): Reply => ({
    body: { items: names.map((name) => ({ name })), next_page_token: next },
  });
  const { server, client } = await setup([owners(["a"], "t2"), owners(["b"], null)]);
  const names: string[] = [];
  for await (const o of client.owners.list()) names.push(o.name);
  assert.deepEqual(names, ["a", "b"]);
  assert.equal(server.received[1]?.url, "/owners?page_token=t2");
});

test("offset advances by the items received; page by one", async () => {
  const toys = (skus: string[]): Reply => ({ body: { results: skus.map((sku) => ({ sku })), total: 3 } });
  const { server, client } = await setup([toys(["a", "b"]), toys(["c"]), toys([])]);
  const names: string[] = [];
  for await (const t of client.toys.list({ limit: 2 })) names.push(t.sku);
  assert.deepEqual(names, ["a", "b", "c"]);
  assert.deepEqual(
    server.received.map((r) => r.url),
    ["/toys?limit=2", "/toys?offset=2&limit=2", "/toys?offset=3&limit=2"],
  );
});

test("link: follows the Link header's rel=next", async () => {
  const visits = (days: string[], next: string | null): Reply => ({
    body: days.map((day) => ({ day })),
    headers: next ? { link: `<${next}>; rel="next"` } : {},
  });
  const { server, client } = await setup([
    visits(["2026-01-01"], "/visits?cursor=2"),
    visits(["2026-01-02"], null),
  ]);
  const days: string[] = [];
  for await (const v of client.visits.list()) days.push(v.day);
  assert.deepEqual(days, ["2026-01-01", "2026-01-02"]);
  assert.equal(server.received[1]?.url, "/visits?cursor=2");
});
