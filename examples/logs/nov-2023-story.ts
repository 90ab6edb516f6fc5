/**
 * What AGREEMENTS.md §1 says happened during the November 2023 pause, as the events of its log.
 * Only figures from AGREEMENTS.md. Times of day that the reporting does not give are fixed by
 * rule and said so in each event's source: handovers, releases and lists at their deadline,
 * announcements at 12:00 local, aid figures at 20:00 of the day they are for.
 */
import type { EventEnvelope } from '../../src/core/ledger/event.ts';
import { DEMO_WITNESS_ACTORS, registerActors, type StoryActor, type StoryIo } from './demo-log-builder.ts';

type Source = EventEnvelope['source'];

export const NOTES = [
  'DEMO KEYS: every key of this log is derived from a public seed (SHA-256 of "truce demo key: <actor>"). The signatures prove nothing about who said what; they only make the example verifiable.',
  'Reconstructed afterwards from public reporting (Reuters, AP, AFP, NYT, Times of Israel and others); recordedAt equals occurredAt. No official text of the agreement was published.',
  'Times of day the reporting does not give are fixed by rule: handovers, releases and lists at their deadline (16:00; the evening list at midnight), announcements at 12:00, aid figures at 20:00. Each such event says so in source.method.',
  'Day 2: 4 Thai nationals were released outside the deal; 4 or 7 foreign nationals were announced (sources differ) — kept as a statement.',
  'Day 1 prisoners: 39 per Qatar, 33 per the Red Cross — the Red Cross figure is a dispute of the release event.',
];

const PRESS = 'Press reports (Reuters, AP, AFP, NYT, Times of Israel and others)';
const AT_DEADLINE = 'time of day not reported; dated at the deadline';
const press = (method = AT_DEADLINE): Source => ({ name: PRESS, method });
const ACTORS: StoryActor[] = [
  ['qatar', 'Qatar (demo key)', 'mediator', 'qatar'],
  ['egypt', 'Egypt (demo key)', 'mediator', 'egypt'],
  ['israel', 'Israel (demo key)', 'party', 'israel'],
  ['hamas', 'Hamas (demo key)', 'party', 'hamas'],
  ['icrc', 'International Committee of the Red Cross (demo key)', 'intermediary', 'icrc'],
  ['monitor', 'Monitor (demo key)', 'monitor'],
  ...DEMO_WITNESS_ACTORS,
];

/** The actors that cosign the log's checkpoints. */
export const WITNESSES = ACTORS.filter(([, , role]) => role === 'witness').map(([actor]) => actor);

// day, hostages under the deal, outside the deal [count, category], prisoners (AGREEMENTS.md §1 table)
const DAYS: [number, number, [number, string][], number][] = [
  [
    1,
    13,
    [
      [10, 'thai'],
      [1, 'filipino'],
    ],
    39,
  ],
  [2, 13, [[4, 'thai']], 39],
  [
    3,
    13,
    [
      [3, 'thai'],
      [1, 'russian-israeli'],
    ],
    39,
  ],
  [4, 11, [], 33],
  [5, 10, [[2, 'thai']], 30],
  [
    6,
    10,
    [
      [4, 'thai'],
      [2, 'russian-israeli'],
    ],
    30,
  ],
  [7, 8, [], 30],
];

const date = (day: number) => `2023-11-${String(23 + day).padStart(2, '0')}`;
const next = (day: number) => (day === 7 ? '2023-12-01' : date(day + 1));

