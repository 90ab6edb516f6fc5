import type { FastifyInstance } from 'fastify';
import { checkpointLog } from '../src/cli/record-events.ts';
import { buildApp } from '../src/server/app.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { type DialectName, scratchDatabase } from './helpers/databases.ts';
import { crypto, ledgerFixture } from './helpers/ledger-fixture.ts';

/**
 * A server over a scratch database of the dialect holding the fixture's log (its actors
 * registered, `extra` more events, a checkpoint signed when `checkpoint`), tested with app.inject.
 */
export async function serverFixture(
  dialect: DialectName,
  opts: { extra?: number; checkpoint?: boolean } = {},
) {
  const database = await scratchDatabase(dialect);
  const f = ledgerFixture();
  const store = new LedgerStore(database, crypto);
  await f.createLog(store);
  await store.append(f.logId, f.genesis());
  if (opts.extra) {
    const batch = Array.from({ length: opts.extra }, (_, i) =>
      f.event('monitor', 'statement', { text: `note ${i}` }),
    );
    await store.append(f.logId, batch);
  }
  if (opts.checkpoint !== false) await checkpointLog(store, f.logId, f.keys.operator!);
  const app: FastifyInstance = await buildApp({ database, crypto });
  return {
    f,
    app,
    store,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** The JSON of a response body, with a problem's shape checked by the caller. */
export const json = (r: { body: string }) =>
  JSON.parse(r.body) as Record<string, unknown> & { code?: string };
