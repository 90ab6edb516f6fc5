import { describe, expect, it } from 'vitest';
import { explain } from '../words/explain.ts';
import { evaluate } from './evaluate.ts';
import { TABLE_YAML } from './status-table-agreement.ts';
import { actors, agreementOf, logged } from './test-log.ts';

const agreement = agreementOf(TABLE_YAML);
const T = (d: number, hm: string) => `2024-01-0${d}T${hm}:00+02:00`;

/** An allegation against `against` about the cessation, by the other side. */
const alleged = (against: string, at: string) =>
  logged(against === 'a' ? 'b' : 'a', 'violation.alleged', at, {
    against,
    provision: 'cease',
    description: `${against} fired.`,
  });
const resolved = (of: ReturnType<typeof alleged>, at: string) =>
  logged('med', 'allegation.resolved', at, { of: of.leafHash, finding: 'breach', reason: 'Inquiry.' });

describe('breaches on record against a term: found by a mediator or acknowledged by the accused', () => {
  const a1 = alleged('a', T(1, '09:00'));
  const a2 = alleged('a', T(1, '11:00'));
  const b1 = alleged('b', T(1, '12:00'));
  const b2 = alleged('b', T(1, '13:00'));
  const events = [
    ...actors(),
    a1,
    a2,
    b1,
    b2,
    resolved(a1, T(2, '10:00')),
    resolved(a2, T(2, '10:00')),
    resolved(b1, T(2, '12:00')),
    // The accused's own acknowledgement of the other.
    logged('b', 'acknowledgement', T(2, '14:00'), { of: b2.leafHash }),
  ];
  const p = evaluate(agreement, events, T(3, '12:00')).provisions.find((x) => x.provision === 'cease')!;

  it('names who found each breach and against whom, each breach once at the time of its finding, never as an admission', () => {
    expect(p.status).toBe('missed');
    expect(explain(p.explanation, agreement)).toBe(
      'Breaches on record: Mediator found a breach by A in 2 allegations (2 Jan 10:00, 2 Jan 10:00); ' +
        'Mediator found a breach by B in 1 allegation (2 Jan 12:00); ' +
        'B acknowledged 1 allegation against B (2 Jan 14:00).',
    );
    for (const x of [a1, a2, b1, b2]) expect(p.evidence).toContain(x.leafHash);
  });

  it('says the same in Arabic and Hebrew, naming both parties', () => {
    expect(explain(p.explanation, agreement, 'ar')).toBe(
      'خروقات مسجّلة: خرق من جانب A بحسب ما خلص إليه Mediator: ادعاءان (2 يناير، 10:00، 2 يناير، 10:00)؛ ' +
        'خرق من جانب B بحسب ما خلص إليه Mediator: ادعاء واحد (2 يناير، 12:00)؛ ' +
        'إقرار B بخرق ادُّعي على B: ادعاء واحد (2 يناير، 14:00).',
    );
    expect(explain(p.explanation, agreement, 'he')).toBe(
      'הפרות שנרשמו: נמצאה הפרה של A על ידי Mediator: שתי טענות (2 בינו׳, 10:00, 2 בינו׳, 10:00); ' +
        'נמצאה הפרה של B על ידי Mediator: טענה אחת (2 בינו׳, 12:00); ' +
        'הודאה של B בהפרה שנטענה נגד B: טענה אחת (2 בינו׳, 14:00).',
    );
  });
});

describe('a breach on record beside other allegations about the same term', () => {
  const found = alleged('a', T(1, '09:00'));
  const disputed = alleged('b', T(1, '10:00'));
  const open = alleged('a', T(1, '11:00'));
  const failure = logged('med', 'deadline.missed', T(1, '12:00'), {
    provision: 'cease',
    description: 'Shelling.',
  });
  const base = [
    ...actors(),
    found,
    disputed,
    open,
    resolved(found, T(2, '10:00')),
    logged('b', 'dispute', T(2, '11:00'), { of: disputed.leafHash, reason: 'It was not us.' }),
  ];
  const cease = (events: typeof base) =>
    evaluate(agreement, events, T(3, '12:00')).provisions.find((x) => x.provision === 'cease')!;

  it('still tells the allegation disputed and the one not answered, each counted as the rules say', () => {
    const p = cease(base);
    expect(p.status).toBe('missed');
    expect(explain(p.explanation, agreement)).toBe(
      'Breaches on record: Mediator found a breach by A in 1 allegation (2 Jan 10:00). ' +
        'Alleged and disputed: Alleged by A: b fired. B disputes it: It was not us. ' +
        'Not answered: 1 allegation: B alleges: a fired. (not answered).',
    );
    for (const x of [found, disputed, open]) expect(p.evidence).toContain(x.leafHash);
  });

  it('and so beside a recorded failure', () => {
    const p = cease([...base, failure]);
    expect(p.status).toBe('missed');
    const words = explain(p.explanation, agreement);
    expect(words).toMatch(
      /^Recorded as not kept: Shelling\. \(Mediator, 1 Jan 12:00\)\. Breaches on record: /,
    );
    expect(words).toContain('Alleged and disputed: Alleged by A: b fired.');
    expect(words).toContain('Not answered: 1 allegation: B alleges: a fired. (not answered).');
  });
});
