/**
 * What OCT-2025.md says happened under the October 2025 ceasefire, as the events of its log. Only
 * figures from public reporting, each with the outlet or body that gave it. Times of day that the
 * reporting does not give are fixed by the rules in NOTES, and each such event says so in its
 * source. No person held is named.
 */
import type { EventEnvelope } from '../../src/core/ledger/event.ts';
import { isoInZone, localToEpoch } from '../../src/core/time/zoned-time.ts';
import { DEMO_WITNESS_ACTORS, registerActors, type StoryActor, type StoryIo } from './demo-log-builder.ts';

type Source = EventEnvelope['source'];

export const NOTES = [
  'DEMO KEYS: every key of this log is derived from a public seed (SHA-256 of "truce demo key: <actor>"). The signatures prove nothing about who said what; they only make the example verifiable.',
  'Reconstructed afterwards from public reporting (AP, Reuters, AFP, BBC, Times of Israel, UN News, the ICRC, COGAT, OCHA and others); recordedAt equals occurredAt. No official text of the phase-one agreement was published.',
  'Times of day the reporting does not give are fixed by rule, and each such event says so in source.method: handovers, releases, statements and findings at 12:00 local on the day reported (those reported late in the day at 22:00, at night at 23:00); figures for a period at 20:00 of its last day; events reported only by month at 12:00 on its last day.',
  'Where a cumulative count of remains returned (or of bodies of Palestinians returned) exceeds the sum of the returns reported day by day, the difference is recorded as one handover (or release) on the day of the cumulative count, and its source says so. The reports do not always add up (21 remains by 4 Nov after 17 on 30 Oct and 1 returned): both figures are kept.',
  'The start: 10 Oct 2025 12:00 (IDF; the US envoy, citing CENTCOM); one Reuters-based report dates it 11 Oct, kept as a statement. The end of phase one is reported as 14 Jan 2026 (phase two announced) or 26 Jan 2026 (the last remains recovered): no end is recorded, both are kept as statements.',
];

const PRESS = 'Press reports (AP, Reuters, AFP, BBC, Times of Israel)';
const NOON = 'time of day not reported; dated 12:00 by rule';
const LATE = 'reported late in the day; dated 22:00 by rule';
const src = (name: string, method?: string): Source => ({ name, ...(method ? { method } : {}) });

const ACTORS: StoryActor[] = [
  ['israel', 'Israel (demo key)', 'party', 'israel'],
  ['hamas', 'Hamas (demo key)', 'party', 'hamas'],
  ['icrc', 'International Committee of the Red Cross (demo key)', 'intermediary', 'icrc'],
  ['egypt', 'Egypt (demo key)', 'mediator', 'egypt'],
  ['qatar', 'Qatar (demo key)', 'mediator', 'qatar'],
  ['turkiye', 'Türkiye (demo key)', 'mediator', 'turkiye'],
  ['united-states', 'United States (demo key)', 'mediator', 'united-states'],
  // Records what public reporting says when no party to the agreement recorded it.
  ['monitor', 'Monitor (demo key)', 'monitor'],
  ...DEMO_WITNESS_ACTORS,
];

/** A local time in the agreement's zone (Asia/Gaza: UTC+3 until 24 Oct 2025, then UTC+2). */
const at = (date: string, time = '12:00') => isoInZone(localToEpoch(date, time, 'Asia/Gaza'), 'Asia/Gaza');

