import type { Database } from './database.ts';

/** Where a log stands: its size and the size of its latest checkpoint (0 if none). */
export interface LogHead {
  size: number;
  checkpoint: number;
}

/** The log's size and latest checkpoint size, read in one statement (one consistent snapshot). */
export async function readLogHead(database: Database, logId: string): Promise<LogHead | undefined> {
  const row = await database.db
    .selectFrom('truce_log')
    .select((eb) => [
      'size',
      eb
        .selectFrom('truce_checkpoint')
        .select((c) => c.fn.max('size').as('m'))
        .where('log_id', '=', logId)
        .as('checkpoint'),
    ])
    .where('id', '=', logId)
    .executeTakeFirst();
  if (!row) return undefined;
  return { size: Number(row.size), checkpoint: Number(row.checkpoint ?? 0) };
}
