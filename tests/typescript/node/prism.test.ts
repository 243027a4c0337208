// The shared contract against Prism (the spec's own mock server): every operation, every example.
import assert from "node:assert/strict";
import { test } from "node:test";

import { ChatKit, ChatSessionStatus, NotFoundError } from "../sdk/src/index.js";

const baseURL = process.env["OASGEN_PRISM_URL"] ?? "";
const client = new ChatKit({ apiKey: "test", baseURL, maxRetries: 0 });

test("create, minimal request", async () => {
  const s = await client.sessions.create({ user: "user_789", workflow: { id: "workflow_alpha" } });
  assert.equal(s.object, "chatkit.session");
  assert.equal(typeof s.client_secret, "string");
  assert.ok(ChatSessionStatus.isKnown(s.status));
});

test("create, every override set", async () => {
  const s = await client.sessions.create({
    user: "user_789",
    workflow: {
      id: "workflow_alpha",
      version: "3",
      state_variables: { plan: "pro", beta_features: true, seats: 12 },
      tracing: { enabled: false },
    },
    expires_after: { anchor: "created_at", seconds: 300 },
    rate_limits: { max_requests_per_1_minute: 60 },
    chatkit_configuration: {
      automatic_thread_titling: { enabled: true },
      file_upload: { enabled: true, max_file_size: 16, max_files: 20 },
      history: { enabled: true, recent_threads: 10 },
    },
  });
  assert.equal(s.id, "cksess_123");
});

test("cancel", async () => {
  const r = await client.sessions.cancel("cksess_123").withResponse();
  assert.equal(r.status, 200);
  assert.equal(r.data.object, "chatkit.session");
});

test("Prism's 404 (forced by the Prefer header) is a NotFoundError", async () => {
  await assert.rejects(
    client.sessions.cancel("cksess_404", { headers: { Prefer: "code=404" } }),
    NotFoundError,
  );
});
