import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
import { repoRoot, runCli } from './helpers/run-cli.ts';

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

describe('truce verify --export checks what the folder publishes', () => {
  const NOV = join(repoRoot, 'examples/logs/nov-2023-pause');
  it('a checkpoint file replaced by garbage, or the tile folder deleted, fails with exit 1 and is named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'truce-published-'));
    try {
      cpSync(NOV, dir, { recursive: true });
      expect((await runCli('verify', '--export', dir)).status).toBe(0);
      writeFileSync(join(dir, 'checkpoint'), 'garbage\n');
      rmSync(join(dir, 'tile'), { recursive: true });
      const r = await runCli('verify', '--export', dir, '--json');
      expect(r.status).toBe(1);
      const codes = JSON.parse(r.stdout).logs[0].problems.map((p: { code: string }) => p.code);
      expect(codes).toEqual(['served-checkpoint-invalid', 'tile-missing']);
      const text = await runCli('verify', '--export', dir);
      expect(text.stderr).toContain(
        "checkpoint file: The checkpoint file is not a checkpoint signed by the log's key",
      );
      expect(text.stderr).toContain(
        'tile/: 2 tile files of the log are missing (tile/entries/000.p/64, tile/0/000.p/64)',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
