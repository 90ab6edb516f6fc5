/**
 * The time and the timers of the event streams' upkeep (heartbeats, status re-evaluation), passed
 * in so that tests move time themselves: nothing waits for real time in them.
 */
export interface TimerClock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Calls `fire` once, `ms` from now; the function returned cancels it. Never keeps the process alive. */
  after(ms: number, fire: () => void): () => void;
}

/** The longest delay a Node timer takes (about 24.8 days); a later moment is reached in steps. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** The real clock: Date.now and unreferenced timers. */
export const realClock: TimerClock = {
  now: () => Date.now(),
  after(ms, fire) {
    const timer = setTimeout(fire, Math.min(Math.max(0, ms), MAX_TIMER_MS));
    timer.unref();
    return () => clearTimeout(timer);
  },
};
