import { describe, expect, it } from 'vitest';
import { explain } from '../words/explain.ts';
import { evaluate } from './evaluate.ts';
import { labelsOf, registrationsIn } from './labels.ts';
import { TABLE_YAML } from './status-table-agreement.ts';
import { actors, agreementOf, logged } from './test-log.ts';

const agreement = agreementOf(
  TABLE_YAML.replace('  - id: ex\n', '  - id: ex\n    title: { en: Exchange of detainees }\n')
    .replace(
      '    fromDay: 1\n  - id: cross',
      '    fromDay: 1\n    condition: { provision: ex, category: w }\n  - id: cross',
    )
    .replace(
      '  - id: cease\n',
      '  - id: cease\n    title: { en: Cessation of hostilities, ar: وقف, he: הפסקה }\n',
    )
    .replace(
      'perDay: [{ id: trucks, quantity: 10, unit: truck, category: aid }]',
      'perDay: [{ id: trucks, label: { en: aid trucks }, quantity: 10, unit: truck, category: aid }]',
    )
    .replace(
      'categories: [{ id: w, label: W, ratio: 3 }]',
      'categories: [{ id: w, label: { en: civilian women }, ratio: 3 }]',
    ),
);
const T = (d: number, hm: string) => `2024-01-0${d}T${hm}:00+02:00`;
const monitor = logged('op', 'actor.registered', T(1, '00:00'), {
  actor: 'mon',
  name: 'Field monitor',
  role: 'monitor',
  key: 'mon+0',
});

describe('labels of an agreement and its log', () => {
  const labels = labelsOf(agreement, registrationsIn([...actors(), monitor]));

  it('names a party by its name in the agreement, an actor by the party it acts for, else by its registered name', () => {
    expect(labels.party('a')).toBe('A');
    expect(labels.actor('red')).toBe('Intermediary');
    expect(labels.actor('mon')).toBe('Field monitor');
    // Not registered: a party's id still gives the party's name; anything else stays its id.
    expect(labelsOf(agreement).actor('b')).toBe('B');
    expect(labels.actor('stranger')).toBe('stranger');
    expect(labels.party('nobody')).toBe('nobody');
  });

  it('names a provision by its title, a quota line and an exchange category by their labels, else by id', () => {
    expect(labels.provision('cease')).toBe('Cessation of hostilities');
    expect(labels.provision('txt')).toBe('txt');
    expect(labels.quota('aid', 'trucks')).toBe('aid trucks');
    expect(labels.quota('aid', 'fuel')).toBe('fuel');
    expect(labels.category('w', 'ex')).toBe('civilian women');
    expect(labels.category('w')).toBe('civilian women');
    expect(labels.category('x')).toBe('x');
  });

  it('explanations use the labels while the structured fields keep the ids', () => {
    const alleged = logged('mon', 'violation.alleged', T(1, '10:00'), {
      against: 'b',
      provision: 'cease',
      description: 'Fire.',
    });
    const disputed = logged('b', 'dispute', T(1, '11:00'), { of: alleged.leafHash, reason: 'No fire.' });
    const e = evaluate(
      agreement,
      [
        ...actors(),
        monitor,
        alleged,
        disputed,
        logged('b', 'aid.delivered', T(1, '12:00'), {
          provision: 'aid',
          date: '2024-01-01',
          quantity: 10,
          unit: 'truck',
          category: 'aid',
        }),
      ],
      T(2, '09:00'),
    );
    const cease = e.provisions.find((p) => p.provision === 'cease')!;
    expect(explain(cease.explanation, agreement)).toBe(
      '1 allegation: Alleged by Field monitor: Fire. B disputes it: No fire.',
    );
    // The allegation is said as the alleging side's, before the dispute that answers it, in every language.
    expect(explain(cease.explanation, agreement, 'ar')).toContain('ادعاء من جانب Field monitor: Fire.');
    expect(explain(cease.explanation, agreement, 'he')).toContain('טענת Field monitor: Fire.');
    expect(explain(cease.explanation, agreement, 'ar')).not.toContain('الادعاء:');
    expect(explain(cease.explanation, agreement, 'he')).not.toContain('נגד הטענה');
    expect(cease.evidence).toContain(alleged.leafHash);
    expect(e.allegations[0]).toMatchObject({ by: 'mon', against: 'b', provision: 'cease' });
    const trucks = e.obligations.find((o) => o.obligation.id === 'aid/admit-aid/1/trucks')!;
    expect(explain(trucks.explanation, agreement)).toBe('10 trucks (aid trucks) for 1 Jan; 10 per B; met.');
    expect(trucks.obligation.category).toBe('trucks');
    const ret = e.provisions.find((p) => p.provision === 'ret')!;
    expect(explain(ret.explanation, agreement)).toBe(
      'ret waits for Exchange of detainees (civilian women) to be complete.',
    );
  });
});
