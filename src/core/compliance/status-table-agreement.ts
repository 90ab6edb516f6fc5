/**
 * Test fixture for the status table: one provision of every kind on a one-day phase from 1 Jan 2024
 * 08:00 (UTC+2), each with a single obligation (two for the exchange: a handover and its release),
 * so that one scenario puts the whole provision in one state.
 */
export const TABLE_YAML = `
id: table
title: Status table agreement
version: 1
kind: agreement
timeZone: Asia/Gaza
start: 2024-01-01T08:00:00+02:00
parties:
  - { id: a, name: A, role: party }
  - { id: b, name: B, role: party }
  - { id: med, name: Mediator, role: mediator }
  - { id: red, name: Intermediary, role: intermediary }
phases:
  - id: p1
    title: Phase 1
    start: { day: 1 }
    lengthDays: 1
provisions:
  - id: ex
    kind: exchange
    phase: p1
    release:
      party: a
      to: b
      total: 2
      categories: [{ id: w, label: W, ratio: 3 }]
      cadence: daily
      handoverBy: "12:00"
    counterpart: { party: b, to: a, total: 6, after: handover }
  - id: aid
    kind: aid
    phase: p1
    party: b
    perDay: [{ id: trucks, quantity: 10, unit: truck, category: aid }]
  - id: wd
    kind: withdrawal
    phase: p1
    party: b
    zones: [{ id: z1, name: Z1 }]
    byDay: 1
    by: "18:00"
  - id: ret
    kind: displaced-return
    phase: p1
    party: b
    fromDay: 1
  - id: cross
    kind: crossing
    phase: p1
    party: b
    crossing: { id: gate, name: Gate }
    fromDay: 1
  - id: med-ev
    kind: medical-evacuation
    phase: p1
    party: b
    perDay: 5
  - id: neg
    kind: negotiation
    phase: p1
    parties: [a]
    subject: the next phase
    byDay: 1
  - id: lp
    kind: localized-pause
    phase: p1
    parties: [a]
    window: { from: "06:00", to: "15:00" }
    zones: [{ id: z1, name: Z1, fromDay: 1, days: 1 }]
  - id: ms
    kind: milestone
    phase: p1
    subject: governance
    parties: [a]
    text: A committee is formed.
    byDay: 1
  - id: cease
    kind: cessation
    phase: p1
    parties: [a, b]
  - id: txt
    kind: text
    phase: p1
    text: Any other clause.
`;

/**
 * TABLE_YAML with a second exchange beside the first, each titled (`en`, and Arabic and Hebrew
 * titles where given): for what must name which exchange it speaks of.
 */
export function twoExchangesYaml(first: string, second: string): string {
  return TABLE_YAML.replace('  - id: ex\n', `  - id: ex\n    title: ${first}\n`).replace(
    '  - id: aid\n',
    `  - id: ex2
    title: ${second}
    kind: exchange
    phase: p1
    release:
      party: a
      to: b
      total: 2
      categories: [{ id: w2, label: W2, ratio: 3 }]
      cadence: daily
      handoverBy: "12:00"
    counterpart: { party: b, to: a, total: 6, after: handover }
  - id: aid
`,
  );
}
