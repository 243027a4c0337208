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

/** Operations per second of `fn` (sync or async), the median of `rounds` rounds. */
async function rate(fn) {
  for (let i = 0; i < 2000; i++) await fn(); // warm up (JIT)
  const out = [];
  for (let r = 0; r < rounds; r++) {
    let n = 0;
    const start = performance.now();
    const end = start + seconds * 1000;
    while (performance.now() < end) {
      for (let i = 0; i < 200; i++) await fn();
      n += 200;
    }
    out.push(n / ((performance.now() - start) / 1000));
  }
  out.sort((a, b) => a - b);
  return out[Math.floor(out.length / 2)];
}

function rateSync(fn) {
  for (let i = 0; i < 20000; i++) fn();
  const out = [];
  for (let r = 0; r < rounds; r++) {
    let n = 0;
    const start = performance.now();
    const end = start + seconds * 1000;
    while (performance.now() < end) {
      for (let i = 0; i < 1000; i++) fn();
      n += 1000;
    }
    out.push(n / ((performance.now() - start) / 1000));
  }
  out.sort((a, b) => a - b);
  return out[Math.floor(out.length / 2)];
}

let sink = 0;
const parseOurs = rateSync(() => {
  sink += ChatSession.parse(JSON.parse(text)).expires_at;
});
const parseOpenAI = rateSync(() => {
  sink += JSON.parse(text).expires_at; // openai-node: the body's JSON, cast to its type, unchecked
});

const fakeFetch = () =>
  Promise.resolve(new Response(text, { status: 200, headers: { "content-type": "application/json" } }));
const ourClient = new ChatKit({ apiKey: "k", baseURL: "http://127.0.0.1:9", fetch: fakeFetch, maxRetries: 0 });
const theirClient = new OpenAI({ apiKey: "k", baseURL: "http://127.0.0.1:9", fetch: fakeFetch, maxRetries: 0 });
const callOurs = await rate(async () => {
  sink += (await ourClient.sessions.cancel("cksess_1")).expires_at;
});
const callOpenAI = await rate(async () => {
  sink += (await theirClient.beta.chatkit.sessions.cancel("cksess_1")).expires_at;
});

console.log(JSON.stringify({ parseOurs, parseOpenAI, callOurs, callOpenAI, sink: sink > 0 }));
