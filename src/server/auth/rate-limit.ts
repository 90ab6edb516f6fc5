/** How many requests a token may make per minute unless the server is told otherwise. */
export const DEFAULT_REQUESTS_PER_MINUTE = 600;

export type RateDecision = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per key (an API token's id): `perMinute` requests at once, refilled evenly over a
 * minute. Kept in memory: each server instance counts its own requests, so N instances behind one
 * address allow up to N times the rate.
 */
export class RateLimiter {
  readonly perMinute: number;
  readonly #now: () => number;
  readonly #buckets = new Map<string, Bucket>();

  constructor(perMinute: number, now: () => number = Date.now) {
    if (!Number.isInteger(perMinute) || perMinute < 1)
      throw new Error(
        `A rate limit is a whole number of requests per minute, at least 1 (got ${perMinute}).`,
      );
    this.perMinute = perMinute;
    this.#now = now;
  }

  /** Takes one request from `key`'s bucket, or says how long until one is free. */
  take(key: string): RateDecision {
    const now = this.#now();
    const perMs = this.perMinute / 60_000;
    const b = this.#buckets.get(key) ?? { tokens: this.perMinute, at: now };
    b.tokens = Math.min(this.perMinute, b.tokens + (now - b.at) * perMs);
    b.at = now;
    this.#buckets.set(key, b);
    if (this.#buckets.size > 10_000) this.#prune(now, perMs);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { ok: true, remaining: Math.floor(b.tokens) };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000)) };
  }

  /** Forgets buckets that have refilled: they are as good as new. */
  #prune(now: number, perMs: number): void {
    for (const [key, b] of this.#buckets)
      if (b.tokens + (now - b.at) * perMs >= this.perMinute) this.#buckets.delete(key);
  }
}
