import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { openApiPath } from '../src/server/openapi.ts';
import { servedRoutes } from '../src/server/route.ts';
import type { Database } from '../src/store/database.ts';
import { scratchDatabase } from './helpers/databases.ts';
import { crypto } from './helpers/ledger-fixture.ts';
import { repoRoot } from './helpers/run-cli.ts';

describe('docs/api.md', () => {
  let database: Database;
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    database = await scratchDatabase('sqlite');
    app = await buildApp({ database, crypto });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('names every route the server serves, as METHOD /path (the reference pages by their path)', () => {
    const doc = readFileSync(join(repoRoot, 'docs/api.md'), 'utf8');
    const missing = servedRoutes(app)
      .map((r) => ({ method: r.method, path: openApiPath(r.url).replace(/\{path\}$/, '') }))
      .filter(({ method, path }) => !doc.includes(`${method} ${path}`) && !doc.includes(`\`${path}\``))
      .map(({ method, path }) => `${method} ${path}`);
    expect(missing).toEqual([]);
  });
});
