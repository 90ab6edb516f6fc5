import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.ts';

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
