import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnServe } from './helpers/serve-process.ts';

describe('truce serve', () => {
  const dir = mkdtempSync(join(tmpdir(), 'truce-serve-'));
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on a free port, answers /api/health, and stops cleanly on SIGTERM', async () => {
    const s = spawnServe(['--port', '0', '--database', join(dir, 'truce.db')]);
    child = s.child;
    const { next, exited } = s;
    const started = await next();
    expect(started.listening, s.stderr()).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${started.listening}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', database: 'sqlite' });
    const docs = await fetch(`${started.listening}/api/docs`);
    expect(docs.headers.get('content-type')).toBe('text/html; charset=utf-8');
    child.kill('SIGTERM');
    expect(await next()).toEqual({ signal: 'SIGTERM' });
    expect(await next()).toEqual({ stopped: started.listening });
    expect(await exited).toBe(0);
    expect(s.stderr()).toBe('');
  });

  it('refuses a bad port with a usage error (exit 2)', async () => {
    const s = spawnServe(['--port', '99999']);
    child = s.child;
    expect(await s.exited).toBe(2);
    expect(s.stderr()).toMatch(/--port "99999": expected a port number/);
  });

  it('refuses a persons quota that is not a whole number from 1 with a usage error (exit 2)', async () => {
    const s = spawnServe(['--port', '0', '--persons-quota', '0', '--database', join(dir, 'truce.db')]);
    child = s.child;
    expect(await s.exited).toBe(2);
    expect(s.stderr()).toMatch(/--persons-quota "0": expected a whole number of person records/);
  });
});
