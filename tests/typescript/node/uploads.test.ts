// Multipart uploads, raw and form bodies, binary downloads and SSE streams of
// tests/fixtures/specs/uploads_streams.yaml, against the scripted server.
import assert from "node:assert/strict";
import { after, test } from "node:test";

import { Client, ValidationError } from "../pkgs/uploads_streams/src/index.js";
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

const stored = { body: { id: "file_1", bytes: 5, filename: "a.txt" } };

test("a multipart upload sends one part per field and per file; unset fields are left out", async () => {
  const { server, client } = await setup([stored]);
  const file = new File(["hello"], "a.txt", { type: "text/plain" });
  const out = await client.files.create({ file, purpose: "assistants", tags: ["x", "y"] });
  assert.equal(out.id, "file_1");
  const req = server.received[0];
  assert.ok(req);
  assert.match(req.headers["content-type"] ?? "", /^multipart\/form-data; boundary=/);
  assert.match(req.body, /name="file"; filename="a.txt"\r\nContent-Type: text\/plain\r\n\r\nhello\r\n/);
  assert.match(req.body, /name="purpose"\r\n\r\nassistants\r\n/);
  assert.equal(req.body.match(/name="tags"/g)?.length, 2);
  assert.ok(!req.body.includes('name="attachments"'));
});

test("an upload without its file is refused before sending", async () => {
  const { server, client } = await setup([]);
  await assert.rejects(
    client.files.create({ file: "not a blob" as unknown as Blob, purpose: "batch" }),
    (err: unknown) => err instanceof ValidationError && err.path === "file",
  );
  assert.equal(server.received.length, 0);
});

test("a raw body is sent as given, with its media type; a form body is URL-encoded", async () => {
  const { server, client } = await setup([stored, stored]);
  await client.files.raw.create(new Blob([new Uint8Array([0, 1, 2, 255])]));
  assert.equal(server.received[0]?.headers["content-type"], "application/octet-stream");
  assert.equal(Buffer.from(server.received[0]?.body ?? "", "utf8").length > 0, true);
  await client.files.form.create({ url: "https://x.test/a b", labels: ["p", "q"] });
  assert.equal(server.received[1]?.headers["content-type"], "application/x-www-form-urlencoded");
  assert.equal(server.received[1]?.body, "url=https%3A%2F%2Fx.test%2Fa%20b&labels=p&labels=q");
});

test("a binary download returns the bytes", async () => {
  const { client } = await setup([
    { body: "raw-bytes", headers: { "content-type": "application/octet-stream" } },
  ]);
  const buf = await client.files.content.retrieve("file_1");
  assert.equal(new TextDecoder().decode(buf), "raw-bytes");
});

test("the stream method sets stream: true and yields typed events until [DONE]", async () => {
  const sse =
    'data: {"id":"c1","delta":"Hel"}\n\n: a comment\n\ndata: {"id":"c1",\ndata: "delta":"lo"}\n\ndata: [DONE]\n\n';
  const { server, client } = await setup([{ body: sse, headers: { "content-type": "text/event-stream" } }]);
  const stream = await client.completions.createStream({ prompt: "hi" });
  const deltas: string[] = [];
  for await (const chunk of stream) deltas.push(chunk.delta);
  assert.deepEqual(deltas, ["Hel", "lo"]);
  assert.deepEqual(JSON.parse(server.received[0]?.body ?? ""), { prompt: "hi", stream: true });
  assert.equal(server.received[0]?.headers["accept"], "text/event-stream");
});

test("a bad event is a ValidationError; the JSON method reads JSON", async () => {
  const { client } = await setup([
    { body: 'data: {"id": 1}\n\n', headers: { "content-type": "text/event-stream" } },
    { body: { id: "c1", text: "hello" } },
  ]);
  const stream = await client.completions.createStream({ prompt: "hi" });
  await assert.rejects(async () => {
    for await (const chunk of stream) assert.ok(chunk);
  }, ValidationError);
  const done = await client.completions.create({ prompt: "hi" });
  assert.equal(done.text, "hello");
});
