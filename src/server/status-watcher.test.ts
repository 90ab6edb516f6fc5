import { describe, expect, it } from 'vitest';
import { fakeClock } from '../../test/helpers/fake-clock.ts';
import type { Evaluation, Status } from '../core/compliance/types.ts';
import type { StatusChange } from './status-changes.ts';
import { EVALUATE_EVERY_MS, nextDeadline, PAST_DEADLINE_MS, StatusWatcher } from './status-watcher.ts';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** An evaluation at `at` of one handover due at `due`: not yet due before it, missed after (nothing recorded). */
function evaluationAt(at: number, due: number, extra: number[] = []): Evaluation {
  const status: Status = at < due ? 'not-yet-due' : 'missed';
  return {
    asOf: iso(at),
    provisions: [{ provision: 'handover', kind: 'release', status }],
    obligations: [due, ...extra].map((d) => ({ due: iso(d), status: at < d ? 'not-yet-due' : 'missed' })),
  } as unknown as Evaluation;
}

/** Lets the watcher's promises settle (no time passes: the clock is fake). */
const settle = () => new Promise((done) => setImmediate(done));

function setup(judgeAt: (at: number) => Evaluation | undefined) {
  const time = fakeClock();
  const judged: number[] = [];
  const sent: { asOf: string; changes: StatusChange[] }[] = [];
  const errors: string[] = [];
  const watcher = new StatusWatcher({
    clock: time.clock,
    judge: async (at) => {
      judged.push(at);
      return judgeAt(at);
    },
    changed: (asOf, changes) => sent.push({ asOf, changes }),
    onError: (m) => errors.push(m),
  });
  return { time, watcher, judged, sent, errors, start: time.clock.now() };
}

