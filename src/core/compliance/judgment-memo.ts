import type { LiveLog } from './live-log.ts';
import { Clock, ReadMap, type ReadRecord } from './read-record.ts';

/**
 * A value `judge` gives, or, with the live log, the one it gave before under the same name and id
 * (`name` says what it is, `id` of what: an obligation's, a provision's) from the same inputs while
 * what it read is as it was (JudgmentMemo). `handedOut`: the value is part of the evaluation (its
 * evidence is put in order), not what a judgment is made from.
 */
export type Keep = <T>(
  name: string,
  id: string,
  judge: () => T,
  inputs?: readonly unknown[],
  handedOut?: boolean,
) => T;

/** A judgment kept with what it read, and the versions of the kinds it read then. */
interface Kept<T> {
  value: T;
  read: ReadRecord;
  kinds: string[];
  versions: number[];
  epoch: number;
  at: number;
  /** The values it was judged from (the statuses a provision's status sums up): the same objects. */
  inputs: readonly unknown[];
}

/**
 * The judgments of the live evaluator (one status per obligation), each kept with what it read (see
 * ReadRecord): a result hands a judgment out again as long as no event of a kind it read was
 * applied since, the clock gives it the same answers and the maps of conditions the same values —
 * so a status changes only with the events that touch it, or when the clock passes a moment it
 * depends on (a deadline; the next whole minute overdue). Every judgment also rests on what a result
 * builds first (the plan in force, the records of exchanges and phases, the labels): kept the same
 * way, and when that changed, every judgment kept is dropped.
 */
export class JudgmentMemo {
  private readonly live: LiveLog;
  private basis: Kept<unknown> | undefined;
  /**
   * Name → id → judgment. Two levels rather than one key joined from both: a name and an id are
   * strings the evaluator holds (their hashes computed once), where a joined key would be a new
   * string to flatten and hash at each lookup (several times the cost of the lookup itself).
   */
  private readonly kept = new Map<string, Map<string, Kept<unknown>>>();
  /** The judgments made since a result last took them (see taken). */
  private made: unknown[] = [];

  constructor(live: LiveLog) {
    this.live = live;
  }

  /**
   * What the judgments of the result at `at` rest on: the one built before while what it read is as
   * it was, else `build`'s (its reads recorded), and then every judgment kept is dropped.
   */
  rest<T>(at: number, build: () => T): T {
    const before = this.basis;
    if (before && this.holds(before, at)) return before.value as T;
    const { value, read } = this.live.reads.record(build);
    this.kept.clear();
    this.made = [];
    this.basis = this.keep(value, read, at, []);
    return value;
  }

  /**
   * The judgment `name` of `id` at `at`, from `inputs`: the one kept while it holds (and was judged
   * from the same inputs), else `judge`'s, then kept.
   */
  judged<T>(
    name: string,
    id: string,
    at: number,
    maps: readonly ReadMap<unknown>[],
    judge: () => T,
    inputs: readonly unknown[] = [],
    handedOut = true,
  ): T {
    let named = this.kept.get(name);
    if (!named) {
      named = new Map();
      this.kept.set(name, named);
    }
    const k = named.get(id);
    if (k && sameItems(k.inputs, inputs) && this.holds(k, at) && ReadMap.sameIn(k.read, maps)) {
      // Inside another judgment, what this one read counts as read by that one too.
      this.live.reads.replay(k.read);
      return k.value as T;
    }
    const { value, read } = this.live.reads.record(judge);
    named.set(id, this.keep(value, read, at, inputs));
    if (handedOut) this.made.push(value);
    return value;
  }

  /**
   * The judgments made since this was last asked (those kept before were handed out, and put in
   * order, by an earlier result): what a result puts in order before it hands them out.
   */
  taken(): unknown[] {
    const made = this.made;
    this.made = [];
    return made;
  }

  private keep<T>(value: T, read: ReadRecord, at: number, inputs: readonly unknown[]): Kept<T> {
    const kinds = [...read.kinds];
    return {
      value,
      read,
      kinds,
      versions: kinds.map((k) => this.live.version(k)),
      epoch: this.live.epoch,
      at,
      inputs,
    };
  }

  /** Whether a judgment kept holds at `at`: nothing it read changed since. */
  private holds(k: Kept<unknown>, at: number): boolean {
    if (k.epoch !== this.live.epoch) return false;
    if (k.read.moment && k.at !== at) return false;
    for (let i = 0; i < k.kinds.length; i++)
      if (this.live.version(k.kinds[i]!) !== k.versions[i]) return false;
    return Clock.sameAt(k.read, at);
  }
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
