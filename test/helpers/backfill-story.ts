/** One story of a truce phase, recorded live or back-filled by the back-filling tests. */

/** When the back-fill is done: long after everything it records. */
export const TODAY = '2026-12-06T12:00:00.000Z';
/** When the log and its actors' keys come into force. */
export const SETUP = '2023-11-23T12:00:00+02:00';
export const at = (day: number, hm: string) => `2023-11-${day}T${hm}:00+02:00`;
/** The past moments the two logs are compared at. */
export const MOMENTS = [
  at(24, '06:00'),
  at(24, '12:00'),
  at(24, '17:00'),
  at(25, '17:00'),
  at(26, '11:00'),
  at(27, '23:00'),
];

export type Step = {
  actor: string;
  kind: string;
  occurredAt: string;
  body: (hashes: string[]) => Record<string, unknown>;
};

/** What happened, in the order it was recorded; a body may refer to an earlier step's event by its position. */
export const STORY: Step[] = [
  { actor: 'operator', kind: 'phase.started', occurredAt: at(24, '07:00'), body: () => ({ phase: 'pause' }) },
  {
    actor: 'party-a',
    kind: 'list.submitted',
    occurredAt: at(24, '00:00'),
    body: () => ({ provision: 'exchange', batch: 1, count: 13 }),
  },
  {
    actor: 'party-a',
    kind: 'handover.completed',
    occurredAt: at(24, '16:00'),
    body: () => ({ provision: 'exchange', batch: 1, count: 13, to: 'party-b', via: 'icrc' }),
  },
  {
    actor: 'icrc',
    kind: 'handover.confirmed',
    occurredAt: at(24, '16:30'),
    body: (h) => ({ handover: h[2], count: 13 }),
  },
  {
    actor: 'party-b',
    kind: 'release.completed',
    occurredAt: at(24, '18:00'),
    body: () => ({ provision: 'exchange', batch: 1, party: 'party-b', count: 39 }),
  },
  {
    actor: 'monitor',
    kind: 'aid.delivered',
    occurredAt: at(25, '20:00'),
    body: () => ({ provision: 'aid', date: '2023-11-25', quantity: 150, unit: 'truck' }),
  },
  {
    actor: 'party-a',
    kind: 'handover.completed',
    occurredAt: at(25, '21:00'),
    body: () => ({ provision: 'exchange', batch: 2, count: 13, to: 'party-b', via: 'icrc' }),
  },
  {
    actor: 'icrc',
    kind: 'handover.confirmed',
    occurredAt: at(25, '21:15'),
    body: (h) => ({ handover: h[6], count: 13 }),
  },
  {
    actor: 'monitor',
    kind: 'violation.alleged',
    occurredAt: at(26, '10:00'),
    body: () => ({
      against: 'party-a',
      provision: 'ceasefire',
      description: 'Fire reported near the corridor.',
    }),
  },
  {
    actor: 'party-a',
    kind: 'dispute',
    occurredAt: at(26, '12:00'),
    body: (h) => ({ of: h[8], reason: 'No fire.' }),
  },
];

export const ROLES: [string, string, string?][] = [
  ['party-a', 'party', 'party-a'],
  ['party-b', 'party', 'party-b'],
  ['icrc', 'intermediary'],
  ['monitor', 'monitor'],
];
