import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { demoSigner } from '../examples/logs/build-nov-2023.ts';
import { LATEST_ALLEGATIONS } from '../src/core/compliance/allegation-summary.ts';
import { toHex } from '../src/core/crypto/crypto.ts';
import { canonicalBytes } from '../src/core/ledger/canonical-json.ts';
import type { EventEnvelope } from '../src/core/ledger/event.ts';
import { signEvent } from '../src/core/ledger/event-sign.ts';
import { leafHash } from '../src/core/ledger/tlog.ts';
import { AllegationPage } from '../src/server/allegation-schemas.ts';
import { buildApp } from '../src/server/app.ts';
import { Evaluation } from '../src/server/status-schemas.ts';
import type { Database } from '../src/store/database.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { DIALECTS, scratchDatabase } from './helpers/databases.ts';
import { crypto } from './helpers/ledger-fixture.ts';
import { importNov2023 } from './helpers/nov-2023-store.ts';
import { json, problem } from './server-fixture.ts';

const LOG = 'nov-2023-pause';
const AT = '2023-12-01T12:00:00+02:00';
const at = encodeURIComponent(AT);
const START = Date.parse('2023-11-26T08:00:00Z');

/** An event of the Nov 2023 log by a demo actor, `minute` minutes after 26 Nov 08:00 UTC. */
function signed(actor: string, kind: string, minute: number, body: Record<string, unknown>): Uint8Array {
  const occurredAt = new Date(START + minute * 60_000).toISOString();
  const envelope = { v: 1, log: LOG, kind, occurredAt, recordedAt: occurredAt, actor, body } as EventEnvelope;
  return canonicalBytes(signEvent(crypto, envelope, demoSigner(actor)));
}
const hashOf = (bytes: Uint8Array) => toHex(leafHash(crypto.sha256, bytes));

/**
 * The k-th allegation of the monitor: against Israel (even k) or Hamas (odd), naming the
 * ceasefire, with a description of one length whatever k (so that only counts change the size).
 */
const alleged = (k: number) =>
  signed('monitor', 'violation.alleged', k, {
    against: k % 2 ? 'hamas' : 'israel',
    provision: 'ceasefire',
    description: `Incident ${String(k).padStart(4, '0')}.`,
  });

