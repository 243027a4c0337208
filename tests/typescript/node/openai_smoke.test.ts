// The SDK of the full public OpenAI spec: built, its client made, and calls sent to a scripted server.
import assert from "node:assert/strict";
import { test } from "node:test";

import * as sdk from "../sdk/src/index.js";
import { scripted } from "./server.js";

test("the client makes calls along the resource tree and checks what comes back", async () => {
  const server = await scripted([
    { body: { object: "list", data: [] } },
    { status: 404, body: { error: "no" } },
  ]);
  try {
    const client = new sdk.Client({ apiKeyAuth: "k", baseURL: server.url, maxRetries: 0 });
    const models = await client.models.list();
    assert.deepEqual(models.data, []);
    await assert.rejects(client.models.retrieve("gpt-x"), sdk.NotFoundError);
    assert.equal(server.received[1]?.url, "/models/gpt-x");
    assert.equal(server.received[0]?.headers["authorization"], "Bearer k");
  } finally {
    await server.close();
  }
});
