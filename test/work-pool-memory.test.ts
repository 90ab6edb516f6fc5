import { describe, expect, it } from 'vitest';
import { JUDGING_POOL_MEMORY, WORK_POOL_MEMORY, WorkPool } from '../src/server/work-pool.ts';

const LIMITS = new URL('./workers/limits-worker.ts', import.meta.url);

interface Limits {
  maxOldGenerationSizeMb: number;
  maxYoungGenerationSizeMb: number;
}

/** The limits a worker of a pool built with `memory` is started with. */
async function limitsOf(memory: { heapMb: number; youngMb: number }): Promise<Limits> {
  const pool = new WorkPool({ ...memory, workers: 1, script: LIMITS });
  try {
    return await pool.run<Limits>({ kind: 'check', text: '', file: 'x.yaml' });
  } finally {
    await pool.close();
  }
}

/**
 * Under the hostile load the server's memory grew by hundreds of MiB: each busy worker kept the
 * heap it had grown to under V8's defaults. The shared pools' workers are started with bounds.
 */
describe("the work pools' workers have bounded memory", () => {
  it('starts the plans pool with 512 MiB of heap and a 16 MiB young generation', async () => {
    expect(WORK_POOL_MEMORY).toEqual({ heapMb: 512, youngMb: 16 });
    const limits = await limitsOf(WORK_POOL_MEMORY);
    expect(limits.maxOldGenerationSizeMb).toBe(512);
    expect(limits.maxYoungGenerationSizeMb).toBe(16);
  });

  it('starts the judging pool with 2 GiB of heap (a log of a million events) and a 16 MiB young generation', async () => {
    const limits = await limitsOf(JUDGING_POOL_MEMORY);
    expect(limits.maxOldGenerationSizeMb).toBe(2048);
    expect(limits.maxYoungGenerationSizeMb).toBe(16);
  });
});

describe("a pool's workers' heaps", () => {
  it('counts none before a worker has started, then each started worker once', async () => {
    const pool = new WorkPool({ ...WORK_POOL_MEMORY, workers: 2, script: LIMITS });
    try {
      expect(await pool.heaps()).toEqual([]);
      await pool.run({ kind: 'check', text: '', file: 'x.yaml' }, { worker: 1 });
      const heaps = await pool.heaps();
      expect(heaps.map((h) => h.worker)).toEqual([1]);
      expect(heaps[0]!.used).toBeGreaterThan(0);
      expect(heaps[0]!.total).toBeGreaterThanOrEqual(heaps[0]!.used);
    } finally {
      await pool.close();
    }
    expect(await pool.heaps()).toEqual([]);
  });
});
