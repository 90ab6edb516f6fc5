import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/run-cli.ts';

/** The JSON lines `truce serve --json` prints, one at a time. */
function lines(child: ChildProcess) {
  const queue: Record<string, string>[] = [];
  const waiting: ((l: Record<string, string>) => void)[] = [];
  createInterface({ input: child.stdout! }).on('line', (l) => {
    const parsed = JSON.parse(l) as Record<string, string>;
    const w = waiting.shift();
    if (w) w(parsed);
    else queue.push(parsed);
  });
  return () =>
    new Promise<Record<string, string>>((done) => {
      const q = queue.shift();
      if (q) done(q);
      else waiting.push(done);
    });
}

describe('truce serve', () => {
  const dir = mkdtempSync(join(tmpdir(), 'truce-serve-'));
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on a free port, answers /api/health, and stops cleanly on SIGTERM', async () => {
    child = spawn(
      process.execPath,
      ['src/cli/main.ts', 'serve', '--port', '0', '--database', join(dir, 'truce.db'), '--json'],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr!.on('data', (d) => {
      stderr += d;
    });
    const next = lines(child);
    const started = await next();
    expect(started.listening, stderr).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${started.listening}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', database: 'sqlite' });
    const docs = await fetch(`${started.listening}/api/docs`);
    expect(docs.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const exited = new Promise<number | null>((done) => child!.on('exit', done));
    child.kill('SIGTERM');
    expect(await next()).toEqual({ signal: 'SIGTERM' });
    expect(await next()).toEqual({ stopped: started.listening });
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
  });

  it('refuses a bad port with a usage error (exit 2)', async () => {
    child = spawn(process.execPath, ['src/cli/main.ts', 'serve', '--port', '99999'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d) => {
      stderr += d;
    });
    const code = await new Promise<number | null>((done) => child!.on('exit', done));
    expect(code).toBe(2);
    expect(stderr).toMatch(/--port "99999": expected a port number/);
  });
});
