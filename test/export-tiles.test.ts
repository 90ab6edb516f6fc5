import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkpointLog } from '../src/cli/record-events.ts';
import { openCheckpoint } from '../src/core/ledger/checkpoint.ts';
import { verifyInclusion } from '../src/core/ledger/merkle-verify.ts';
import { parseVerifierKey } from '../src/core/ledger/signed-note.ts';
import { decodeEntryBundle, entriesPath, tileHashReader, tilePath } from '../src/core/ledger/tiles.ts';
import { leafHash, proveInclusion, treeHash } from '../src/core/ledger/tlog.ts';
import { writeExport } from '../src/export/export-folder.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { DIALECTS, scratchDatabase } from './helpers/databases.ts';
import { crypto, ledgerFixture } from './helpers/ledger-fixture.ts';

describe.each(DIALECTS)('an export is a static tlog-tiles log, on %s', (dialect) => {
  it('a client holding only the log key verifies entries from the tiles and the checkpoint', async () => {
    const database = await scratchDatabase(dialect);
    const dir = mkdtempSync(join(tmpdir(), 'truce-tiles-'));
    try {
      const f = ledgerFixture();
      const store = new LedgerStore(database, crypto);
      await store.createLog({
        id: f.logId,
        origin: 'truce.example/tiles',
        logKey: f.operatorKey,
        createdAt: '2023-11-24T00:00:00Z',
      });
      await store.append(f.logId, f.genesis());
      const batch = Array.from({ length: 595 }, (_, i) =>
        f.event('monitor', 'statement', { text: `note ${i}` }),
      );
      await store.append(f.logId, batch);
      await checkpointLog(store, f.logId, f.keys.operator!);
      await writeExport(store, f.logId, dir);

      const size = 600;
      expect(existsSync(join(dir, tilePath(0, 0)))).toBe(true);
      expect(existsSync(join(dir, tilePath(0, 2, 88)))).toBe(true);
      expect(existsSync(join(dir, tilePath(1, 0, 2)))).toBe(true);
      const note = readFileSync(join(dir, 'checkpoint'), 'utf8');
      const { checkpoint } = openCheckpoint(
        crypto,
        note,
        parseVerifierKey(crypto, f.operatorKey),
        'truce.example/tiles',
      );
      expect(checkpoint.size).toBe(size);

      const read = tileHashReader(crypto.sha256, size, (tiles) =>
        tiles.map((t) => new Uint8Array(readFileSync(join(dir, tilePath(t.level, t.index, t.width))))),
      );
      expect(await treeHash(crypto.sha256, size, read)).toEqual(checkpoint.root);
      const bundle = decodeEntryBundle(new Uint8Array(readFileSync(join(dir, entriesPath(1)))));
      expect(bundle).toHaveLength(256);
      for (const index of [0, 300, 599]) {
        const entry =
          index < 256
            ? decodeEntryBundle(new Uint8Array(readFileSync(join(dir, entriesPath(0)))))[index]!
            : index < 512
              ? bundle[index - 256]!
              : decodeEntryBundle(new Uint8Array(readFileSync(join(dir, entriesPath(2, 88)))))[index - 512]!;
        const proof = await proveInclusion(crypto.sha256, index, size, read);
        verifyInclusion(crypto.sha256, index, size, leafHash(crypto.sha256, entry), proof, checkpoint.root);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await database.close();
    }
  });
});
