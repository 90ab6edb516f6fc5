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

/** How many costly requests (plans and comparisons with what-ifs, judged moments) one address may make per minute without a token. */
export const DEFAULT_ANONYMOUS_HEAVY_PER_MINUTE = 60;

/** A limit on requests per key and minute, as the server applies it. */
export interface RequestLimiter {
  readonly perMinute: number;
  take(key: string): Promise<RateDecision>;
}

/** The limit kept in this process's memory (SQLite: one server process). */
export function memoryLimiter(perMinute: number, now: () => number = Date.now): RequestLimiter {
  const limiter = new RateLimiter(perMinute, now);
  return { perMinute, take: async (key) => limiter.take(key) };
}

/** Counts of a key in this minute and the last, as a store shared by every process keeps them. */
export interface RateCounts {
  count(key: string, now: number): Promise<{ minute: number; current: number; previous: number }>;
}

/**
 * The limit kept in the database (PostgreSQL: every `truce serve` process on it counts against
 * one limit per key). A sliding window: the last minute's count, weighted by how much of it still
 * lies within the past 60 s, plus this minute's. Refused requests count too.
 */
export function sharedLimiter(
  counts: RateCounts,
  scope: string,
  perMinute: number,
  now: () => number = Date.now,
): RequestLimiter {
  if (!Number.isInteger(perMinute) || perMinute < 1)
    throw new Error(`A rate limit is a whole number of requests per minute, at least 1 (got ${perMinute}).`);
  return {
    perMinute,
    async take(key) {
      const at = now();
      const { minute, current, previous } = await counts.count(`${scope}:${key}`, at);
      const f = (at - minute * 60_000) / 60_000;
      const estimate = previous * (1 - f) + current;
      if (estimate <= perMinute) return { ok: true, remaining: Math.floor(perMinute - estimate) };
      // The fraction of a minute by which a count must have decayed to leave `room` requests.
      const decayed = (count: number, room: number) => (count <= 0 ? 0 : Math.max(0, 1 - room / count));
      const waitMinutes =
        current < perMinute
          ? decayed(previous, perMinute - current) - f
          : 1 - f + decayed(current, perMinute - 1);
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMinutes * 60)) };
    },
  };
}
