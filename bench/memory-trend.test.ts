import { describe, expect, it } from 'vitest';
import { memoryFlatness, memoryTrend } from './memory-trend.ts';

/** A fixed saw: what collections make of a steady heap (no randomness: the same every run). */
const saw = (s: number) => ((s * 7) % 11) * 6 - 30;

describe('memory trend', () => {
  it('is the slope of a straight line, in MiB a minute', () => {
    const points = Array.from({ length: 60 }, (_, s) => ({ seconds: s, mib: 500 + s / 2 }));
    expect(memoryTrend(points)).toBeCloseTo(30, 9);
  });

  it('is not moved by a few spikes, where least squares is', () => {
    const points = Array.from({ length: 60 }, (_, s) => ({ seconds: s, mib: 700 + (s > 54 ? 150 : 0) }));
    expect(memoryTrend(points)).toBe(0);
  });

  it('is 0 for fewer than two instants', () => {
    expect(memoryTrend([])).toBe(0);
    expect(memoryTrend([{ seconds: 3, mib: 10 }])).toBe(0);
  });
});

describe('memory flatness', () => {
  it('calls a sawing plateau flat', () => {
    const points = Array.from({ length: 61 }, (_, s) => ({ seconds: s, mib: 700 + saw(s) }));
    const r = memoryFlatness(points);
    expect(r.medianMib).toBeCloseTo(700, -1);
    expect(r.flat).toBe(true);
  });

  it('calls a leak of 1 MiB a second under the saw not flat', () => {
    const points = Array.from({ length: 61 }, (_, s) => ({ seconds: s, mib: 700 + s + saw(s) }));
    const r = memoryFlatness(points);
    expect(r.mibPerMinute).toBeGreaterThan(50);
    expect(r.flat).toBe(false);
  });

  it('calls memory given back flat: a fall is not growth', () => {
    const points = Array.from({ length: 61 }, (_, s) => ({ seconds: s, mib: 900 - s * 2 }));
    const r = memoryFlatness(points);
    expect(r.mibPerMinute).toBeCloseTo(-120, 9);
    expect(r.flat).toBe(true);
  });

  it('calls a slow leak of 40 MiB a minute at 700 MiB not flat (5% is 35 MiB)', () => {
    const points = Array.from({ length: 61 }, (_, s) => ({ seconds: s, mib: 700 + (s * 2) / 3 }));
    expect(memoryFlatness(points).flat).toBe(false);
  });
});
