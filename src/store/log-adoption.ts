import { sql } from 'kysely';
import type { Adoption } from '../core/ledger/text-in-force.ts';
import type { Database } from './database.ts';
import { ADOPTED_TERM } from './kind-index-terms.ts';

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
