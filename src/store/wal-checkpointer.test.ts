import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { walCheckpointer } from './wal-checkpointer.ts';

describe('walCheckpointer', () => {
  const cleanups: (() => void | Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  /** A database in WAL mode that checkpoints only when asked, with `n` commits in its log. */
  const database = (n: number) => {
    const dir = mkdtempSync(join(tmpdir(), 'truce-ckpt-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const location = join(dir, 'db');
    const db = new DatabaseSync(location);
    cleanups.push(() => db.close());
    db.exec('PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; create table t (v integer)');
    const insert = db.prepare('insert into t values (?)');
    for (let i = 0; i < n; i++) insert.run(i);
    return { location, db };
  };

  it('starts no thread before the pace asks for one, then checkpoints after that many commits', async () => {
    const { location } = database(10);
    const fallback = vi.fn();
    const c = walCheckpointer(location, fallback, { commits: 5, ms: 3_600_000 });
    cleanups.push(() => c.close());
    for (let i = 0; i < 4; i++) c.committed();
    expect(c.started).toBe(false);
    c.committed();
    expect(c.started).toBe(true);
    const figures = await c.now();
    expect(figures).toBeDefined();
    expect(figures!.log).toBeGreaterThan(0);
    expect(figures!.checkpointed).toBe(figures!.log);
    expect(fallback).not.toHaveBeenCalled();
  });

  it('checkpoints a while after a commit, when fewer than the pace came', async () => {
    const { location } = database(3);
    const c = walCheckpointer(location, () => {}, { commits: 1_000, ms: 10 });
    cleanups.push(() => c.close());
    c.committed();
    expect(c.started).toBe(false);
    await vi.waitFor(() => expect(c.started).toBe(true), { timeout: 30_000, interval: 5 });
  });

  it('answers a checkpoint asked while one runs with the one after it', async () => {
    const { location } = database(50);
    const c = walCheckpointer(location, () => {}, { commits: 1, ms: 3_600_000 });
    cleanups.push(() => c.close());
    c.committed();
    const [a, b] = await Promise.all([c.now(), c.now()]);
    expect(a?.checkpointed).toBe(a?.log);
    expect(b?.checkpointed).toBe(b?.log);
  });

  it('falls back to checkpoints on the store’s own connection, once, when its thread cannot open the database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'truce-ckpt-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const fallback = vi.fn();
    // A folder is not a database: the thread fails as it starts.
    const c = walCheckpointer(dir, fallback, { commits: 1, ms: 3_600_000 });
    cleanups.push(() => c.close());
    c.committed();
    await expect(c.now()).resolves.toBeUndefined();
    await vi.waitFor(() => expect(fallback).toHaveBeenCalledTimes(1), { timeout: 30_000, interval: 5 });
    c.committed();
    await expect(c.now()).resolves.toBeUndefined();
    expect(fallback).toHaveBeenCalledTimes(1);
  });

  it('closes its thread and its connection', async () => {
    const { location } = database(5);
    const c = walCheckpointer(location, () => {}, { commits: 1, ms: 3_600_000 });
    c.committed();
    await c.now();
    await c.close();
    expect(c.started).toBe(false);
    await expect(c.now()).resolves.toBeUndefined();
  });

  it('lets a process whose last work is closing it wait for its thread, and end normally', () => {
    const { location } = database(5);
    // A process with nothing else to wait for: the close must hold it until the thread is gone.
    const script = `
      import { walCheckpointer } from ${JSON.stringify(new URL('./wal-checkpointer.ts', import.meta.url).href)};
      const c = walCheckpointer(${JSON.stringify(location)}, () => {}, { commits: 1, ms: 3_600_000 });
      c.committed();
      await c.now();
      await c.close();
      console.log('closed');
    `;
    const file = join(dirname(location), 'close.mjs');
    writeFileSync(file, script);
    const r = spawnSync(process.execPath, [file], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('closed');
    expect(r.status).toBe(0);
  });
});
