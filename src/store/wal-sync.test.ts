import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasyncFile, keptDatasync, walSync } from './wal-sync.ts';

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

describe('keptDatasync', () => {
  /** keptDatasync counting the files it opens and closes. */
  function counted() {
    const count = { opened: 0, closed: 0 };
    const kept = keptDatasync(async (path) => {
      const handle = await open(path, 'r');
      count.opened++;
      const close = handle.close.bind(handle);
      handle.close = async () => {
        count.closed++;
        return close();
      };
      return handle;
    });
    return { kept, count };
  }

  it('opens the file once for many flushes, anew when it was removed or recreated, and lets go on close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'truce-wal-'));
    const { kept, count } = counted();
    try {
      const file = join(dir, 'db-wal');
      writeFileSync(file, 'frames');
      for (let i = 0; i < 5; i++) await kept.flush(file);
      expect(count).toEqual({ opened: 1, closed: 0 });
      // Removed (SQLite's last connection closed): nothing to flush, the old file let go.
      unlinkSync(file);
      await kept.flush(file);
      expect(count).toEqual({ opened: 1, closed: 1 });
      // Recreated: another file at the path, opened once.
      writeFileSync(file, 'new frames');
      await kept.flush(file);
      await kept.flush(file);
      expect(count).toEqual({ opened: 2, closed: 1 });
      // Replaced while one was kept: the new one is flushed.
      const keptBefore = { ...count };
      const other = join(dir, 'other-wal');
      writeFileSync(other, 'replacing frames');
      unlinkSync(file);
      writeFileSync(file, 'replacing frames');
      await kept.flush(file);
      expect(count).toEqual({ opened: keptBefore.opened + 1, closed: keptBefore.closed + 1 });
      await kept.close();
      expect(count.closed).toBe(count.opened);
      await kept.flush(file);
      expect(count.opened).toBe(keptBefore.opened + 2);
      await kept.close();
    } finally {
      await kept.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails on a path that cannot be, as datasyncFile does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'truce-wal-'));
    const { kept } = counted();
    try {
      const file = join(dir, 'db-wal');
      writeFileSync(file, 'frames');
      await expect(kept.flush(join(file, 'below-a-file'))).rejects.toThrow(/ENOTDIR/);
      await expect(kept.flush(join(dir, 'absent-wal'))).resolves.toBeUndefined();
    } finally {
      await kept.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
