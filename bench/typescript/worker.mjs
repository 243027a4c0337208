// The runtime half of bench/typescript_runtime.py: response handling of a ChatSession, ours vs openai's.
// argv: <our dist/index.js> <payload JSON file> <seconds per round> <rounds>. Prints one JSON line.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

import OpenAI from "openai";

const [ours, payloadFile, secondsArg, roundsArg] = process.argv.slice(2);
const { ChatKit, ChatSession } = await import(pathToFileURL(ours).href);
const text = readFileSync(payloadFile, "utf8");
const seconds = Number(secondsArg);
const rounds = Number(roundsArg);

/** One timed round of `fn`: operations per second (a sync `fn` is not awaited: no microtask cost). */
async function round(fn, sync) {
  let n = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    if (sync) for (let i = 0; i < 1000; i++) fn();
    else for (let i = 0; i < 200; i++) await fn();
    n += sync ? 1000 : 200;
  }
  return n / ((performance.now() - start) / 1000);
}

const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Medians of `rounds` rounds of `a` and of `b`, alternated so that load from other work hits both. */
async function compare(a, b, sync) {
  for (let i = 0; i < 5000; i++) {
    await a();
    await b();
  }
  const ra = [];
  const rb = [];
  for (let r = 0; r < rounds; r++) {
    ra.push(await round(a, sync));
    rb.push(await round(b, sync));
  }
  return [median(ra), median(rb)];
}

let sink = 0;
const [parseOurs, parseOpenAI] = await compare(
  () => {
    sink += ChatSession.parse(JSON.parse(text)).expires_at;
  },
  () => {
    sink += JSON.parse(text).expires_at; // openai-node: the body's JSON, cast to its type, unchecked
  },
  true,
);

const fakeFetch = () =>
  Promise.resolve(new Response(text, { status: 200, headers: { "content-type": "application/json" } }));
const ourClient = new ChatKit({ apiKey: "k", baseURL: "http://127.0.0.1:9", fetch: fakeFetch, maxRetries: 0 });
const theirClient = new OpenAI({ apiKey: "k", baseURL: "http://127.0.0.1:9", fetch: fakeFetch, maxRetries: 0 });
const [callOurs, callOpenAI] = await compare(
  async () => {
    sink += (await ourClient.sessions.cancel("cksess_1")).expires_at;
  },
  async () => {
    sink += (await theirClient.beta.chatkit.sessions.cancel("cksess_1")).expires_at;
  },
  false,
);

console.log(JSON.stringify({ parseOurs, parseOpenAI, callOurs, callOpenAI, sink: sink > 0 }));
