import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAgreement } from '../src/core/agreement/index.ts';
import type { Plan } from '../src/core/plan/types.ts';
import { buildApp } from '../src/server/app.ts';
import { servedRoutes } from '../src/server/route.ts';
import { AgreementSummary, ComparisonResponse, PlanResponse } from '../src/server/schemas.ts';
import { DIALECTS, scratchDatabase } from './helpers/databases.ts';
import { crypto } from './helpers/ledger-fixture.ts';
import { repoRoot, runCli } from './helpers/run-cli.ts';
import { json, serverFixture } from './server-fixture.ts';

const NOV = 'examples/agreements/nov-2023-pause.yaml';

type Schema = { $ref?: string; properties?: Record<string, unknown> };
type Content = Record<string, { schema: Schema }>;
interface Operation {
  operationId: string;
  parameters?: { name: string; in: string; required: boolean }[];
  requestBody?: { content: Content };
  responses: Record<string, { content?: Content }>;
}
interface Doc {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}
const problem = (r: { statusCode: number; headers: Record<string, unknown>; body: string }) => {
  expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
  const p = json(r);
  expect(Object.keys(p).sort()).toEqual(['code', 'detail', 'status', 'title', 'type']);
  expect(p.status).toBe(r.statusCode);
  return [r.statusCode, p.code];
};

