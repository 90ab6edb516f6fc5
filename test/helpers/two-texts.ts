import { AgreementStore, sha256Hex } from '../../src/store/agreement-store.ts';
import type { Database } from '../../src/store/database.ts';
import { LedgerStore } from '../../src/store/ledger-store.ts';
import { crypto, ledgerFixture } from './ledger-fixture.ts';

/** A four-day truce of the ledger fixture's parties: party-b lets in `trucks` a day. */
const text = (version: number, trucks: number) => `id: test-log
title: Test truce
version: ${version}
kind: agreement
timeZone: Asia/Gaza
start: 2023-11-24T07:00:00+02:00
parties:
  - { id: party-a, name: A, role: party }
  - { id: party-b, name: B, role: party }
phases:
  - { id: p1, title: Phase 1, start: { day: 1 }, lengthDays: 4 }
provisions:
  - id: aid
    kind: aid
    phase: p1
    party: party-b
    perDay:
      - { id: trucks, quantity: ${trucks}, unit: truck }
`;

export const V1 = text(1, 100);
/** Adopted on day 3 (26 Nov 12:00): 200 trucks a day. */
export const V2 = text(2, 200);
export const ADOPTED_V2 = '2023-11-26T10:00:00.000Z';

/**
 * The fixture's log in `database`, under V1 from its opening, with 150 trucks recorded for day 1,
 * then V2 adopted on day 3; both texts stored as uploaded versions (what a server holds).
 */
export async function logOfTwoTexts(database: Database): Promise<void> {
  const f = ledgerFixture('test-log');
  const store = new LedgerStore(database, crypto);
  const texts = new AgreementStore(database);
  for (const source of [V1, V2])
    await texts.add({
      id: 'test-log',
      status: 'adopted',
      mediaType: 'application/yaml',
      source,
      uploadedBy: { actor: 'operator', role: 'operator', log: 'test-log' },
    });
  await f.createLog(store);
  const adopt = (source: string, version: number, at: string) =>
    f.event(
      'operator',
      'agreement.adopted',
      { agreement: 'test-log', version, sha256: sha256Hex(source) },
      { occurredAt: at, recordedAt: at },
    );
  await store.append(f.logId, [
    ...f.genesis(),
    adopt(V1, 1, '2023-11-24T05:00:30.000Z'),
    f.event(
      'monitor',
      'aid.delivered',
      { provision: 'aid', date: '2023-11-24', quantity: 150, unit: 'truck' },
      { occurredAt: '2023-11-24T18:00:00.000Z', recordedAt: '2023-11-24T18:00:00.000Z' },
    ),
    adopt(V2, 2, ADOPTED_V2),
  ]);
}