describe.each(DIALECTS)(
  'the status counts allegations; the allegations route pages them, on %s',
  (dialect) => {
    let database: Database;
    let store: LedgerStore;
    let app: Awaited<ReturnType<typeof buildApp>>;
    /** The allegations appended, by k. */
    const hashes: string[] = [];
    beforeAll(async () => {
      database = await scratchDatabase(dialect);
      store = new LedgerStore(database, crypto);
      await importNov2023(store);
      // Twelve allegations; the monitor withdraws two, Israel disputes the first.
      const twelve = Array.from({ length: 12 }, (_, k) => alleged(k));
      hashes.push(...twelve.map(hashOf));
      await store.append(LOG, [
        ...twelve,
        signed('monitor', 'allegation.withdrawn', 20, { of: hashes[1], reason: 'Reported in error.' }),
        signed('monitor', 'allegation.withdrawn', 21, { of: hashes[3], reason: 'Reported in error.' }),
        signed('israel', 'dispute', 22, { of: hashes[0], reason: 'No such incident.' }),
      ]);
      app = await buildApp({ database, crypto, anonymousHeavyPerMinute: 100_000 });
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });
    const get = (url: string) => app.inject({ url });
    const statusBytes = async () => (await get(`/api/logs/${LOG}/status?at=${at}`)).rawPayload;
    const status = async () => Evaluation.parse(json(await get(`/api/logs/${LOG}/status?at=${at}`)));
    const page = (query = '') => get(`/api/logs/${LOG}/allegations?at=${at}${query}`);
    /** Every allegation, page after page of `limit`, and how many pages it took. */
    async function all(limit: number, filter = '') {
      const allegations: z.infer<typeof AllegationPage>['allegations'] = [];
      let cursor: string | null = null;
      let pages = 0;
      let count = -1;
      do {
        const r = await page(`&limit=${limit}${filter}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(r.statusCode, r.body).toBe(200);
        const p = AllegationPage.parse(json(r));
        expect(p).toMatchObject({ log: LOG, asOf: AT });
        expect(p.allegations.length).toBeLessThanOrEqual(limit);
        count = p.count;
        allegations.push(...p.allegations);
        cursor = p.next;
        pages++;
      } while (cursor !== null);
      expect(allegations).toHaveLength(count);
      return { allegations, pages };
    }

    it('the status counts every allegation, by state, party and provision, and lists only the latest 5', async () => {
      const s = await status();
      // The two of the demo log (Hamas's, against Israel, on aid and the exchange) and the twelve.
      expect(s.allegations.count).toBe(14);
      expect(s.allegations.states).toEqual({
        open: 11,
        disputed: 1,
        acknowledged: 0,
        withdrawn: 2,
        resolved: 0,
      });
      expect(s.allegations.findings).toEqual({ breach: 0, 'no-breach': 0 });
      expect(s.allegations.against).toEqual([
        {
          party: 'israel',
          count: 8,
          states: { open: 7, disputed: 1, acknowledged: 0, withdrawn: 0, resolved: 0 },
        },
        {
          party: 'hamas',
          count: 6,
          states: { open: 4, disputed: 0, acknowledged: 0, withdrawn: 2, resolved: 0 },
        },
      ]);
      expect(s.allegations.provisions.find((p) => p.provision === 'ceasefire')).toMatchObject({ count: 12 });
      expect(s.allegations.latest).toHaveLength(LATEST_ALLEGATIONS);
      expect(s.allegations.latest.map((a) => a.evidenceRef)).toEqual(
        hashes.slice(-LATEST_ALLEGATIONS).map((h) => `allegation:${h}`),
      );
    });

    it('pages through every allegation exactly once, in the order they occurred, each with its number in the log', async () => {
      const s = await status();
      const { allegations, pages } = await all(5);
      expect(pages).toBe(Math.ceil(14 / 5));
      expect(allegations.slice(-12).map((a) => a.evidenceRef)).toEqual(hashes.map((h) => `allegation:${h}`));
      const times = allegations.map((a) => Date.parse(a.at!));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      // The latest of the status are the last of the pages, as the status gives them.
      expect(allegations.slice(-LATEST_ALLEGATIONS).map(({ index: _, ...a }) => a)).toEqual(
        s.allegations.latest,
      );
      // The counts of the status are those of the allegations listed.
      for (const state of ['open', 'disputed', 'withdrawn'] as const)
        expect(allegations.filter((a) => a.state === state)).toHaveLength(s.allegations.states[state]);
      const entries = await store.entriesWithLeafHashes(LOG, hashes);
      for (const a of allegations.slice(-12)) {
        const entry = entries.get(a.evidenceRef.slice('allegation:'.length))!;
        expect(a.index).toBe(entry.index);
        expect(entry.event.event.kind).toBe('violation.alleged');
      }
      const first = allegations.find((a) => a.evidenceRef === `allegation:${hashes[0]}`)!;
      expect(first).toMatchObject({ state: 'disputed', reason: 'No such incident.', evidenceCount: 2 });
    });

    it('pages only the allegations against a party, naming a provision or in a state', async () => {
      const withdrawn = await all(1, '&state=withdrawn');
      expect(withdrawn.allegations.map((a) => a.evidenceRef)).toEqual(
        [1, 3].map((k) => `allegation:${hashes[k]}`),
      );
      expect(withdrawn.pages).toBe(2);
      const israel = await all(3, '&against=israel');
      expect(israel.allegations).toHaveLength(8);
      expect(israel.allegations.every((a) => a.against === 'israel')).toBe(true);
      const open = await all(100, '&against=hamas&provision=ceasefire&state=open');
      expect(open.allegations.map((a) => a.evidenceRef)).toEqual(
        [5, 7, 9, 11].map((k) => `allegation:${hashes[k]}`),
      );
      expect((await all(100, '&provision=no-such-provision')).allegations).toEqual([]);
    });

    it('a malformed cursor, a state or a limit out of range is 400, a cursor the list no longer holds 409, an unknown log 404', async () => {
      for (const q of [
        '&cursor=1',
        '&cursor=x.0123456789abcdef',
        '&limit=0',
        '&limit=101',
        '&state=alleged',
        '&of=x',
      ])
        expect(problem(await page(q)), q).toEqual([400, 'request-invalid']);
      expect(problem(await page(`&cursor=1.${'0'.repeat(16)}`))).toEqual([409, 'cursor-stale']);
      expect(problem(await get(`/api/logs/no-such-log/allegations`))).toEqual([404, 'log-not-found']);
      // A cursor of the page before still answers, and one of a filtered list follows that list.
      const p = AllegationPage.parse(json(await page('&limit=1&state=withdrawn')));
      const next = AllegationPage.parse(json(await page(`&limit=1&state=withdrawn&cursor=${p.next}`)));
      expect(next.allegations.map((a) => a.evidenceRef)).toEqual([`allegation:${hashes[3]}`]);
      expect(next.next).toBeNull();
    });

    it('the route, its filters and its bounded limit are in the OpenAPI document, and the status says it lists at most 5', async () => {
      const doc = json(await get('/api/openapi.json')) as {
        paths: Record<
          string,
          {
            get?: {
              parameters?: { name: string; description?: string }[];
              responses: Record<string, unknown>;
            };
          }
        >;
      };
      const op = doc.paths['/api/logs/{id}/allegations']!.get!;
      expect(op.parameters!.map((p) => p.name).sort()).toEqual([
        'against',
        'at',
        'cursor',
        'id',
        'limit',
        'provision',
        'state',
      ]);
      expect(op.parameters!.find((p) => p.name === 'limit')!.description).toContain('1 to 100');
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '404', '409']));
      expect(JSON.stringify(doc)).toContain(`"maxItems":${LATEST_ALLEGATIONS}`);
    });

    it('the status document does not grow with the allegations: 12 or 52 of them take the same bytes but for their counts', async () => {
      const before = await statusBytes();
      const s = await status();
      // The ceasefire's explanation lists its latest unanswered allegations, saying of how many.
      const cease = s.provisions.find((p) => p.provision === 'ceasefire')!;
      expect(cease.explanationText).toContain('Not answered: 9 allegations: Latest 5 of 9: ');
      expect(cease.explanationText).toContain('Incident 0011.');
      expect(cease.explanationText).not.toContain('Incident 0006.');
      // Appended last: the tests before read the log of twelve.
      await store.append(
        LOG,
        Array.from({ length: 40 }, (_, k) => alleged(12 + k)),
      );
      const after = await statusBytes();
      const grown = await status();
      expect(grown.allegations.count).toBe(54);
      expect(grown.provisions.find((p) => p.provision === 'ceasefire')!.explanationText).toContain(
        'Not answered: 49 allegations: Latest 5 of 49: ',
      );
      // Only digits grow: the counts (of allegations, states, parties, the ceasefire's evidence, the
      // log's events), one more digit each. Listed, each allegation took some 500 bytes.
      expect(after.length - before.length).toBeGreaterThanOrEqual(0);
      expect(after.length - before.length).toBeLessThanOrEqual(24);
    });
  },
);
