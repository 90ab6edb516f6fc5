import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { Keyring } from '../src/server/keyring.ts';
import { AgreementStore } from '../src/store/agreement-store.ts';
import type { Database } from '../src/store/database.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { TokenStore } from '../src/store/token-store.ts';
import { DIALECTS, scratchDatabase } from './helpers/databases.ts';
import { crypto, ledgerFixture } from './helpers/ledger-fixture.ts';
import { actorTokens, json } from './server-fixture.ts';

const NOV = readFileSync(new URL('../examples/agreements/nov-2023-pause.yaml', import.meta.url), 'utf8');
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The Nov 2023 text as agreement `id`, its persons under the strictest disclosure, with `title`,
 * and the parties of the ledger fixture: its actors party-a and party-b act for the parties the
 * text names hamas and israel.
 */
function agreementText(id: string, title: string, counterpart: 'on-list' | 'on-confirmation') {
  return NOV.replace(/\bhamas\b/g, 'party-a')
    .replace(/\bisrael\b/g, 'party-b')
    .replace(/^id: .*$/m, `id: ${id}`)
    .replace(/^title:\n( {2}.*\n)+/m, `title: ${title}\n`)
    .replace(
      /^kind: agreement$/m,
      `kind: agreement\ndisclosure:\n  counterpart: ${counterpart}\n  monitors: never`,
    );
}

const record = { names: { ar: 'سلمى', he: 'סלמה', en: 'Salma' }, age: 19, ids: { passport: 'P1234567' } };