export async function story(io: StoryIo): Promise<void> {
  const { append } = io;
  const setup = at('2025-10-09');
  await registerActors(io, setup, ACTORS);
  await append({
    actor: 'operator',
    kind: 'agreement.adopted',
    at: setup,
    body: {
      agreement: 'oct-2025-ceasefire',
      version: 1,
      sha256: await io.sha256Of('oct-2025-ceasefire.v1.yaml'),
      title: 'Ceasefire and exchange agreement, October 2025',
    },
    source: src(PRESS, `agreed in Sharm el-Sheikh, announced early 9 Oct 2025; ${NOON}`),
  });

  // 10 Oct: the pullback, the start, the first list, the return north.
  const start = at('2025-10-10');
  await append({
    actor: 'israel',
    kind: 'withdrawal.completed',
    at: start,
    body: { provision: 'pullback', zones: ['beyond-agreed-line'] },
    source: src(
      'IDF; the US envoy, citing CENTCOM',
      'pullback to the agreed line reported complete at 12:00 local',
    ),
  });
  await append({
    actor: 'operator',
    kind: 'phase.started',
    at: start,
    body: { phase: 'phase-1' },
    source: src(
      'IDF; the US envoy, citing CENTCOM',
      'the ceasefire began when the pullback was reported complete',
    ),
  });
  await append({
    actor: 'monitor',
    kind: 'statement',
    at: start,
    body: { text: 'One Reuters-based report dates the start of the ceasefire 11 Oct 2025.' },
    source: src('Reuters-based report'),
  });
  await append({
    actor: 'israel',
    kind: 'list.published',
    at: start,
    body: {
      provision: 'living-exchange',
      party: 'israel',
      count: 250,
      categories: { 'life-sentences': 250 },
    },
    source: src("Israel's Justice Ministry", `the names of the 250 published on 10 Oct; ${NOON}`),
  });
  for (const route of ['al-rashid-road', 'salah-al-din-road'])
    await append({
      actor: 'monitor',
      kind: 'return.started',
      at: start,
      body: { provision: 'return-north', route },
      source: src(PRESS, `northward movement from 10 Oct; ${NOON}`),
    });
  await io.checkpoint();

  // 13 Oct: the living hostages, the releases, the first remains.
  const handover = async (
    provision: string,
    count: number,
    category: string,
    when: string,
    source: Source,
  ): Promise<string> => {
    const h = await append({
      actor: 'hamas',
      kind: 'handover.completed',
      at: when,
      body: { provision, count, to: 'israel', via: 'icrc', categories: { [category]: count } },
      source,
    });
    await append({
      actor: 'icrc',
      kind: 'handover.confirmed',
      at: when,
      body: { handover: h, count },
      source,
    });
    return h;
  };
  const remains = (count: number, when: string, source: Source) =>
    handover('remains-exchange', count, 'deceased-hostages', when, source);
  const bodies = (count: number, when: string, source: Source) =>
    append({
      actor: 'israel',
      kind: 'release.completed',
      at: when,
      body: {
        provision: 'remains-exchange',
        party: 'israel',
        count,
        categories: { 'palestinian-bodies': count },
      },
      source,
    });
  await handover(
    'living-exchange',
    7,
    'living-hostages',
    at('2025-10-13', '08:00'),
    src(PRESS, 'a group of 7 early in the morning; hour not reported, dated 08:00 by rule'),
  );
  await append({
    actor: 'monitor',
    kind: 'statement',
    at: at('2025-10-13', '08:00'),
    body: { text: 'One outlet dates the handover of the first group of 7 living hostages to 12 Oct 2025.' },
    source: src('Press report (one outlet)'),
  });
  await handover(
    'living-exchange',
    13,
    'living-hostages',
    at('2025-10-13'),
    src(PRESS, 'then a group of 13; hour not reported, dated 12:00 by rule'),
  );
  await remains(4, at('2025-10-13'), src(PRESS, `4 remains returned on 13 Oct; ${NOON}`));
  await append({
    actor: 'israel',
    kind: 'violation.alleged',
    at: at('2025-10-13'),
    body: {
      against: 'hamas',
      provision: 'remains-exchange',
      description: 'Remains of deceased hostages returned late and incompletely.',
    },
    source: src('Israel', `stated from 13 Oct on; ${NOON}`),
  });
  const release = await append({
    actor: 'israel',
    kind: 'release.completed',
    at: at('2025-10-13'),
    body: {
      provision: 'living-exchange',
      party: 'israel',
      count: 1968,
      categories: { 'life-sentences': 250, 'gaza-detainees': 1718 },
    },
    source: src(
      'Israel Prison Service; IDF (BBC, AFP, Times of Israel)',
      `released on 13 Oct after the handover, from Ofer and Ketziot; ${NOON}`,
    ),
  });
  await append({
    actor: 'monitor',
    kind: 'dispute',
    at: at('2025-10-13'),
    body: { of: release, figure: 1966, reason: 'Officials told Reuters that 1,966 were released.' },
    source: src('Reuters', 'officials to Reuters'),
  });
  await append({
    actor: 'monitor',
    kind: 'statement',
    at: at('2025-10-13'),
    body: { text: 'At least 154 of those released were sent abroad, to Egypt.' },
    source: src("Palestinian Prisoners' Media Office; AFP"),
  });
  await io.checkpoint();

  // 14–15 Oct: remains, bodies, a finding, the cap.
  await bodies(45, at('2025-10-14'), src(PRESS, `45 bodies through the ICRC; ${NOON}`));
  const fourteenth = await remains(4, at('2025-10-14', '22:00'), src(PRESS, `4 remains; ${LATE}`));
  await append({
    actor: 'israel',
    kind: 'remains.identified',
    at: at('2025-10-14', '22:00'),
    body: { provision: 'remains-exchange', handover: fourteenth, count: 1, finding: 'not-a-hostage' },
    source: src('Israel', 'said 1 of the 4 was not a hostage; dated with the handover'),
  });
  await append({
    actor: 'israel',
    kind: 'aid.capped',
    at: at('2025-10-15'),
    body: {
      provision: 'aid',
      category: 'trucks',
      quantity: 300,
      unit: 'truck',
      reason: 'No fuel except for humanitarian infrastructure.',
    },
    source: src('COGAT note to the UN, confirmed by OCHA', `from 15 Oct; ${NOON}`),
  });
  await remains(2, at('2025-10-15', '22:00'), src(PRESS, `2 remains; ${LATE}`));
  await append({
    actor: 'hamas',
    kind: 'statement',
    at: at('2025-10-15', '22:00'),
    body: {
      text: "Hamas's armed wing said it had returned all the remains it could reach and needed specialist equipment to recover the others.",
    },
    source: src("Hamas's armed wing", 'dated with the handover of 15 Oct'),
  });
  await append({
    actor: 'monitor',
    kind: 'statement',
    at: at('2025-10-17'),
    body: { text: 'The US-led Civil-Military Coordination Center (CMCC) opened in southern Israel.' },
    source: src(PRESS, `opened 17 Oct; ${NOON}`),
  });
  await io.checkpoint();

  // 19–21 Oct: Rafah fire and strikes, the halt of aid, more remains and bodies.
  await remains(
    3,
    at('2025-10-19'),
    src(
      PRESS,
      `the cumulative count of remains returned reached 12 by 19 Oct (9 before); the days of these 3 are not reported; ${NOON}`,
    ),
  );
  const rafahFire = await append({
    actor: 'israel',
    kind: 'violation.alleged',
    at: at('2025-10-19'),
    body: {
      against: 'hamas',
      provision: 'ceasefire',
      description: 'Fire at troops in Rafah; two soldiers killed.',
      place: 'Rafah',
      casualties: [{ killed: 2, source: 'Israel' }],
    },
    source: src('Israel', NOON),
  });
  await append({
    actor: 'hamas',
    kind: 'dispute',
    at: at('2025-10-19'),
    body: { of: rafahFire, reason: 'Hamas denied involvement.' },
    source: src('Hamas', NOON),
  });
  await append({
    actor: 'hamas',
    kind: 'violation.alleged',
    at: at('2025-10-19'),
    body: {
      against: 'israel',
      provision: 'ceasefire',
      description: 'Strikes across Gaza.',
      casualties: [
        { killed: 26, source: 'Reuters' },
        { killed: 29, source: 'AP' },
        { killed: 36, source: 'Gaza Health Ministry' },
        { killed: 44, source: 'hospital sources' },
      ],
    },
    source: src('Hamas; Gaza authorities', NOON),
  });
  await append({
    actor: 'israel',
    kind: 'aid.suspended',
    at: at('2025-10-19'),
    body: { provision: 'aid', reason: 'Halted "until further notice" after two soldiers were killed.' },
    source: src('Israeli security official (AP)', NOON),
  });
  await append({
    actor: 'israel',
    kind: 'statement',
    at: at('2025-10-19'),
    body: { text: 'Israel tied the opening of the Rafah crossing to the return of all deceased hostages.' },
    source: src('Israel', `statement of 19 Oct; ${NOON}`),
  });
  await append({
    actor: 'israel',
    kind: 'aid.resumed',
    at: at('2025-10-20'),
    body: { provision: 'aid', lifts: 'suspension' },
    source: src('Israeli security official (AP)', `resumed 20 Oct; ${NOON}`),
  });
  await remains(1, at('2025-10-20'), src(PRESS, `1 remains; ${NOON}`));
  await bodies(15, at('2025-10-21'), src(PRESS, `15 bodies through the ICRC; ${NOON}`));
  await bodies(
    105,
    at('2025-10-21'),
    src(
      PRESS,
      `the cumulative count of bodies returned reached 165 by 21 Oct (60 reported day by day); the days of these 105 are not reported; ${NOON}`,
    ),
  );
  await io.checkpoint();

  // 25–31 Oct: the search team, partial remains, the postponement, the strikes of 28–29 Oct.
  await append({
    actor: 'egypt',
    kind: 'statement',
    at: at('2025-10-25'),
    body: { text: 'Egypt sent a search team with heavy equipment to look for the remains.' },
    source: src(PRESS, `from about 25 Oct; ${NOON}`),
  });
  await remains(
    2,
    at('2025-10-27'),
    src(
      PRESS,
      `the cumulative count of remains returned reached 15 by 27 Oct (13 before); the days of these 2 are not reported; ${NOON}`,
    ),
  );
  const partial = await remains(
    1,
    at('2025-10-27', '23:00'),
    src(PRESS, 'partial remains, handed over at night; dated 23:00 by rule'),
  );
  await append({
    actor: 'israel',
    kind: 'remains.identified',
    at: at('2025-10-28'),
    body: {
      provision: 'remains-exchange',
      handover: partial,
      count: 1,
      finding: 'partial-remains-of-returned',
    },
    source: src(
      'Israel',
      `identified 28 Oct as a hostage whose body the army had recovered in Nov or Dec 2023 (sources differ); ${NOON}`,
    ),
  });
  await append({
    actor: 'israel',
    kind: 'violation.alleged',
    at: at('2025-10-28'),
    body: {
      against: 'hamas',
      provision: 'remains-exchange',
      description:
        'Partial remains of a hostage whose body had already been recovered ("a clear violation").',
    },
    source: src('Israel', NOON),
  });
  await append({
    actor: 'hamas',
    kind: 'batch.postponed',
    at: at('2025-10-28'),
    body: {
      provision: 'remains-exchange',
      batch: 1,
      party: 'hamas',
      reason: "A planned handover of remains postponed by Hamas's armed wing after Israeli strikes.",
    },
    source: src("Hamas's armed wing", NOON),
  });
  await append({
    actor: 'hamas',
    kind: 'violation.alleged',
    at: at('2025-10-29', '10:00'),
    body: {
      against: 'israel',
      provision: 'ceasefire',
      description: 'Overnight strikes across Gaza, 28–29 Oct.',
      casualties: [
        { killed: 104, source: 'Gaza Health Ministry' },
        { killed: 91, source: 'Gaza Health Ministry (an earlier count)' },
      ],
    },
    source: src(
      'Gaza Health Ministry',
      'strikes overnight 28–29 Oct; dated 10:00, when the army announced renewed enforcement',
    ),
  });
  await append({
    actor: 'israel',
    kind: 'ceasefire.enforced',
    at: at('2025-10-29', '10:00'),
    body: { provision: 'ceasefire', by: 'israel' },
    source: src('Israeli army', 'announced "renewed enforcement of the ceasefire" from 10:00 on 29 Oct'),
  });
  await remains(2, at('2025-10-30'), src(PRESS, `2 remains; ${NOON}`));
  await bodies(30, at('2025-10-31'), src(PRESS, `30 bodies through the ICRC; ${NOON}`));
  await bodies(
    30,
    at('2025-10-31'),
    src(
      'Gaza Health Ministry',
      `the cumulative count of bodies returned reached 225 by 31 Oct (195 before with the 30 of that day); the days of these 30 are not reported; ${NOON}`,
    ),
  );
  await io.checkpoint();

  // November.
  await remains(1, at('2025-11-04'), src(PRESS, `1 remains; ${NOON}`));
  await remains(
    3,
    at('2025-11-04'),
    src(
      PRESS,
      `reports give 21 remains returned by 4 Nov, after 17 on 30 Oct and 1 returned on 4 Nov; they do not add up; the days of these 3 are not reported; ${NOON}`,
    ),
  );
  await bodies(15, at('2025-11-05'), src(PRESS, `15 bodies through the ICRC; ${NOON}`));
  await bodies(
    45,
    at('2025-11-05'),
    src(
      PRESS,
      `the cumulative count of bodies returned reached 285 by 5 Nov (240 before with the 15 of that day); the days of these 45 are not reported; ${NOON}`,
    ),
  );
  await bodies(15, at('2025-11-08'), src(PRESS, `15 bodies through the ICRC; ${NOON}`));
  await remains(
    3,
    at('2025-11-12'),
    src(
      PRESS,
      `the cumulative count of remains returned reached 24 by 12 Nov (21 before); the days of these 3 are not reported; ${NOON}`,
    ),
  );
  await remains(1, at('2025-11-13'), src(PRESS, `1 remains; ${NOON}`));
  await bodies(15, at('2025-11-14'), src(PRESS, `15 bodies through the ICRC; ${NOON}`));
  await append({
    actor: 'monitor',
    kind: 'statement',
    at: at('2025-11-17'),
    body: {
      text: 'UN Security Council resolution 2803 (13–0, two abstentions) endorsed the plan, welcomed a Board of Peace as transitional administration and authorized a temporary International Stabilization Force until 31 Dec 2027.',
    },
    source: src('UN Security Council', `17 Nov; ${NOON}`),
  });
  await append({
    actor: 'hamas',
    kind: 'violation.alleged',
    at: at('2025-11-23'),
    body: {
      against: 'israel',
      provision: 'ceasefire',
      description: '497 violations of the ceasefire (a cumulative count).',
      casualties: [{ killed: 342, source: 'Gaza Government Media Office' }],
    },
    source: src('Gaza Government Media Office', `cumulative count to 23 Nov; ${NOON}`),
  });
  await append({
    actor: 'israel',
    kind: 'violation.alleged',
    at: at('2025-11-30'),
    body: {
      against: 'hamas',
      provision: 'ceasefire',
      description: 'Armed men crossing the yellow line or leaving tunnels in Rafah.',
      place: 'Rafah',
    },
    source: src('Israel', 'reported during November; dated 12:00 on its last day by rule'),
  });
  await io.checkpoint();

  // December: the line markers, the last handed-over remains, the aid figures by source.
  const lineAllegation = await append({
    actor: 'hamas',
    kind: 'violation.alleged',
    at: at('2025-12-01'),
    body: {
      against: 'israel',
      provision: 'pullback',
      description: 'Line markers placed 200–300 m deeper than the mapped line.',
    },
    source: src('Gaza authorities', 'reported over November and December; dated 1 Dec 12:00 by rule'),
  });
  await append({
    actor: 'monitor',
    kind: 'line.moved',
    at: at('2025-12-01'),
    body: {
      provision: 'pullback',
      zones: ['beyond-agreed-line'],
      description: 'Markers of the yellow line found 200–300 m deeper than the mapped line.',
    },
    source: src('BBC and Reuters analyses', 'reported over November and December; dated 1 Dec 12:00 by rule'),
  });
  await append({
    actor: 'israel',
    kind: 'dispute',
    at: at('2025-12-01'),
    body: { of: lineAllegation, reason: 'The army denied moving the line.' },
    source: src('Israeli army', NOON),
  });
  const third = await remains(1, at('2025-12-03'), src(PRESS, `1 remains; ${NOON}`));
  await remains(
    1,
    at('2025-12-03'),
    src(
      PRESS,
      `reports give 27 remains returned by 3 Dec (26 with those reported day by day); the day of this 1 is not reported; ${NOON}`,
    ),
  );
  await append({
    actor: 'israel',
    kind: 'remains.identified',
    at: at('2025-12-04'),
    body: { provision: 'remains-exchange', handover: third, count: 1, finding: 'matches' },
    source: src('Israel', `identified 4 Dec; ${NOON}`),
  });
  const period = (from: string, to: string, quantity: number, source: Source) =>
    append({
      actor: 'monitor',
      kind: 'aid.delivered',
      at: at(to, '20:00'),
      body: { provision: 'aid', from, date: to, quantity, unit: 'truck', category: 'trucks' },
      source,
    });
  await period(
    '2025-10-10',
    '2025-12-06',
    7333,
    src('A Hamas document given to AP', 'trucks from 10 Oct to 6 Dec; dated 20:00 of the last day by rule'),
  );
  await period(
    '2025-10-10',
    '2025-12-07',
    6545,
    src(
      'UN 2720 mechanism',
      'trucks offloaded at the crossings, UN channels only, 10 Oct to 7 Dec; dated 20:00 of the last day by rule',
    ),
  );
  await period(
    '2025-10-12',
    '2025-12-07',
    25700,
    src(
      'AP analysis of COGAT figures',
      'about 25,700 trucks from 12 Oct to 7 Dec (about 459 a day, against 33,600 due); dated 20:00 of the last day by rule',
    ),
  );
  await append({
    actor: 'monitor',
    kind: 'statement',
    at: at('2025-12-07', '20:00'),
    body: {
      text: 'COGAT said more than 600 trucks a day entered and stopped publishing daily figures. The UN deputy spokesperson said no day of the first month reached 600, with about 150 a day through UN channels. Counts differ by what is counted: trucks at the crossing (often half full and repacked), UN channels only or all, crossing day or warehouse day.',
    },
    source: src('COGAT; UN deputy spokesperson', 'dated with the period figures'),
  });
  await io.checkpoint();

  // 2026: phase two, the last remains, the last bodies, Rafah.
  await append({
    actor: 'monitor',
    kind: 'statement',
    at: at('2026-01-14'),
    body: {
      text: 'Phase two was announced: a 15-member Palestinian committee to administer Gaza, demilitarization, reconstruction. One hostage’s remains were still in Gaza. Some reports date the end of phase one to this day, others to 26 Jan 2026.',
    },
    source: src(PRESS, NOON),
  });
  await append({
    actor: 'monitor',
    kind: 'statement',
    at: at('2026-01-22'),
    body: { text: 'The charter of the Board of Peace was signed by 19 states.' },
    source: src(PRESS, NOON),
  });
  await append({
    actor: 'israel',
    kind: 'remains.recovered',
    at: at('2026-01-26'),
    body: { provision: 'remains-exchange', by: 'israel', count: 1 },
    source: src(
      'Israeli army',
      `recovered in an army operation near the yellow line, not handed over; ${NOON}`,
    ),
  });
  await bodies(15, at('2026-01-29'), src('Gaza Health Ministry; ICRC', `the last 15 bodies; ${NOON}`));
  await bodies(
    30,
    at('2026-01-29'),
    src(
      'Gaza Health Ministry; ICRC',
      `360 bodies returned in all by 29 Jan 2026 (330 reported day by day); the days of these 30 are not reported; ${NOON}`,
    ),
  );
  await append({
    actor: 'icrc',
    kind: 'dispute',
    at: at('2026-01-29'),
    body: {
      of: release,
      figure: 1808,
      reason: 'The ICRC said 1,808 detainees were released and transferred.',
    },
    source: src('International Committee of the Red Cross', `statement of 29 Jan 2026; ${NOON}`),
  });
  await append({
    actor: 'monitor',
    kind: 'statement',
    at: at('2026-02-01'),
    body: { text: 'A trial opening of the Rafah crossing.' },
    source: src(PRESS, NOON),
  });
  // Version 2 of the text: what was recorded of the terms after 9 Oct, the last of it the crossing's
  // reopening terms; a moment before this is judged by version 1.
  await append({
    actor: 'operator',
    kind: 'agreement.adopted',
    at: at('2026-02-02', '08:00'),
    body: {
      agreement: 'oct-2025-ceasefire',
      version: 2,
      sha256: io.sha256,
      title: 'Ceasefire and exchange agreement, October 2025',
    },
    source: src(
      PRESS,
      'version 2 of the text: the guarantors (13 Oct), the condition on Rafah (Israel, 19 Oct), resolution 2803 (17 Nov) and the reopening terms (2 Feb 2026); adopted before the reopening, dated 08:00 by rule',
    ),
  });
  await append({
    actor: 'israel',
    kind: 'crossing.opened',
    at: at('2026-02-02', '09:00'),
    body: { crossing: 'rafah', provision: 'rafah' },
    source: src(PRESS, 'reopened 2 Feb 2026 for pedestrians both ways with EUBAM present, open 09:00–15:00'),
  });
  for (const [direction, counts] of [
    ['out', { patients: 125, companions: 191 }],
    ['in', { people: 312 }],
  ] as const)
    await append({
      actor: 'monitor',
      kind: 'crossing.throughput',
      at: at('2026-02-09', '20:00'),
      body: {
        provision: 'rafah',
        crossing: 'rafah',
        from: '2026-02-02',
        date: '2026-02-09',
        direction,
        ...counts,
      },
      source: src(
        PRESS,
        `2–9 Feb: 316 left (125 patients, 191 companions), 312 entered; dated 20:00 of the last day by rule`,
      ),
    });
  await io.checkpoint();
}
