import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { verifyLog } from '../src/core/ledger/verify-log.ts';
import { storeMaterial } from '../src/export/store-material.ts';
import { openDatabase } from '../src/store/database.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { scratchLocation } from './helpers/databases.ts';
import { crypto } from './helpers/ledger-fixture.ts';
import { createFixtureLog } from './helpers/ledger-setup.ts';
import { runWorker } from './helpers/run-worker.ts';

const worker = fileURLToPath(new URL('./workers/append-worker.ts', import.meta.url));
const EACH = 5000;

function append(location: string, log: string, key: string, tag: string): Promise<string[]> {
  return runWorker(worker, [location, log, String(EACH), '5', tag], `writer ${tag}`, { TRUCE_TEST_KEY: key });
}

describe('several processes appending to one PostgreSQL', () => {
  it(`two processes of ${EACH} events each make one gapless, verified log`, async () => {
    const scratch = await scratchLocation('postgres');
    try {
      const { f, partyKey, monitorKey } = await createFixtureLog(scratch.location);
      const [a, b] = await Promise.all([
        append(scratch.location, f.logId, partyKey, 'a'),
        append(scratch.location, f.logId, monitorKey, 'b'),
      ]);
      expect(a).toHaveLength(EACH);
      expect(b).toHaveLength(EACH);
      const database = await openDatabase(scratch.location);
      const store = new LedgerStore(database, crypto);
      const log = await store.requireLog(f.logId);
      expect(log.size).toBe(2 * EACH + 5);
      const material = await storeMaterial(store, f.logId);
      const entries = [];
      for await (const e of material.entries) entries.push(e);
      const indexes = entries.map((e) => e.index);
      expect(indexes).toEqual(Array.from({ length: 2 * EACH + 5 }, (_, i) => i));
      const report = await verifyLog(crypto, material);
      expect(report.problems).toEqual([]);
      // Both writers' events are interleaved in one sequence, each exactly once.
      const hashes = new Set(entries.map((e) => Buffer.from(e.leafHash!).toString('hex')));
      expect([...a, ...b].every((h) => hashes.has(h))).toBe(true);
      await database.close();
    } finally {
      await scratch.remove();
    }
  }, 600_000);
});
