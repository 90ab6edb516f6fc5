/**
 * An agreement whose crossing opens once an exchange is complete, the exchange a window (6 persons
 * any day up to day 3): the planner cannot date the opening, and the agreement dates it no other
 * way. For tests of terms that wait on a condition with no fixed day.
 */
export const WINDOW_YAML = `
id: window-test
title: Window test
version: 1
kind: agreement
timeZone: Asia/Gaza
start: 2024-01-01T08:00:00+02:00
parties:
  - { id: a, name: A, role: party }
  - { id: b, name: B, role: party }
phases:
  - { id: p1, title: Phase 1, start: { day: 1 }, lengthDays: 30 }
provisions:
  - id: ex
    kind: exchange
    phase: p1
    title: The exchange
    release:
      party: a
      to: b
      total: 6
      categories: [{ id: w, label: W }]
      cadence: { schedule: [{ count: 6, by: { day: 3 } }] }
    counterpart: { party: b, to: a, total: 6, after: handover }
  - id: gate
    kind: crossing
    phase: p1
    party: b
    crossing: { id: gate, name: Gate }
    condition: { provision: ex }
    flows:
      - { direction: out, people: person, perDay: [{ value: 50, source: S1 }, { value: 150, source: S2, uncertain: true }] }
      - { direction: in, people: person, perDay: 50 }
`;