describe('agreement, plan and diff routes', () => {
  let s: Awaited<ReturnType<typeof serverFixture>>;
  beforeAll(async () => {
    s = await serverFixture('sqlite');
  });
  afterAll(() => s.close());
  const get = (url: string) => s.app.inject({ url });

  it('GET /api/agreements lists the example agreements', async () => {
    const { agreements } = json(await get('/api/agreements')) as { agreements: unknown[] };
    const list = agreements.map((a) => AgreementSummary.parse(a));
    expect(list.map((a) => a.id)).toContain('nov-2023-pause');
    expect(list).toHaveLength(7);
    const first = json(await get('/api/agreements?limit=4')) as {
      agreements: { id: string }[];
      next: number;
    };
    const rest = json(await get(`/api/agreements?from=${first.next}`)) as {
      agreements: { id: string }[];
      next: null;
    };
    expect([first.agreements.length, first.next, rest.agreements.length, rest.next]).toEqual([4, 4, 3, null]);
    expect([...first.agreements, ...rest.agreements].map((a) => a.id)).toEqual(list.map((a) => a.id));
  });

  it('GET /api/agreements/:id is the parsed agreement; an unknown id is 404 naming the known ones', async () => {
    const parsed = parseAgreement(readFileSync(join(repoRoot, NOV), 'utf8'), NOV);
    if (!parsed.ok) throw new Error('fixture');
    expect(json(await get('/api/agreements/nov-2023-pause'))).toEqual(
      JSON.parse(JSON.stringify(parsed.agreement)),
    );
    const r = await get('/api/agreements/nope');
    expect(problem(r)).toEqual([404, 'agreement-not-found']);
    expect(json(r).detail).toMatch(/nov-2023-pause/);
  });

  it('GET /api/agreements/:id/plan answers what `truce plan --json` prints', async () => {
    const cli = await runCli(
      'plan',
      NOV,
      '--extend',
      '2',
      '--delay',
      'exchange=6',
      '--from',
      '2',
      '--to',
      '2023-11-27',
      '--json',
    );
    const r = await get('/api/agreements/nov-2023-pause/plan?extend=2&delay=exchange=6&from=2&to=2023-11-27');
    expect(r.statusCode).toBe(200);
    expect(json(r)).toEqual(JSON.parse(cli.stdout));
    PlanResponse.parse(json(r));
    const whole = await runCli('plan', NOV, '--json');
    expect(json(await get('/api/agreements/nov-2023-pause/plan'))).toEqual(JSON.parse(whole.stdout));
  });

  it("plan lines come structured and worded in the reader's language (?lang=, else Accept-Language)", async () => {
    const cli = await runCli('plan', NOV, '--lang', 'ar', '--json');
    const r = await get('/api/agreements/nov-2023-pause/plan?lang=ar');
    expect(r.headers['content-language']).toBe('ar');
    expect(json(r)).toEqual(JSON.parse(cli.stdout));
    const plan = PlanResponse.parse(json(r));
    const handover = plan.days.flatMap((d) => d.obligations).find((o) => o.action === 'hand-over')!;
    expect(handover.line.code).toBe('plan.hand-over');
    expect(handover.text).toBe(
      'الدفعة 1: الإفراج عن 13 شخصًا (نساء، أطفال دون 19 عامًا)، والتسليم إلى إسرائيل عبر اللجنة الدولية للصليب الأحمر، بحلول الساعة 16:00.',
    );
    const he = await s.app.inject({
      url: '/api/agreements/nov-2023-pause/plan',
      headers: { 'accept-language': 'fr;q=1, he-IL;q=0.9, en;q=0.5' },
    });
    expect(he.headers['content-language']).toBe('he');
    const heText = PlanResponse.parse(json(he)).days.flatMap((d) => d.obligations)[1]!.text;
    expect(heText).toMatch(/^פעימה 1: שחרור 13 אנשים/);
    expect(problem(await get('/api/agreements/nov-2023-pause/plan?lang=fr'))).toEqual([
      400,
      'request-invalid',
    ]);
  });

  it('plan ?to= plans a phase with no fixed end up to that day, as truce plan --to does', async () => {
    const r = await get('/api/agreements/oct-2025-ceasefire/plan?to=2025-12-08');
    expect(r.statusCode).toBe(200);
    const plan = json(r) as unknown as Plan;
    expect(plan.horizon).toEqual({ day: 60, date: '2025-12-08', from: 'option' });
    const trucks = plan.days.flatMap((d) => d.obligations).filter((o) => o.category === 'trucks');
    expect(trucks.at(-1)).toMatchObject({ date: '2025-12-08', openEnded: true });
    const cli = await runCli(
      'plan',
      'examples/agreements/oct-2025-ceasefire.yaml',
      '--to',
      '2025-12-08',
      '--json',
    );
    expect(plan).toEqual(JSON.parse(cli.stdout));
  });

  it('plan what-ifs: malformed → 400, not applicable → 422, unknown agreement → 404', async () => {
    for (const q of [
      'extend=x',
      'from=2023-13-45',
      'delay=exchange',
      'count=a=1',
      'start=tomorrow',
      'bogus=1',
    ]) {
      expect(problem(await get(`/api/agreements/nov-2023-pause/plan?${q}`)), q).toEqual([
        400,
        'request-invalid',
      ]);
    }
    expect(problem(await get('/api/agreements/nov-2023-pause/plan?delay=nope=3'))).toEqual([
      422,
      'plan-unknown-provision',
    ]);
    expect(problem(await get('/api/agreements/nope/plan'))).toEqual([404, 'agreement-not-found']);
  });

  it('GET /api/diff answers what `truce diff --json` prints', async () => {
    const a = 'examples/agreements/jan-2025-ceasefire.yaml';
    const b = 'examples/agreements/feb-2024-counter-proposal.yaml';
    const cli = await runCli('diff', a, b, '--json');
    const r = await get('/api/diff?a=jan-2025-ceasefire&b=feb-2024-counter-proposal');
    expect(r.statusCode).toBe(200);
    expect(json(r)).toEqual(JSON.parse(cli.stdout));
    ComparisonResponse.parse(json(r));
    expect(problem(await get('/api/diff?a=jan-2025-ceasefire'))).toEqual([400, 'request-invalid']);
    expect(problem(await get('/api/diff?a=jan-2025-ceasefire&b=nope'))).toEqual([404, 'agreement-not-found']);
  });

  it("GET /api/diff words its terms in the reader's language beside their codes", async () => {
    const a = 'examples/agreements/jan-2025-ceasefire.yaml';
    const b = 'examples/agreements/feb-2024-counter-proposal.yaml';
    const cli = await runCli('diff', a, b, '--lang', 'he', '--json');
    const r = await get('/api/diff?a=jan-2025-ceasefire&b=feb-2024-counter-proposal&lang=he');
    expect(r.headers['content-language']).toBe('he');
    expect(json(r)).toEqual(JSON.parse(cli.stdout));
    const c = ComparisonResponse.parse(json(r));
    expect(c.summary[3]!.text).toEqual({ term: 'משך כולל', a: '126 ימים', b: '135 ימים' });
    expect(c.terms[0]!.line.code).toMatch(/^diff\./);
    const hamas = c.outcomes.series.find((s) => s.key === 'hamas:person')!;
    expect(hamas.text).toBe('אנשים ששוחררו בידי חמאס');
  });

  it('an unknown route is a 404 problem', async () => {
    const r = await get('/api/nothing-here?x=1');
    expect(problem(r)).toEqual([404, 'route-not-found']);
    expect(json(r).detail).toBe('There is no GET /api/nothing-here; the routes are listed at /api/docs.');
  });

  it('GET /api/openapi.json is OpenAPI 3.1 built from the route table, every reference resolving', async () => {
    const doc = json(await get('/api/openapi.json')) as unknown as Doc;
    expect(doc.openapi).toBe('3.1.0');
    const ops = Object.values(doc.paths).flatMap((m) => Object.values(m).map((o) => o.operationId));
    expect(ops.sort()).toEqual(
      servedRoutes(s.app)
        .map((r) => r.operationId)
        .sort(),
    );
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of new Set(refs)) {
      const name = /#\/components\/schemas\/([^"]+)"/.exec(ref)?.[1];
      expect(doc.components.schemas[name!], ref).toBeDefined();
    }
    const append = doc.paths['/api/logs/{id}/events']!.post!;
    expect(append.requestBody!.content['application/json']!.schema.properties!.signature).toBeDefined();
    expect(Object.keys(append.responses)).toEqual(
      expect.arrayContaining(['200', '201', '403', '409', '413', '422']),
    );
    expect(append.responses['409']!.content!['application/problem+json']!.schema.$ref).toBe(
      '#/components/schemas/Problem',
    );
    const list = doc.paths['/api/logs/{id}/events']!.get!.parameters!.map((p) => [p.name, p.in, p.required]);
    expect(list).toEqual([
      ['id', 'path', true],
      ['from', 'query', false],
      ['limit', 'query', false],
    ]);
    expect(
      doc.paths['/api/agreements/{id}']!.get!.responses['200']!.content!['application/json']!.schema.$ref,
    ).toBe('#/components/schemas/Agreement');
    expect(doc.paths['/api/logs/{id}/tile/{path}']!.get!.parameters!.map((p) => p.name)).toEqual([
      'id',
      'path',
    ]);
  });

  it('GET /api/docs is a plain HTML page of every operation, without scripts or external assets', async () => {
    const r = await get('/api/docs');
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.headers['content-security-policy']).toMatch(/default-src 'none'/);
    for (const path of ['/api/logs/{id}/events', '/api/diff', '/api/logs/{id}/tile/{path}', '/api/health'])
      expect(r.body).toContain(`<code>${path}</code>`);
    expect(r.body).not.toMatch(/<script|src="http|href="http|<link/);
  });
});

