import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { DIALECTS, scratchDatabase } from './helpers/databases.ts';
import { crypto } from './helpers/ledger-fixture.ts';
import { problem } from './server-fixture.ts';

const INDEX =
  '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head></html>';
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(4000))});`;

function builtDashboard(): string {
  const dir = mkdtempSync(join(tmpdir(), 'truce-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), SCRIPT);
  writeFileSync(join(dir, 'assets', 'index-abc123.css'), 'body{margin:0}');
  writeFileSync(join(dir, 'secret.txt'), 'not an asset');
  return dir;
}

describe.each(DIALECTS)('the dashboard served by truce serve on %s', (dialect) => {
  let app: FastifyInstance;
  let bare: FastifyInstance;
  let close: () => Promise<void>;
  const dir = builtDashboard();
  beforeAll(async () => {
    const database = await scratchDatabase(dialect);
    app = await buildApp({ database, crypto, webDir: dir });
    bare = await buildApp({ database, crypto, webDir: join(dir, 'no-such-build') });
    close = async () => {
      await app.close();
      await bare.close();
      await database.close();
    };
  });
  afterAll(async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers index.html at / and at every path of the app, never cached, with a strict CSP', async () => {
    for (const url of [
      '/',
      '/agreements/nov-2023-pause',
      '/agreements/nov-2023-pause/day/2023-11-25',
      `/logs/nov-2023-pause/events/${'a'.repeat(64)}`,
      '/compare?a=x&b=y',
      '/workspace?lang=ar',
    ]) {
      const r = await app.inject({ url });
      expect(r.statusCode, url).toBe(200);
      expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(r.headers['cache-control']).toBe('no-cache');
      expect(r.headers['content-security-policy']).toContain("script-src 'self'");
      expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(r.body).toBe(INDEX);
    }
    const head = await app.inject({ method: 'HEAD', url: '/agreements/x' });
    expect(head.statusCode).toBe(200);
  });

  it('serves the hashed assets immutable, gzipped when the client asks', async () => {
    const plain = await app.inject({ url: '/assets/index-abc123.js' });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
    const gz = await app.inject({
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toBe('accept-encoding');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);
    expect(gz.rawPayload.length).toBeLessThan(SCRIPT.length / 10);
    const css = await app.inject({ url: '/assets/index-abc123.css' });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('a missing asset or a path out of assets is a 404 problem, not the page', async () => {
    expect(problem(await app.inject({ url: '/assets/index-zzz.js' }))).toEqual([404, 'route-not-found']);
    expect(problem(await app.inject({ url: '/assets/%2e%2e%2fsecret.txt' }))).toEqual([
      404,
      'route-not-found',
    ]);
    // A client resolves dot segments before asking (/assets/../secret.txt is /secret.txt): the page, never the file.
    for (const url of ['/assets/../secret.txt', '/secret.txt', '/assets/..%2fsecret.txt']) {
      expect((await app.inject({ url })).body, url).not.toContain('not an asset');
    }
    expect(problem(await app.inject({ url: '/assets/sub/index-abc123.js' }))).toEqual([
      404,
      'route-not-found',
    ]);
  });

  it('leaves /api as it was: unknown API paths are 404 problems, the API answers', async () => {
    expect(problem(await app.inject({ url: '/api/nope' }))).toEqual([404, 'route-not-found']);
    expect(problem(await app.inject({ url: '/api' }))).toEqual([404, 'route-not-found']);
    expect(problem(await app.inject({ method: 'POST', url: '/agreements' }))).toEqual([
      404,
      'route-not-found',
    ]);
    const health = await app.inject({ url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.headers['content-type']).toMatch(/^application\/json/);
  });

  it('without a build, the pages answer 503 saying to build, and the API still works', async () => {
    const r = await bare.inject({ url: '/agreements/nov-2023-pause' });
    expect(problem(r)).toEqual([503, 'dashboard-not-built']);
    expect(JSON.parse(r.body).detail).toContain('npm run build:web');
    expect((await bare.inject({ url: '/api/health' })).statusCode).toBe(200);
    expect(problem(await bare.inject({ url: '/assets/index-abc123.js' }))).toEqual([404, 'route-not-found']);
  });
});
