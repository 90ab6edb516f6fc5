import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasyncFile, walSync } from './wal-sync.ts';

/** A flush the test finishes by hand: each call is one entry of `flushes`. */
function gatedFlush() {
  const flushes: { done: () => void; fail: (e: Error) => void }[] = [];
  const flush = () =>
    new Promise<void>((done, fail) => {
      flushes.push({ done, fail });
    });
  return { flushes, flush };
}

const settled = () => new Promise((r) => setImmediate(r));

describe('walSync', () => {
  it('flushes at once when no flush runs, and resolves when that flush ends', async () => {
    const { flushes, flush } = gatedFlush();
    const wal = walSync('x-wal', flush);
    let resolved = false;
    const p = wal.sync().then(() => {
      resolved = true;
    });
    expect(flushes).toHaveLength(1);
    await settled();
    expect(resolved).toBe(false);
    flushes[0]!.done();
    await p;
    expect(resolved).toBe(true);
  });

  it('makes a call during a flush wait for the next flush, which serves every such call', async () => {
    const { flushes, flush } = gatedFlush();
    const wal = walSync('x-wal', flush);
    const first = wal.sync();
    const order: string[] = [];
    // Committed after the first flush began: it may have missed these bytes.
    const second = wal.sync().then(() => order.push('second'));
    const third = wal.sync().then(() => order.push('third'));
    expect(flushes).toHaveLength(1);
    flushes[0]!.done();
    await first;
    await settled();
    expect(order).toEqual([]);
    expect(flushes).toHaveLength(2);
    flushes[1]!.done();
    await Promise.all([second, third]);
    expect(order).toEqual(['second', 'third']);
    expect(flushes).toHaveLength(2);
  });

  it('rejects the callers of a flush that failed, and flushes again for the next call', async () => {
    const { flushes, flush } = gatedFlush();
    const wal = walSync('x-wal', flush);
    const failed = wal.sync();
    flushes[0]!.fail(new Error('EIO'));
    await expect(failed).rejects.toThrow('EIO');
    const next = wal.sync();
    expect(flushes).toHaveLength(2);
    flushes[1]!.done();
    await expect(next).resolves.toBeUndefined();
  });

  it('starts the queued flush even when the one before it failed', async () => {
    const { flushes, flush } = gatedFlush();
    const wal = walSync('x-wal', flush);
    const first = wal.sync().catch(() => 'failed');
    const queued = wal.sync();
    flushes[0]!.fail(new Error('EIO'));
    expect(await first).toBe('failed');
    await settled();
    expect(flushes).toHaveLength(2);
    flushes[1]!.done();
    await expect(queued).resolves.toBeUndefined();
  });
});

describe('datasyncFile', () => {
  it('flushes a file that exists, does nothing for one that does not, and fails on a path that cannot be', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'truce-wal-'));
    try {
      const file = join(dir, 'db-wal');
      writeFileSync(file, 'frames');
      await expect(datasyncFile(file)).resolves.toBeUndefined();
      await expect(datasyncFile(join(dir, 'absent-wal'))).resolves.toBeUndefined();
      // Not a missing file but an unusable path: the error is not swallowed.
      await expect(datasyncFile(join(file, 'below-a-file'))).rejects.toThrow(/ENOTDIR/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
