import type { Database } from './database.ts';

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
}

/**
 * The latest `agreement.adopted` event of a log among its first `size` events (all when omitted),
 * read by one indexed query (truce_entry by log, kind and index): undefined if the log adopted none.
 */
export async function latestAdoption(
  database: Database,
  logId: string,
  size?: number,
): Promise<Adoption | undefined> {
  let query = database.db
    .selectFrom('truce_entry')
    .select(['idx', 'actor', 'event'])
    .where('log_id', '=', logId)
    .where('kind', '=', 'agreement.adopted');
  if (size !== undefined) query = query.where('idx', '<', size);
  const row = await query.orderBy('idx', 'desc').limit(1).executeTakeFirst();
  if (!row) return undefined;
  // Stored events were checked on append: the body has the agreement.adopted shape.
  const body = (JSON.parse(row.event) as { event: { body: Record<string, unknown> } }).event.body;
  return {
    agreement: String(body.agreement),
    version: body.version as number | string,
    sha256: String(body.sha256),
    index: Number(row.idx),
    actor: row.actor,
  };
}
