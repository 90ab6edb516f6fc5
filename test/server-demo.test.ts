import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Evaluation } from '../src/server/status-schemas.ts';
import { spawnServe } from './helpers/serve-process.ts';

/** `truce serve --demo --json` on a free port over `database`, and the JSON lines it prints. */
function serveDemo(database: string) {
  const s = spawnServe(['--demo', '--port', '0', '--database', database]);
  return {
    ...s,
    state: {
      get stderr() {
        return s.stderr();
      },
    },
  };
}

describe('truce serve --demo', () => {
  const dir = mkdtempSync(join(tmpdir(), 'truce-demo-'));
  const database = join(dir, 'truce.db');
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports the Nov 2023 record into an empty database, serves it, and stops on SIGTERM', async () => {
    const s = serveDemo(database);
    child = s.child;
    expect(await s.next(), s.state.stderr).toEqual({ demo: 'nov-2023-pause', events: '64' });
    const started = await s.next();
    expect(started.listening, s.state.stderr).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(Number(new URL(started.listening!).port)).toBeGreaterThan(0);
    const logs = (await (await fetch(`${started.listening}/api/logs`)).json()) as {
      logs: { id: string; size: number; checkpointSize: number | null }[];
    };
    expect(logs.logs).toEqual([
      expect.objectContaining({ id: 'nov-2023-pause', size: 64, checkpointSize: 64 }),
    ]);
    // Who recorded what is named by the log's registrations: name, role and party, never a key.
    const log = (await (await fetch(`${started.listening}/api/logs/nov-2023-pause`)).json()) as {
      actors: Record<string, unknown>[];
    };
    expect(log.actors).toContainEqual({ actor: 'hamas', name: 'Hamas (demo key)', role: 'party', party: 'hamas' });
    expect(log.actors.find((a) => a.actor === 'monitor')).toMatchObject({ role: 'monitor' });
    expect(log.actors.every((a) => !('key' in a))).toBe(true);
    const status = await fetch(
      `${started.listening}/api/logs/nov-2023-pause/status?at=2023-12-01T12:00:00%2B02:00`,
    );
    expect(status.status).toBe(200);
    const ev = Evaluation.parse(await status.json());
    expect(ev.exchanges.directions.find((d) => d.from === 'hamas')).toMatchObject({
      counted: 80,
      outside: 25,
    });
    child.kill('SIGTERM');
    expect(await s.next()).toEqual({ signal: 'SIGTERM' });
    expect(await s.next()).toEqual({ stopped: started.listening });
    expect(await s.exited).toBe(0);
    expect(s.state.stderr).toBe('');
  });

  it('leaves a database that already has a log as it is', async () => {
    const s = serveDemo(database);
    child = s.child;
    const started = await s.next();
    expect(started.listening, s.state.stderr).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const logs = (await (await fetch(`${started.listening}/api/logs`)).json()) as {
      logs: { size: number }[];
    };
    expect(logs.logs.map((l) => l.size)).toEqual([64]);
    child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  });
});
