import { sql } from 'kysely';
import type { Database } from './database.ts';
import { ADOPTED_TERM } from './kind-index-terms.ts';

/** A log's adoption of an agreement text: its latest `agreement.adopted` event. */
export interface Adoption {
  /** The agreement id the event names. */
  agreement: string;
  /** The version the event names (the agreement's own, or the stored version number). */
  version: number | string;
  /** SHA-256 hex of the adopted text's bytes: what the log is judged against. */
  sha256: string;
  /** The event's index in the log. */
  index: number;
  /** The actor who recorded it (the log's operator or a mediator: the log's rules allow no other). */
  actor: string;
  /** When the text was adopted (the event's occurredAt, ISO 8601): in force from then on. */
  occurredAt: string;
}

/** An adoption as stored: the row of its `agreement.adopted` event. */
function adoptionOf(row: { idx: number | string | bigint; actor: string; event: string }): Adoption {
  // Stored events were checked on append: the body has the agreement.adopted shape.
  const { event } = JSON.parse(row.event) as { event: { body: Record<string, unknown>; occurredAt: string } };
  return {
    agreement: String(event.body.agreement),
    version: event.body.version as number | string,
    sha256: String(event.body.sha256),
    index: Number(row.idx),
    actor: row.actor,
    occurredAt: event.occurredAt,
  };
}

/** A log's `agreement.adopted` events among its first `size` (all when omitted), newest first at most `limit`. */
function adoptionRows(database: Database, logId: string, size: number | undefined, limit?: number) {
  let query = database.db
    .selectFrom('truce_entry')
    .select(['idx', 'actor', 'event'])
    .where('log_id', '=', logId)
    .where(sql.raw<boolean>(ADOPTED_TERM));
  if (size !== undefined) query = query.where('idx', '<', size);
  const ordered = query.orderBy('idx', 'desc');
  return (limit === undefined ? ordered : ordered.limit(limit)).execute();
}

/**
 * The latest `agreement.adopted` event of a log among its first `size` events (all when omitted),
 * read by one indexed query (the partial index of agreement.adopted events by log and index, 0015): undefined if the log adopted none.
 */
export async function latestAdoption(
  database: Database,
  logId: string,
  size?: number,
): Promise<Adoption | undefined> {
  const [row] = await adoptionRows(database, logId, size, 1);
  return row ? adoptionOf(row) : undefined;
}

/** Every `agreement.adopted` event of a log among its first `size` events (all when omitted), oldest first. */
export async function adoptions(database: Database, logId: string, size?: number): Promise<Adoption[]> {
  return (await adoptionRows(database, logId, size)).map(adoptionOf).reverse();
}

/**
 * The text in force at `at` (ISO 8601) among a log's adoptions, in the log's order: the one adopted
 * latest at or before `at` (by its occurredAt; a back-dated adoption counts from its date); before
 * every adoption, the first (the text the log was opened under).
 * Undefined when there is none. A moment is compared as an instant, whatever its offset.
 */
export function adoptionAt(list: readonly Adoption[], at: string): Adoption | undefined {
  const moment = Date.parse(at);
  let inForce: Adoption | undefined;
  let since = Number.NEGATIVE_INFINITY;
  for (const a of list) {
    const t = Date.parse(a.occurredAt);
    // The latest adopted by then; of two adopted at one instant, the one recorded last.
    if (t <= moment && t >= since) {
      inForce = a;
      since = t;
    }
  }
  return inForce ?? list[0];
}
