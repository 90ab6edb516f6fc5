import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAgreement } from '../src/core/agreement/index.ts';
import { evaluate } from '../src/core/compliance/index.ts';
import type { Evaluation, LoggedEvent } from '../src/core/compliance/types.ts';
import { formatVerifierKey } from '../src/core/ledger/signed-note.ts';
import { buildApp } from '../src/server/app.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { agreementFolder } from './helpers/adopted-agreement.ts';
import { at, MOMENTS, ROLES, SETUP, STORY, TODAY } from './helpers/backfill-story.ts';
import { DIALECTS, scratchDatabase } from './helpers/databases.ts';
import { crypto, ledgerFixture } from './helpers/ledger-fixture.ts';
import { actorTokens } from './server-fixture.ts';

/**
 * The story recorded into a new log through the API: "live", each event recorded when it happened
 * by a server whose clock reads that moment; "back-filled", every event recorded today by a server
 * whose clock reads today, the genesis dated in the past (log init --occurred-at) or, for the
 * control, not dated (then an event of the past is refused, and thrown). The log's events as the evaluator reads them.
 */
async function record(
  dialect: (typeof DIALECTS)[number],
  mode: 'live' | 'back-filled' | 'back-filled-undated',
  folder: ReturnType<typeof agreementFolder>,
): Promise<LoggedEvent[]> {
  const database = await scratchDatabase(dialect);
  const f = ledgerFixture('test-log');
  const store = new LedgerStore(database, crypto);
  let clock = Date.parse(SETUP);
  const recorded = (occurredAt: string) => (mode === 'live' ? occurredAt : TODAY);
  const genesisAt = mode === 'back-filled-undated' ? TODAY : SETUP;
  const setup = (kind: string, body: Record<string, unknown>) =>
    f.event('operator', kind, body, { occurredAt: genesisAt, recordedAt: recorded(SETUP) });
  await f.createLog(store);
  await store.append(f.logId, [
    setup('actor.registered', { actor: 'operator', name: 'operator', role: 'operator', key: f.operatorKey }),
    ...ROLES.map(([actor, role, party]) =>
      setup('actor.registered', {
        actor,
        name: actor,
        role,
        key: formatVerifierKey(f.keys[actor]!),
        ...(party ? { party } : {}),
      }),
    ),
    setup('agreement.adopted', folder.adopted),
  ]);
  const tokens = await actorTokens(database, f.logId);
  const app = await buildApp({ database, crypto, agreementsDir: folder.dir, now: () => clock });
  try {
    const hashes: string[] = [];
    for (const step of STORY) {
      clock = Date.parse(recorded(step.occurredAt));
      const event = f.event(step.actor, step.kind, step.body(hashes), {
        occurredAt: step.occurredAt,
        recordedAt: recorded(step.occurredAt),
      });
      const r = await app.inject({
        method: 'POST',
        url: `/api/logs/${f.logId}/events`,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[step.actor]}` },
        payload: new TextDecoder().decode(event),
      });
      // Undated, the registrations hold from today: the first event of the past is refused.
      if (mode === 'back-filled-undated' && r.statusCode !== 201)
        throw new Error(`${r.statusCode} ${r.body}`);
      expect(r.statusCode, `${mode} ${step.kind}: ${r.body}`).toBe(201);
      hashes.push((JSON.parse(r.body) as { leafHash: string }).leafHash);
    }
    const log = await store.requireLog(f.logId);
    return (await store.entries(f.logId, 0, log.size)).map((e) => ({ leafHash: e.leafHash, event: e.event }));
  } finally {
    await app.close();
    await database.close();
  }
}

/**
 * An evaluation with each event named by its place in the log, not by its hash (which covers
 * recordedAt); lists of evidence, which the evaluator orders by hash, in the order of places.
 */
function byPlace(e: Evaluation, events: LoggedEvent[]): unknown {
  const place = new Map(events.map((x, i) => [x.leafHash, `event ${String(i).padStart(3, '0')}`]));
  return JSON.parse(
    JSON.stringify(e).replace(/[0-9a-f]{64}/g, (h) => place.get(h) ?? h),
    (_, v) =>
      Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && x.startsWith('event '))
        ? [...v].sort()
        : v,
  );
}

describe.each(DIALECTS)('back-filling gives the same past, on %s', (dialect) => {
  const folder = agreementFolder('test-log');
  afterAll(() => folder.remove());
  const text = readFileSync(join(folder.dir, 'test-log.yaml'), 'utf8');
  const parsed = parseAgreement(text, 'test-log.yaml');
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  const agreement = parsed.agreement;

  it('a log back-filled today gives, at every past moment, the statuses the live log gave', async () => {
    const live = await record(dialect, 'live', folder);
    const backfilled = await record(dialect, 'back-filled', folder);
    expect(backfilled.map((e) => e.event.event.recordedAt).slice(-1)).toEqual([TODAY]);
    for (const moment of MOMENTS) {
      const a = evaluate(agreement, live, moment);
      const b = evaluate(agreement, backfilled, moment);
      expect(byPlace(b, backfilled), moment).toEqual(byPlace(a, live));
    }
    // Not the same by being empty: the record is judged at each moment.
    const status = (e: Evaluation, id: string) => e.obligations.find((o) => o.obligation.id === id)?.status;
    const first = evaluate(agreement, backfilled, at(24, '17:00'));
    expect(status(first, 'exchange/hand-over/1')).toBe('met');
    expect(status(evaluate(agreement, backfilled, at(25, '17:00')), 'exchange/hand-over/2')).toBe(
      'unrecorded',
    );
    expect(status(evaluate(agreement, backfilled, at(27, '23:00')), 'exchange/hand-over/2')).toBe('met-late');
  });

  it('a back-fill whose registrations are dated today is refused at its first event of the past, naming the actor and both times', async () => {
    const refused = await record(dialect, 'back-filled-undated', folder).then(
      () => '',
      (e: Error) => e.message,
    );
    expect(refused).toMatch(/^422 /);
    const problem = JSON.parse(refused.slice(4)) as { code: string; detail: string };
    expect(problem.code).toBe('event-before-registration');
    expect(problem.detail).toContain(`Actor "operator" is registered from ${TODAY}`);
    expect(problem.detail).toContain(`this event occurred at ${STORY[0]!.occurredAt}`);
  });
});