describe.each(DIALECTS)('GET /api/health on %s', (dialect) => {
  it('says ok while the database answers, and 503 (without where it is) once it does not; other routes a bare 500', async () => {
    const database = await scratchDatabase(dialect);
    const app = await buildApp({ database, crypto });
    const ok = await app.inject({ url: '/api/health' });
    expect([ok.statusCode, json(ok)]).toEqual([200, { status: 'ok', database: dialect }]);
    await database.close();
    const down = await app.inject({ url: '/api/health' });
    expect(problem(down)).toEqual([503, 'database-unavailable']);
    expect(down.body).not.toContain(database.location);
    expect(down.body).not.toMatch(/postgres|truce\.db/);
    const failed = await app.inject({ url: '/api/logs' });
    expect(problem(failed)).toEqual([500, 'internal-error']);
    expect(json(failed).detail).toBe(
      'The server failed to answer this request; the failure is in its log. Try again later.',
    );
    await app.close();
  });
});

describe('the agreements folder', () => {
  it('is read once at start; a file that does not check stops the server, naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'truce-agreements-'));
    const database = await scratchDatabase('sqlite');
    try {
      writeFileSync(join(dir, 'nov.yaml'), readFileSync(join(repoRoot, NOV)));
      const app = await buildApp({ database, crypto, agreementsDir: dir });
      expect((json(await app.inject({ url: '/api/agreements' })).agreements as unknown[]).length).toBe(1);
      await app.close();
      writeFileSync(join(dir, 'broken.yaml'), 'id: broken\nkind: agreement\n');
      await expect(buildApp({ database, crypto, agreementsDir: dir })).rejects.toThrow(/broken\.yaml/);
      await expect(buildApp({ database, crypto, agreementsDir: join(dir, 'none') })).rejects.toThrow(
        /Cannot read/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await database.close();
    }
  });
});
