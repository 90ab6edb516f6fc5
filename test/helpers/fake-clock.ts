import type { TimerClock } from '../../src/server/timer-clock.ts';

/** A clock that moves only when told to: `advance` fires, in order, every timer that comes due. */
export function fakeClock(start = Date.UTC(2026, 0, 1)) {
  let now = start;
  let seq = 0;
  const timers = new Map<number, { at: number; fire: () => void }>();
  const clock: TimerClock = {
    now: () => now,
    after(ms, fire) {
      const id = ++seq;
      timers.set(id, { at: now + Math.max(0, ms), fire });
      return () => timers.delete(id);
    },
  };
  const next = () => {
    let found: [number, { at: number; fire: () => void }] | undefined;
    for (const entry of timers) if (!found || entry[1].at < found[1].at) found = entry;
    return found;
  };
  return {
    clock,
    /** Timers waiting to fire. */
    get pending() {
      return timers.size;
    },
    /** Moves time on by `ms`, firing each timer due on the way (and those they set, if due). */
    advance(ms: number) {
      const end = now + ms;
      for (let due = next(); due && due[1].at <= end; due = next()) {
        timers.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].fire();
      }
      now = end;
    },
  };
}
