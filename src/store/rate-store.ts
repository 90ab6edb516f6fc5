import { sql } from 'kysely';
import type { Database } from './database.ts';

/** Requests of one key in this minute and the one before, after counting one more. */
export interface RateCount {
  minute: number;
  current: number;
  previous: number;
}

/**
 * Counts requests per key and minute in the database, so that every server process on it shares
 * one count: one upsert and one read a request. Rows older than the minute before are deleted
 * once a minute by whichever process first counts in a new minute.
 */
export class RateStore {
  readonly #database: Database;
  #swept = 0;

  constructor(database: Database) {
    this.#database = database;
  }

  /** Counts one request of `key` at `now` (ms) and answers its counts this minute and the last. */
  async count(key: string, now: number): Promise<RateCount> {
    const db = this.#database.db;
    const minute = Math.floor(now / 60_000);
    const row = await db
      .insertInto('truce_rate')
      .values({ key, minute, count: 1 })
      .onConflict((oc) => oc.columns(['key', 'minute']).doUpdateSet({ count: sql`truce_rate.count + 1` }))
      .returning('count')
      .executeTakeFirstOrThrow();
    const previous = await db
      .selectFrom('truce_rate')
      .select('count')
      .where('key', '=', key)
      .where('minute', '=', minute - 1)
      .executeTakeFirst();
    if (minute > this.#swept) {
      this.#swept = minute;
      await db
        .deleteFrom('truce_rate')
        .where('minute', '<', minute - 1)
        .execute();
    }
    return { minute, current: Number(row.count), previous: Number(previous?.count ?? 0) };
  }
}
