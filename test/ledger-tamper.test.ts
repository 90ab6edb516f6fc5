import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { checkpointLog } from '../src/cli/record-events.ts';
import { verifyLog } from '../src/core/ledger/verify-log.ts';
import { storeMaterial } from '../src/export/store-material.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { DIALECTS, scratchDatabase } from './helpers/databases.ts';
import { crypto, ledgerFixture } from './helpers/ledger-fixture.ts';

const CHANGES = 500;

/** A deterministic pseudo-random sequence, so that a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s >>> 8) % n;
  };
}

describe.each(DIALECTS)('tamper detection on %s', (dialect) => {
  it(`${CHANGES} random single-byte changes to events, leaves, tree hashes or checkpoints are each detected`, async () => {
    const database = await scratchDatabase(dialect);
    try {
      const f = ledgerFixture();
      const store = new LedgerStore(database, crypto);
      await f.createLog(store);
      await store.append(f.logId, f.genesis());
      for (let i = 0; i < 40; i++) {
        await store.append(f.logId, [
          f.event('monitor', 'aid.delivered', {
            date: '2023-11-25',
            quantity: 50 + i,
            unit: 'truck',
            destination: 'north',
          }),
        ]);
        if (i % 10 === 9) await checkpointLog(store, f.logId, f.keys.operator!);
      }
      expect((await verifyLog(crypto, await storeMaterial(store, f.logId))).problems).toEqual([]);
      const db = database.db;
      const rand = random(20231124);
      const seen = new Set<string>();
      for (let n = 0; n < CHANGES; n++) {
        const target = (['event', 'leaf', 'hash', 'checkpoint'] as const)[rand(4)]!;
        let restore: () => Promise<void>;
        let what: string;
        if (target === 'event' || target === 'checkpoint') {
          const rows =
            target === 'event'
              ? (await db.selectFrom('truce_entry').select(['idx as key', 'event as text']).execute()).map(
                  (r) => ({ key: Number(r.key), text: r.text }),
                )
              : (
                  await db.selectFrom('truce_checkpoint').select(['size as key', 'note as text']).execute()
                ).map((r) => ({ key: Number(r.key), text: r.text }));
          const row = rows[rand(rows.length)]!;
          const bytes = Buffer.from(row.text, 'utf8');
          const at = rand(bytes.length);
          const old = bytes[at]!;
          // Keep the text valid UTF-8 for the database: change an ASCII byte to another ASCII byte.
          if (old >= 0x80) {
            n--;
            continue;
          }
          bytes[at] = 0x20 + ((old - 0x20 + 1 + rand(94)) % 95);
          const changed = bytes.toString('utf8');
          what = `${target} ${row.key} byte ${at}`;
          if (target === 'event') {
            await db.updateTable('truce_entry').set({ event: changed }).where('idx', '=', row.key).execute();
            restore = async () =>
              void (await db
                .updateTable('truce_entry')
                .set({ event: row.text })
                .where('idx', '=', row.key)
                .execute());
          } else {
            await db
              .updateTable('truce_checkpoint')
              .set({ note: changed })
              .where('size', '=', row.key)
              .execute();
            restore = async () =>
              void (await db
                .updateTable('truce_checkpoint')
                .set({ note: row.text })
                .where('size', '=', row.key)
                .execute());
          }
        } else {
          const rows =
            target === 'leaf'
              ? await db.selectFrom('truce_entry').select(['idx as key', 'leaf_hash as hash']).execute()
              : await db.selectFrom('truce_hash').select(['id as key', 'hash']).execute();
          const row = rows[rand(rows.length)]!;
          const original = new Uint8Array(row.hash);
          const bytes = original.slice();
          const at = rand(bytes.length);
          bytes[at] = bytes[at]! ^ (1 + rand(255));
          what = `${target} ${row.key} byte ${at}`;
          const table = target === 'leaf' ? 'truce_entry' : 'truce_hash';
          const column = target === 'leaf' ? 'leaf_hash' : 'hash';
          const key = target === 'leaf' ? 'idx' : 'id';
          await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${bytes} where ${sql.ref(key)} = ${Number(row.key)}`.execute(
            db,
          );
          restore = async () =>
            void (await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${original} where ${sql.ref(key)} = ${Number(row.key)}`.execute(
              db,
            ));
        }
        const report = await verifyLog(crypto, await storeMaterial(store, f.logId));
        expect(report.problems.length, `undetected: ${what}`).toBeGreaterThan(0);
        // verify names what is wrong, at the place it was changed or where the change shows.
        expect(report.problems[0]!.where).toMatch(/^(entry|tree hash|checkpoint|log|cosignature)/);
        seen.add(target);
        await restore();
      }
      expect(seen).toEqual(new Set(['event', 'leaf', 'hash', 'checkpoint']));
      expect((await verifyLog(crypto, await storeMaterial(store, f.logId))).problems).toEqual([]);
    } finally {
      await database.close();
    }
  }, 600_000);
});
