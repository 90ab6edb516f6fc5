import { describe, expect, it } from 'vitest';
import { evaluate } from '../core/compliance/evaluate.ts';
import { FIXTURE_YAML } from '../core/compliance/fixture-agreement.ts';
import { labelsOf } from '../core/compliance/labels.ts';
import { TABLE_YAML, twoExchangesYaml } from '../core/compliance/status-table-agreement.ts';
import { actors, agreementOf, logged } from '../core/compliance/test-log.ts';
import { WINDOW_YAML } from '../core/compliance/window-agreement.ts';
import { headlineFigures } from '../core/figures/headline-figures.ts';
import { formatStatusJson, formatStatusText, headlineLines } from './format-status.ts';

const agreement = agreementOf(
  TABLE_YAML.replace(
    'perDay: [{ id: trucks, quantity: 10, unit: truck, category: aid }]',
    'perDay: [{ id: trucks, quantity: 10, unit: truck, category: aid, uncertain: true }]',
  ),
);
const T = (d: number, hm: string) => `2024-01-0${d}T${hm}:00+02:00`;

describe('truce status output', () => {
  const postponed = logged('med', 'batch.postponed', T(1, '10:00'), {
    provision: 'ex',
    batch: 1,
    reason: 'Put off.',
  });
  const cap = logged('b', 'aid.capped', T(1, '09:00'), { provision: 'aid', quantity: 5, unit: 'truck' });
  const alleged = logged('b', 'violation.alleged', T(1, '16:00'), {
    against: 'a',
    provision: 'cease',
    description: 'Fire.',
  });
  const ack = logged('a', 'acknowledgement', T(1, '17:00'), { of: alleged.leafHash, reason: 'In error.' });
  const e = evaluate(agreement, [...actors(), postponed, cap, alleged, ack], T(2, '09:00'));

  it('--json gives what is recorded beside each status: postponements, caps, the basis, the uncertain mark', () => {
    const out = JSON.parse(formatStatusJson(e, agreement));
    const ob = (id: string) => out.obligations.find((o: { obligation: string }) => o.obligation === id);
    const prov = (id: string) => out.provisions.find((p: { provision: string }) => p.provision === id);
    expect(ob('ex/hand-over/1').postponed[0]).toMatchObject({
      reason: 'Put off.',
      evidence: [postponed.leafHash],
    });
    expect(ob('aid/admit-aid/1/trucks')).toMatchObject({
      uncertain: true,
      capped: [{ quantity: 5, unit: 'truck' }],
    });
    expect(prov('lp')).toMatchObject({ status: 'unrecorded', basis: 'no-breach-recorded' });
    expect(prov('ex').postponed).toHaveLength(1);
  });

  it('the text marks an uncertain status and gives each allegation its state and reason', () => {
    const text = formatStatusText(e, agreement);
    expect(text).toMatch(/ {2}aid {17}unrecorded ⚠/);
    expect(text).toContain(
      'alleged by B against A (cease), 2024-01-01 16:00: Fire. [acknowledged by A, the side alleged against; In error.]',
    );
  });

  it('an exchange with nothing on record either way says so, never "0 counted" (en, ar, he)', () => {
    const nothing = { en: 'nothing recorded', ar: 'لم يُسجَّل شيء', he: 'לא נרשם דבר' } as const;
    for (const lang of ['en', 'ar', 'he'] as const) {
      const text = formatStatusText(e, agreement, labelsOf(agreement, [], lang), lang);
      // Its two directions (the ratio line names the exchange too).
      const lines = text.split('\n').filter((l) => /^ {2}ex: [^:]+ [→←] /.test(l));
      expect(lines, lang).toHaveLength(2);
      for (const l of lines) expect(l, lang).toContain(nothing[lang]);
    }
  });

  it('a term’s line tells what is recorded of the term that no obligation tells (aid halted after its last day)', () => {
    const halt = logged('b', 'aid.suspended', '2024-01-20T10:00:00+02:00', {
      provision: 'aid',
      reason: 'Stopped.',
    });
    const later = evaluate(agreement, [...actors(), halt], '2024-01-20T12:00:00+02:00');
    const line = formatStatusText(later, agreement)
      .split('\n')
      .find((l) => /^ {2}aid /.test(l))!;
    expect(line).toContain('Recorded of the term: suspended 20 Jan 10:00 (Stopped.).');
  });

  it('a term’s line keeps its whole first sentence, an event named by its number in it ("event no. 7")', () => {
    // A crossing that waits on an exchange the plan cannot date (a window): not placed.
    const waiting = agreementOf(WINDOW_YAML);
    const opened = logged('b', 'crossing.opened', T(1, '09:00'), { crossing: 'gate' });
    const judged = evaluate(waiting, [...actors(), opened], T(1, '10:00'));
    const line = formatStatusText(judged, waiting, undefined, 'en', (h) =>
      h === opened.leafHash ? 7 : undefined,
    )
      .split('\n')
      .find((l) => /^ {2}gate /.test(l))!;
    expect(line).toContain(
      'recorded all the same: event no. 7 (crossing opened) 1 Jan 09:00 (recorded by B).',
    );
  });

  it('a day’s line names the term and the party it binds, so that a term owed by each side reads once for each', () => {
    const text = formatStatusText(e, agreement);
    expect(text).toMatch(/\n {4}\S+ +neg \(A\): /);
    expect(text).toMatch(/\n {4}\S+ +ex \(A\): /);
  });

  it('a term nobody alleged a violation of is named in the sentence that says so, quoted alone (en, ar, he)', () => {
    const said = {
      en: 'No violation of “txt” alleged so far',
      ar: 'لم يُدَّعَ أي خرق للبند «txt» حتى الآن',
      he: 'עד כה לא נטענה הפרה של הסעיף „txt”',
    } as const;
    for (const lang of ['en', 'ar', 'he'] as const) {
      const text = formatStatusText(e, agreement, labelsOf(agreement, [], lang), lang);
      const line = text.split('\n').find((l) => /^ {2}txt /.test(l))!;
      expect(line, lang).toContain(said[lang]);
    }
  });

  it('lists every allegation, however many; a term’s line names the latest 5 of them, saying of how many (en, ar, he)', () => {
    const twelve = Array.from({ length: 12 }, (_, k) =>
      logged('b', 'violation.alleged', T(1, `10:${String(k).padStart(2, '0')}`), {
        against: 'a',
        provision: 'cease',
        description: `Incident ${k + 1}.`,
      }),
    );
    const many = evaluate(agreement, [...actors(), ...twelve], T(2, '09:00'));
    const latest = { en: 'Latest 5 of 12: ', ar: 'آخر 5 من 12: ', he: '5 האחרונות מתוך 12: ' } as const;
    for (const lang of ['en', 'ar', 'he'] as const) {
      const text = formatStatusText(many, agreement, labelsOf(agreement, [], lang), lang);
      // The term's line names the latest 5 and says of how many, never one as if it were all.
      const line = text.split('\n').find((l) => /^ {2}cease /.test(l))!;
      expect(line, lang).toContain(latest[lang]);
      expect(line).toContain('Incident 8.');
      expect(line).toContain('Incident 12.');
      expect(line).not.toContain('Incident 7.');
      // Every allegation on a line of its own below.
      for (let k = 1; k <= 12; k++)
        expect(
          text.split('\n').filter((l) => l.includes(`Incident ${k}.`) && l !== line),
          `${lang} ${k}`,
        ).toHaveLength(1);
    }
    const json = JSON.parse(formatStatusJson(many, agreement));
    expect(json.allegations).toHaveLength(12);
  });

  it('says a ratio exceeded is more released than required, not a breach', () => {
    const more = evaluate(
      agreement,
      [
        ...actors(),
        logged('a', 'handover.completed', T(1, '11:00'), { provision: 'ex', batch: 1, count: 2, to: 'b' }),
        logged('b', 'release.completed', T(1, '20:00'), { provision: 'ex', batch: 1, party: 'b', count: 9 }),
      ],
      T(2, '09:00'),
    );
    expect(formatStatusText(more, agreement)).toContain(
      'ex: ratio exceeded by 3 (more released than required, not a breach): 9 released by B more than 3 × 2 counted from A.',
    );
  });

  it('names the exchange of each ratio line, one line per exchange, when the agreement has two (en, ar, he)', () => {
    const two = agreementOf(
      twoExchangesYaml(
        '{ en: First exchange, ar: التبادل الأول, he: החילופים הראשונים }',
        '{ en: Second exchange, ar: التبادل الثاني, he: החילופים השניים }',
      ),
    );
    const ev = evaluate(two, actors(), T(1, '09:00'));
    expect(ev.exchanges.ratios.map((r) => r.provision)).toEqual(['ex', 'ex2']);
    const holds = { en: 'ratio holds', ar: 'النسبة مستوفاة', he: 'היחס מתקיים' } as const;
    const names = {
      en: ['First exchange', 'Second exchange'],
      ar: ['التبادل الأول', 'التبادل الثاني'],
      he: ['החילופים הראשונים', 'החילופים השניים'],
    } as const;
    for (const lang of ['en', 'ar', 'he'] as const) {
      const text = formatStatusText(ev, two, labelsOf(two, [], lang), lang);
      const lines = text.split('\n').filter((l) => l.includes(holds[lang]));
      expect(lines, lang).toEqual([
        expect.stringMatching(new RegExp(`^ {2}${names[lang][0]}: ${holds[lang]}: `)),
        expect.stringMatching(new RegExp(`^ {2}${names[lang][1]}: ${holds[lang]}: `)),
      ]);
    }
  });

  it('keeps a long phase title apart from its sentence, each phase’s sentence in one column (en, ar, he)', () => {
    const phases = agreementOf(
      TABLE_YAML.replace(
        '    title: Phase 1\n',
        '    title: { en: After the talks of 16 May, ar: بعد محادثات 16 أيار/مايو, he: אחרי השיחות של 16 במאי }\n',
      ).replace(
        'provisions:\n',
        '  - { id: p2, title: { en: Later, ar: لاحقًا, he: בהמשך }, start: { day: 2 }, lengthDays: 1 }\nprovisions:\n',
      ),
    );
    const ev = evaluate(phases, actors(), T(1, '09:00'));
    const titles = {
      en: ['After the talks of 16 May', 'Later'],
      ar: ['بعد محادثات 16 أيار/مايو', 'لاحقًا'],
      he: ['אחרי השיחות של 16 במאי', 'בהמשך'],
    } as const;
    for (const lang of ['en', 'ar', 'he'] as const) {
      const text = formatStatusText(ev, phases, labelsOf(phases, [], lang), lang);
      const lines = text.split('\n');
      const at = lines.findIndex((l) => l.startsWith(titles[lang][0], 2));
      const [long, short] = [lines[at]!, lines[at + 1]!];
      // Two spaces after the longest title, and both sentences start in that column.
      const col = 2 + titles[lang][0].length + 2;
      expect(long.slice(0, col), lang).toBe(`  ${titles[lang][0]}  `);
      expect(short.slice(0, col).trimEnd(), lang).toBe(`  ${titles[lang][1]}`);
      expect(long[col], lang).not.toBe(' ');
      expect(short[col], lang).not.toBe(' ');
    }
  });

  it('prints no "Headline figures:" heading over nothing: an agreement with no exchange and no quota has no headline figures (en, ar, he)', () => {
    // The fixture's phase and parties with a cessation only: nothing is counted.
    const bare = agreementOf(
      `${FIXTURE_YAML.slice(0, FIXTURE_YAML.indexOf('provisions:')).replace(/^ +extension:.*\n/m, '')}provisions:
  - { id: cease, kind: cessation, phase: p1, parties: [a, b] }
`,
    );
    const quiet = evaluate(bare, actors(), T(2, '09:00'));
    const heading = { en: 'Headline figures:', ar: 'الأرقام الرئيسية:', he: 'נתונים עיקריים:' } as const;
    for (const lang of ['en', 'ar', 'he'] as const) {
      expect(formatStatusText(quiet, bare, labelsOf(bare, [], lang), lang)).not.toContain(heading[lang]);
      // An agreement that counts something keeps its heading.
      expect(formatStatusText(e, agreement, labelsOf(agreement, [], lang), lang)).toContain(heading[lang]);
    }
  });

  it('prints no "Day by day:" heading over nothing: a plan that places nothing on a day has no such section (en, ar, he)', () => {
    const bare = agreementOf(
      `${FIXTURE_YAML.slice(0, FIXTURE_YAML.indexOf('provisions:')).replace(/^ +extension:.*\n/m, '')}provisions:
  - { id: cease, kind: cessation, phase: p1, parties: [a, b] }
`,
    );
    const quiet = evaluate(bare, actors(), T(2, '09:00'));
    expect(quiet.obligations).toEqual([]);
    const heading = { en: 'Day by day:', ar: 'يومًا بيوم:', he: 'יום אחר יום:' } as const;
    for (const lang of ['en', 'ar', 'he'] as const) {
      expect(formatStatusText(quiet, bare, labelsOf(bare, [], lang), lang), lang).not.toContain(
        heading[lang],
      );
      // A plan with obligations on its days keeps its heading.
      expect(formatStatusText(e, agreement, labelsOf(agreement, [], lang), lang), lang).toContain(
        heading[lang],
      );
    }
  });

  it('heads the status with its count of events in the form the number asks for: 1 event, 2 events (en, ar, he)', () => {
    const head = (events: number, lang: 'en' | 'ar' | 'he') =>
      formatStatusText({ ...e, events }, agreement, labelsOf(agreement, [], lang), lang).split('\n')[0];
    expect(head(1, 'en')).toContain(', 1 event, judged against');
    expect(head(2, 'en')).toContain(', 2 events, judged against');
    expect(head(1, 'ar')).toContain('، حدث واحد، وفق');
    expect(head(12, 'ar')).toContain('، 12 حدثًا، وفق');
    expect(head(1, 'he')).toContain(', אירוע אחד, לפי');
    expect(head(12, 'he')).toContain(', 12 אירועים, לפי');
  });
});