export async function story(io: StoryIo): Promise<void> {
  const { append } = io;
  const setup = '2023-11-22T12:00:00+02:00';
  await registerActors(io, setup, ACTORS);
  await append({
    actor: 'operator',
    kind: 'agreement.adopted',
    at: setup,
    body: {
      agreement: 'nov-2023-pause',
      version: 1,
      sha256: io.sha256,
      title: 'Humanitarian pause, November 2023',
    },
    source: press('agreed 22 Nov 2023; time of day not reported'),
  });
  const start = '2023-11-24T07:00:00+02:00';
  await append({
    actor: 'hamas',
    kind: 'list.submitted',
    // The evening before day 1, at its deadline (midnight) by the rule above.
    at: '2023-11-24T00:00:00+02:00',
    body: { provision: 'exchange', batch: 1, count: 13 },
    source: press(),
  });
  await append({
    actor: 'operator',
    kind: 'phase.started',
    at: start,
    body: { phase: 'pause' },
    source: press('start 24 Nov 2023, 07:00 local'),
  });
  await io.checkpoint();
  let day6RussianIsraeli = '';
  const lists: Record<number, string> = {};
  for (const [day, hostages, outside, prisoners] of DAYS) {
    const late = day === 2;
    const at = `${date(day)}T${late ? '21:00' : '16:00'}:00+02:00`;
    if (day === 2) await day2Dispute(io);
    if (day === 5)
      await aidFigure(io, 'monitor', '2023-11-28', 300, 'UNRWA', 'trucks reported by UNRWA for 28 Nov');
    if (day === 7) {
      await append({
        actor: 'qatar',
        kind: 'extension.agreed',
        at: '2023-11-30T12:00:00+02:00',
        body: { phase: 'pause', days: 1, releases: 10 },
        source: press('agreed 30 Nov; time of day not reported'),
      });
      await append({
        actor: 'qatar',
        kind: 'correction',
        at: '2023-11-30T12:00:00+02:00',
        body: {
          of: day6RussianIsraeli,
          reason:
            'Israel accepted 8 hostages rather than 10 on day 7, counting the 2 Russian-Israeli women released on day 6 toward the quota.',
          body: {
            provision: 'exchange',
            batch: 7,
            party: 'hamas',
            count: 2,
            category: 'russian-israeli',
            outsideFormula: true,
            countsTowardQuota: true,
          },
        },
        source: press('agreed 30 Nov; time of day not reported'),
      });
      await append({
        actor: 'israel',
        kind: 'list.accepted',
        at: '2023-11-30T12:00:00+02:00',
        body: { list: lists[7] },
        source: press('Israel accepted 8 hostages rather than 10; time of day not reported'),
      });
    }
    const handover = await append({
      actor: 'hamas',
      kind: 'handover.completed',
      at,
      body: { provision: 'exchange', batch: day, count: hostages, to: 'israel', via: 'icrc' },
      source: press(late ? 'about 5 hours after the 16:00 deadline (approximate)' : AT_DEADLINE),
    });
    await append({
      actor: 'icrc',
      kind: 'handover.confirmed',
      at,
      body: { handover, count: hostages },
      source: press(late ? 'about 5 hours after the 16:00 deadline (approximate)' : AT_DEADLINE),
    });
    for (const [count, category] of outside) {
      const h = await append({
        actor: 'hamas',
        kind: 'release.completed',
        at,
        body: { provision: 'exchange', party: 'hamas', count, category, outsideFormula: true },
        source: press('released outside the deal; time of day not reported'),
      });
      if (day === 6 && category === 'russian-israeli') day6RussianIsraeli = h;
    }
    const recorder = day === 1 ? 'qatar' : 'israel';
    const release = await append({
      actor: recorder,
      kind: 'release.completed',
      at,
      body: { provision: 'exchange', batch: day, party: 'israel', count: prisoners },
      source:
        day === 1
          ? { name: 'Qatar', method: 'statement; time of day not reported' }
          : press('time of day not reported; dated at the handover'),
    });
    if (day === 1)
      await append({
        actor: 'icrc',
        kind: 'dispute',
        at,
        body: {
          of: release,
          figure: 33,
          reason: 'The Red Cross said it facilitated 33 prisoner releases on day 1; Qatar said 39.',
        },
        source: { name: 'International Committee of the Red Cross', method: 'statement' },
      });
    if (day === 2)
      await append({
        actor: 'monitor',
        kind: 'statement',
        at,
        body: {
          text: 'Day 2: 4 Thai nationals were released outside the deal; 4 or 7 foreign nationals were announced (sources differ).',
        },
        source: press('uncertain: figures differ between sources'),
      });
    if (day === 4)
      await append({
        actor: 'qatar',
        kind: 'extension.agreed',
        at: '2023-11-27T12:00:00+02:00',
        body: { phase: 'pause', days: 2, releases: 20 },
        source: press('agreed 27 Nov (20 hostages for 60 prisoners); time of day not reported'),
      });
    if (day < 7)
      lists[day + 1] = await append({
        actor: 'hamas',
        kind: 'list.submitted',
        at: `${next(day)}T00:00:00+02:00`,
        body: { provision: 'exchange', batch: day + 1, count: DAYS[day]![1] },
        source: press('the evening before; dated at midnight, the deadline'),
      });
    await io.checkpoint();
  }
  const end = '2023-12-01T07:00:00+02:00';
  await append({
    actor: 'israel',
    kind: 'statement',
    at: end,
    body: { text: 'No list of hostages for the next day has been produced.' },
    source: press('1 Dec 2023; time of day not reported, dated at the daily 07:00 start'),
  });
  await append({
    actor: 'operator',
    kind: 'phase.ended',
    at: end,
    body: { phase: 'pause', reason: 'Israel said no list for the next day had been produced.' },
    source: press('1 Dec 2023; time of day not reported, dated at the daily 07:00 start'),
  });
  await append({
    actor: 'monitor',
    kind: 'statement',
    at: '2023-12-01T12:00:00+02:00',
    body: {
      text: 'Totals reported: 105 hostages (81 Israeli or dual nationals, 23 Thai, 1 Filipino) and 240 prisoners. AFP: 80 counted under the deal at 3:1, 25 freed separately.',
    },
    source: press('totals as reported; time of day not reported'),
  });
  await io.checkpoint();
}

