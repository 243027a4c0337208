// A scripted node:http server on 127.0.0.1: each request gets the next scripted reply, and is logged.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown; // JSON-encoded unless a string
  delayMs?: number; // wait before answering (timeouts)
  cutBody?: boolean; // send the headers and half the body, then drop the connection
}

export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Scripted {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

export async function scripted(replies: Reply[], fallback?: Reply): Promise<Scripted> {
  const received: Received[] = [];
  const queue = [...replies];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      const reply = queue.shift() ?? fallback ?? { status: 599, body: "no scripted reply left" };
      const send = (): void => {
        const body = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body ?? null);
        res.writeHead(reply.status ?? 200, { "content-type": "application/json", ...reply.headers });
        if (reply.cutBody) {
          res.write(body.slice(0, body.length >> 1));
          setTimeout(() => res.destroy(), 20);
          return;
        }
        res.end(body);
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** A ChatSession as the server sends it. */
export function session(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "cksess_123",
    object: "chatkit.session",
    expires_at: 1735689600,
    client_secret: "ek_token_123",
    workflow: { id: "workflow_alpha", version: null, state_variables: null, tracing: { enabled: true } },
    user: "user_789",
    rate_limits: { max_requests_per_1_minute: 10 },
    max_requests_per_1_minute: 10,
    status: "active",
    chatkit_configuration: {
      automatic_thread_titling: { enabled: true },
      file_upload: { enabled: false, max_file_size: null, max_files: null },
      history: { enabled: true, recent_threads: null },
    },
    ...overrides,
  };
}
