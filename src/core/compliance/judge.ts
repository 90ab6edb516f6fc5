import type { Phrase } from '../words/phrase.ts';
import type { Clock } from './read-record.ts';
import type { Dispute, Status } from './types.ts';

/** What is known of one obligation at a moment, from which its status follows. */
export interface Facts {
  /** The moment, asked only when the status depends on it (a deadline not met, or not yet come). */
  clock: Clock;
  /** Deadline in force (epoch ms), null when the agreement has no calendar. */
  dueAt: number | null;
  /** Required quantity; undefined for an act that is done or not (a list, an opening). */
  required?: number;
  /**
   * The most that may be required, when the record leaves it a range (a release owed at different
   * ratios for persons of unrecorded categories): `required` is then the least. Judged against
   * `required`; shown as the range.
   */
  requiredMax?: number;
  done?: number;
  /** When the obligation was complete (or last advanced). */
  doneAt?: number;
  /** Whether anything at all was recorded for it. */
  anything: boolean;
  /**
   * Something is recorded about it that is not its act (talks' delegations and proposals before
   * talks started, a return blocked): not done, but not "nothing recorded" either.
   */
  related?: boolean;
  /** Complete by another measure (the cumulative total of an exchange). */
  completeOtherwise?: boolean;
  disputes: Dispute[];
  /** When its phase was recorded as ended before its planned last day (what falls due after is superseded). */
  endedAt?: number;
  /**
   * When its phase was recorded as ended, on whatever day: once that moment has passed, what is still
   * owed no longer runs late (its overdue counter stops at the end, and the words say so).
   */
  closedAt?: number;
  /** What it waits for, when a precondition by another party is not met. */
  waitsFor?: Phrase;
  /** A breach is on record (acknowledged by the party concerned, or a missed deadline). */
  breached?: boolean;
  /**
   * A missed deadline is on record for this obligation (deadline.missed): it is missed unless the
   * act was recorded after all, which makes it met late.
   */
  missedRecorded?: boolean;
  /**
   * Nothing recorded for it can be a breach or an act (a pause with nothing alleged against it):
   * once due it is unrecorded, with no breach recorded, and for how long past its deadline is not
   * asked (its status is then the same at every later moment).
   */
  noBreachRecorded?: boolean;
  /**
   * A number it rests on was recorded as not disclosed (a handover or release with `undisclosed:
   * true`): `done` is what was disclosed, never the whole (`done`); what is owed is not known
   * (`owed`: a release owed by the ratio for a handover whose number was not disclosed). Complete
   * only if the disclosed figures alone reach what is required (never, when what is owed is not
   * known); else, once due, unrecorded for that reason: neither met nor partly met (TRUTH.md rule 1).
   */
  undisclosed?: 'done' | 'owed';
}

export interface Verdict {
  status: Status;
  lateMinutes?: number;
  overdueMinutes?: number;
  /**
   * The phase was recorded as ended (Facts.closedAt), and the moment is past that end: the counter
   * stopped there. `at` is the end; `minutes` how long after the deadline it came (negative: before).
   */
  closed?: { at: number; minutes: number };
  noRecord?: boolean;
  /** Unrecorded because a number it rests on was not disclosed (Facts.undisclosed). */
  undisclosed?: true;
}

const minutes = (ms: number) => Math.round(ms / 60_000);

/** The status of one obligation from its facts; the order of the checks is the rule. */
export function judge(f: Facts): Verdict {
  if (f.disputes.length > 0) return { status: 'disputed' };
  if (f.breached) return { status: 'missed' };
  // What asks for nothing (a quantity of 0) is not met before its deadline: until then it is not
  // yet due, whatever is recorded; only once the deadline has passed is nothing owed met.
  const asksNothingYet =
    f.required === 0 && f.completeOtherwise !== true && (f.dueAt === null || f.clock.before(f.dueAt));
  const complete =
    f.undisclosed === 'owed'
      ? false
      : f.required === undefined
        ? f.anything
        : !asksNothingYet && ((f.done ?? 0) >= f.required || f.completeOtherwise === true);
  if (complete) {
    if (f.dueAt !== null && f.doneAt !== undefined && f.doneAt > f.dueAt)
      return { status: 'met-late', lateMinutes: minutes(f.doneAt - f.dueAt) };
    return { status: 'met' };
  }
  if (f.endedAt !== undefined && (f.dueAt === null || f.endedAt < f.dueAt)) return { status: 'superseded' };
  if (f.dueAt === null || f.clock.before(f.dueAt)) return { status: 'not-yet-due' };
  if (f.waitsFor !== undefined && !f.anything && !f.missedRecorded) return { status: 'suspended' };
  if (f.noBreachRecorded && !f.missedRecorded && (f.done ?? 0) === 0)
    return { status: 'unrecorded', ...(f.anything || f.related ? {} : { noRecord: true }) };
  // Once its phase was recorded as ended, nothing more is owed under it: how long past the deadline
  // stops at that end (never below 0: an end before the deadline leaves nothing overdue).
  const closed =
    f.closedAt !== undefined && !f.clock.before(f.closedAt)
      ? { at: f.closedAt, minutes: minutes(f.closedAt - f.dueAt) }
      : undefined;
  const overdueMinutes = closed ? Math.max(0, closed.minutes) : f.clock.minutesSince(f.dueAt);
  const stopped = closed ? { closed } : {};
  if (f.missedRecorded) return { status: 'missed', overdueMinutes, ...stopped };
  // Done in a number not disclosed (or owed one): not met, and not partly met either, which would
  // say that the rest was not done; the record cannot say.
  if (f.undisclosed) return { status: 'unrecorded', overdueMinutes, ...stopped, undisclosed: true };
  if ((f.done ?? 0) > 0) return { status: 'partly-met', overdueMinutes, ...stopped };
  // No record is not a verdict: only a recorded failure (breached, above) makes it missed.
  return {
    status: 'unrecorded',
    overdueMinutes,
    ...stopped,
    ...(f.anything || f.related ? {} : { noRecord: true }),
  };
}
