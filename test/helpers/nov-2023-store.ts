import { join } from 'node:path';
import { expect } from 'vitest';
import { demoSigner } from '../../examples/logs/build-nov-2023.ts';
import { canonicalBytes } from '../../src/core/ledger/canonical-json.ts';
import type { EventEnvelope } from '../../src/core/ledger/event.ts';
import { signEvent } from '../../src/core/ledger/event-sign.ts';
import { verifyLog } from '../../src/core/ledger/verify-log.ts';
import { exportMaterial, readExport } from '../../src/export/export-folder.ts';
import { WorkPool } from '../../src/server/work-pool.ts';
import type { WorkTask } from '../../src/server/work-task.ts';
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

/** Appends an operator's statement to the Nov 2023 log, occurred and recorded at `at`: an event that changes no status. */
export async function appendNovNote(store: LedgerStore, at = '2023-12-01T09:00:00Z') {
  const envelope = {
    v: 1,
    log: 'nov-2023-pause',
    kind: 'statement',
    occurredAt: at,
    recordedAt: at,
    actor: 'operator',
    body: { text: 'A later note.' },
  } as EventEnvelope;
  await store.append('nov-2023-pause', [canonicalBytes(signEvent(crypto, envelope, demoSigner('operator')))]);
}

/** A judging pool of one worker that keeps every task it is given, to count the judgements made. */
export function recordingJudgingPool(): { judging: WorkPool; tasks: WorkTask[] } {
  const judging = new WorkPool({ workers: 1 });
  const tasks: WorkTask[] = [];
  const run = judging.run.bind(judging);
  judging.run = (task, options) => {
    tasks.push(task);
    return run(task, options);
  };
  return { judging, tasks };
}
