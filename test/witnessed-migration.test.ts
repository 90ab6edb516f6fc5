import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { checkpointLog } from '../src/cli/record-events.ts';
import { witnessedCheckpointMigration } from '../src/store/migrations/0010-witnessed-checkpoint.ts';
import { DIALECTS, scratchDatabase } from './helpers/databases.ts';
import { fixtureLogIn } from './helpers/ledger-setup.ts';

describe.each(DIALECTS)('migration 0010 on %s', (dialect) => {
  it('keeps every cosignature stored before it, with its checkpoint, in truce_witnessed', async () => {
    const database = await scratchDatabase(dialect);
    try {
      const { f, store } = await fixtureLogIn(database);
      const { size, note } = await checkpointLog(store, f.logId, f.keys.operator!);
      await store.addCosignature(f.logId, size, 'w1', '— w1 AAAA\n', '2023-11-25T00:00:00Z');
      // As a database of before 0010 was: cosignatures, and no table apart.
      const migration = witnessedCheckpointMigration(dialect);
      const db = database.db as unknown as Kysely<unknown>;
      await migration.down!(db);
      await migration.up(db);
      expect(await store.witnessed(f.logId)).toEqual([{ size, witness: 'w1', note, line: '— w1 AAAA\n' }]);
    } finally {
      await database.close();
    }
  });
});
