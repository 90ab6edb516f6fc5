import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { sha256Hex } from '../src/store/agreement-store.ts';
import type { Database } from '../src/store/database.ts';
import { adoptions } from '../src/store/log-adoption.ts';
import { DIALECTS, scratchDatabase } from './helpers/databases.ts';
import { crypto } from './helpers/ledger-fixture.ts';
import { ADOPTED_V2, logOfTwoTexts, V1, V2 } from './helpers/two-texts.ts';
import { json } from './server-fixture.ts';

describe.each(DIALECTS)('the text in force at the moment judged, on %s', (dialect) => {
  let database: Database;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await scratchDatabase(dialect);
    await logOfTwoTexts(database);
    app = await buildApp({ database, crypto });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const status = async (at?: string) => {
    const r = await app.inject({
      url: `/api/logs/test-log/status${at ? `?at=${encodeURIComponent(at)}` : ''}`,
    });
    expect(r.statusCode, r.body).toBe(200);
    return json(r) as {
      adopted: { version: number; sha256: string; index: number; occurredAt: string };
      obligations: { obligation: { id: string; quantity: number }; status: string }[];
    };
  };
  const firstDay = (s: Awaited<ReturnType<typeof status>>) =>
    s.obligations.find((o) => o.obligation.id === 'aid/admit-aid/1/trucks')!;

  it('given a moment before the second text was adopted, then the first judges it, and says so', async () => {
    const before = await status('2023-11-25T12:00:00+02:00');
    expect(before.adopted).toMatchObject({
      version: 1,
      sha256: sha256Hex(V1),
      occurredAt: '2023-11-24T05:00:30.000Z',
    });
    // 150 delivered on day 1 against the 100 then agreed: met.
    expect(firstDay(before)).toMatchObject({ obligation: { quantity: 100 }, status: 'met' });
  });

  it('given a moment after, or now, then the second judges the whole record', async () => {
    for (const at of ['2023-11-27T12:00:00+02:00', undefined]) {
      const after = await status(at);
      expect(after.adopted).toMatchObject({ version: 2, sha256: sha256Hex(V2), occurredAt: ADOPTED_V2 });
      expect(firstDay(after)).toMatchObject({ obligation: { quantity: 200 }, status: 'partly-met' });
    }
  });

  it('asked in turn, each moment keeps its own text (the earlier text is judged beside the later)', async () => {
    const seen = [];
    for (const at of ['2023-11-25T12:00:00+02:00', undefined, '2023-11-25T12:00:00+02:00', undefined])
      seen.push(firstDay(await status(at)).obligation.quantity);
    expect(seen).toEqual([100, 200, 100, 200]);
  });

  it('the store reads every adoption of the log, in its order, with when it was adopted', async () => {
    const list = await adoptions(database, 'test-log');
    expect(list.map((a) => [a.version, a.occurredAt])).toEqual([
      [1, '2023-11-24T05:00:30.000Z'],
      [2, ADOPTED_V2],
    ]);
  });
});
