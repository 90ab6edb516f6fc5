import { join } from 'node:path';
import { expect } from 'vitest';
import { verifyLog } from '../../src/core/ledger/verify-log.ts';
import { exportMaterial, readExport } from '../../src/export/export-folder.ts';
import type { LedgerStore } from '../../src/store/ledger-store.ts';
import { crypto } from './ledger-fixture.ts';
import { repoRoot } from './run-cli.ts';

const NOV = join(repoRoot, 'examples/logs/nov-2023-pause');

/** The Nov 2023 export, verified, appended to the store with its checkpoints. */
export async function importNov2023(store: LedgerStore) {
  const x = await readExport(NOV);
  expect((await verifyLog(crypto, await exportMaterial(x))).problems).toEqual([]);
  await store.createLog({
    id: x.log.id,
    origin: x.log.origin,
    logKey: x.log.logKey,
    ...(x.log.agreementHash ? { agreementHash: x.log.agreementHash } : {}),
    createdAt: '2023-11-24T00:00:00Z',
  });
  const events: Uint8Array[] = [];
  for await (const line of x.events) events.push(line);
  await store.append(x.log.id, events);
  for (const cp of x.checkpoints) {
    await store.addCheckpoint(x.log.id, cp.size, cp.note, '2023-12-01T00:00:00Z');
    for (const c of cp.cosignatures)
      await store.addCosignature(x.log.id, cp.size, c.witness, c.line, '2023-12-01T00:00:00Z');
  }
}
