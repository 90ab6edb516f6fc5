import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromBase64 } from '../src/core/crypto/crypto.ts';
import { verifyCommitment } from '../src/core/ledger/commitment.ts';
import { agreementFolder } from './helpers/adopted-agreement.ts';
import { DIALECTS } from './helpers/databases.ts';
import { crypto } from './helpers/ledger-fixture.ts';
import { json, serverFixture } from './server-fixture.ts';

const NFD = (s: string) => s.normalize('NFD');
const records = [
  { names: { ar: NFD('سَلمى'), he: NFD('סַלמה'), en: 'Salma' }, age: 19, category: 'women' },
  { names: { ar: 'نور', he: 'נור', en: 'Nour', variants: ['Noor', 'Nur'] }, age: 17, category: 'minors' },
  { names: { ar: 'يوسف', he: 'יוסף', en: 'Yousef' }, age: 16, category: 'minors' },
];

describe.each(DIALECTS)('persons over HTTP, by role, on %s', (dialect) => {
  let s: Awaited<ReturnType<typeof serverFixture>>;
  let commitments: string[];
  // The log adopts an agreement that says nothing of disclosure: the defaults hold.
  const folder = agreementFolder('test-log');
  beforeAll(async () => {
    s = await serverFixture(dialect, { agreementsDir: folder.dir });
    await s.record('operator', 'agreement.adopted', folder.adopted);
  });
  afterAll(async () => {
    await s.close();
    folder.remove();
  });

  const get = (url: string, actor?: string) =>
    s.app.inject({ method: 'GET', url, headers: actor ? s.as(actor) : {} });
  const visible = async (actor: string) => {
    const r = await get('/api/logs/test-log/persons', actor);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['cache-control']).toBe('private, no-store');
    return (json(r).persons as { commitment: string }[]).map((p) => p.commitment);
  };
  const append = (actor: string, kind: string, body: Record<string, unknown>) => s.record(actor, kind, body);

  it('a party keeps records and gets their commitments; strings are stored as NFC', async () => {
    const r = await s.app.inject({
      method: 'POST',
      url: '/api/logs/test-log/persons',
      headers: s.as('party-a'),
      payload: { records },
    });
    expect(r.statusCode, r.body).toBe(201);
    commitments = json(r).commitments as string[];
    expect(commitments).toHaveLength(3);
    const one = json(await get(`/api/logs/test-log/persons/${commitments[0]}`, 'party-a'));
    expect(one.visibleBecause).toBe('own');
    const record = one.record as { names: { ar: string; he: string } };
    expect(record.names.ar).toBe('سَلمى'.normalize('NFC'));
    expect(record.names.he).toBe('סַלמה'.normalize('NFC'));
    expect(verifyCommitment(crypto, record, fromBase64(one.salt as string)!, commitments[0]!)).toBe(true);
  });

  it('before any list: the other party, the intermediary and a monitor see none of them (embargo)', async () => {
    expect(await visible('party-a')).toEqual(commitments);
    for (const actor of ['party-b', 'icrc', 'monitor']) expect(await visible(actor)).toEqual([]);
    const r = await get(`/api/logs/test-log/persons/${commitments[0]}`, 'party-b');
    expect(r.statusCode).toBe(404);
    expect(json(r).code).toBe('person-not-found');
    expect(r.body).not.toContain('Salma');
    expect(await visible('operator')).toEqual(commitments);
  });

  it('a list submitted to the other party shows it those persons, and only those', async () => {
    const list = await append('party-a', 'list.submitted', {
      provision: 'exchange',
      batch: 1,
      count: 2,
      persons: commitments.slice(0, 2),
    });
    expect(await visible('party-b')).toEqual(commitments.slice(0, 2));
    expect(json(await get(`/api/logs/test-log/persons/${commitments[2]}`, 'party-b')).code).toBe(
      'person-not-found',
    );
    expect(await visible('icrc')).toEqual([]);
    expect(await visible('monitor')).toEqual([]);
    const byList = json(await get(`/api/logs/test-log/persons?list=${list}`, 'party-b'));
    expect((byList.persons as unknown[]).length).toBe(2);

    // Accepted, the list is the intermediary's manifest.
    await append('party-b', 'list.accepted', { list });
    expect(await visible('icrc')).toEqual(commitments.slice(0, 2));
    const m = await get('/api/logs/test-log/manifests', 'icrc');
    expect(m.statusCode, m.body).toBe(200);
    const manifests = json(m).manifests as { list: string; persons: { visibleBecause: string }[] }[];
    expect(manifests.map((x) => x.list)).toEqual([list]);
    expect(manifests[0]!.persons.map((p) => p.visibleBecause)).toEqual(['manifest', 'manifest']);
    expect(await visible('monitor')).toEqual([]);

    // Handed over and confirmed: the embargo ends for a monitor, for the persons confirmed only.
    const handover = await append('party-a', 'handover.completed', {
      provision: 'exchange',
      batch: 1,
      count: 1,
      persons: [commitments[0]],
      to: 'party-b',
      via: 'icrc',
    });
    await append('icrc', 'handover.confirmed', { handover, count: 1 });
    expect(await visible('monitor')).toEqual([commitments[0]]);
  });

  it('refuses the public (401), a role that may not add records (403), and a token of another log (403)', async () => {
    for (const url of [
      '/api/logs/test-log/persons',
      `/api/logs/test-log/persons/${'a'.repeat(64)}`,
      '/api/logs/test-log/manifests',
    ]) {
      const r = await get(url);
      expect(r.statusCode).toBe(401);
      expect(r.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(r.body).not.toContain('Salma');
    }
    const monitorAdds = await s.app.inject({
      method: 'POST',
      url: '/api/logs/test-log/persons',
      headers: s.as('monitor'),
      payload: { records },
    });
    expect(json(monitorAdds).code).toBe('role-not-permitted');
    expect((await get('/api/logs/test-log/manifests', 'party-b')).statusCode).toBe(403);
    expect(json(await get('/api/logs/other-log/persons', 'operator')).code).toBe('token-wrong-log');
  });

  it('keeps a submission all or none: one bad record and nothing is kept', async () => {
    const before = (await visible('party-b')).length;
    const r = await s.app.inject({
      method: 'POST',
      url: '/api/logs/test-log/persons',
      headers: s.as('party-b'),
      payload: { records: [{ names: { en: 'A' } }, { note: 'x'.repeat(9000) }] },
    });
    expect(r.statusCode).toBe(413);
    expect(json(r).detail).toMatch(/record 2/);
    expect(await visible('party-b')).toHaveLength(before);
    const bad = await s.app.inject({
      method: 'POST',
      url: '/api/logs/test-log/persons',
      headers: s.as('party-b'),
      payload: { records: [] },
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe.each(DIALECTS)('an agreement that holds names back until confirmation, on %s', (dialect) => {
  let s: Awaited<ReturnType<typeof serverFixture>>;
  const folder = agreementFolder(
    'test-log',
    'disclosure:\n  counterpart: on-confirmation\n  monitors: never\n',
  );
  beforeAll(async () => {
    s = await serverFixture(dialect, { agreementsDir: folder.dir });
    await s.record('operator', 'agreement.adopted', folder.adopted);
  });
  afterAll(async () => {
    await s.close();
    folder.remove();
  });

  it('the other party sees a listed record only once its handover is confirmed; monitors never', async () => {
    const added = await s.app.inject({
      method: 'POST',
      url: '/api/logs/test-log/persons',
      headers: s.as('party-a'),
      payload: { records: records.slice(0, 1) },
    });
    const [commitment] = json(added).commitments as string[];
    const append = s.record;
    const seen = async (actor: string) =>
      (
        await s.app.inject({
          method: 'GET',
          url: `/api/logs/test-log/persons/${commitment}`,
          headers: s.as(actor),
        })
      ).statusCode;
    const list = await append('party-a', 'list.submitted', {
      provision: 'exchange',
      batch: 1,
      count: 1,
      persons: [commitment],
    });
    expect(await seen('party-b')).toBe(404);
    await append('party-b', 'list.accepted', { list });
    expect(await seen('party-b')).toBe(404);
    const handover = await append('party-a', 'handover.completed', {
      provision: 'exchange',
      count: 1,
      persons: [commitment],
      to: 'party-b',
      via: 'icrc',
    });
    expect(await seen('icrc')).toBe(200);
    await append('icrc', 'handover.confirmed', { handover, count: 1 });
    expect(await seen('party-b')).toBe(200);
    expect(await seen('monitor')).toBe(404);
  });
});

describe.each(DIALECTS)('a log that adopted no agreement, on %s', (dialect) => {
  it('holds every name back from the other party, the intermediary and monitors: no disclosure was agreed', async () => {
    const s = await serverFixture(dialect);
    try {
      const added = await s.app.inject({
        method: 'POST',
        url: '/api/logs/test-log/persons',
        headers: s.as('party-a'),
        payload: { records: records.slice(0, 1) },
      });
      const [commitment] = json(added).commitments as string[];
      await s.record('party-a', 'list.submitted', {
        provision: 'exchange',
        batch: 1,
        count: 1,
        persons: [commitment],
      });
      const seen = async (actor: string) =>
        (await s.app.inject({ url: `/api/logs/test-log/persons/${commitment}`, headers: s.as(actor) }))
          .statusCode;
      expect(await seen('party-a')).toBe(200);
      expect(await seen('operator')).toBe(200);
      expect(await seen('party-b')).toBe(404);
      expect(await seen('monitor')).toBe(404);
    } finally {
      await s.close();
    }
  });
});

describe.each(DIALECTS)('events that would game the persons policy, on %s', (dialect) => {
  it('are refused on append: a party accepting its own list, an intermediary confirming a handover not made through it', async () => {
    const s = await serverFixture(dialect);
    try {
      const post = (actor: string, kind: string, body: Record<string, unknown>) =>
        s.app.inject({
          method: 'POST',
          url: '/api/logs/test-log/events',
          headers: { 'content-type': 'application/json', ...s.as(actor) },
          payload: new TextDecoder().decode(s.f.event(actor, kind, body)),
        });
      const list = await s.record('party-a', 'list.submitted', { provision: 'exchange', batch: 1, count: 0 });
      const own = await post('party-a', 'list.accepted', { list });
      expect([own.statusCode, json(own).code]).toEqual([422, 'event-not-permitted']);
      expect(json(own).detail).toMatch(/cannot accept its own list/);
      expect((await post('party-b', 'list.accepted', { list })).statusCode).toBe(201);
      const direct = await s.record('party-a', 'handover.completed', {
        provision: 'exchange',
        count: 0,
        to: 'party-b',
      });
      const unrelated = await post('icrc', 'handover.confirmed', { handover: direct, count: 0 });
      expect([unrelated.statusCode, json(unrelated).code]).toEqual([422, 'event-not-permitted']);
      expect(json(unrelated).detail).toMatch(/went through no intermediary/);
      const through = await s.record('party-a', 'handover.completed', {
        provision: 'exchange',
        count: 0,
        to: 'party-b',
        via: 'icrc',
      });
      expect((await post('icrc', 'handover.confirmed', { handover: through, count: 0 })).statusCode).toBe(
        201,
      );
      expect((await s.store.getLog('test-log'))!.size).toBe(10);
    } finally {
      await s.close();
    }
  });
});