async function aidFigure(
  io: StoryIo,
  actor: string,
  day: string,
  quantity: number,
  source: string,
  method: string,
  destination?: string,
) {
  await io.append({
    actor,
    kind: 'aid.delivered',
    at: `${day}T20:00:00+02:00`,
    body: {
      provision: 'aid',
      date: day,
      quantity,
      unit: 'truck',
      category: 'aid',
      ...(destination ? { destination } : {}),
    },
    source: { name: source, method: `${method}; time of day not reported` },
  });
}

/** Day 2: the batch due 16:00 was delayed about 5 hours; what each side said, and the aid figures. */
async function day2Dispute(io: StoryIo) {
  const at = '2023-11-25T16:00:00+02:00';
  const src = press('during the delay of day 2; time of day not reported');
  await io.append({
    actor: 'hamas',
    kind: 'violation.alleged',
    at,
    body: { against: 'israel', provision: 'aid', description: 'Aid not reaching the north.' },
    source: src,
  });
  await io.append({
    actor: 'hamas',
    kind: 'violation.alleged',
    at,
    body: { against: 'israel', provision: 'exchange', description: 'Prisoners not released by seniority.' },
    source: src,
  });
  await io.append({
    actor: 'israel',
    kind: 'statement',
    at,
    body: { text: 'Israel set a midnight deadline for the handover of day 2.' },
    source: src,
  });
  await aidFigure(
    io,
    'israel',
    '2023-11-25',
    50,
    'Israel',
    'trucks that went to the north, per Israel',
    'north',
  );
  await aidFigure(
    io,
    'hamas',
    '2023-11-25',
    65,
    'Hamas',
    'trucks that reached the north, per Hamas (65 of 340)',
    'north',
  );
  await aidFigure(
    io,
    'hamas',
    '2023-11-25',
    340,
    'Hamas',
    'trucks in all, per Hamas (65 of them reached the north)',
  );
  await io.append({
    actor: 'qatar',
    kind: 'statement',
    at: '2023-11-25T21:00:00+02:00',
    body: { text: 'Qatar and Egypt resolved the delay of the day-2 handover.' },
    source: press('before the handover; time of day not reported'),
  });
}
