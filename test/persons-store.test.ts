import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromBase64 } from '../src/core/crypto/crypto.ts';
import { verifyCommitment } from '../src/core/ledger/commitment.ts';
import type { Database } from '../src/store/database.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { personCountMigration } from '../src/store/migrations/0014-person-count.ts';
import { PersonsQuotaError, PersonsStore, ROWS_PER_TURN } from '../src/store/persons-store.ts';
import { DIALECTS, scratchDatabase } from './helpers/databases.ts';
import { crypto, ledgerFixture } from './helpers/ledger-fixture.ts';

describe.each(DIALECTS)('persons store on %s', (dialect) => {
  let database: Database;
  const f = ledgerFixture();
  beforeEach(async () => {
    database = await scratchDatabase(dialect);
    await f.createLog(new LedgerStore(database, crypto));
  });
  afterEach(async () => {
    await database.close();
  });

  const record = {
    names: { ar: 'سَلمى'.normalize('NFD'), he: 'סַלמה'.normalize('NFD'), en: 'Salma' },
    age: 19,
    category: 'women',
  };

  it('commits to a request of many records a few at a time, the event loop free between them', async () => {
    let hmacs = 0;
    const counting: typeof crypto = {
      ...crypto,
      hmacSha256: (key, data) => {
        hmacs++;
        return crypto.hmacSha256(key, data);
      },
    };
    const persons = new PersonsStore(database, counting);
    const records = Array.from({ length: 100 }, (_, i) => ({ names: { en: `Person ${i}` }, age: 30 }));
    const adding = persons.addAll(f.logId, records, { actor: 'party-a', party: 'party-a' });
    // What waits on the event loop (here a callback queued after the request began) runs before
    // every record has been committed to, not after all 100.
    const seen = await new Promise<number>((resolve) => setImmediate(() => resolve(hmacs)));
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThanOrEqual(2 * ROWS_PER_TURN);
    const commitments = await adding;
    expect(commitments).toHaveLength(100);
    expect(new Set(commitments).size).toBe(100);
    expect(hmacs).toBe(100);
  });

  const counts = async () =>
    Object.fromEntries(
      (
        await database.db
          .selectFrom('truce_person_count')
          .select(['owner', 'n'])
          .where('log_id', '=', f.logId)
          .execute()
      ).map((r) => [r.owner, Number(r.n)]),
    );

  it("checks a quota against its owner's count, kept with each addition, and keeps nothing of a refused one", async () => {
    const persons = new PersonsStore(database, crypto, 5);
    const a = { actor: 'a-1', party: 'party-a' };
    await persons.addAll(f.logId, [{ names: { en: 'A' } }, { names: { en: 'B' } }], a);
    await persons.addAll(f.logId, [{ names: { en: 'C' } }], { actor: 'a-2', party: 'party-a' });
    await persons.add(f.logId, { names: { en: 'D' } }, { actor: 'mediator', party: null });
    await persons.add(f.logId, { names: { en: 'E' } });
    expect(await counts()).toEqual({ 'party:party-a': 3, 'actor:mediator': 1 });
    await expect(
      persons.addAll(
        f.logId,
        [1, 2, 3].map((i) => ({ names: { en: `F${i}` } })),
        a,
      ),
    ).rejects.toBeInstanceOf(PersonsQuotaError);
    // Nothing of the refused request: neither its records nor its count.
    expect(await counts()).toEqual({ 'party:party-a': 3, 'actor:mediator': 1 });
    expect(await persons.all(f.logId)).toHaveLength(5);
    await persons.addAll(f.logId, [{ names: { en: 'G' } }, { names: { en: 'H' } }], a);
    expect(await counts()).toEqual({ 'party:party-a': 5, 'actor:mediator': 1 });
    // The count is the quota's, not a cache of something else: an owner's count is read, not its rows.
    await database.db
      .updateTable('truce_person_count')
      .set({ n: 0 })
      .where('owner', '=', 'party:party-a')
      .execute();
    await persons.add(f.logId, { names: { en: 'I' } }, a);
    expect(await counts()).toEqual({ 'party:party-a': 1, 'actor:mediator': 1 });
  });

  it('counts the records kept before the count existed, by their owners (migration 0014)', async () => {
    const persons = new PersonsStore(database, crypto);
    await persons.addAll(f.logId, [{ names: { en: 'A' } }, { names: { en: 'B' } }], {
      actor: 'a-1',
      party: 'party-a',
    });
    await persons.add(f.logId, { names: { en: 'C' } }, { actor: 'm', party: null });
    await persons.add(f.logId, { names: { en: 'D' } });
    await database.db.schema.dropTable('truce_person_count').execute();
    await personCountMigration().up(database.db as never);
    expect(await counts()).toEqual({ 'party:party-a': 2, 'actor:m': 1 });
  });

  it('keeps a record apart from the log: the log holds only its salted commitment', async () => {
    const persons = new PersonsStore(database, crypto);
    const ledger = new LedgerStore(database, crypto);
    const commitment = await persons.add(f.logId, record);
    await ledger.append(f.logId, [
      ...f.genesis(),
      f.event('party-b', 'list.submitted', {
        provision: 'exchange',
        batch: 1,
        count: 1,
        persons: [commitment],
      }),
    ]);
    const stored = await ledger.rawEntries(f.logId, 0, 100);
    const logText = stored.map((e) => new TextDecoder().decode(e.bytes)).join('\n');
    expect(logText).toContain(commitment);
    for (const word of ['Salma', 'سَلمى'.normalize('NFC'), 'סַלמה'.normalize('NFC'), '"age"'])
      expect(logText).not.toContain(word);
  });

  it('reveals a record in NFC with its salt, and the pair proves the commitment', async () => {
    const persons = new PersonsStore(database, crypto);
    const commitment = await persons.add(f.logId, record);
    const revealed = (await persons.reveal(f.logId, commitment))!;
    expect((revealed.record.names as { ar: string }).ar).toBe('سَلمى'.normalize('NFC'));
    expect(verifyCommitment(crypto, revealed.record, fromBase64(revealed.salt)!, commitment)).toBe(true);
    expect(await persons.reveal(f.logId, 'f'.repeat(64))).toBeUndefined();
    expect(await persons.count(f.logId)).toBe(1);
  });

  it('the same person twice gets two unlinkable commitments', async () => {
    const persons = new PersonsStore(database, crypto);
    expect(await persons.add(f.logId, record)).not.toBe(await persons.add(f.logId, record));
  });

  it('refuses a record that is not an object or too large', async () => {
    const persons = new PersonsStore(database, crypto);
    await expect(persons.add(f.logId, [] as never)).rejects.toThrow(/JSON object/);
    await expect(persons.add(f.logId, { note: 'x'.repeat(9000) })).rejects.toThrow(/at most/);
    expect(await persons.count(f.logId)).toBe(0);
  });
});
