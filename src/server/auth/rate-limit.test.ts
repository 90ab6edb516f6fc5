import { describe, expect, it } from 'vitest';
import { RateLimiter, sharedLimiter } from './rate-limit.ts';

describe('RateLimiter', () => {
  it('lets perMinute requests through at once, then refuses with the seconds until the next', () => {
    let now = 0;
    const limiter = new RateLimiter(3, () => now);
    expect([1, 2, 3].map(() => limiter.take('t').ok)).toEqual([true, true, true]);
    expect(limiter.take('t')).toEqual({ ok: false, retryAfterSeconds: 20 });
    expect(limiter.take('other')).toEqual({ ok: true, remaining: 2 });
    now = 20_000;
    expect(limiter.take('t')).toEqual({ ok: true, remaining: 0 });
    expect(limiter.take('t').ok).toBe(false);
    now = 200_000;
    expect(limiter.take('t')).toEqual({ ok: true, remaining: 2 });
  });

  it('refuses a limit that is not a whole number of at least 1', () => {
    expect(() => new RateLimiter(0)).toThrow(/at least 1/);
    expect(() => new RateLimiter(1.5)).toThrow(/whole number/);
  });
});

describe('sharedLimiter', () => {
  /** Counts kept in a map, as the database keeps them. */
  const counts = () => {
    const rows = new Map<string, number>();
    return {
      async count(key: string, now: number) {
        const minute = Math.floor(now / 60_000);
        rows.set(`${key}@${minute}`, (rows.get(`${key}@${minute}`) ?? 0) + 1);
        return {
          minute,
          current: rows.get(`${key}@${minute}`)!,
          previous: rows.get(`${key}@${minute - 1}`) ?? 0,
        };
      },
    };
  };

  it('weighs the last minute by how much of it is within the past 60 s', async () => {
    let now = 60_000 * 1000 + 45_000;
    const limiter = sharedLimiter(counts(), 'token', 4, () => now);
    for (let i = 0; i < 4; i++) expect((await limiter.take('t')).ok).toBe(true);
    // Right after the minute turns, the four still count (nearly) in full.
    now += 16_000;
    expect(await limiter.take('t')).toEqual({ ok: false, retryAfterSeconds: 14 });
    // Half a minute later, half of them do: 4 × 0.5 + 2 (the refused one and this) ≤ 4.
    now += 29_000;
    expect((await limiter.take('t')).ok).toBe(true);
    expect((await limiter.take('other')).ok).toBe(true);
  });
});
