import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../src/core/report/csv-parse.ts';
import { EVENT_COLUMNS } from '../src/core/report/event-table.ts';
import { STATUS_COLUMNS } from '../src/core/report/status-table.ts';
import { buildApp } from '../src/server/app.ts';
import { importDemoLog } from '../src/server/demo-log.ts';
import { attachment } from '../src/server/routes/exports.ts';
import { Evaluation } from '../src/server/status-schemas.ts';
import type { Database } from '../src/store/database.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { DIALECTS, scratchDatabase } from './helpers/databases.ts';
import { crypto } from './helpers/ledger-fixture.ts';
import { json, problem, serverFixture } from './server-fixture.ts';

const FORMULA = '=HYPERLINK("http://example.invalid/x","click")';
const PLACE = 'خان يونس';
const HEBREW = 'מעבר כרם שלום';
const NOV_AT = '2023-12-01T12:00:00%2B02:00';

type Reply = { statusCode: number; headers: Record<string, unknown>; body: string };
const cells = (r: Reply) => parseCsv(r.body).map((x) => x.cells);
const names = (columns: readonly { name: string }[]) => columns.map((c) => c.name);
const tags = (columns: readonly { hxl: string }[]) => columns.map((c) => c.hxl);

describe.each(DIALECTS)('export routes on %s', (dialect) => {
  let fx: Awaited<ReturnType<typeof serverFixture>>;
  let nov: { database: Database; app: Awaited<ReturnType<typeof buildApp>> };
  let size: number;
  beforeAll(async () => {
    fx = await serverFixture(dialect, { extra: 4 });
    await fx.store.append(fx.f.logId, [
      fx.f.event('monitor', 'statement', { text: FORMULA }),
      fx.f.event('party-a', 'violation.alleged', {
        against: 'party-b',
        description: `${HEBREW}: +972 crossing closed`,
        place: PLACE,
      }),
    ]);
    size = (await fx.store.requireLog(fx.f.logId)).size;
    const database = await scratchDatabase(dialect);
    await importDemoLog(new LedgerStore(database, crypto), crypto);
    nov = { database, app: await buildApp({ database, crypto }) };
  });
  afterAll(async () => {
    await fx?.close();
    await nov?.app.close();
    await nov?.database.close();
  });
  const get = (url: string) => fx.app.inject({ url });
  const base = () => `/api/logs/${fx.f.logId}/export`;

  it('events.csv: every event, a header of the columns, UTF-8 CSV as an attachment', async () => {
    const r = await get(`${base()}/events.csv`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(r.headers['content-disposition']).toBe(`attachment; filename="${fx.f.logId}-events.csv"`);
    const rows = cells(r);
    expect(rows[0]).toEqual(names(EVENT_COLUMNS));
    expect(rows.slice(1).map((c) => Number(c[0]))).toEqual(Array.from({ length: size }, (_, i) => i));
    expect(r.body.endsWith('\r\n')).toBe(true);
  });

  it('events.csv neutralises a statement that a spreadsheet would run as a formula', async () => {
    const rows = cells(await get(`${base()}/events.csv`));
    const text = EVENT_COLUMNS.findIndex((c) => c.name === 'text');
    const statement = rows.find((c) => c[4] === 'statement' && c[text]!.includes('HYPERLINK'))!;
    expect(statement[text]).toBe(`'${FORMULA}`);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('events.csv keeps Arabic and Hebrew text whole', async () => {
    const r = await get(`${base()}/events.csv`);
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(r.rawPayload);
    expect(decoded).toContain(PLACE);
    expect(decoded).toContain(HEBREW);
    const row = cells(r).find((c) => c[4] === 'violation.alleged')!;
    const at = (name: string) => row[EVENT_COLUMNS.findIndex((c) => c.name === name)];
    expect([at('place'), at('against'), at('text')]).toEqual([
      PLACE,
      'party-b',
      `${HEBREW}: +972 crossing closed`,
    ]);
  });

  it('events.csv?hxl=true puts the HXL hashtag row under the header', async () => {
    const r = await get(`${base()}/events.csv?hxl=true`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toBe(`attachment; filename="${fx.f.logId}-events-hxl.csv"`);
    const rows = cells(r);
    expect(rows[0]).toEqual(names(EVENT_COLUMNS));
    expect(rows[1]).toEqual(tags(EVENT_COLUMNS));
    expect(rows[1]).toContain('#date+occurred');
    expect(rows[1]).toContain('#event+type');
    for (const tag of rows[1]!) expect(tag).toMatch(/^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)+$|^#[a-z]+$/);
    expect(rows).toHaveLength(size + 2);
    expect(cells(await get(`${base()}/events.csv?hxl=false`))[1]![0]).toBe('0');
  });

  it('events.csv takes a range with from and limit', async () => {
    const rows = cells(await get(`${base()}/events.csv?from=2&limit=3`));
    expect(rows.slice(1).map((c) => c[0])).toEqual(['2', '3', '4']);
    expect(cells(await get(`${base()}/events.csv?from=${size + 5}`))).toHaveLength(1);
  });

  it('events.json pages through the log with next, each row with the columns of the CSV', async () => {
    const seen: number[] = [];
    let from: number | null = 0;
    let pages = 0;
    while (from !== null) {
      const r = await get(`${base()}/events.json?from=${from}&limit=4`);
      expect(r.statusCode).toBe(200);
      const page = json(r) as unknown as {
        size: number;
        from: number;
        next: number | null;
        columns: { name: string; hxl: string }[];
        rows: Record<string, unknown>[];
      };
      expect(page).toMatchObject({ size, from });
      expect(page.columns.map((c) => c.name)).toEqual(names(EVENT_COLUMNS));
      for (const row of page.rows) expect(Object.keys(row)).toEqual(names(EVENT_COLUMNS));
      seen.push(...page.rows.map((row) => row.index as number));
      from = page.next;
      pages++;
    }
    expect(seen).toEqual(Array.from({ length: size }, (_, i) => i));
    expect(pages).toBe(Math.ceil(size / 4));
    const first = json(await get(`${base()}/events.json?limit=1`)) as unknown as {
      rows: Record<string, unknown>[];
    };
    expect(first.rows[0]).toMatchObject({ index: 0, kind: 'actor.registered', actor: 'operator' });
    expect(first.rows[0]!.body).toMatchObject({ actor: 'operator', role: 'operator' });
  });

  it('events.json refuses a page over 1000 or a bad number', async () => {
    expect(problem(await get(`${base()}/events.json?limit=1001`))).toEqual([400, 'request-invalid']);
    expect(problem(await get(`${base()}/events.json?from=-1`))).toEqual([400, 'request-invalid']);
    expect(problem(await get(`${base()}/events.csv?hxl=maybe`))).toEqual([400, 'request-invalid']);
    expect(problem(await get(`${base()}/events.csv?format=xls`))).toEqual([400, 'request-invalid']);
  });

  it('events.jsonl streams the canonical signed events, each hashing to its leaf hash', async () => {
    const r = await get(`${base()}/events.jsonl`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(r.headers['content-disposition']).toBe(`attachment; filename="${fx.f.logId}-events.jsonl"`);
    const lines = r.body.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(size);
    const stored = await fx.store.entries(fx.f.logId, 0, size);
    lines.forEach((line, i) => {
      const leaf = createHash('sha256')
        .update(Buffer.from([0]))
        .update(line, 'utf8')
        .digest('hex');
      expect(leaf).toBe(stored[i]!.leafHash);
    });
    expect((await get(`${base()}/events.jsonl?from=1&limit=2`)).body.split('\n')).toHaveLength(3);
  });

  it('answers 404 for a log that does not exist, on every export', async () => {
    for (const path of [
      'events.csv',
      'events.csv?hxl=true',
      'events.json',
      'events.jsonl',
      'statuses.json',
      'statuses.csv',
    ]) {
      expect(problem(await get(`/api/logs/no-such-log/export/${path}`))).toEqual([404, 'log-not-found']);
    }
    expect(problem(await get(`${base()}/statuses.csv`))).toEqual([404, 'agreement-not-found']);
    expect(problem(await get(`${base()}/events.xlsx`))).toEqual([404, 'route-not-found']);
  });

  it('statuses.json gives a row for every provision and obligation of the evaluation at `at`', async () => {
    const status = Evaluation.parse(
      json(await nov.app.inject({ url: `/api/logs/nov-2023-pause/status?at=${NOV_AT}` })),
    );
    const r = await nov.app.inject({ url: `/api/logs/nov-2023-pause/export/statuses.json?at=${NOV_AT}` });
    expect(r.statusCode).toBe(200);
    const body = json(r) as unknown as { asOf: string; agreement: string; rows: Record<string, unknown>[] };
    expect(body).toMatchObject({ agreement: 'nov-2023-pause', asOf: '2023-12-01T12:00:00+02:00' });
    expect(body.rows).toHaveLength(status.provisions.length + status.obligations.length);
    const obligations = body.rows.filter((row) => row.level === 'obligation');
    // Grouped under their provision, so in another order than the plan's: compared by id.
    expect(new Map(obligations.map((o) => [o.obligation, o.status]))).toEqual(
      new Map(status.obligations.map((o) => [o.obligation.id, o.status])),
    );
    expect(obligations).toHaveLength(status.obligations.length);
    const provisions = body.rows.filter((row) => row.level === 'provision');
    expect(provisions.map((p) => [p.provision, p.status])).toEqual(
      status.provisions.map((p) => [p.provision, p.status]),
    );
  });

  it('statuses.csv with HXL: the header, the hashtags, one row a provision or obligation', async () => {
    const json_ = json(
      await nov.app.inject({ url: `/api/logs/nov-2023-pause/export/statuses.json?at=${NOV_AT}` }),
    ) as {
      rows?: unknown[];
    };
    const r = await nov.app.inject({
      url: `/api/logs/nov-2023-pause/export/statuses.csv?at=${NOV_AT}&hxl=true`,
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(r.headers['content-disposition']).toBe(
      'attachment; filename="nov-2023-pause-statuses-2023-12-01T120000+0200-hxl.csv"',
    );
    const rows = cells(r);
    expect(rows[0]).toEqual(names(STATUS_COLUMNS));
    expect(rows[1]).toEqual(tags(STATUS_COLUMNS));
    expect(rows[1]).toContain('#status');
    expect(rows).toHaveLength(json_.rows!.length + 2);
    const status = STATUS_COLUMNS.findIndex((c) => c.name === 'status');
    for (const row of rows.slice(2)) expect(row[status]).toMatch(/^[a-z-]+$/);
    const plain = cells(
      await nov.app.inject({ url: `/api/logs/nov-2023-pause/export/statuses.csv?at=${NOV_AT}` }),
    );
    expect(plain[1]![0]).toBe('2023-12-01T12:00:00+02:00');
    expect(
      problem(await nov.app.inject({ url: '/api/logs/nov-2023-pause/export/statuses.csv?at=yesterday' })),
    ).toEqual([400, 'request-invalid']);
  });

  it('the exports are public and in the OpenAPI document with their parameters and media types', async () => {
    expect((await fx.app.inject({ url: `${base()}/events.csv`, headers: {} })).statusCode).toBe(200);
    const doc = json(await get('/api/openapi.json')) as unknown as {
      paths: Record<
        string,
        { get: { parameters: { name: string }[]; responses: Record<string, { content?: object }> } }
      >;
    };
    const csv = doc.paths['/api/logs/{id}/export/events.csv']!.get;
    expect(csv.parameters.map((p) => p.name).sort()).toEqual(['from', 'hxl', 'id', 'limit']);
    expect(Object.keys(csv.responses['200']!.content!)).toEqual(['text/csv; charset=utf-8']);
    expect(doc.paths['/api/logs/{id}/export/statuses.csv']!.get.parameters.map((p) => p.name).sort()).toEqual(
      ['at', 'hxl', 'id', 'lang'],
    );
    expect(
      Object.keys(doc.paths['/api/logs/{id}/export/events.jsonl']!.get.responses['200']!.content!),
    ).toEqual(['application/x-ndjson; charset=utf-8']);
    expect(doc.paths['/api/logs/{id}/export/events.json']).toBeDefined();
    expect(doc.paths['/api/logs/{id}/export/statuses.json']).toBeDefined();
  });
});

describe('attachment', () => {
  it('names a file in plain letters, and in UTF-8 as well when the name needs more', () => {
    expect(attachment('nov-2023-pause-events.csv')).toBe('attachment; filename="nov-2023-pause-events.csv"');
    expect(attachment('هدنة "x".csv')).toBe(
      `attachment; filename="_x_.csv"; filename*=UTF-8''${encodeURIComponent('هدنة "x".csv')}`,
    );
  });
});
