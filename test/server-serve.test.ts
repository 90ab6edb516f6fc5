import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { SERVER_HEAP_FLAGS } from '../src/server/server-heap-flags.ts';
import { repoRoot } from './helpers/run-cli.ts';
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
    // The process started is the one serving (same id: a supervisor's signals reach it), and it
    // runs with the server's V8 flags (src/server/server-heap-flags.ts).
    const cmdline = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0');
    for (const flag of SERVER_HEAP_FLAGS) expect(cmdline).toContain(flag);
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

  /** `truce serve` in text mode, as a person runs it: its first two lines of standard output. */
  async function firstLines(web: string): Promise<string[]> {
    const c = spawn(
      process.execPath,
      ['src/cli/main.ts', 'serve', '--port', '0', '--database', join(dir, 'text.db'), '--web', web],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = c;
    const lines: string[] = [];
    for await (const line of createInterface({ input: c.stdout! })) {
      lines.push(line);
      if (lines.length === 2) break;
    }
    c.kill('SIGTERM');
    await new Promise((done) => c.on('exit', done));
    return lines;
  }

  it("prints the dashboard's address first, and it serves the dashboard", async () => {
    const web = join(dir, 'web');
    mkdirSync(web, { recursive: true });
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>Truce</title>');
    const json = spawnServe(['--port', '0', '--database', join(dir, 'truce.db'), '--web', web]);
    child = json.child;
    const started = await json.next();
    expect(started.dashboard).toBe(`${started.listening}/`);
    const page = await fetch(started.dashboard!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Truce</title>');
    json.child.kill('SIGTERM');
    await json.exited;

    const [first, second] = await firstLines(web);
    expect(first).toMatch(/^truce serve: dashboard at http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(second).toMatch(/^truce serve: API at http:\/\/127\.0\.0\.1:\d+\/api\/ \(reference at /);
  });

  it('says how to build the dashboard when it is not built', async () => {
    const empty = join(dir, 'not-built');
    mkdirSync(empty, { recursive: true });
    const [first] = await firstLines(empty);
    expect(first).toMatch(
      /^truce serve: the dashboard is not built \(.*not-built\): run `npm run build:web` \(or `npm start`\), then open http:\/\/127\.0\.0\.1:\d+\/$/,
    );
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
