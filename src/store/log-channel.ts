import { type Kysely, sql } from 'kysely';
import type { Dialect } from './database.ts';
import type { Tables } from './schema.ts';

/** The PostgreSQL channel on which every change of a log is announced (NOTIFY), whoever made it. */
export const LOG_CHANNEL = 'truce_log';

/** What a notification says: a hint that a log changed, never the data (read the log for that). */
export interface LogChange {
  /** The log; absent when the payload could not name it (then every log may have changed). */
  log?: string;
  /** The log's size after the append. */
  size?: number;
  /** The size of a checkpoint just stored. */
  checkpoint?: number;
}

/** PostgreSQL refuses payloads of 8000 bytes or more; a longer one names no log. */
const MAX_PAYLOAD = 7000;

export function encodeLogChange(change: LogChange): string {
  const payload = JSON.stringify(change);
  return new TextEncoder().encode(payload).length <= MAX_PAYLOAD ? payload : '{}';
}

/** The change a payload announces; anything unreadable counts as "some log changed". */
export function decodeLogChange(payload: string | undefined): LogChange {
  try {
    const v = JSON.parse(payload ?? '') as unknown;
    if (v && typeof v === 'object' && typeof (v as LogChange).log === 'string')
      return { log: (v as LogChange).log! };
  } catch {
    // unreadable: fall through
  }
  return {};
}

/**
 * Announces a change of a log on PostgreSQL (a no-op on SQLite, which has one process). Inside a
 * transaction the notification is delivered only if, and when, it commits.
 */
export async function announceLogChange(db: Kysely<Tables>, dialect: Dialect, change: LogChange) {
  if (dialect !== 'postgres') return;
  await sql`select pg_notify(${LOG_CHANNEL}, ${encodeLogChange(change)})`.execute(db);
}
