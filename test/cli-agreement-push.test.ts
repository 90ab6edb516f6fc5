import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { AgreementStore } from '../src/store/agreement-store.ts';
import { DIALECTS } from './helpers/databases.ts';
import { crypto } from './helpers/ledger-fixture.ts';
import { repoRoot, runCliIn } from './helpers/run-cli.ts';
import { serverFixture } from './server-fixture.ts';

const NOV = readFileSync(join(repoRoot, 'examples/agreements/nov-2023-pause.yaml'), 'utf8');

describe.each(DIALECTS)('truce agreement push to a server on %s', (dialect) => {
  let s: Awaited<ReturnType<typeof serverFixture>>;
  let app: FastifyInstance;
  let work: string;
  let server: string;
  beforeAll(async () => {
    s = await serverFixture(dialect);
    work = mkdtempSync(join(tmpdir(), 'truce-push-'));
    const files = join(work, 'published');
    mkdirSync(files);
    copyFileSync(join(repoRoot, 'examples/agreements/vaccination-pauses-2024.yaml'), join(files, 'v.yaml'));
    app = await buildApp({ database: s.database, crypto, agreementsDir: files });
    server = await app.listen({ host: '127.0.0.1', port: 0 });
    writeFileSync(join(work, 'operator.token'), `${s.tokens.operator}\n`);
    writeFileSync(join(work, 'monitor.token'), `${s.tokens.monitor}\n`);
  });
  afterAll(async () => {
    await app.close();
    await s.close();
    rmSync(work, { recursive: true, force: true });
  });
  const push = (...args: string[]) => runCliIn(work, 'agreement', 'push', ...args);

  it('stores a file as the next version, once; --proposal stores a proposal; --json prints the answer', async () => {
    writeFileSync(join(work, 'pause.yaml'), NOV.replace('id: nov-2023-pause', 'id: pushed'));
    const first = await push('pause.yaml', '--server', server, '--token-file', 'operator.token');
    expect([first.status, first.stdout]).toEqual([
      0,
      expect.stringMatching(/^stored pushed version 1 \(adopted\), sha256 [0-9a-f]{64}\n$/),
    ]);
    expect(first.stdout + first.stderr).not.toContain(s.tokens.operator!);
    const again = await push('pause.yaml', '--server', server, '--token-file', 'operator.token');
    expect([again.status, again.stdout]).toEqual([0, expect.stringMatching(/^unchanged: pushed version 1 /)]);
    const proposed = await push(
      'pause.yaml',
      '--server',
      server,
      '--token-file',
      'operator.token',
      '--proposal',
      '--json',
    );
    expect(proposed.status).toBe(0);
    expect(JSON.parse(proposed.stdout)).toMatchObject({
      id: 'pushed',
      version: 2,
      status: 'proposal',
      duplicate: false,
    });
    const asJson = join(work, 'pause.json');
    const parsed = await (await fetch(`${server}/api/agreements/pushed/versions/1`)).json();
    writeFileSync(asJson, JSON.stringify({ ...parsed, id: 'pushed-json' }));
    const json = await push('pause.json', '--server', server, '--token-file', 'operator.token', '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ id: 'pushed-json', mediaType: 'application/json' });
    expect(await new AgreementStore(s.database).latestNumber('pushed')).toBe(2);
  });

  it('checks the file first, and prints what the server refuses, exiting 1', async () => {
    const bad = await runCliIn(
      repoRoot,
      'agreement',
      'push',
      'test/fixtures/agreements-bad/ratio-mismatch.yaml',
      '--server',
      server,
      '--token-file',
      join(work, 'operator.token'),
    );
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(
      /^test\/fixtures\/agreements-bad\/ratio-mismatch\.yaml:105:14: The counterpart total is 1000/,
    );
    writeFileSync(
      join(work, 'v.yaml'),
      readFileSync(join(repoRoot, 'examples/agreements/vaccination-pauses-2024.yaml')),
    );
    const monitor = await push('v.yaml', '--server', server, '--token-file', 'monitor.token');
    expect([monitor.status, monitor.stderr]).toEqual([
      1,
      expect.stringMatching(/\(403 role-not-permitted\)\n$/),
    ]);
    const readOnly = await push('v.yaml', '--server', server, '--token-file', 'operator.token');
    expect([readOnly.status, readOnly.stderr]).toEqual([
      1,
      expect.stringMatching(/\(409 agreement-read-only\)\n$/),
    ]);
  });

  it('refuses a missing flag (2), a bad token file or an unreachable server (1)', async () => {
    writeFileSync(join(work, 'p.yaml'), NOV.replace('id: nov-2023-pause', 'id: pushed-flags'));
    expect((await push('p.yaml', '--token-file', 'operator.token')).status).toBe(2);
    expect((await push('p.yaml', '--server', server)).status).toBe(2);
    expect((await push('p.yaml', '--server', 'ftp://x', '--token-file', 'operator.token')).status).toBe(2);
    const missing = await push('p.yaml', '--server', server, '--token-file', 'none.token');
    expect([missing.status, missing.stderr]).toEqual([
      1,
      expect.stringMatching(/Cannot read the token file none\.token/),
    ]);
    const closed = await push('p.yaml', '--server', 'http://127.0.0.1:9', '--token-file', 'operator.token');
    expect([closed.status, closed.stderr]).toEqual([
      1,
      expect.stringMatching(/Cannot reach http:\/\/127\.0\.0\.1:9/),
    ]);
    expect(await new AgreementStore(s.database).latestNumber('pushed-flags')).toBe(0);
  });
});

describe('truce agreement push of the agreement of a log', () => {
  it("says whether the log adopted it, and the server refuses another log's token", async () => {
    const s = await serverFixture('sqlite');
    const work = mkdtempSync(join(tmpdir(), 'truce-push-log-'));
    const app = await buildApp({ database: s.database, crypto });
    try {
      const server = await app.listen({ host: '127.0.0.1', port: 0 });
      writeFileSync(join(work, 'operator.token'), `${s.tokens.operator}\n`);
      const minimal = readFileSync(join(repoRoot, 'test/fixtures/agreements-good/minimal.yaml'), 'utf8');
      writeFileSync(join(work, 'log.yaml'), minimal.replace('id: test-minimal', 'id: test-log'));
      const pushed = await runCliIn(
        work,
        'agreement',
        'push',
        'log.yaml',
        '--server',
        server,
        '--token-file',
        'operator.token',
      );
      expect(pushed.status, pushed.stderr).toBe(0);
      expect(pushed.stdout).toMatch(/^stored test-log version 1 \(adopted\)/);
      expect(pushed.stdout).toContain(
        'log test-log has not adopted it yet: sign the agreement.adopted event',
      );
      // A token of another log: refused, nothing stored.
      await s.store.createLog({
        id: 'other-log',
        origin: 'truce.example/other-log',
        logKey: s.f.operatorKey,
        createdAt: '2023-11-24T00:00:00Z',
      });
      writeFileSync(join(work, 'other.yaml'), minimal.replace('id: test-minimal', 'id: other-log'));
      const refused = await runCliIn(
        work,
        'agreement',
        'push',
        'other.yaml',
        '--server',
        server,
        '--token-file',
        'operator.token',
      );
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(
        /only the operator or a mediator of log "other-log".*\(403 agreement-of-another-log\)/,
      );
      expect(await new AgreementStore(s.database).latestNumber('other-log')).toBe(0);
    } finally {
      await app.close();
      await s.close();
      rmSync(work, { recursive: true, force: true });
    }
  });
});
