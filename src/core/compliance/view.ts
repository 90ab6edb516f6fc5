import { addDays, isoInZone, localDate, localToEpoch } from '../time/zoned-time.ts';
import type { LiveLog } from './live-log.ts';
import { type Entry, type LogState, upTo } from './log-state.ts';
import { Clock } from './read-record.ts';
import type { Dispute } from './types.ts';

/** An event's body as it stands at the moment of a view: corrected, or withdrawn. */
export interface Effective {
  entry: Entry;
  body: Record<string, unknown>;
  /** When the body in force took effect: the event's instant, or its correction's. */
  at: number;
  /** The event and any correction it rests on. */
  evidence: string[];
  withdrawn: boolean;
}

/** The key of LiveLog's versions that changes with every event that refers to another. */
export const REFERRING = '(refers)';

/** What refers to an event no event refers to: one list for all of them, never changed. */
const NONE: readonly Entry[] = Object.freeze([]);

/** The log as it stood at one moment: only events that occurred by then. */
/** An entry's own body in force: what `effective` gives when nothing corrects the entry. */
export function plainEffective(entry: Entry): Effective {
  return { entry, body: entry.event.body, at: entry.at, evidence: [entry.hash], withdrawn: false };
}

export class LogView {
  private readonly at: number;
  readonly timeZone: string;
  private readonly state: LogState;
  private readonly roles = new Map<string, string>();
  private readonly currentByKind = new Map<string, Effective[]>();
  /**
   * The log's running tallies, when this view sees every event of the log (its moment is at or
   * after the last one): status builders then read them instead of going over the events.
   */
  readonly live: LiveLog | undefined;

  constructor(state: LogState, asOf: number, timeZone: string, live?: LiveLog) {
    this.state = state;
    this.at = asOf;
    this.timeZone = timeZone;
    this.live = live !== undefined && asOf >= live.lastAt ? live : undefined;
    for (const e of this.kind('actor.registered')) {
      const body = e.event.body as { actor: string; role: string };
      this.roles.set(body.actor, body.role);
    }
  }

  /**
   * The moment of the view. A judgment that reads it holds for that moment only (see ReadRecord):
   * one that asks the clock (ctx.clock) holds as long as the clock gives the same answers.
   */
  get asOf(): number {
    this.live?.reads.moment();
    return this.at;
  }

  /** Whether the moment is before `instant`: the answer is noted, not the moment (see Clock). */
  before(instant: number): boolean {
    return new Clock(this.at, this.live?.reads).before(instant);
  }

  /**
   * The day of the moment in the view's time zone. What is noted is that the moment is on that day
   * (not before its first instant, before the next day's): a judgment that reads it holds all day.
   */
  localDay(): string {
    const day = localDate(this.at, this.timeZone);
    const first = localToEpoch(day, '00:00', this.timeZone);
    const next = localToEpoch(addDays(day, 1), '00:00', this.timeZone);
    // A day whose midnight the zone skips starts later: then the moment itself is what is read.
    if (!(first <= this.at && this.at < next)) return localDate(this.asOf, this.timeZone);
    this.before(first);
    this.before(next);
    return day;
  }

  kind(kind: string): Entry[] {
    // Every event occurred by then: the whole list, as the state keeps it (callers only read it).
    if (this.live) {
      this.live.reads.kind(kind);
      return this.state.byKind.get(kind) ?? [];
    }
    return upTo(this.state.byKind.get(kind), this.at);
  }

  /** Events that refer to `hash`, optionally of one kind. */
  refsTo(hash: string, kind?: string): readonly Entry[] {
    // With the live log, every event occurred by then: what refers to `hash` changes only with an
    // event of that kind (or, of any kind, with one that refers to something).
    this.live?.reads.kind(kind ?? REFERRING);
    const referring = this.state.byRef.get(hash);
    // Most events are referred to by none: no list is made for them (a million, read at each rebuild).
    if (referring === undefined) return NONE;
    const all = upTo(referring, this.at);
    return kind ? all.filter((e) => e.event.kind === kind) : all;
  }

  role(actor: string): string | undefined {
    this.live?.reads.kind('actor.registered');
    return this.roles.get(actor);
  }

  /**
   * The body in force: the last correction by the same actor, a mediator or the operator replaces
   * it (a correction without a body withdraws it). Other corrections count as disputes.
   */
  effective(entry: Entry): Effective {
    const corrections = this.refsTo(entry.hash, 'correction').filter((c) => this.mayCorrect(c, entry));
    const last = corrections.at(-1);
    if (!last) return plainEffective(entry);
    const body = (last.event.body as { body?: Record<string, unknown> }).body;
    return {
      entry,
      body: body ?? entry.event.body,
      at: Math.max(entry.at, last.at),
      evidence: [entry.hash, last.hash],
      withdrawn: body === undefined,
    };
  }

  private mayCorrect(correction: Entry, entry: Entry): boolean {
    const role = this.role(correction.event.actor);
    return correction.event.actor === entry.event.actor || role === 'mediator' || role === 'operator';
  }

  /** The effective bodies of every event of a kind that is not withdrawn (computed once per view). */
  current(kind: string): Effective[] {
    if (this.live) return this.live.current(kind);
    let list = this.currentByKind.get(kind);
    if (!list) {
      list = this.kind(kind)
        .map((e) => this.effective(e))
        .filter((x) => !x.withdrawn);
      this.currentByKind.set(kind, list);
    }
    return list;
  }

  /** Disputes of an event, and corrections by someone not entitled to correct it. */
  disputes(entry: Entry, figureKey = 'count'): Dispute[] {
    const against = [
      ...this.refsTo(entry.hash, 'dispute'),
      ...this.refsTo(entry.hash, 'correction').filter((c) => !this.mayCorrect(c, entry)),
    ];
    const recordedFigure = entry.event.body[figureKey];
    return against.map((d) => {
      const body = d.event.body as { reason: string; figure?: number; body?: Record<string, unknown> };
      const figure = body.figure ?? (body.body?.[figureKey] as number | undefined);
      return {
        of: entry.hash,
        recorded: {
          actor: entry.event.actor,
          ...(typeof recordedFigure === 'number' ? { figure: recordedFigure } : {}),
          ...(entry.event.source ? { source: entry.event.source.name } : {}),
        },
        disputedBy: {
          actor: d.event.actor,
          ...(typeof figure === 'number' ? { figure } : {}),
          reason: body.reason,
          evidence: d.hash,
        },
      };
    });
  }

  iso(at: number): string {
    return isoInZone(at, this.timeZone);
  }

  localDate(at: number): string {
    return localDate(at, this.timeZone);
  }

  /** Who gave a figure: its stated source, else the actor that recorded it. */
  sourceOf(entry: Entry): string {
    return entry.event.source?.name ?? entry.event.actor;
  }
}
