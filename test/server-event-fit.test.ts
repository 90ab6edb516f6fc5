import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { agreementFolder } from './helpers/adopted-agreement.ts';
import { DIALECTS } from './helpers/databases.ts';
import { crypto } from './helpers/ledger-fixture.ts';
import { json, serverFixture } from './server-fixture.ts';

describe.each(DIALECTS)(
  'POST /api/logs/:id/events checks the event against the adopted agreement, on %s',
  (dialect) => {
    let s: Awaited<ReturnType<typeof serverFixture>>;
    const folder = agreementFolder('test-log');
    beforeAll(async () => {
      s = await serverFixture(dialect, { agreementsDir: folder.dir });
    });
    afterAll(async () => {
      await s.close();
      folder.remove();
    });

    const post = (
      actor: string,
      kind: string,
      body: Record<string, unknown>,
      over: Record<string, unknown> = {},
    ) =>
      s.app.inject({
        method: 'POST',
        url: `/api/logs/${s.f.logId}/events`,
        headers: { 'content-type': 'application/json', ...s.as(actor) },
        payload: new TextDecoder().decode(s.f.event(actor, kind, body, over)),
      });
    const aid = (provision: string) => ({ provision, date: '2023-11-25', quantity: 50, unit: 'truck' });

    it('before the log adopts an agreement, only the structural checks apply', async () => {
      const r = await post('monitor', 'aid.delivered', aid('aid-fuel'));
      expect(r.statusCode, r.body).toBe(201);
    });

    it('after it adopts one, refuses what does not fit with 422 problem+json naming the field and what fits', async () => {
      await s.record('operator', 'agreement.adopted', folder.adopted);
      const size = json(await s.app.inject({ url: `/api/logs/${s.f.logId}` })).size;
      const r = await post('monitor', 'aid.delivered', aid('aid-fuel'));
      expect(r.statusCode).toBe(422);
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(json(r)).toMatchObject({
        status: 422,
        code: 'event-provision-unknown',
        detail: 'aid.delivered: provision "aid-fuel" is not in the agreement; aid provisions: aid.',
        fit: { field: 'body.provision', value: 'aid-fuel', fits: ['aid'] },
      });
      const receiving = await post('party-b', 'handover.completed', {
        provision: 'exchange',
        batch: 1,
        count: 10,
        to: 'party-b',
        via: 'icrc',
      });
      expect(receiving.statusCode).toBe(422);
      expect(json(receiving)).toMatchObject({
        code: 'event-actor-not-entitled',
        fit: { field: 'actor', value: 'party-b', fits: ['party-a'] },
      });
      expect(json(receiving).detail).toMatch(/the receiving side \(to: party-b\)/);
      const batch = await post('party-a', 'list.submitted', { provision: 'staged', batch: 8, count: 10 });
      expect(json(batch)).toMatchObject({
        code: 'event-batch-unknown',
        fit: { field: 'body.batch', value: 8, fits: [1, 2, 3, 4, 5, 6, 7] },
      });
      // Nothing refused was stored; the event appended before the adoption stays as it was.
      expect(json(await s.app.inject({ url: `/api/logs/${s.f.logId}` })).size).toBe(size);
    });

    it('takes what fits: the releasing side hands over through the intermediary, which confirms it', async () => {
      const handover = await s.record('party-a', 'handover.completed', {
        provision: 'exchange',
        batch: 1,
        count: 10,
        to: 'party-b',
        via: 'icrc',
      });
      await s.record('icrc', 'handover.confirmed', { handover, count: 10 });
      const direct = await s.record('party-a', 'handover.completed', {
        provision: 'exchange',
        batch: 2,
        count: 10,
        to: 'party-b',
      });
      // Its confirmation of a handover that did not go through it is refused (on the API, by the persons check first).
      const notVia = await post('icrc', 'handover.confirmed', { handover: direct, count: 10 });
      expect(notVia.statusCode, notVia.body).toBe(422);
      expect(json(notVia).detail).toMatch(/through no intermediary/);
    });

    it('refuses a recordedAt outside the window of the server clock, saying the window and the server time', async () => {
      const recordedAt = new Date(s.f.now() - 10 * 60_000).toISOString();
      const r = await post('monitor', 'statement', { text: 'late' }, { recordedAt });
      expect(r.statusCode).toBe(422);
      const problem = json(r);
      expect(problem.code).toBe('event-recorded-at-outside-window');
      expect(problem.detail).toContain(`recorded at ${recordedAt}`);
      expect(problem.detail).toContain(`this server's clock reads ${new Date(s.f.now()).toISOString()}`);
      expect(problem.detail).toContain('within 5 min');
      // The window is the server's to set: a server allowing 15 minutes takes it.
      const wide = await buildApp({
        database: s.database,
        crypto,
        now: s.f.now,
        recordedAtWindowMinutes: 15,
      });
      try {
        const again = await wide.inject({
          method: 'POST',
          url: `/api/logs/${s.f.logId}/events`,
          headers: { 'content-type': 'application/json', ...s.as('monitor') },
          payload: new TextDecoder().decode(
            s.f.event(
              'monitor',
              'statement',
              { text: 'late' },
              { recordedAt: new Date(s.f.now() - 10 * 60_000).toISOString() },
            ),
          ),
        });
        expect(again.statusCode, again.body).toBe(201);
      } finally {
        await wide.close();
      }
    });
  },
);
