import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPath, parseAgreement } from '../src/core/agreement/index.ts';
import type { Agreement } from '../src/core/agreement/types.ts';
import { comparisonInWords } from '../src/core/compare/comparison-in-words.ts';
import { compareAgreements } from '../src/core/compare/index.ts';
import { buildApp } from '../src/server/app.ts';
import { AgreementStore } from '../src/store/agreement-store.ts';
import { TokenStore } from '../src/store/token-store.ts';
import { DIALECTS } from './helpers/databases.ts';
import { crypto } from './helpers/ledger-fixture.ts';
import { repoRoot, runCli } from './helpers/run-cli.ts';
import { json, serverFixture } from './server-fixture.ts';

const EXAMPLES = join(repoRoot, 'examples/agreements');
const BAD = join(repoRoot, 'test/fixtures/agreements-bad');
const example = (name: string) => readFileSync(join(EXAMPLES, name), 'utf8');
const NOV = example('nov-2023-pause.yaml');

/** The example text with another agreement id, so that each test has agreements of its own. */
const withId = (text: string, id: string) => text.replace(/^id: .*$/m, `id: ${id}`);

function parsed(text: string, file = 'x.yaml'): Agreement {
  const r = parseAgreement(text, file);
  if (!r.ok) throw new Error(`fixture does not check: ${r.errors[0]!.message}`);
  return r.agreement;
}

type Reply = { statusCode: number; headers: Record<string, unknown>; body: string };

/** [status, code] of a problem, its shape checked: RFC 9457 members, and `errors` only when invalid. */
function problem(r: Reply): [number, string | undefined] {
  expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
  const p = json(r);
  const keys = ['code', 'detail', 'status', 'title', 'type'];
  expect(Object.keys(p).sort()).toEqual(
    p.code === 'agreement-invalid' ? [...keys.slice(0, 2), 'errors', ...keys.slice(2)] : keys,
  );
  expect(p.status).toBe(r.statusCode);
  expect(r.body).not.toMatch(/at .*\.ts:\d+|postgres:\/\/|truce\.db/);
  return [r.statusCode, p.code];
}

