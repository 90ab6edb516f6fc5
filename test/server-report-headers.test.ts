import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import type { Database } from '../src/store/database.ts';
import { agreementFolder } from './helpers/adopted-agreement.ts';
import { scratchDatabase } from './helpers/databases.ts';
import { crypto } from './helpers/ledger-fixture.ts';
import { seedFixtureLog } from './server-fixture.ts';

const SECURITY = ['content-security-policy', 'referrer-policy', 'x-frame-options', 'x-content-type-options'];

describe('the HTML situation report', () => {
  let database: Database;
  let app: FastifyInstance;
  const folder = agreementFolder('test-log');
  const web = mkdtempSync(join(tmpdir(), 'truce-web-'));
  beforeAll(async () => {
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>Truce</title>');
    database = await scratchDatabase('sqlite');
    const { f, store } = await seedFixtureLog(database);
    await store.append(f.logId, [f.event('operator', 'agreement.adopted', folder.adopted)]);
    app = await buildApp({ database, crypto, agreementsDir: folder.dir, webDir: web });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    folder.remove();
    rmSync(web, { recursive: true, force: true });
  });

  it('is served with the security headers of the dashboard', async () => {
    const dashboard = await app.inject({ url: '/' });
    const report = await app.inject({ url: '/api/logs/test-log/report?date=2023-11-25' });
    expect(dashboard.statusCode).toBe(200);
    expect(report.statusCode, report.body).toBe(200);
    expect(report.headers['content-type']).toBe('text/html; charset=utf-8');
    for (const name of SECURITY) {
      expect(dashboard.headers[name], name).toBeDefined();
      expect([name, report.headers[name]]).toEqual([name, dashboard.headers[name]]);
    }
    expect(report.headers['content-security-policy']).toContain("script-src 'self'");
    expect(report.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});
