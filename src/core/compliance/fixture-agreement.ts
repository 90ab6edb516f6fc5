/** Test fixture: an agreement with every provision kind, on a 3-day phase from 1 Jan 2024 08:00 (UTC+2). */
export const FIXTURE_YAML = `
id: test
title: Test agreement
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
    lengthDays: 3
    extension: { days: 1, per: { provision: ex, releases: 2 } }
provisions:
  - id: ex
    kind: exchange
    phase: p1
    intermediary: red
    release:
      party: a
      to: b
      total: 6
      categories: [{ id: w, label: W, ratio: 3 }]
      cadence: daily
      handoverBy: "12:00"
      lists: { lead: { eveningBefore: true } }
    counterpart: { party: b, to: a, total: 18, after: handover }
    outsideFormula: { allowed: true, countsTowardQuota: if-agreed }
  - id: aid
    kind: aid
    phase: p1
    party: b
    perDay: [{ id: trucks, quantity: 10, unit: truck, category: aid }]
  - id: wd
    kind: withdrawal
    phase: p1
    party: b
    zones: [{ id: z1, name: Z1 }, { id: z2, name: Z2 }]
    byDay: 2
    by: "18:00"
  - id: cross
    kind: crossing
    phase: p1
    party: b
    crossing: { id: gate, name: Gate }
    condition: { provision: ex }
  - id: med-ev
    kind: medical-evacuation
    phase: p1
    party: b
    perDay: 5
  - id: lp
    kind: localized-pause
    phase: p1
    parties: [a]
    window: { from: "06:00", to: "15:00" }
    zones: [{ id: z1, name: Z1, fromDay: 1, days: 1 }]
  - id: neg
    kind: negotiation
    phase: p1
    parties: [a]
    subject: the next phase
    byDay: 2
  - id: ret
    kind: displaced-return
    phase: p1
    party: b
    fromDay: 2
  - id: cease
    kind: cessation
    phase: p1
    parties: [a, b]
  - id: txt
    kind: text
    phase: p1
    text: Any other clause.
`;
