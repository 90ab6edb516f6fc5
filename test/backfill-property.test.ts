import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAgreement } from '../src/core/agreement/index.ts';
import { evaluate } from '../src/core/compliance/index.ts';
import type { Evaluation, LoggedEvent } from '../src/core/compliance/types.ts';
import { formatVerifierKey } from '../src/core/ledger/signed-note.ts';
import { verifyLog } from '../src/core/ledger/verify-log.ts';
import { storeMaterial } from '../src/export/store-material.ts';
import type { Database } from '../src/store/database.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { agreementFolder } from './helpers/adopted-agreement.ts';
import { at, MOMENTS, ROLES, SETUP, STORY, TODAY } from './helpers/backfill-story.ts';
import { DIALECTS, scratchDatabase } from './helpers/databases.ts';
import { crypto, ledgerFixture } from './helpers/ledger-fixture.ts';
import { testSeed } from './helpers/seeded-random.ts';

/** When an actor's key comes into force, and when (if ever) it is revoked: one per actor of ROLES. */
type Keys = { registered: string; revoked: string | undefined }[];

/** Moments a registration or revocation may occur at: before, between and after the story's events. */
const TIMES = [
  SETUP,
  at(23, '23:00'),
  at(24, '10:00'),
  at(24, '16:15'),
  at(24, '17:30'),
  at(25, '12:00'),
  at(25, '21:05'),
  at(26, '11:00'),
  at(28, '09:00'),
];

const keysOf = fc.array(
  fc
    .tuple(
      fc.nat({ max: TIMES.length - 1 }),
      fc.option(fc.nat({ max: TIMES.length - 1 }), { nil: undefined }),
    )
    .map(([r, v]) => ({
      registered: TIMES[r]!,
      revoked: v === undefined || v <= r ? undefined : TIMES[v]!,
    })),
  { minLength: ROLES.length, maxLength: ROLES.length },
);

type Item = {
  label: string;
  actor: string;
  kind: string;
  occurredAt: string;
  body: (h: Map<string, string>) => Record<string, unknown> | undefined;
};

/**
 * The story, with each actor's registration and revocation as events of the operator, as the log
 * would hold them. A step that refers to an earlier one the log refused is not recorded.
 */
function items(f: ReturnType<typeof ledgerFixture>, keys: Keys): Item[] {
  const out: Item[] = [];
  ROLES.forEach(([actor, role, party], i) => {
    const k = keys[i]!;
    out.push({
      label: `register ${actor}`,
      actor: 'operator',
      kind: 'actor.registered',
      occurredAt: k.registered,
      body: () => ({
        actor,
        name: actor,
        role,
        key: formatVerifierKey(f.keys[actor]!),
        ...(party ? { party } : {}),
      }),
    });
    if (k.revoked)
      out.push({
        label: `revoke ${actor}`,
        actor: 'operator',
        kind: 'actor.revoked',
        occurredAt: k.revoked,
        body: () => ({ actor }),
      });
  });
  STORY.forEach((step, i) => {
    out.push({
      label: `step ${i}`,
      actor: step.actor,
      kind: step.kind,
      occurredAt: step.occurredAt,
      body: (h) => {
        // The story refers to earlier steps by position; a refused one leaves a hole.
        const hashes = STORY.map((_, j) => h.get(`step ${j}`) ?? '');
        const body = step.body(hashes);
        return Object.values(body).some((v) => v === '') ? undefined : body;
      },
    });
  });
  return out;
}

/**
 * Records `order` into a new log of the store, one append each, each recorded at `recorded(item)`;
 * an append the log refuses is left out. The log's events, each labelled by what it is.
 */
async function record(
  store: LedgerStore,
  logId: string,
  keys: Keys,
  order: (all: Item[]) => Item[],
  recorded: (occurredAt: string) => string,
) {
  const f = ledgerFixture(logId);
  await f.createLog(store);
  const genesis = f.event(
    'operator',
    'actor.registered',
    { actor: 'operator', name: 'operator', role: 'operator', key: f.operatorKey },
    { occurredAt: SETUP, recordedAt: recorded(SETUP) },
  );
  await store.append(logId, [genesis]);
  const label = new Map<string, string>();
  const hashes = new Map<string, string>();
  const refused: string[] = [];
  for (const item of order(items(f, keys))) {
    const body = item.body(hashes);
    if (!body) continue;
    const bytes = f.event(item.actor, item.kind, body, {
      occurredAt: item.occurredAt,
      recordedAt: recorded(item.occurredAt),
    });
    try {
      const [r] = await store.append(logId, [bytes]);
      hashes.set(item.label, r!.leafHash);
      label.set(r!.leafHash, item.label);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code !== 'event-unknown-actor' && code !== 'event-before-registration') throw e;
      refused.push(item.label);
    }
  }
  const log = await store.requireLog(logId);
  const events: LoggedEvent[] = (await store.entries(logId, 0, log.size)).map((e) => ({
    leafHash: e.leafHash,
    event: e.event,
  }));
  const report = await verifyLog(crypto, await storeMaterial(store, logId));
  return { events, label, refused: refused.sort(), problems: report.problems };
}

/** An evaluation with each event named by what it is (its hash covers recordedAt and the log's id). */
function labelled(e: Evaluation, label: Map<string, string>): unknown {
  return JSON.parse(
    JSON.stringify(e).replace(/[0-9a-f]{64}/g, (h) => label.get(h) ?? h),
    (_, v) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? [...v].sort() : v),
  );
}

const byOccurrence = (all: Item[]) =>
  all
    .map((item, i) => ({ item, i }))
    .sort((a, b) => Date.parse(a.item.occurredAt) - Date.parse(b.item.occurredAt) || a.i - b.i)
    .map((x) => x.item);

describe.each(DIALECTS)('a back-filled log and a live one, for any dates of keys, on %s', (dialect) => {
  const folder = agreementFolder('test-log');
  const parsed = parseAgreement(readFileSync(join(folder.dir, 'test-log.yaml'), 'utf8'), 'test-log.yaml');
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  const agreement = parsed.agreement;
  let database: Database;
  let store: LedgerStore;
  beforeAll(async () => {
    database = await scratchDatabase(dialect);
    store = new LedgerStore(database, crypto);
  });
  afterAll(async () => {
    await database.close();
    folder.remove();
  });

  it('accept the same events and give the same statuses at every past moment', {
    timeout: 120_000,
  }, async () => {
    const seed = testSeed(20231124);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(keysOf, async (keys) => {
        run++;
        // Live: everything recorded as it happened, in the order it happened.
        const live = await record(store, `live-${run}`, keys, byOccurrence, (t) => t);
        // Back-filled: recorded today, the keys and their revocations first (a monitor's sheet of
        // who held which key), then the story in the order it happened.
        const backfilled = await record(
          store,
          `back-${run}`,
          keys,
          (all) => {
            const sorted = byOccurrence(all);
            return [
              ...sorted.filter((x) => x.kind.startsWith('actor.')),
              ...sorted.filter((x) => !x.kind.startsWith('actor.')),
            ];
          },
          () => TODAY,
        );
        expect(backfilled.problems).toEqual([]);
        expect(live.problems).toEqual([]);
        expect(backfilled.refused).toEqual(live.refused);
        for (const moment of MOMENTS)
          expect(labelled(evaluate(agreement, backfilled.events, moment), backfilled.label), moment).toEqual(
            labelled(evaluate(agreement, live.events, moment), live.label),
          );
      }),
      { seed, numRuns: 12 },
    );
  });
});
