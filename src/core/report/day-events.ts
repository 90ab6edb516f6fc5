import type { LoggedEvent } from '../compliance/types.ts';
import { EventBodies } from '../ledger/event-kinds.ts';
import { isoInZone, localDate } from '../time/zoned-time.ts';
import type { EarlierEvent } from './event-fields.ts';

/** An event of the log that happened on a given day, as the daily report lists it. */
export interface DayEvent {
  /** When it happened, ISO with the agreement's offset. */
  at: string;
  kind: string;
  actor: string;
  /** The body's fields that say what happened (counts, provision, batch, text, reason, finding…), as recorded. */
  body: Record<string, unknown>;
  source?: string;
  note?: string;
  /** The leaf hash of the event: its evidence. */
  hash: string;
  /** The earlier events its reference fields name (of, list, handover, proposal), where they are known. */
  refs?: Record<string, EarlierEvent>;
}

/** The body fields that name an earlier event by its leaf hash. */
const REFERRING = ['of', 'list', 'handover', 'proposal'];

/** The leaf hashes the events' reference fields name. */
export function referencedHashes(happened: readonly DayEvent[]): Set<string> {
  const out = new Set<string>();
  for (const x of happened)
    for (const k of REFERRING) if (typeof x.body[k] === 'string') out.add(x.body[k] as string);
  return out;
}

/** The events, each with the earlier events its reference fields name, as `earlier` knows them. */
export function withEarlier(
  happened: readonly DayEvent[],
  earlier: ReadonlyMap<string, EarlierEvent>,
): DayEvent[] {
  return happened.map((x) => {
    const refs: Record<string, EarlierEvent> = {};
    for (const k of REFERRING) {
      const known = typeof x.body[k] === 'string' ? earlier.get(x.body[k] as string) : undefined;
      if (known) refs[k] = known;
    }
    return Object.keys(refs).length ? { ...x, refs } : x;
  });
}

/** The earlier events of a whole log that `hashes` name: their numbers in the log, kinds and times. */
export function earlierIn(
  events: Iterable<LoggedEvent>,
  hashes: ReadonlySet<string>,
): Map<string, EarlierEvent> {
  const out = new Map<string, EarlierEvent>();
  if (hashes.size === 0) return out;
  let index = 0;
  for (const { leafHash, event } of events) {
    if (hashes.has(leafHash))
      out.set(leafHash, { number: index, kind: event.event.kind, at: event.event.occurredAt });
    index++;
  }
  return out;
}

/** Kinds that register keys and adopt texts: the log's housekeeping, not what happened in the truce. */
const HOUSEKEEPING = new Set(['actor.registered', 'actor.revoked', 'agreement.adopted']);

/**
 * A body's fields in the order its kind's schema declares them (a body read back from a store may
 * have its keys in another order): the same event reads the same wherever it was read from.
 */
function inSchemaOrder(kind: string, body: Record<string, unknown>): Record<string, unknown> {
  const schema = (EventBodies as Record<string, { shape?: Record<string, unknown> }>)[kind];
  const order = Object.keys(schema?.shape ?? {});
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  const keys = Object.keys(body).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((k) => [k, body[k]]));
}

/**
 * Every event that happened on `date` (its occurredAt, in the agreement's time zone), in the order
 * it happened: handovers, releases, statements, corrections with their reason, postponements,
 * findings on remains. Registrations of keys and adoptions of texts are left out.
 */
export function dayEvents(events: Iterable<LoggedEvent>, date: string, timeZone: string): DayEvent[] {
  const out: { epoch: number; order: number; event: DayEvent }[] = [];
  let order = 0;
  for (const { leafHash, event } of events) {
    const e = event.event;
    if (HOUSEKEEPING.has(e.kind)) continue;
    const epoch = Date.parse(e.occurredAt);
    if (localDate(epoch, timeZone) !== date) continue;
    out.push({
      epoch,
      order: order++,
      event: {
        at: isoInZone(epoch, timeZone),
        kind: e.kind,
        actor: e.actor,
        body: inSchemaOrder(e.kind, e.body),
        ...(e.source ? { source: e.source.name } : {}),
        ...(e.note ? { note: e.note } : {}),
        hash: leafHash,
      },
    });
  }
  return out.sort((a, b) => a.epoch - b.epoch || a.order - b.order).map((x) => x.event);
}
