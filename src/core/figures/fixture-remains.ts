import { FIXTURE_YAML } from '../compliance/fixture-agreement.ts';

/**
 * Test fixture: the fixture agreement (a living exchange `ex`, a for b, b's side without categories) and two exchanges of
 * remains: `bodies`, remains both ways (two categories on a's side); `dead-for-living`, a's remains
 * for persons b releases alive.
 */
export const REMAINS_YAML = FIXTURE_YAML.replace(
  'provisions:\n',
  `provisions:
  - id: bodies
    kind: exchange
    phase: p1
    intermediary: red
    release:
      party: a
      to: b
      total: 2
      categories:
        - { id: dead-soldiers, label: { en: Remains of soldiers, ar: رفات الجنود, he: גופות החיילים }, ratio: 5, remains: true }
        - { id: dead-civilians, label: { en: Remains of civilians, ar: رفات المدنيين, he: גופות האזרחים }, ratio: 5, remains: true }
      cadence: daily
      handoverBy: "12:00"
    counterpart:
      party: b
      to: a
      categories: [{ id: bodies-held, label: { en: Bodies held by B, ar: جثامين لدى ب, he: גופות המוחזקות בידי ב }, remains: true }]
      after: handover
  - id: dead-for-living
    kind: exchange
    phase: p1
    release:
      party: a
      to: b
      total: 1
      categories: [{ id: remains-held, label: Remains held by A, ratio: 3, remains: true }]
      cadence: daily
      handoverBy: "12:00"
    counterpart:
      party: b
      to: a
      categories: [{ id: detainees, label: Detainees }]
      after: handover
`,
);
