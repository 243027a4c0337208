/** Retry policy: which responses are retried and how long to wait. Pure functions, no I/O. */

export const INITIAL_RETRY_DELAY = 0.5; // seconds before the first retry; doubles on each further retry
export const MAX_RETRY_DELAY = 8.0; // cap of the computed (exponential) delay
export const JITTER = 0.25; // the computed delay is randomised by +/- 25 %
export const MAX_RETRY_AFTER = 60.0; // a server-requested delay above this is ignored

/** Whether a response with this status is retried: 408, 409, 429 and 5xx; `x-should-retry` overrides. */
export function shouldRetryStatus(status: number, headers: Headers): boolean {
  const flag = (headers.get("x-should-retry") ?? "").trim().toLowerCase();
  if (flag === "true") return true;
  if (flag === "false") return false;
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

function seconds(text: string): number | null {
  const t = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/**
 * The delay the server asks for, in seconds, or null when absent, invalid or too long.
 * `retry-after-ms` wins over `Retry-After` (delta-seconds or an HTTP date; a past date means now).
 */
export function retryAfterSeconds(headers: Headers, now: number): number | null {
  let delay: number | null = null;
  const ms = headers.get("retry-after-ms");
  if (ms !== null) {
    const n = seconds(ms);
    delay = n === null ? null : n / 1000;
  }
  const after = headers.get("retry-after");
  if (delay === null && after !== null) {
    delay = seconds(after);
    if (delay === null) {
      const when = Date.parse(after.trim());
      delay = Number.isNaN(when) ? null : Math.max(when / 1000 - now, 0);
    }
  }
  if (delay === null || delay < 0 || delay > MAX_RETRY_AFTER) return null;
  return delay;
}

/** Seconds to wait before retry number `retriesTaken + 1` (`randomFraction` in [0, 1)). */
export function retryDelay(
  retriesTaken: number,
  headers: Headers | null,
  randomFraction: number,
  now: number,
): number {
  if (headers !== null) {
    const requested = retryAfterSeconds(headers, now);
    if (requested !== null) return requested;
  }
  const exponent = Math.min(Math.max(retriesTaken, 0), 16);
  const base = Math.min(INITIAL_RETRY_DELAY * 2 ** exponent, MAX_RETRY_DELAY);
  return base * (1 - JITTER + 2 * JITTER * randomFraction);
}