describe('StatusWatcher', () => {
  it('judges the log again once its next deadline has passed, with no event and no real time', async () => {
    const t0 = fakeClock().clock.now();
    const due = t0 + 5 * HOUR;
    const s = setup((at) => evaluationAt(at, due));
    await s.watcher.start();
    expect(s.judged).toEqual([s.start]);
    expect(s.sent).toEqual([]);
    // One timer, for the deadline.
    expect(s.watcher.doing).toBe('waiting');
    expect(s.time.pending).toBe(1);
    s.time.advance(5 * HOUR);
    await settle();
    expect(s.judged).toHaveLength(1);
    s.time.advance(PAST_DEADLINE_MS);
    await settle();
    expect(s.judged).toEqual([s.start, due + PAST_DEADLINE_MS]);
    expect(s.sent).toEqual([
      {
        asOf: iso(due + PAST_DEADLINE_MS),
        changes: [{ provision: 'handover', kind: 'release', status: 'missed', previous: 'not-yet-due' }],
      },
    ]);
    // No deadline ahead: nothing is timed until the log changes.
    expect(s.watcher.doing).toBe('idle');
    expect(s.time.pending).toBe(0);
    s.time.advance(1000 * HOUR);
    await settle();
    expect(s.judged).toHaveLength(2);
    expect(s.errors).toEqual([]);
  });

  it('times the nearest of several deadlines, then the next', async () => {
    const t0 = fakeClock().clock.now();
    const s = setup((at) => evaluationAt(at, t0 + 2 * HOUR, [t0 + HOUR, t0 - HOUR]));
    await s.watcher.start();
    s.time.advance(HOUR + PAST_DEADLINE_MS);
    await settle();
    expect(s.judged).toEqual([t0, t0 + HOUR + PAST_DEADLINE_MS]);
    s.time.advance(HOUR);
    await settle();
    expect(s.judged).toEqual([t0, t0 + HOUR + PAST_DEADLINE_MS, t0 + 2 * HOUR + PAST_DEADLINE_MS]);
    expect(s.sent.map((m) => m.changes[0]!.status)).toEqual(['missed']);
  });

  it('judges a changing log at most once every EVALUATE_EVERY_MS, however many changes come', async () => {
    const s = setup(() => undefined);
    await s.watcher.start();
    for (let i = 0; i < 10; i++) s.watcher.logChanged();
    expect(s.time.pending).toBe(1);
    s.time.advance(EVALUATE_EVERY_MS - 1);
    await settle();
    expect(s.judged).toHaveLength(1);
    s.time.advance(1);
    await settle();
    expect(s.judged).toEqual([s.start, s.start + EVALUATE_EVERY_MS]);
    // A change long after the last evaluation is judged at once (the next tick of the clock).
    s.time.advance(10 * EVALUATE_EVERY_MS);
    s.watcher.logChanged();
    s.time.advance(0);
    await settle();
    expect(s.judged.at(-1)).toBe(s.start + 11 * EVALUATE_EVERY_MS);
  });

  it('a change during an evaluation is judged once more after it', async () => {
    const time = fakeClock();
    let finish: (() => void) | undefined;
    const judged: number[] = [];
    const watcher = new StatusWatcher({
      clock: time.clock,
      judge: (at) => {
        judged.push(at);
        return new Promise((done) => {
          finish = () => done(undefined);
        });
      },
      changed: () => {},
      onError: () => {},
    });
    const started = watcher.start();
    expect(watcher.doing).toBe('running');
    watcher.logChanged();
    watcher.logChanged();
    // Running: no timer besides.
    expect(time.pending).toBe(0);
    finish!();
    await started;
    expect(watcher.doing).toBe('waiting');
    time.advance(EVALUATE_EVERY_MS);
    expect(judged).toHaveLength(2);
    finish!();
    await settle();
    expect(watcher.doing).toBe('idle');
    expect(time.pending).toBe(0);
  });

  it('a log not judged (no agreement held) sends nothing, and its next evaluation is measured against nothing', async () => {
    const t0 = fakeClock().clock.now();
    let held = true;
    const s = setup((at) => (held ? evaluationAt(at, t0 + HOUR) : undefined));
    await s.watcher.start();
    held = false;
    s.watcher.logChanged();
    s.time.advance(EVALUATE_EVERY_MS);
    await settle();
    held = true;
    s.time.advance(2 * HOUR);
    s.watcher.logChanged();
    s.time.advance(0);
    await settle();
    expect(s.judged).toHaveLength(3);
    // The handover went missed meanwhile, but there was no evaluation of it to differ from.
    expect(s.sent).toEqual([]);
  });

  it('an evaluation that fails is reported, and the watcher goes on', async () => {
    let fail = false;
    const s = setup((at) => {
      if (fail) throw new Error('the disk is gone');
      return evaluationAt(at, at + HOUR);
    });
    await s.watcher.start();
    fail = true;
    s.watcher.logChanged();
    s.time.advance(EVALUATE_EVERY_MS);
    await settle();
    expect(s.errors).toEqual(['the disk is gone']);
    fail = false;
    s.watcher.logChanged();
    s.time.advance(EVALUATE_EVERY_MS);
    await settle();
    expect(s.judged).toHaveLength(3);
  });

  it('closing leaves no timer and judges no more', async () => {
    const t0 = fakeClock().clock.now();
    const s = setup((at) => evaluationAt(at, t0 + HOUR));
    await s.watcher.start();
    s.watcher.logChanged();
    await s.watcher.close();
    expect(s.time.pending).toBe(0);
    s.watcher.logChanged();
    s.time.advance(2 * HOUR);
    await settle();
    expect(s.judged).toHaveLength(1);
    expect(s.watcher.doing).toBe('closed');
  });
});

describe('nextDeadline', () => {
  it('is the first deadline after the moment judged; none without one', () => {
    const t0 = Date.UTC(2026, 0, 1);
    expect(nextDeadline(evaluationAt(t0, t0 + 3 * HOUR, [t0 + 2 * HOUR, t0 - HOUR, t0]))).toBe(t0 + 2 * HOUR);
    expect(nextDeadline(evaluationAt(t0, t0 - HOUR))).toBeUndefined();
    const undated = { asOf: iso(t0), obligations: [{ due: null }] } as unknown as Evaluation;
    expect(nextDeadline(undated)).toBeUndefined();
  });
});
