// The retry policy (pure functions), the same table as the Python client's _retry.py.
import assert from "node:assert/strict";
import { test } from "node:test";

import { MAX_RETRY_DELAY, retryAfterSeconds, retryDelay, shouldRetryStatus } from "../sdk/src/core/retry.js";

const h = (init: Record<string, string>): Headers => new Headers(init);

test("retryable statuses: 408, 409, 429, 5xx; x-should-retry overrides", () => {
  for (const s of [408, 409, 429, 500, 502, 503, 599])
    assert.equal(shouldRetryStatus(s, h({})), true, String(s));
  for (const s of [400, 401, 403, 404, 422]) assert.equal(shouldRetryStatus(s, h({})), false, String(s));
  assert.equal(shouldRetryStatus(500, h({ "x-should-retry": "false" })), false);
  assert.equal(shouldRetryStatus(400, h({ "x-should-retry": " TRUE " })), true);
});

test("retry-after-ms wins over Retry-After; invalid and too long values are ignored", () => {
  assert.equal(retryAfterSeconds(h({ "retry-after-ms": "1500", "retry-after": "9" }), 0), 1.5);
  assert.equal(retryAfterSeconds(h({ "retry-after": "2" }), 0), 2);
  assert.equal(retryAfterSeconds(h({ "retry-after": "61" }), 0), null);
  assert.equal(retryAfterSeconds(h({ "retry-after": "-1" }), 0), null);
  assert.equal(retryAfterSeconds(h({ "retry-after": "soon" }), 0), null);
  assert.equal(retryAfterSeconds(h({ "retry-after-ms": "abc", "retry-after": "3" }), 0), 3);
  const now = Date.parse("Wed, 21 Oct 2015 07:28:00 GMT") / 1000;
  assert.equal(retryAfterSeconds(h({ "retry-after": "Wed, 21 Oct 2015 07:28:10 GMT" }), now), 10);
  assert.equal(retryAfterSeconds(h({ "retry-after": "Wed, 21 Oct 2015 07:27:00 GMT" }), now), 0);
});

test("backoff doubles from 0.5 s, capped at 8 s, with +/-25 % jitter", () => {
  assert.equal(retryDelay(0, null, 0.5, 0), 0.5);
  assert.equal(retryDelay(1, null, 0.5, 0), 1);
  assert.equal(retryDelay(3, null, 0.5, 0), 4);
  assert.equal(retryDelay(10, null, 0.5, 0), MAX_RETRY_DELAY);
  assert.equal(retryDelay(0, null, 0, 0), 0.375);
  assert.ok(retryDelay(0, null, 0.999999, 0) < 0.625);
  assert.equal(retryDelay(2, h({ "retry-after": "7" }), 0.5, 0), 7);
});
