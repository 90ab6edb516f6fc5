import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeExport } from '../src/export/export-folder.ts';
import { buildApp } from '../src/server/app.ts';
import { DEMO_LOG_DIR, importDemoLog } from '../src/server/demo-log.ts';
import { type Database, openDatabase } from '../src/store/database.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { ProvenanceStore } from '../src/store/provenance-store.ts';
import { DIALECTS, scratchDatabase } from './helpers/databases.ts';
import { crypto, ledgerFixture } from './helpers/ledger-fixture.ts';
import { runCli } from './helpers/run-cli.ts';

const RECONSTRUCTED = 'This log was reconstructed afterwards from public reporting';
const DEMO_KEYS = 'This log is signed with demonstration keys that anyone can derive';

describe.each(DIALECTS)('the provenance of a log on %s', (dialect) => {
  let database: Database;
  let dir: string;
  const f = ledgerFixture();
  beforeEach(async () => {
    database = await scratchDatabase(dialect);
    dir = mkdtempSync(join(tmpdir(), 'truce-provenance-'));
  });
  afterEach(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is kept with the log, claims only add, and a new log claims nothing', async () => {
    await f.createLog(new LedgerStore(database, crypto));
    const provenance = new ProvenanceStore(database);
    expect(await provenance.get(f.logId)).toEqual({ reconstructed: false, demoKeys: false });
    expect(await provenance.claim(f.logId, { reconstructed: true, demoKeys: false })).toEqual({
      reconstructed: true,
      demoKeys: false,
    });
    // A later claim of "neither" withdraws nothing.
    await provenance.claim(f.logId, { reconstructed: false, demoKeys: true });
    expect(await provenance.get(f.logId)).toEqual({ reconstructed: true, demoKeys: true });
    expect(await provenance.all()).toEqual(new Map([[f.logId, { reconstructed: true, demoKeys: true }]]));
  });

  it('goes into the export and comes back with the import', async () => {
    const store = new LedgerStore(database, crypto);
    await f.createLog(store);
    await new ProvenanceStore(database).claim(f.logId, { reconstructed: true, demoKeys: false });
    await writeExport(store, f.logId, dir);
    const logJson = JSON.parse(readFileSync(join(dir, 'log.json'), 'utf8'));
    expect(logJson.provenance).toEqual({ reconstructed: true, demoKeys: false });
    const other = await scratchDatabase(dialect);
    try {
      const imported = new LedgerStore(other, crypto);
      expect((await importDemoLog(imported, crypto, dir)).log).toBe(f.logId);
      expect(await new ProvenanceStore(other).get(f.logId)).toEqual({ reconstructed: true, demoKeys: false });
    } finally {
      await other.close();
    }
  });

  it('is served by the API and stands at the top of the report', async () => {
    const store = new LedgerStore(database, crypto);
    await importDemoLog(store, crypto, DEMO_LOG_DIR);
    const app = await buildApp({ database, crypto });
    try {
      const one = await app.inject({ url: '/api/logs/nov-2023-pause' });
      expect(one.json().provenance).toEqual({ reconstructed: true, demoKeys: true });
      const all = await app.inject({ url: '/api/logs' });
      expect(all.json().logs[0].provenance).toEqual({ reconstructed: true, demoKeys: true });
      // The JSON exports carry it beside their rows.
      for (const url of ['events.json', 'statuses.json']) {
        const x = await app.inject({ url: `/api/logs/nov-2023-pause/export/${url}` });
        expect(x.json().provenance, url).toEqual({ reconstructed: true, demoKeys: true });
      }
      const report = await app.inject({ url: '/api/logs/nov-2023-pause/report?date=2023-11-25' });
      expect(report.statusCode).toBe(200);
      const banner = /<p class="provenance" role="note"><strong>([^<]*)<\/strong><\/p>\s*<h1>/.exec(
        report.body,
      );
      expect(banner?.[1]).toContain(RECONSTRUCTED);
      expect(banner?.[1]).toContain(DEMO_KEYS);
    } finally {
      await app.close();
    }
  });
});

describe('the provenance of a log, from the command line', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'truce-provenance-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is kept by truce import and truce export, and said first by truce status and truce report', async () => {
    const db = join(dir, 'a.db');
    expect((await runCli('import', DEMO_LOG_DIR, '--database', db)).status).toBe(0);
    const out = join(dir, 'out');
    expect((await runCli('export', '--out', out, '--database', db)).status).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'log.json'), 'utf8')).provenance).toEqual({
      reconstructed: true,
      demoKeys: true,
    });
    const status = await runCli('status', '--log', 'nov-2023-pause', '--database', db, '--at', '2023-11-25');
    expect(status.status, status.stderr).toBe(0);
    const [first, second] = status.stdout.split('\n');
    expect(first).toMatch(new RegExp(`^${RECONSTRUCTED}`));
    expect(second).toMatch(new RegExp(`^${DEMO_KEYS}`));
    const fromFolder = await runCli('report', out, '--date', '2023-11-25');
    expect(fromFolder.stdout).toContain(`<p class="provenance" role="note"><strong>${RECONSTRUCTED}`);
  });

  it('refuses an export whose provenance is malformed, importing nothing', async () => {
    const out = join(dir, 'bad');
    const db = join(dir, 'a.db');
    expect((await runCli('import', DEMO_LOG_DIR, '--database', db)).status).toBe(0);
    expect((await runCli('export', '--out', out, '--database', db)).status).toBe(0);
    const logJson = JSON.parse(readFileSync(join(out, 'log.json'), 'utf8'));
    writeFileSync(
      join(out, 'log.json'),
      JSON.stringify({ ...logJson, provenance: { reconstructed: 'yes' } }),
    );
    const r = await runCli('import', out, '--database', join(dir, 'b.db'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'log.json: provenance must be {"reconstructed": true|false, "demoKeys": true|false}.',
    );
    const b = await openDatabase(join(dir, 'b.db'));
    try {
      expect(await new LedgerStore(b, crypto).listLogs()).toEqual([]);
    } finally {
      await b.close();
    }
  });

  it('is claimed when a log is created with --reconstructed or --demo-keys', async () => {
    const key = join(dir, 'operator.key');
    expect((await runCli('keygen', 'operator', '--out', key)).status).toBe(0);
    const r = await runCli(
      'log',
      'init',
      'examples/agreements/jan-2025-ceasefire.yaml',
      '--key',
      key,
      '--reconstructed',
      '--database',
      join(dir, 'c.db'),
      '--json',
    );
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).provenance).toEqual({ reconstructed: true, demoKeys: false });
  });
});
