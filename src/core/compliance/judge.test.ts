import { describe, expect, it } from 'vitest';
import { type Facts, judge } from './judge.ts';
import { Clock } from './read-record.ts';

const DUE = Date.parse('2024-01-02T00:00:00Z');
const HOUR = 3_600_000;
const facts = (at: number, more: Partial<Facts> = {}): Facts => ({
  clock: new Clock(at),
  dueAt: DUE,
  anything: false,
  disputes: [],
  ...more,
});

describe('judge, of an obligation that asks for nothing (a quota of 0)', () => {
  it('is not yet due before its deadline, with nothing recorded, never met', () => {
    expect(judge(facts(DUE - 20 * HOUR, { required: 0, done: 0 }))).toEqual({ status: 'not-yet-due' });
    expect(judge(facts(DUE - 20 * HOUR, { required: 0 }))).toEqual({ status: 'not-yet-due' });
  });

  it('is not yet due before its deadline whatever is recorded, and with no calendar at all', () => {
    expect(
      judge(facts(DUE - HOUR, { required: 0, done: 5, doneAt: DUE - 2 * HOUR, anything: true })),
    ).toEqual({
      status: 'not-yet-due',
    });
    expect(judge(facts(DUE - HOUR, { required: 0, dueAt: null }))).toEqual({ status: 'not-yet-due' });
  });

  it('is met once its deadline has passed, as nothing was owed', () => {
    expect(judge(facts(DUE + HOUR, { required: 0, done: 0 }))).toEqual({ status: 'met' });
  });

  it('leaves an obligation that asks for something as it was: met as soon as it is done', () => {
    expect(
      judge(facts(DUE - HOUR, { required: 3, done: 3, doneAt: DUE - 2 * HOUR, anything: true })),
    ).toEqual({
      status: 'met',
    });
    expect(judge(facts(DUE - HOUR, { required: 3, done: 1, anything: true }))).toEqual({
      status: 'not-yet-due',
    });
  });
});
