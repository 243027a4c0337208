// The generated ChatKit client against a scripted node:http server on 127.0.0.1.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { inspect } from "node:util";

import {
  APIConnectionError,
  APIError,
  APIStatusError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ChatKit,
  ChatSession,
  ChatSessionStatus,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  ValidationError,
} from "../sdk/src/index.js";
import { scripted, session, type Reply } from "./server.js";

const servers: { close(): Promise<void> }[] = [];
after(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function setup(replies: Reply[], options: { maxRetries?: number; timeout?: number } = {}) {
  const server = await scripted(replies);
  servers.push(server);
  const client = new ChatKit({ apiKey: "sk-test-secret", baseURL: server.url, ...options });
  return { server, client };
}

test("create sends the body, auth, beta header and User-Agent, and parses the session", async () => {
  const { server, client } = await setup([{ body: session() }]);
  const result = await client.sessions.create({ user: "user_789", workflow: { id: "workflow_alpha" } });
  assert.equal(result.id, "cksess_123");
  assert.equal(result.status, ChatSessionStatus.ACTIVE);
  const [req] = server.received;
  assert.ok(req);
  assert.equal(req.method, "POST");
  assert.equal(req.url, "/chatkit/sessions");
  assert.equal(req.headers["authorization"], "Bearer sk-test-secret");
  assert.equal(req.headers["openai-beta"], "chatkit_beta=v1");
  assert.equal(req.headers["content-type"], "application/json");
  assert.match(req.headers["user-agent"] ?? "", /^chatkit-typescript\/0\.1\.0$/);
  assert.equal(req.body, '{"user":"user_789","workflow":{"id":"workflow_alpha"}}'); // unset fields not sent
});

test("withResponse gives the status and headers beside the data", async () => {
  const { client } = await setup([{ body: session(), headers: { "x-request-id": "req_1" } }]);
  const r = await client.sessions.cancel("cksess_123").withResponse();
  assert.equal(r.status, 200);
  assert.equal(r.headers.get("x-request-id"), "req_1");
  assert.equal(r.data.id, "cksess_123");
});

test("path parameters are escaped; empty, . and .. are refused before sending", async () => {
  const { server, client } = await setup([{ body: session() }]);
  await client.sessions.cancel("a/b c?d");
  assert.equal(server.received[0]?.url, "/chatkit/sessions/a%2Fb%20c%3Fd/cancel");
  for (const bad of ["", ".", ".."]) {
    await assert.rejects(client.sessions.cancel(bad), /session_id must not be/); // a rejection, not a throw
  }
  assert.equal(server.received.length, 1);
});

test("5xx is retried with backoff until it succeeds", async () => {
  const { server, client } = await setup([
    { status: 500, body: {}, headers: { "retry-after-ms": "1" } },
    { status: 503, body: {}, headers: { "retry-after-ms": "1" } },
    { body: session() },
  ]);
  const result = await client.sessions.cancel("cksess_123");
  assert.equal(result.id, "cksess_123");
  assert.equal(server.received.length, 3);
});

test("retries stop after maxRetries and the last error is thrown", async () => {
  const fail: Reply = {
    status: 500,
    body: { error: { message: "boom", type: "server_error", param: null, code: null } },
    headers: { "retry-after-ms": "1" },
  };
  const { server, client } = await setup([fail, fail, fail, fail], { maxRetries: 2 });
  await assert.rejects(client.sessions.cancel("x"), (err: unknown) => {
    assert.ok(err instanceof InternalServerError);
    assert.equal(err.status, 500);
    assert.equal(err.message, "boom");
    assert.equal(err.type, "server_error");
    return true;
  });
  assert.equal(server.received.length, 3);
});

test("408, 409 and 429 are retried; 400 is not", async () => {
  const quick = { "retry-after-ms": "1" };
  const { server, client } = await setup(
    [
      { status: 408, headers: quick, body: {} },
      { status: 409, headers: quick, body: {} },
      { body: session() },
      {
        status: 400,
        body: { error: { message: "bad user", type: "invalid_request_error", param: "user", code: "x" } },
      },
    ],
    { maxRetries: 3 },
  );
  await client.sessions.cancel("a");
  assert.equal(server.received.length, 3);
  const { server: s2, client: c2 } = await setup([
    { status: 429, headers: quick, body: {} },
    { body: session() },
  ]);
  await c2.sessions.cancel("a");
  assert.equal(s2.received.length, 2);
  const { server: s3, client: c3 } = await setup([
    {
      status: 400,
      body: {
        error: { message: "bad user", type: "invalid_request_error", param: "user", code: "too_short" },
      },
      headers: { "x-request-id": "req_9" },
    },
  ]);
  await assert.rejects(c3.sessions.cancel("a"), (err: unknown) => {
    assert.ok(err instanceof BadRequestError);
    assert.equal(err.requestID, "req_9");
    assert.equal(err.param, "user");
    assert.equal(err.code, "too_short");
    assert.deepEqual(err.body, {
      error: { message: "bad user", type: "invalid_request_error", param: "user", code: "too_short" },
    });
    return true;
  });
  assert.equal(s3.received.length, 1);
});

test("x-should-retry overrides the status", async () => {
  const { server, client } = await setup([{ status: 500, headers: { "x-should-retry": "false" }, body: {} }]);
  await assert.rejects(client.sessions.cancel("a"), InternalServerError);
  assert.equal(server.received.length, 1);
  const { server: s2, client: c2 } = await setup([
    { status: 400, headers: { "x-should-retry": "true", "retry-after-ms": "1" }, body: {} },
    { body: session() },
  ]);
  await c2.sessions.cancel("a");
  assert.equal(s2.received.length, 2);
});

test("each status maps to its error class", async () => {
  const cases: [number, new (...args: never[]) => APIStatusError][] = [
    [401, AuthenticationError],
    [404, NotFoundError],
    [429, RateLimitError],
    [418, APIStatusError],
  ];
  for (const [status, cls] of cases) {
    const { client } = await setup([{ status, body: "not json" }], { maxRetries: 0 });
    await assert.rejects(client.sessions.cancel("a"), (err: unknown) => {
      assert.ok(err instanceof cls, `${String(status)} gave ${String(err)}`);
      assert.ok(err instanceof APIError);
      assert.equal(err.status, status);
      assert.equal(err.body, "not json");
      assert.match(err.message, new RegExp(`^Error code: ${String(status)} - not json$`));
      return true;
    });
  }
});

test("a slow response times out (APITimeoutError), after its retries", async () => {
  const slow: Reply = { body: session(), delayMs: 2000 };
  const { server, client } = await setup([slow, slow], { timeout: 50, maxRetries: 1 });
  await assert.rejects(client.sessions.cancel("a"), APITimeoutError);
  assert.equal(server.received.length, 2);
});

test("a per-call timeout and headers override the client's", async () => {
  const { server, client } = await setup([{ body: session(), delayMs: 2000 }, { body: session() }], {
    maxRetries: 0,
  });
  await assert.rejects(client.sessions.cancel("a", { timeout: 30 }), APITimeoutError);
  await client.sessions.cancel("b", { headers: { "X-Extra": "1" } });
  assert.equal(server.received[1]?.headers["x-extra"], "1");
});

test("an AbortSignal stops the call, even while it waits to retry", async () => {
  const { server, client } = await setup([{ status: 503, headers: { "retry-after": "30" }, body: {} }], {
    maxRetries: 2,
  });
  const controller = new AbortController();
  const call = client.sessions.cancel("a", { signal: controller.signal });
  setTimeout(() => {
    controller.abort();
  }, 100);
  await assert.rejects(call, APIUserAbortError);
  assert.equal(server.received.length, 1);
  const pre = new AbortController();
  pre.abort();
  await assert.rejects(client.sessions.cancel("a", { signal: pre.signal }), APIUserAbortError);
  assert.equal(server.received.length, 1);
});

test("a refused connection is an APIConnectionError", async () => {
  const { server } = await setup([]);
  const url = server.url;
  await server.close();
  const client = new ChatKit({ apiKey: "k", baseURL: url, maxRetries: 0 });
  await assert.rejects(
    client.sessions.cancel("a"),
    (err: unknown) => err instanceof APIConnectionError && !(err instanceof APITimeoutError),
  );
});

test("a connection dropped mid-body is retried, then an APIConnectionError", async () => {
  const cut: Reply = { body: session(), cutBody: true, headers: { "content-length": "2000" } };
  const { server, client } = await setup([cut, { body: session() }], { maxRetries: 1 });
  assert.equal((await client.sessions.cancel("a")).id, "cksess_123");
  assert.equal(server.received.length, 2);
  const { server: s2, client: c2 } = await setup([cut, cut], { maxRetries: 1 });
  await assert.rejects(c2.sessions.cancel("a"), (err: unknown) => err instanceof APIConnectionError);
  assert.equal(s2.received.length, 2);
});

test("unknown enum values and unknown fields are kept and written out again", async () => {
  const body = session({ status: "paused", surprise: { nested: [1, 2] } });
  (body["workflow"] as Record<string, unknown>)["extra"] = true;
  const { client } = await setup([{ body }]);
  const result = await client.sessions.cancel("a");
  assert.equal(result.status, "paused");
  assert.equal(ChatSessionStatus.isKnown(result.status), false);
  assert.equal(ChatSessionStatus.isKnown("cancelled"), true);
  assert.equal(JSON.stringify(result), JSON.stringify(body));
});

test("an invalid response is a ValidationError naming the JSON path", async () => {
  const { client } = await setup([
    {
      body: session({ workflow: { id: "w", version: 3, state_variables: null, tracing: { enabled: true } } }),
    },
  ]);
  await assert.rejects(client.sessions.cancel("a"), (err: unknown) => {
    assert.ok(err instanceof ValidationError);
    assert.equal(err.path, "workflow.version");
    assert.equal(err.detail, "expected string, got integer");
    return true;
  });
});

test("request bodies are checked before sending", async () => {
  const { server, client } = await setup([]);
  await assert.rejects(
    client.sessions.create({ user: "", workflow: { id: "w" } }),
    (err: unknown) => err instanceof ValidationError && err.path === "user",
  );
  assert.equal(server.received.length, 0);
});

test("secrets stay out of console.log of a model and out of errors", async () => {
  const { client } = await setup([
    { body: session() },
    { status: 401, body: { error: { message: "no", type: "t", param: null, code: null } } },
  ]);
  const result = await client.sessions.cancel("a");
  assert.equal(result.client_secret, "ek_token_123");
  assert.ok(JSON.stringify(result).includes("ek_token_123")); // the wire form keeps it
  assert.ok(!inspect(result, { depth: 5 }).includes("ek_token_123"));
  assert.ok(inspect(result).includes("[redacted]"));
  assert.ok(!inspect(client).includes("sk-test-secret"));
  assert.ok(!JSON.stringify(client).includes("sk-test-secret"));
  const err = await client.sessions.cancel("a").catch((e: unknown) => e);
  assert.ok(err instanceof AuthenticationError);
  assert.ok(!JSON.stringify(err).includes("sk-test-secret"));
  assert.ok(!inspect(err).includes("sk-test-secret"));
  const parsed = ChatSession.parse(session());
  assert.ok(!inspect(parsed).includes("ek_token_123"));
});

test("the key and base URL come from the environment; a missing key is a clear error", async () => {
  const { server } = await setup([{ body: session() }]);
  const saved = { ...process.env };
  try {
    delete process.env["CHATKIT_API_KEY"];
    assert.throws(() => new ChatKit(), /CHATKIT_API_KEY/);
    process.env["CHATKIT_API_KEY"] = "env-key";
    process.env["CHATKIT_BASE_URL"] = server.url;
    const client = new ChatKit();
    assert.equal(client.baseURL, server.url);
    await client.sessions.cancel("a");
    assert.equal(server.received[0]?.headers["authorization"], "Bearer env-key");
    assert.throws(() => new ChatKit({ baseURL: "ftp://x" }), /baseURL must be an absolute/);
    assert.throws(() => new ChatKit({ maxRetries: -1 }), /maxRetries/);
  } finally {
    process.env = saved;
  }
});

test("defaultHeaders go with every request", async () => {
  const server = await scripted([{ body: session() }]);
  servers.push(server);
  const client = new ChatKit({ apiKey: "k", baseURL: server.url, defaultHeaders: { "X-Team": "a" } });
  await client.sessions.cancel("a");
  assert.equal(server.received[0]?.headers["x-team"], "a");
});

test("a custom fetch is used", async () => {
  let calls = 0;
  const fake: typeof fetch = (input) => {
    calls++;
    assert.equal(String(input), "https://example.test/v1/chatkit/sessions/a/cancel");
    return Promise.resolve(new Response(JSON.stringify(session()), { status: 200 }));
  };
  const client = new ChatKit({ apiKey: "k", baseURL: "https://example.test/v1/", fetch: fake });
  const result = await client.sessions.cancel("a");
  assert.equal(result.id, "cksess_123");
  assert.equal(calls, 1);
});
