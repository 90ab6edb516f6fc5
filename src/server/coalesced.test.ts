import { describe, expect, it } from 'vitest';
import { coalesced } from './coalesced.ts';

/** A task whose runs end when the test says. */
function gated() {
  const ends: (() => void)[] = [];
  let runs = 0;
  const task = () =>
    new Promise<void>((done) => {
      runs++;
      ends.push(done);
    });
  return { task, runs: () => runs, end: () => ends.shift()!() };
}

const settle = () => new Promise((done) => setImmediate(done));

describe('coalesced', () => {
  it('runs once at a time; calls during a run make exactly one more run', async () => {
    const g = gated();
    const run = coalesced(g.task);
    const first = run();
    const second = run();
    run();
    run();
    await settle();
    expect(g.runs()).toBe(1);
    g.end();
    await settle();
    expect(g.runs()).toBe(2);
    let settled = false;
    void second.then(() => {
      settled = true;
    });
    await settle();
    // A call is answered only by a run that began after it.
    expect(settled).toBe(false);
    g.end();
    await Promise.all([first, second]);
    expect(g.runs()).toBe(2);
    // Idle again: the next call runs at once.
    const third = run();
    expect(g.runs()).toBe(3);
    g.end();
    await third;
  });

  it('a run that fails rejects the series, and the next call starts afresh', async () => {
    let fail = true;
    let runs = 0;
    const run = coalesced(async () => {
      runs++;
      if (fail) throw new Error('no disk');
    });
    await expect(run()).rejects.toThrow('no disk');
    fail = false;
    await run();
    expect(runs).toBe(2);
  });
});
