import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkpointLog } from '../src/cli/record-events.ts';
import { RECORDED } from '../src/core/ledger/provenance.ts';
import { verifyLog } from '../src/core/ledger/verify-log.ts';
import { writeExport } from '../src/export/export-folder.ts';
import { importExportFolder } from '../src/export/import-folder.ts';
import { storeMaterial } from '../src/export/store-material.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { DIALECTS, scratchDatabase } from './helpers/databases.ts';
import { crypto, ledgerFixture } from './helpers/ledger-fixture.ts';

/** The export that could not be imported: SQLite "too many SQL variables", PostgreSQL "bind message has 2468 parameter formats". */
const EVENTS = 34_003;

async function tableCounts(store: LedgerStore) {
  const db = store.database.db;
  const count = async (t: 'truce_log' | 'truce_entry' | 'truce_hash' | 'truce_checkpoint') =>
    Number(
      (
        await db
          .selectFrom(t)
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    logs: await count('truce_log'),
    entries: await count('truce_entry'),
    hashes: await count('truce_hash'),
    checkpoints: await count('truce_checkpoint'),
  };
}

const NOTHING = { logs: 0, entries: 0, hashes: 0, checkpoints: 0 };

describe.each(DIALECTS)('big logs move, on %s', (dialect) => {
  it(`a verified export of ${EVENTS.toLocaleString('en')} events, appended in one batch, imports and verifies; a failed import leaves nothing`, async () => {
    const source = await scratchDatabase(dialect);
    const target = await scratchDatabase(dialect);
    const dir = await mkdtemp(join(tmpdir(), 'truce-big-'));
    try {
      const f = ledgerFixture();
      const from = new LedgerStore(source, crypto);
      await f.createLog(from);
      const events = [
        ...f.genesis(),
        ...Array.from({ length: EVENTS - 5 }, (_, i) => f.event('monitor', 'statement', { text: `${i}` })),
      ];
      // One batch far past both databases' parameter limits.
      await from.append(f.logId, events);
      await checkpointLog(from, f.logId, f.keys.operator!);
      expect(await writeExport(from, f.logId, dir)).toEqual({ size: EVENTS, checkpoints: 1 });

      const to = new LedgerStore(target, crypto);
      // A failure part-way through the one transaction: nothing is left, not even an empty log.
      const log = await from.requireLog(f.logId);
      async function* failing() {
        yield events.slice(0, 1000);
        yield events.slice(1000, 2000);
        throw new Error('the disk is full');
      }
      await expect(
        to.importLog({ ...log, createdAt: log.createdAt }, failing(), [], RECORDED),
      ).rejects.toThrow('the disk is full');
      expect(await tableCounts(to)).toEqual(NOTHING);
      // A folder with an event that does not check, in its second chunk: refused, named by its
      // line of events.jsonl, and nothing is left.
      const bad = await mkdtemp(join(tmpdir(), 'truce-big-'));
      try {
        await cp(dir, bad, { recursive: true });
        const lines = (await readFile(join(bad, 'events.jsonl'), 'utf8')).split('\n');
        lines[5_500] = new TextDecoder().decode(
          f.event('party-a', 'actor.registered', {
            actor: 'x',
            name: 'x',
            role: 'operator',
            key: f.operatorKey,
          }),
        );
        await writeFile(join(bad, 'events.jsonl'), lines.join('\n'));
        await expect(importExportFolder(to, crypto, bad)).rejects.toMatchObject({
          code: 'export-unverified',
          message: expect.stringContaining('events.jsonl:5501: '),
        });
        expect(await tableCounts(to)).toEqual(NOTHING);
      } finally {
        await rm(bad, { recursive: true, force: true });
      }
      const imported = await importExportFolder(to, crypto, dir);
      expect(imported).toEqual({ log: f.logId, events: EVENTS, added: EVENTS, checkpoints: 1 });
      const report = await verifyLog(crypto, await storeMaterial(to, f.logId));
      expect(report.problems).toEqual([]);
      expect(report.size).toBe(EVENTS);
      expect((await to.requireLog(f.logId)).root).toEqual(log.root);
    } finally {
      await rm(dir, { recursive: true, force: true });
      await source.close();
      await target.close();
    }
  }, 600_000);
});
