import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { toHex } from '../../src/core/crypto/crypto.ts';
import { leafHash } from '../../src/core/ledger/merkle.ts';
import { nodeCrypto } from '../../src/platform/node-crypto.ts';
import { repoRoot, runCli } from '../helpers/run-cli.ts';
import { type Browser, openBrowser } from './chromium.ts';
import { type Served, startServe } from './serve.ts';
import { ensureWebBuilt } from './web-build.ts';

export const DEMO_LOG = 'nov-2023-pause';

/** The leaf hashes of the demo log's events, in order, from the export the server imports. */
export function demoLeaves(): string[] {
  const lines = readFileSync(join(repoRoot, 'examples', 'logs', DEMO_LOG, 'events.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean);
  return lines.map((l) => toHex(leafHash(nodeCrypto.sha256, new TextEncoder().encode(l))));
}

/**
 * `truce serve --demo` over a fresh SQLite database in a temporary folder, the dashboard built.
 * `prepare` may fill the database (and the folder) before the server opens it, and give more
 * arguments for `truce serve`.
 */
export async function demoServer(
  prepare?: (database: string, dir: string) => Promise<string[] | undefined>,
): Promise<Served & { dir: string }> {
  await ensureWebBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'truce-browser-'));
  const database = join(dir, 'truce.db');
  const args = prepare ? await prepare(database, dir) : undefined;
  const served = await startServe(database, args ?? []);
  return {
    ...served,
    dir,
    async stop() {
      await served.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * `prepare` for demoServer: the demo log (Nov 2023) and the October 2025 log, both imported here
 * (`--demo` imports its own log into a database with no log only).
 */
export async function withOct2025(database: string): Promise<undefined> {
  for (const log of [DEMO_LOG, 'oct-2025-ceasefire']) {
    const imported = await runCli('import', `examples/logs/${log}`, '--database', database);
    if (imported.status !== 0) throw new Error(imported.stderr);
  }
  return undefined;
}

/**
 * A demo server and a Chromium of its own for one describe block: opened before its tests, closed
 * after them. Read `server` and `browser` inside the tests.
 */
export function demoBrowser(prepare?: Parameters<typeof demoServer>[0]): {
  readonly server: Served & { dir: string };
  readonly browser: Browser;
} {
  let server: (Served & { dir: string }) | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await demoServer(prepare);
    browser = await openBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
  };
}
