import type { Evaluation } from '../core/compliance/types.ts';
import { provisionStatuses, type Standing, type StatusChange, statusChanges } from './status-changes.ts';
import type { TimerClock } from './timer-clock.ts';

/** A log is judged at most this often for its status messages (an evaluation of a large log takes seconds). */
export const EVALUATE_EVERY_MS = 1000;
/** A deadline is judged this long after it passed, so that the moment judged is past it whatever the rounding. */
export const PAST_DEADLINE_MS = 1000;

/** The first deadline in force after the evaluation's moment, in ms since the epoch: when a status may change with no event. */
export function nextDeadline(evaluation: Evaluation): number | undefined {
  const asOf = Date.parse(evaluation.asOf);
  let next: number | undefined;
  for (const o of evaluation.obligations) {
    if (o.due === null) continue;
    const due = Date.parse(o.due);
    if (due > asOf && (next === undefined || due < next)) next = due;
  }
  return next;
}

export interface StatusWatcherOptions {
  clock: TimerClock;
  /** The log judged at `at` (ms since the epoch); undefined if it is not judged (no agreement held). */
  judge(at: number): Promise<Evaluation | undefined>;
  /** The provisions whose status changed since the evaluation before (never empty). */
  changed(asOf: string, changes: StatusChange[]): void;
  onError(message: string): void;
  everyMs?: number;
}

/**
 * What the watcher is doing. One value, so that it cannot both run and wait, nor wait on two timers.
 * idle: nothing due until the log changes; waiting: one timer set, to judge at `at`; running: one
 * evaluation under way, `again` if the log changed meanwhile; closed: nothing more.
 */
type State =
  | { kind: 'idle' }
  | { kind: 'waiting'; at: number; cancel: () => void }
  | { kind: 'running'; again: boolean; done: Promise<void> }
  | { kind: 'closed' };

/**
 * The provisions' statuses of one log, judged again when the log changes (at most every
 * `everyMs`) and when the clock passes the next deadline in force (a status may change with no
 * event: a handover due at noon and not recorded is missed at noon). Each evaluation is compared
 * with the one before it; the first is what later changes are measured against.
 */
export class StatusWatcher {
  private readonly options: StatusWatcherOptions;
  private readonly everyMs: number;
  private state: State = { kind: 'idle' };
  /** Each provision's standing at the last evaluation; undefined before the first, or when the log is not judged. */
  private statuses: Map<string, Standing> | undefined;
  /** When the last evaluation began; -Infinity before the first. */
  private lastRun = Number.NEGATIVE_INFINITY;

  constructor(options: StatusWatcherOptions) {
    this.options = options;
    this.everyMs = options.everyMs ?? EVALUATE_EVERY_MS;
  }

  /** The first evaluation, what later changes are measured against (sends nothing). */
  start(): Promise<void> {
    return this.run();
  }

  /** The log changed: judge it again, once `everyMs` has passed since the last evaluation. */
  logChanged(): void {
    const { state } = this;
    if (state.kind === 'running') state.again = true;
    else if (state.kind !== 'closed') this.judgeAt(this.lastRun + this.everyMs);
  }

  /** What the watcher is doing: 'idle', 'waiting' (one timer set), 'running' or 'closed'. */
  get doing(): State['kind'] {
    return this.state.kind;
  }

  /** Sets the one timer to judge at `at`, unless it is set for earlier already. */
  private judgeAt(at: number): void {
    const { state } = this;
    if (state.kind === 'running' || state.kind === 'closed') return;
    if (state.kind === 'waiting') {
      if (state.at <= at) return;
      state.cancel();
    }
    const cancel = this.options.clock.after(at - this.options.clock.now(), () => {
      if (this.state.kind === 'waiting' && this.state.cancel === cancel) {
        this.state = { kind: 'idle' };
        void this.run();
      }
    });
    this.state = { kind: 'waiting', at, cancel };
  }

  private run(): Promise<void> {
    const { state } = this;
    if (state.kind === 'running') return state.done;
    if (state.kind === 'closed') return Promise.resolve();
    if (state.kind === 'waiting') state.cancel();
    const running: State & { kind: 'running' } = { kind: 'running', again: false, done: Promise.resolve() };
    running.done = this.evaluate().then((deadline) => {
      if (this.state !== running) return;
      this.state = { kind: 'idle' };
      if (running.again) this.judgeAt(this.lastRun + this.everyMs);
      if (deadline !== undefined) this.judgeAt(deadline + PAST_DEADLINE_MS);
    });
    this.state = running;
    return running.done;
  }

  /** One evaluation; the next deadline it shows, if any. */
  private async evaluate(): Promise<number | undefined> {
    const { clock, judge, changed, onError } = this.options;
    try {
      const at = clock.now();
      this.lastRun = at;
      const evaluation = await judge(at);
      if (this.state.kind === 'closed') return undefined;
      if (!evaluation) {
        this.statuses = undefined;
        return undefined;
      }
      const previous = this.statuses;
      this.statuses = provisionStatuses(evaluation);
      const changes = previous ? statusChanges(previous, evaluation) : [];
      if (changes.length > 0) changed(evaluation.asOf, changes);
      return nextDeadline(evaluation);
    } catch (e) {
      onError((e as Error).message);
      return undefined;
    }
  }

  /** Stops: no timer is left set; waits for an evaluation under way. */
  async close(): Promise<void> {
    const { state } = this;
    this.state = { kind: 'closed' };
    if (state.kind === 'waiting') state.cancel();
    if (state.kind === 'running') await state.done;
  }
}
