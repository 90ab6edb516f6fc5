import { describe, expect, it } from 'vitest';
import type { Obligation } from '../plan/types.ts';
import { dueDays, onDay } from './due-day.ts';

const o = (date: string | null, due: string | null, moved: boolean) => ({
  obligation: { date } as Obligation,
  due,
  ...(moved ? { moved: {} } : {}),
});

describe('the day a judged obligation is listed on', () => {
  it('is its planned day, and the day its moved deadline falls on (midnight is the day before)', () => {
    expect(onDay(o('2025-01-26', '2025-02-18T04:00:00+02:00', true), '2025-01-26')).toBe(true);
    expect(onDay(o('2025-01-26', '2025-02-18T04:00:00+02:00', true), '2025-02-18')).toBe(true);
    expect(onDay(o('2025-01-26', '2025-02-19T00:00:00+02:00', true), '2025-02-18')).toBe(true);
    expect(onDay(o('2025-01-26', '2025-02-19T00:00:00+02:00', true), '2025-02-19')).toBe(false);
    // Not moved: its planned day only, whatever its deadline's date (a 24:00 deadline is the next date).
    expect(onDay(o('2025-01-26', '2025-01-27T00:00:00+02:00', false), '2025-01-27')).toBe(false);
  });
});

describe('the days a judged obligation belongs to', () => {
  it('are its planned day and, once its deadline moved, the day it is due, each once', () => {
    expect(dueDays(o('2025-01-26', '2025-02-18T04:00:00+02:00', true))).toEqual(['2025-01-26', '2025-02-18']);
    expect(dueDays(o('2025-01-26', '2025-02-19T00:00:00+02:00', true))).toEqual(['2025-01-26', '2025-02-18']);
    expect(dueDays(o('2025-01-26', '2025-01-26T16:00:00+02:00', true))).toEqual(['2025-01-26']);
    expect(dueDays(o('2025-01-26', '2025-01-27T00:00:00+02:00', false))).toEqual(['2025-01-26']);
    // An agreement with no start date plans no day, and nothing moved: no day at all.
    expect(dueDays(o(null, null, false))).toEqual([]);
  });
});
