import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { verifyLog } from '../src/core/ledger/verify-log.ts';
import { storeMaterial } from '../src/export/store-material.ts';
import { openDatabase } from '../src/store/database.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { DIALECTS, scratchLocation } from './helpers/databases.ts';
import { crypto } from './helpers/ledger-fixture.ts';
import { createFixtureLog } from './helpers/ledger-setup.ts';
import { seededRandom, testSeed } from './helpers/seeded-random.ts';

const worker = fileURLToPath(new URL('./workers/append-worker.ts', import.meta.url));
const ROUNDS: Record<string, number> = { sqlite: 100, postgres: 100 };
/** The seed of the kill moments (replay a failure with TRUCE_TEST_SEED=<seed>). */
const SEED = testSeed(20231124);

/**
 * Runs the writer and, once it has acknowledged its first event, kills it with SIGKILL `ms` later:
 * a moment under load drawn from the seeded sequence. Returns the leaf hashes it acknowledged before it died.
 */
function appendUntilKilled(
  location: string,
  log: string,
  key: string,
  ms: number,
  tag: string,
): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [worker, location, log, '100000', '3', tag], {
      env: { ...process.env, TRUCE_TEST_KEY: key },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('\n')) timer ??= setTimeout(() => child.kill('SIGKILL'), ms);
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('exit', (_, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`the writer ended on its own: ${err}`));
      // Only complete lines were acknowledged: a line cut by the kill is not counted.
      else resolve(out.split('\n').slice(0, -1));
    });
  });
}

describe.each(DIALECTS)('crash safety on %s', (dialect) => {
  it(`every acknowledged event survives SIGKILL at random moments, ${ROUNDS[dialect]} times, and the log verifies`, async () => {
    const scratch = await scratchLocation(dialect);
    try {
      const { f, partyKey } = await createFixtureLog(scratch.location);
      const acked: string[] = [];
      const random = seededRandom(SEED);
      const killAfterMs = Array.from({ length: ROUNDS[dialect]! }, () => random(150));
      const replay = `seed ${SEED} (TRUCE_TEST_SEED=${SEED}); kills after ${killAfterMs.join(', ')} ms`;
      console.log(`crash safety on ${dialect}: ${replay}`);
      // Each round waits for the writer's first acknowledged event, however long a loaded machine
      // takes, and only then counts down to its kill: no round can end without work done.
      for (const [round, ms] of killAfterMs.entries()) {
        const got = await appendUntilKilled(scratch.location, f.logId, partyKey, ms, `round ${round}`);
        expect(got.length, `round ${round}: ${replay}`).toBeGreaterThan(0);
        acked.push(...got);
      }
      const database = await openDatabase(scratch.location);
      const store = new LedgerStore(database, crypto);
      const material = await storeMaterial(store, f.logId);
      const present = new Set<string>();
      for await (const e of material.entries) present.add(Buffer.from(e.leafHash!).toString('hex'));
      const lost = acked.filter((h) => !present.has(h));
      expect(lost, replay).toEqual([]);
      const full = await verifyLog(crypto, material);
      expect(full.problems, replay).toEqual([]);
      expect((await verifyLog(crypto, material, { signatures: false })).problems).toEqual([]);
      expect(full.size).toBeGreaterThanOrEqual(acked.length + 5);
      await database.close();
    } finally {
      await scratch.remove();
    }
  }, 600_000);
});
