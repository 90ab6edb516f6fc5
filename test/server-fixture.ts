import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { checkpointLog } from '../src/cli/record-events.ts';
import { buildApp } from '../src/server/app.ts';
import type { Database } from '../src/store/database.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { type TokenRole, TokenStore } from '../src/store/token-store.ts';
import { type DialectName, scratchDatabase } from './helpers/databases.ts';
import { crypto, ledgerFixture } from './helpers/ledger-fixture.ts';

/**
 * A server over a scratch database of the dialect holding the fixture's log (its actors
 * registered, `extra` more events, a checkpoint signed when `checkpoint`), tested with app.inject.
 */
export async function serverFixture(
  dialect: DialectName,
  opts: { extra?: number; checkpoint?: boolean; requestsPerMinute?: number; agreementsDir?: string } = {},
) {
  const database = await scratchDatabase(dialect);
  const { f, store, tokens } = await seedFixtureLog(database);
  if (opts.extra) {
    const batch = Array.from({ length: opts.extra }, (_, i) =>
      f.event('monitor', 'statement', { text: `note ${i}` }),
    );
    await store.append(f.logId, batch);
  }
  if (opts.checkpoint !== false) await checkpointLog(store, f.logId, f.keys.operator!);
  // Tests make many requests per token: the limit is raised unless a test is about it.
  const app: FastifyInstance = await buildApp({
    database,
    crypto,
    requestsPerMinute: opts.requestsPerMinute ?? 1_000_000,
    // The server's clock is the fixture's: the events it signs are recorded now, to the server.
    now: f.now,
    anonymousHeavyPerMinute: 1_000_000,
    ...(opts.agreementsDir ? { agreementsDir: opts.agreementsDir } : {}),
  });
  /** The Authorization header of an actor of the fixture (operator, party-a, party-b, icrc, monitor). */
  const as = (actor: string) => ({ authorization: `Bearer ${tokens[actor]!}` });
  /** Signs an event as `actor`, appends it over HTTP with its token, expects 201; its leaf hash. */
  const record = async (actor: string, kind: string, body: Record<string, unknown>): Promise<string> => {
    const r = await app.inject({
      method: 'POST',
      url: `/api/logs/${f.logId}/events`,
      headers: { 'content-type': 'application/json', ...as(actor) },
      payload: new TextDecoder().decode(f.event(actor, kind, body)),
    });
    if (r.statusCode !== 201) throw new Error(`append ${kind} as ${actor}: ${r.statusCode} ${r.body}`);
    return (JSON.parse(r.body) as { leafHash: string }).leafHash;
  };
  return {
    f,
    app,
    store,
    database,
    tokens,
    as,
    record,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** The fixture's log (of id `logId`) created in `database`, its actors registered, and a token for each actor. */
export async function seedFixtureLog(database: Database, logId?: string) {
  const f = ledgerFixture(logId);
  const store = new LedgerStore(database, crypto);
  await f.createLog(store);
  await store.append(f.logId, f.genesis());
  return { f, store, tokens: await actorTokens(database, f.logId) };
}

/** The JSON of a response body, with a problem's shape checked by the caller. */
export const json = (r: { body: string }) =>
  JSON.parse(r.body) as Record<string, unknown> & { code?: string };

/** A problem answer's status and code, once its content type is checked to be application/problem+json. */
export const problem = (r: { statusCode: number; headers: Record<string, unknown>; body: string }) => {
  expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
  return [r.statusCode, json(r).code];
};

/** The role of each actor of the ledger fixture. */
export const FIXTURE_ROLES: Record<string, TokenRole> = {
  operator: 'operator',
  'party-a': 'party',
  'party-b': 'party',
  icrc: 'intermediary',
  monitor: 'monitor',
};

/** A token for each actor of the fixture, of the log `logId`. */
export async function actorTokens(database: Database, logId: string): Promise<Record<string, string>> {
  const store = new TokenStore(database);
  const out: Record<string, string> = {};
  for (const [actor, role] of Object.entries(FIXTURE_ROLES)) {
    const party = role === 'party' ? actor : null;
    out[actor] = (await store.create({ log: logId, actor, role, party })).token;
  }
  return out;
}

/**
 * Records in the fixture's log that it adopted an example agreement (by the hash of its file), so
 * that its status can be asked: a log is judged only against the text it adopted.
 */
export async function adoptExample(
  store: LedgerStore,
  f: ReturnType<typeof ledgerFixture>,
  id: string,
): Promise<void> {
  const text = readFileSync(new URL(`../examples/agreements/${id}.yaml`, import.meta.url));
  const sha256 = createHash('sha256').update(text).digest('hex');
  await store.append(f.logId, [
    f.event('operator', 'agreement.adopted', { agreement: id, version: 1, sha256 }),
  ]);
}
