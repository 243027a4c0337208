// Every paging style of tests/fixtures/specs/pagination.yaml against Prism: the first page parses.
import assert from "node:assert/strict";
import { test } from "node:test";

import { Client } from "../pkgs/pagination/src/index.js";

const client = new Client({ baseURL: process.env["OASGEN_PRISM_URL"] ?? "", maxRetries: 0 });

test("every list method's first page parses, with its items", async () => {
  const pages = [
    await client.pets.list({ limit: 2 }),
    await client.owners.list(),
    await client.toys.list(),
    await client.vets.list(),
    await client.visits.list(),
    await client.treats.list(),
  ];
  for (const page of pages) assert.ok(Array.isArray(page.items));
  const snapshots = await client.snapshots.list();
  assert.ok(Array.isArray(snapshots.data));
});