describe.each(DIALECTS)('uploading agreements on %s', (dialect) => {
  let s: Awaited<ReturnType<typeof serverFixture>>;
  let app: FastifyInstance;
  let dir: string;
  let mediator: Record<string, string>;
  beforeAll(async () => {
    s = await serverFixture(dialect);
    // The server publishes one file, read-only; everything else here is uploaded.
    dir = mkdtempSync(join(tmpdir(), 'truce-upload-'));
    copyFileSync(join(EXAMPLES, 'vaccination-pauses-2024.yaml'), join(dir, 'vaccination.yaml'));
    app = await buildApp({ database: s.database, crypto, agreementsDir: dir });
    await s.store.append(s.f.logId, [s.f.register('mediator')]);
    const med = await new TokenStore(s.database).create({
      log: s.f.logId,
      actor: 'mediator',
      role: 'mediator',
    });
    mediator = { authorization: `Bearer ${med.token}` };
  });
  afterAll(async () => {
    await app.close();
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const upload = (
    body: string | Buffer,
    opts: { as?: Record<string, string>; type?: string; query?: string } = {},
  ) =>
    app.inject({
      method: 'POST',
      url: `/api/agreements${opts.query ?? ''}`,
      headers: {
        ...(opts.as ?? s.as('operator')),
        ...(opts.type === '' ? {} : { 'content-type': opts.type ?? 'application/yaml' }),
      },
      payload: body,
    });
  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers });
  const stored = (id: string) => new AgreementStore(s.database).latestNumber(id);

  it('stores a YAML upload as version 1, exactly as sent, and publishes it', async () => {
    const text = withId(NOV, 'nov-yaml');
    const r = await upload(text);
    expect(r.statusCode).toBe(201);
    expect(r.headers.location).toBe('/api/agreements/nov-yaml/versions/1');
    const body = json(r);
    expect(body).toMatchObject({
      id: 'nov-yaml',
      version: 1,
      status: 'adopted',
      mediaType: 'application/yaml',
      sha256: createHash('sha256').update(text).digest('hex'),
      size: Buffer.byteLength(text),
      uploadedBy: { actor: 'operator', role: 'operator', log: s.f.logId },
      duplicate: false,
      warnings: [],
    });
    expect(Date.parse(body.uploadedAt as string)).toBeGreaterThan(Date.now() - 60_000);
    const agreement = JSON.parse(JSON.stringify(parsed(text)));
    expect(json(await get('/api/agreements/nov-yaml'))).toEqual(agreement);
    expect(json(await get('/api/agreements/nov-yaml/versions/1'))).toEqual(agreement);
    const source = await get('/api/agreements/nov-yaml/versions/1?format=source');
    expect(source.headers['content-type']).toBe('application/yaml; charset=utf-8');
    expect(source.rawPayload.equals(Buffer.from(text))).toBe(true);
    const { agreements } = json(await get('/api/agreements')) as { agreements: Record<string, unknown>[] };
    expect(agreements.find((a) => a.id === 'nov-yaml')).toEqual({
      id: 'nov-yaml',
      title: agreement.title,
      kind: 'agreement',
      version: 1,
      origin: 'upload',
      status: 'adopted',
      storedVersion: 1,
    });
    expect(agreements.find((a) => a.id === 'vaccination-pauses-2024')).toMatchObject({
      origin: 'file',
      storedVersion: null,
    });
    // The plan of an uploaded agreement is the plan of the same file.
    const plan = await get('/api/agreements/nov-yaml/plan');
    expect(plan.statusCode).toBe(200);
    expect(json(plan).agreement).toBe('nov-yaml');
  });

  it('stores a JSON upload as sent, with its media type', async () => {
    const agreement = { ...parsed(example('jan-2025-ceasefire.yaml')), id: 'jan-json' };
    const text = `${JSON.stringify(agreement, null, 2)}\n`;
    const r = await upload(text, { as: mediator, type: 'application/json; charset=utf-8' });
    expect(r.statusCode).toBe(201);
    expect(json(r)).toMatchObject({
      id: 'jan-json',
      version: 1,
      mediaType: 'application/json',
      uploadedBy: { actor: 'mediator', role: 'mediator' },
    });
    expect(json(await get('/api/agreements/jan-json'))).toEqual(JSON.parse(text));
    const source = await get('/api/agreements/jan-json/versions/1?format=source');
    expect(source.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(source.body).toBe(text);
    // The other YAML names are taken too.
    for (const type of ['text/yaml', 'application/x-yaml']) {
      const r2 = await upload(withId(NOV, `nov-${type.replace('/', '-')}`), { type });
      expect([r2.statusCode, json(r2).mediaType]).toEqual([201, type]);
    }
  });

  it('answers 422 agreement-invalid with every located error, as truce validate gives them, for each bad fixture', async () => {
    const before = await new AgreementStore(s.database).ids();
    const names = readdirSync(BAD).sort();
    expect(names.length).toBeGreaterThan(30);
    for (const name of names) {
      const text = readFileSync(join(BAD, name), 'utf8');
      const r = await upload(text, {
        type: name.endsWith('.json') ? 'application/json' : 'application/yaml',
      });
      expect(problem(r), name).toEqual([422, 'agreement-invalid']);
      const result = parseAgreement(text, name);
      if (result.ok) throw new Error(`${name} checks`);
      const expected = result.errors.map((e) => ({
        code: e.code,
        message: e.message,
        line: e.line,
        column: e.column,
        path: formatPath(e.path),
        ...(e.expected ? { expected: e.expected } : {}),
      }));
      const { errors, detail } = json(r) as { errors: typeof expected; detail: string };
      expect(errors, name).toEqual(expected);
      expect(
        errors.every((e) => e.line >= 1 && e.column >= 1),
        name,
      ).toBe(true);
      expect(detail).toContain(`line ${errors[0]!.line}, column ${errors[0]!.column}`);
    }
    // Nothing of them was stored.
    expect(await new AgreementStore(s.database).ids()).toEqual(before);
  });

  it('gives every error of a document with several, located, as the CLI prints them', async () => {
    const text = withId(NOV, 'nov-two-errors')
      .replace('kind: agreement', 'kind: pact')
      .replace('timeZone: Asia/Gaza', 'timeZone: Asia/Gaza\nsignedBy: nobody');
    const r = await upload(text);
    expect(problem(r)).toEqual([422, 'agreement-invalid']);
    const { errors } = json(r) as {
      errors: { code: string; line: number; column: number; message: string }[];
    };
    expect(errors.length).toBeGreaterThanOrEqual(2);
    const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.startsWith(needle)) + 1;
    expect(errors.map((e) => e.line)).toEqual(
      expect.arrayContaining([lineOf('kind: pact'), lineOf('signedBy')]),
    );
    // The same messages, lines and columns as `truce validate --json` gives for the same text.
    const tmp = mkdtempSync(join(tmpdir(), 'truce-validate-'));
    try {
      const file = join(tmp, 'two.yaml');
      writeFileSync(file, text);
      const cli = await runCli('validate', '--json', file);
      expect(cli.status).toBe(1);
      const [validated] = (JSON.parse(cli.stdout) as { files: { errors: unknown[] }[] }).files;
      expect(errors.map(({ code, message, line, column }) => ({ code, message, line, column }))).toEqual(
        validated!.errors,
      );
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    expect(await stored('nov-two-errors')).toBe(0);
    // A body that is not UTF-8 is an invalid agreement, located at its start.
    const latin1 = await upload(
      Buffer.concat([Buffer.from('id: caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
    );
    expect(problem(latin1)).toEqual([422, 'agreement-invalid']);
    expect((json(latin1).errors as { code: string }[])[0]).toMatchObject({
      code: 'file-not-utf8',
      line: 1,
      column: 1,
    });
  });

  it('refuses a body over 256 KiB (413), an empty one (400), and stores nothing', async () => {
    const text = withId(NOV, 'nov-large');
    const large = `${text}${'# padding padding padding padding padding padding padding padding\n'.repeat(4200)}`;
    expect(Buffer.byteLength(large)).toBeGreaterThan(256 * 1024);
    const r = await upload(large);
    expect(problem(r)).toEqual([413, 'body-too-large']);
    expect(json(r).detail).toMatch(/256 KiB/);
    // Without a token the size does not matter: the caller is refused first.
    expect(problem(await upload(large, { as: {} }))).toEqual([401, 'auth-required']);
    expect(problem(await upload(''))).toEqual([400, 'body-empty']);
    expect(await stored('nov-large')).toBe(0);
  });

  it('refuses other media types (415), and YAML on every other route', async () => {
    const text = withId(NOV, 'nov-media');
    for (const type of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded']) {
      const r = await upload(text, { type });
      expect(problem(r), type).toEqual([415, 'unsupported-media-type']);
      expect(json(r).detail).toMatch(/application\/yaml/);
    }
    expect(problem(await upload(text, { type: '' }))).toEqual([415, 'unsupported-media-type']);
    expect(problem(await upload(text, { type: 'application/yaml; charset=iso-8859-1' }))).toEqual([
      415,
      'unsupported-media-type',
    ]);
    const append = await app.inject({
      method: 'POST',
      url: `/api/logs/${s.f.logId}/events`,
      headers: { ...s.as('operator'), 'content-type': 'application/yaml' },
      payload: 'v: 1\n',
    });
    expect(problem(append)).toEqual([415, 'unsupported-media-type']);
    expect(await stored('nov-media')).toBe(0);
  });

  it('lets operators and mediators upload; the public 401, parties, the intermediary and monitors 403', async () => {
    const text = withId(NOV, 'nov-roles');
    expect(problem(await upload(text, { as: {} }))).toEqual([401, 'auth-required']);
    for (const actor of ['party-a', 'party-b', 'icrc', 'monitor']) {
      expect(problem(await upload(text, { as: s.as(actor) })), actor).toEqual([403, 'role-not-permitted']);
    }
    expect(await stored('nov-roles')).toBe(0);
    expect((await upload(text, { as: s.as('operator') })).statusCode).toBe(201);
    const byMediator = await upload(withId(NOV, 'nov-roles-2'), { as: mediator });
    expect(byMediator.statusCode).toBe(201);
  });

  it('answers the same bytes again with the existing version (200); a proposal is a new version', async () => {
    const text = withId(NOV, 'nov-again');
    const first = await upload(text);
    const again = await upload(text, { as: mediator });
    expect(again.statusCode).toBe(200);
    expect(again.headers.location).toBe('/api/agreements/nov-again/versions/1');
    expect(json(again)).toEqual({ ...json(first), duplicate: true });
    // The same text proposed, then a changed text proposed: versions 2 and 3, still not in force.
    const proposed = await upload(text, { query: '?proposal=true' });
    expect([proposed.statusCode, json(proposed).version, json(proposed).status]).toEqual([
      201,
      2,
      'proposal',
    ]);
    const changed = text.replace('lengthDays: 4', 'lengthDays: 6');
    expect(json(await upload(changed, { query: '?proposal=true' })).version).toBe(3);
    expect(json(await get('/api/agreements/nov-again'))).toEqual(JSON.parse(JSON.stringify(parsed(text))));
    const listed = (json(await get('/api/agreements')).agreements as Record<string, unknown>[]).find(
      (a) => a.id === 'nov-again',
    );
    expect(listed).toMatchObject({ status: 'adopted', storedVersion: 1 });
    // Adopting the changed text puts it in force.
    expect(json(await upload(changed)).version).toBe(4);
    expect((json(await get('/api/agreements/nov-again')) as unknown as Agreement).phases[0]).toMatchObject({
      lengthDays: 6,
    });
  });

  it('stores a `kind: proposal` document as a proposal, and refuses to adopt it as it is', async () => {
    const text = example('may-2024-proposal.yaml');
    const r = await upload(text);
    expect([r.statusCode, json(r).status]).toEqual([201, 'proposal']);
    const refused = await upload(withId(text, 'may-adopted'), { query: '?proposal=false' });
    expect(problem(refused)).toEqual([422, 'agreement-kind-mismatch']);
    expect(problem(await upload(text, { query: '?proposal=maybe' }))).toEqual([400, 'request-invalid']);
    // With no adopted version, the latest proposal stands for the id.
    expect(json(await get('/api/agreements')).agreements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: parsed(text).id, status: 'proposal', storedVersion: 1 }),
      ]),
    );
  });

  it('refuses an upload whose id is a file of the server (409), and the file stays as it is', async () => {
    const text = example('vaccination-pauses-2024.yaml');
    const r = await upload(text);
    expect(problem(r)).toEqual([409, 'agreement-read-only']);
    expect(json(r).detail).toMatch(/vaccination-pauses-2024.*file/);
    expect(await stored('vaccination-pauses-2024')).toBe(0);
    expect(json(await get('/api/agreements/vaccination-pauses-2024'))).toEqual(
      JSON.parse(JSON.stringify(parsed(text))),
    );
    expect(problem(await get('/api/agreements/vaccination-pauses-2024/versions/1'))).toEqual([
      404,
      'agreement-version-not-found',
    ]);
    const versions = json(await get('/api/agreements/vaccination-pauses-2024/versions'));
    expect(versions).toMatchObject({ latest: 0, versions: [], next: null });
  });

  it('lists versions a page at a time, with `next`', async () => {
    const base = withId(NOV, 'nov-pages');
    for (let i = 1; i <= 5; i++) expect((await upload(`${base}# revision ${i}\n`)).statusCode).toBe(201);
    const first = json(await get('/api/agreements/nov-pages/versions?limit=2')) as {
      latest: number;
      from: number;
      versions: { version: number; sha256: string; source?: string }[];
      next: number | null;
    };
    expect(first).toMatchObject({ id: 'nov-pages', latest: 5, from: 1, next: 3 });
    expect(first.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(first.versions[1]!.sha256).toBe(
      createHash('sha256').update(`${base}# revision 2\n`).digest('hex'),
    );
    expect(first.versions[0]).not.toHaveProperty('source');
    const pages: number[][] = [];
    let from: number | null = 1;
    while (from !== null) {
      const page = json(await get(`/api/agreements/nov-pages/versions?from=${from}&limit=2`)) as typeof first;
      pages.push(page.versions.map((v) => v.version));
      from = page.next;
    }
    expect(pages).toEqual([[1, 2], [3, 4], [5]]);
    expect(json(await get('/api/agreements/nov-pages/versions'))).toMatchObject({ next: null });
    expect(json(await get('/api/agreements/nov-pages/versions?from=9'))).toMatchObject({
      versions: [],
      next: null,
    });
    for (const q of ['limit=0', 'limit=101', 'from=0', 'from=x', 'page=2'])
      expect(problem(await get(`/api/agreements/nov-pages/versions?${q}`)), q).toEqual([
        400,
        'request-invalid',
      ]);
    expect(problem(await get('/api/agreements/nope/versions'))).toEqual([404, 'agreement-not-found']);
    expect(problem(await get('/api/agreements/nov-pages/versions/6'))).toEqual([
      404,
      'agreement-version-not-found',
    ]);
    expect(json(await get('/api/agreements/nov-pages/versions/6')).detail).toMatch(/versions 1 to 5/);
    expect(problem(await get('/api/agreements/nov-pages/versions/0'))).toEqual([400, 'request-invalid']);
    // A version never changes: cacheable, and its ETag answers 304.
    const v2 = await get('/api/agreements/nov-pages/versions/2');
    expect(v2.headers['cache-control']).toMatch(/immutable/);
    expect(
      (await get('/api/agreements/nov-pages/versions/2', { 'if-none-match': String(v2.headers.etag) }))
        .statusCode,
    ).toBe(304);
  });

  it('compares two versions with GET /api/diff?a=ID@N&b=ID@M, as truce diff compares the two texts', async () => {
    const v1 = withId(NOV, 'nov-diff');
    const v2 = v1.replace('lengthDays: 4', 'lengthDays: 5');
    await upload(v1);
    await upload(v2, { query: '?proposal=true' });
    const r = await get('/api/diff?a=nov-diff@1&b=nov-diff@2&extend=1');
    expect(r.statusCode).toBe(200);
    const options = { extend: 1 };
    const [a, b] = [parsed(v1), parsed(v2)];
    const expected = compareAgreements(a, b, { planA: options, planB: options });
    // The comparison, with its words in the language asked for (English by default) beside its codes.
    expect(json(r)).toEqual(JSON.parse(JSON.stringify(comparisonInWords(expected, a, b, 'en'))));
    expect((json(r).terms as { path: string }[]).map((t) => t.path)).toEqual(
      expect.arrayContaining([expect.stringMatching(/lengthDays/)]),
    );
    // ID alone is what /api/agreements/ID serves (the adopted version 1); files and versions mix.
    expect(json(await get('/api/diff?a=nov-diff&b=nov-diff@1')).terms).toEqual([]);
    expect((await get('/api/diff?a=vaccination-pauses-2024&b=nov-diff@2')).statusCode).toBe(200);
    expect(problem(await get('/api/diff?a=nov-diff@3&b=nov-diff'))).toEqual([
      404,
      'agreement-version-not-found',
    ]);
    expect(problem(await get('/api/diff?a=nov-diff@0&b=nov-diff'))).toEqual([400, 'request-invalid']);
    expect(problem(await get('/api/diff?a=nov-diff&b=@2'))).toEqual([400, 'request-invalid']);
    expect(problem(await get('/api/diff?a=nope@1&b=nov-diff'))).toEqual([404, 'agreement-not-found']);
  });

  it('gives concurrent uploads of one id distinct versions', async () => {
    const base = withId(NOV, 'nov-concurrent');
    const replies = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        upload(`${base}# concurrent ${i}\n`, { as: i % 2 ? mediator : s.as('operator') }),
      ),
    );
    expect(replies.map((r) => r.statusCode)).toEqual(Array(12).fill(201));
    expect(replies.map((r) => json(r).version as number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
    // The same bytes uploaded at once are stored once.
    const same = await Promise.all(Array.from({ length: 6 }, () => upload(`${base}# same\n`)));
    expect(same.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(same.map((r) => json(r).version))).toEqual(new Set([13]));
  });

  it('judges a log against the version it adopted by an agreement.adopted event, and against the new one once it adopts it', async () => {
    const at = '?at=2023-11-28T12:00:00%2B02:00';
    expect(problem(await get(`/api/logs/${s.f.logId}/status${at}`))).toEqual([404, 'agreement-not-found']);
    /** Uploads with the operator's token and records the adoption the answer asks it to sign. */
    const adopt = async (text: string) => {
      const r = await upload(text);
      const adoption = json(r).adoption as { state: string; event: { body: Record<string, unknown> } };
      expect(adoption.state).toBe('to-sign');
      await s.record('operator', 'agreement.adopted', adoption.event.body);
    };
    const v1 = withId(NOV, s.f.logId);
    await upload(v1);
    // Uploaded, not yet adopted by the log: it is not judged against it.
    expect(problem(await get(`/api/logs/${s.f.logId}/status${at}`))).toEqual([404, 'agreement-not-found']);
    await adopt(v1);
    const first = await get(`/api/logs/${s.f.logId}/status${at}`);
    expect(first.statusCode).toBe(200);
    // A proposal does not change what the log is judged against; an adopted version does, once the log adopts it.
    const v2 = v1.replace('lengthDays: 4', 'lengthDays: 5');
    const proposed = await upload(v2, { query: '?proposal=true' });
    expect(json(proposed).adoption).toBeUndefined();
    expect(json(await get(`/api/logs/${s.f.logId}/status${at}`))).toMatchObject({
      ...json(first),
      events: expect.any(Number),
    });
    await adopt(v2);
    const second = json(await get(`/api/logs/${s.f.logId}/status${at}`));
    expect(second.phases).not.toEqual(json(first).phases);
    // As a server that never saw version 1 judges it.
    const fresh = await buildApp({ database: s.database, crypto, agreementsDir: dir });
    try {
      expect(json(await fresh.inject({ url: `/api/logs/${s.f.logId}/status${at}` }))).toEqual(second);
    } finally {
      await fresh.close();
    }
  });
});

describe('the upload route in the OpenAPI document', () => {
  it('takes YAML and JSON bodies, and documents the located errors of the problem', async () => {
    const s = await serverFixture('sqlite');
    try {
      const doc = json(await s.app.inject({ url: '/api/openapi.json' })) as unknown as {
        paths: Record<string, Record<string, Record<string, unknown>>>;
        components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
      };
      const op = doc.paths['/api/agreements']!.post! as {
        requestBody: { content: Record<string, { schema: { $ref?: string; type?: string } }> };
        responses: Record<string, unknown>;
        'x-roles': string[];
      };
      expect(Object.keys(op.requestBody.content).sort()).toEqual([
        'application/json',
        'application/x-yaml',
        'application/yaml',
        'text/yaml',
      ]);
      expect(op.requestBody.content['application/json']!.schema.$ref).toBe('#/components/schemas/Agreement');
      expect(op.requestBody.content['application/yaml']!.schema.type).toBe('string');
      expect(Object.keys(op.responses)).toEqual(
        expect.arrayContaining(['200', '201', '401', '403', '409', '413', '415', '422']),
      );
      expect(op['x-roles']).toEqual(['operator', 'mediator']);
      expect(doc.components.schemas.Problem!.properties).toHaveProperty('errors');
      expect(doc.paths['/api/agreements/{id}/versions']!.get).toBeDefined();
      expect(doc.paths['/api/agreements/{id}/versions/{version}']!.get).toBeDefined();
    } finally {
      await s.close();
    }
  });
});

describe('text that is slow to read', () => {
  // A document too slow to read is refused by the checker's time budget: test/agreement-checker.test.ts
  // proves it with a worker that never finishes, so that no test depends on how fast this machine parses.
  it('is refused at once when nested too deep, and the next upload is read as usual', async () => {
    const s = await serverFixture('sqlite');
    try {
      const upload = (payload: string) =>
        s.app.inject({
          method: 'POST',
          url: '/api/agreements',
          headers: { ...s.as('operator'), 'content-type': 'application/yaml' },
          payload,
        });
      const deep = await upload(`id: deep\nlist: ${'['.repeat(120_000)}`);
      expect(json(deep)).toMatchObject({
        code: 'agreement-invalid',
        errors: [{ code: 'too-deep', line: 2, column: 71 }],
      });
      const next = await upload(withId(NOV, 'after-deep'));
      expect(next.statusCode).toBe(201);
    } finally {
      await s.close();
    }
  });
});