describe.each(DIALECTS)("a log's rules belong to the log, on %s", (dialect) => {
  let database: Database;
  let app: FastifyInstance;
  const victim = ledgerFixture('victim');
  const other = ledgerFixture('other');
  const tokens: Record<string, Record<string, string>> = {};
  const as = (log: string, actor: string) => ({ authorization: `Bearer ${tokens[log]![actor]!}` });
  const v1 = agreementText('victim', 'Victim pause, as adopted', 'on-confirmation');
  let commitment: string;

  beforeAll(async () => {
    database = await scratchDatabase(dialect);
    const store = new LedgerStore(database, crypto);
    for (const f of [victim, other]) {
      await f.createLog(store);
      await store.append(f.logId, [...f.genesis(), f.register('mediator')]);
      tokens[f.logId] = await actorTokens(database, f.logId);
      tokens[f.logId]!.mediator = (
        await new TokenStore(database).create({
          log: f.logId,
          actor: 'mediator',
          role: 'mediator',
          party: null,
        })
      ).token;
    }
    // The server holds the victim mediator's key (custodial): it records the adoption itself.
    app = await buildApp({
      database,
      crypto,
      keyring: new Keyring(crypto, [victim.keys.mediator!]),
      // The server's clock is the fixtures': the events they sign are recorded now, to the server.
      now: () => Math.max(victim.now(), other.now()),
    });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const upload = (text: string, log: string, actor = 'mediator') =>
    app.inject({
      method: 'POST',
      url: '/api/agreements',
      headers: { ...as(log, actor), 'content-type': 'application/yaml' },
      payload: text,
    });
  const append = async (log: string, actor: string, kind: string, body: Record<string, unknown>) => {
    const f = log === 'victim' ? victim : other;
    const r = await app.inject({
      method: 'POST',
      url: `/api/logs/${log}/events`,
      headers: { ...as(log, actor), 'content-type': 'application/json' },
      payload: new TextDecoder().decode(f.event(actor, kind, body)),
    });
    expect(r.statusCode, r.body).toBe(201);
    return json(r).leafHash as string;
  };
  const visibleTo = async (actor: string) => {
    const r = await app.inject({ url: '/api/logs/victim/persons', headers: as('victim', actor) });
    expect(r.statusCode, r.body).toBe(200);
    return r.body;
  };

  it("the log's mediator uploads its agreement: the server records agreement.adopted in the log, with the file's hash", async () => {
    const r = await upload(v1, 'victim');
    expect(r.statusCode, r.body).toBe(201);
    expect(json(r).adoption).toMatchObject({ log: 'victim', state: 'recorded', sha256: sha256(v1) });
    const events = json(await app.inject({ url: '/api/logs/victim/events' })).events as {
      event: { event: { kind: string; actor: string; body: Record<string, unknown> } };
    }[];
    const adopted = events.map((e) => e.event.event).filter((e) => e.kind === 'agreement.adopted');
    expect(adopted).toEqual([
      expect.objectContaining({
        actor: 'mediator',
        body: { agreement: 'victim', version: 1, sha256: sha256(v1), title: 'Victim pause, as adopted' },
      }),
    ]);
  });

  it("a party's listed person stays embargoed from the other party under the adopted disclosure", async () => {
    const added = await app.inject({
      method: 'POST',
      url: '/api/logs/victim/persons',
      headers: as('victim', 'party-a'),
      payload: { records: [record] },
    });
    expect(added.statusCode, added.body).toBe(201);
    commitment = (json(added).commitments as string[])[0]!;
    await append('victim', 'party-a', 'list.submitted', {
      provision: 'exchange',
      batch: 1,
      count: 1,
      persons: [commitment],
    });
    expect(await visibleTo('party-b')).not.toContain('Salma');
  });

  it("the mediator of another log cannot upload a version of this log's agreement (403), and nothing is stored", async () => {
    const v2 = agreementText('victim', 'Victim pause, rewritten elsewhere', 'on-list');
    const r = await upload(v2, 'other');
    expect(r.statusCode, r.body).toBe(403);
    expect(json(r).code).toBe('agreement-of-another-log');
    expect(json(r).detail).toMatch(/log "victim"/);
    expect((await new AgreementStore(database).list('victim', 1, 100)).map((v) => v.sha256)).toEqual([
      sha256(v1),
    ]);
    const body = await visibleTo('party-b');
    for (const secret of ['Salma', 'P1234567', 'salt']) expect(body).not.toContain(secret);
  });

  it('what the catalog serves under the id does not change the log: status, report and disclosure follow the adopted hash', async () => {
    // A newer adopted version reaches the catalog without the log adopting it (here straight
    // into the store, as an import or another server sharing the database could).
    const v3 = agreementText('victim', 'Victim pause, not adopted by the log', 'on-list').replace(
      'lengthDays: 4',
      'lengthDays: 6',
    );
    await new AgreementStore(database).add({
      id: 'victim',
      source: v3,
      mediaType: 'application/yaml',
      status: 'adopted',
      uploadedBy: { actor: 'mediator', role: 'mediator', log: 'other' },
    });
    const served = json(await app.inject({ url: '/api/agreements/victim' }));
    expect(JSON.stringify(served)).toContain('not adopted by the log');
    const body = await visibleTo('party-b');
    for (const secret of ['Salma', 'P1234567', commitment]) expect(body).not.toContain(secret);
    const person = await app.inject({
      url: `/api/logs/victim/persons/${commitment}`,
      headers: as('victim', 'party-b'),
    });
    expect([person.statusCode, json(person).code]).toEqual([404, 'person-not-found']);
    const report = await app.inject({ url: '/api/logs/victim/report?date=2023-11-25' });
    expect(report.statusCode, report.body).toBe(200);
    expect(report.body).toContain('Victim pause, as adopted');
    expect(report.body).not.toContain('not adopted by the log');
    const status = await app.inject({ url: '/api/logs/victim/status?at=2023-11-25T12:00:00Z' });
    expect(status.statusCode, status.body).toBe(200);
    expect(json(status).adopted).toEqual({
      agreement: 'victim',
      version: 1,
      sha256: sha256(v1),
      index: 6,
      occurredAt: expect.any(String),
    });
    // The plan of the log is that of the adopted text (a 4-day pause), not the catalog's (6 days).
    const plan = await app.inject({ url: '/api/logs/victim/plan' });
    expect(plan.statusCode, plan.body).toBe(200);
    const days = (p: { body: string }) => (json(p).days as unknown[]).length;
    const catalogPlan = await app.inject({ url: '/api/agreements/victim/plan' });
    expect(days(catalogPlan) - days(plan)).toBe(2);
    const log = json(await app.inject({ url: '/api/logs/victim' }));
    expect(log.adopted).toEqual({
      agreement: 'victim',
      version: 1,
      sha256: sha256(v1),
      index: 6,
      occurredAt: expect.any(String),
    });
  });

  it('a party cannot adopt a text for the log; the operator adopts by signing the event the upload answers', async () => {
    const v4 = agreementText('victim', 'Victim pause, second text', 'on-list');
    const refused = await app.inject({
      method: 'POST',
      url: '/api/logs/victim/events',
      headers: { ...as('victim', 'party-b'), 'content-type': 'application/json' },
      payload: new TextDecoder().decode(
        victim.event('party-b', 'agreement.adopted', { agreement: 'victim', version: 9, sha256: sha256(v4) }),
      ),
    });
    expect(refused.statusCode, refused.body).toBeGreaterThanOrEqual(400);
    expect(json(refused).code).toBe('event-not-permitted');
    // The server holds no key of the operator: the upload stores the text and answers the event to sign.
    const r = await upload(v4, 'victim', 'operator');
    expect(r.statusCode, r.body).toBe(201);
    const adoption = json(r).adoption as { state: string; event: Record<string, unknown> };
    expect(adoption).toMatchObject({ log: 'victim', state: 'to-sign', sha256: sha256(v4) });
    expect(adoption.event).toMatchObject({
      log: 'victim',
      kind: 'agreement.adopted',
      actor: 'operator',
      body: { agreement: 'victim', version: 3, sha256: sha256(v4), title: 'Victim pause, second text' },
    });
    // Until the log records it, the log keeps its text.
    const before = json(await app.inject({ url: '/api/logs/victim/status?at=2023-11-25T12:00:00Z' }));
    expect((before.adopted as { sha256: string }).sha256).toBe(sha256(v1));
    expect(await visibleTo('party-b')).not.toContain('Salma');
    const signed = victim.event(
      'operator',
      'agreement.adopted',
      adoption.event.body as Record<string, unknown>,
    );
    const appended = await app.inject({
      method: 'POST',
      url: '/api/logs/victim/events',
      headers: { ...as('victim', 'operator'), 'content-type': 'application/json' },
      payload: new TextDecoder().decode(signed),
    });
    expect(appended.statusCode, appended.body).toBe(201);
    const after = json(await app.inject({ url: '/api/logs/victim/status?at=2023-11-25T12:00:00Z' }));
    expect(after.adopted).toMatchObject({ version: 3, sha256: sha256(v4) });
    // The log adopted counterpart: on-list, by its own operator: the other party now sees the listed person.
    expect(await visibleTo('party-b')).toContain('Salma');
  });

  it('a log that adopted a text the server does not hold is not judged (409) and its persons stay embargoed', async () => {
    const unknown = 'f'.repeat(64);
    await append('victim', 'mediator', 'agreement.adopted', {
      agreement: 'victim',
      version: 99,
      sha256: unknown,
    });
    const status = await app.inject({ url: '/api/logs/victim/status' });
    expect([status.statusCode, json(status).code]).toEqual([409, 'agreement-not-held']);
    expect(json(status).detail).toContain(unknown);
    expect(await visibleTo('party-b')).not.toContain('Salma');
    expect(await visibleTo('party-a')).toContain('Salma');
  });
});