describe('truce status of a handover whose number was not disclosed', () => {
  const fixture = agreementOf(FIXTURE_YAML);
  const hidden = logged('a', 'handover.completed', T(1, '11:00'), {
    provision: 'ex',
    batch: 1,
    to: 'b',
    via: 'red',
    undisclosed: true,
  });
  const e = evaluate(fixture, [...actors(), hidden], T(1, '20:00'));

  it('--json marks the obligation, the provision and the direction, with no done and no 0 counted as done', () => {
    const out = JSON.parse(formatStatusJson(e, fixture));
    const ob = out.obligations.find((o: { obligation: string }) => o.obligation === 'ex/hand-over/1');
    expect(ob).toMatchObject({ status: 'unrecorded', undisclosed: true });
    expect(ob).not.toHaveProperty('done');
    expect(ob).not.toHaveProperty('noRecord');
    expect(out.provisions.find((p: { provision: string }) => p.provision === 'ex')).toMatchObject({
      undisclosed: true,
    });
    expect(out.exchanges[0]).toMatchObject({ counted: 0, undisclosed: 1 });
    expect(out.ratios[0]).toMatchObject({ undisclosed: true });
  });

  it('the headline gives no count (never 0) for a side with only such records, and says how many beside it', () => {
    const h = headlineFigures(fixture, e);
    expect(h.releases[0]).toMatchObject({ party: 'a', counted: null, undisclosed: 1 });
    expect(headlineLines(h, fixture, 'en').join('\n')).toContain(
      '(and records whose number was not disclosed: 1, not counted)',
    );
    expect(headlineLines(h, fixture, 'ar').join('\n')).toContain('(وسجلات لم يُكشف عن عددها: 1، غير محتسبة)');
    expect(headlineLines(h, fixture, 'he').join('\n')).toContain('(ורשומות שמספרן לא פורסם: 1, לא נספרו)');
  });

  it('the text says it in each language, and the ratio is not said to hold or fall short', () => {
    const en = formatStatusText(e, fixture);
    expect(en).toContain('an undisclosed number handed over by A at 1 Jan 11:00, not confirmed');
    expect(en).toContain('; and records whose number was not disclosed: 1 (not counted)');
    expect(en).toContain(
      'the ratio is not checked: a handover or release between A and B was recorded with its number not disclosed',
    );
    expect(en).not.toMatch(/ratio holds|ratio not yet reached|ratio does not hold/);
    const ar = formatStatusText(e, fixture, labelsOf(fixture, [], 'ar'), 'ar');
    expect(ar).toContain('سُلّم عدد لم يُكشف عنه من جانب A');
    expect(ar).toContain('وسجلات لم يُكشف عن عددها: 1');
    const he = formatStatusText(e, fixture, labelsOf(fixture, [], 'he'), 'he');
    expect(he).toContain('במספר שלא פורסם נמסרו על ידי A');
    expect(he).toContain('ורשומות שמספרן לא פורסם: 1');
  });
});
