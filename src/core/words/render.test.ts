import { describe, expect, it } from 'vitest';
import { rangeAmount } from '../plan/line-parts.ts';
import {
  type Arg,
  list,
  minutes,
  moment,
  NONE,
  num,
  type Phrase,
  phrase,
  qty,
  quote,
  sentence,
} from './phrase.ts';
import {
  formatDuration,
  formatQuantity,
  type Names,
  renderArg,
  renderExplanation,
  renderParts,
  renderPhrase,
} from './render.ts';

const names = (party: Record<string, string>): Names => ({
  party: (id) => party[id] ?? id,
  provision: (id) => id,
  place: (id) => id,
  phase: (id) => id,
  quota: (_p, id) => id,
  category: (id) => id,
});
const AT = Date.parse('2023-11-25T14:00:00Z');

describe('renderExplanation', () => {
  const explanation = [
    sentence([
      phrase('batch.head', { batch: num(2) }),
      phrase('record.released', {
        count: num(1968),
        party: { type: 'party', id: 'israel' },
        at: moment(AT, 'Asia/Jerusalem'),
      }),
      phrase('verdict.met-late', { late: { type: 'duration', minutes: 300 } }),
    ]),
    phrase('disputes', {
      items: list(
        [
          phrase('dispute', {
            recorded: phrase('dispute.recorded', {
              actor: { type: 'actor', id: 'a1', party: 'israel' },
              figure: num(39),
            }),
            against: phrase('dispute.against', {
              actor: { type: 'actor', id: 'm', name: 'Monitor' },
              reason: quote('We count 38.'),
            }),
          }),
        ],
        'space',
      ),
    }),
  ];

  it('words an explanation in English as the status text always read, numbers with their separators', () => {
    expect(renderExplanation(explanation, { lang: 'en', names: names({ israel: 'Israel' }) })).toBe(
      'Batch 2; 1,968 released by Israel at 25 Nov 16:00; 5 h late. Israel recorded 39; Monitor disputes it: We count 38.',
    );
  });

  it('words it in Arabic and in Hebrew, the parties named in the language, the recorded words quoted as given', () => {
    const ar = renderExplanation(explanation, { lang: 'ar', names: names({ israel: 'إسرائيل' }) });
    expect(ar).toBe(
      'الدفعة 2؛ أُفرج عن 1,968 من جانب إسرائيل في 25 نوفمبر، 16:00؛ مدة التأخير 5 ساعات. الرقم المسجَّل من جانب إسرائيل: 39؛ واعتراض من جانب Monitor: We count 38.',
    );
    const he = renderExplanation(explanation, { lang: 'he', names: names({ israel: 'ישראל' }) });
    expect(he).toBe(
      'פעימה 2; 1,968 שוחררו על ידי ישראל ב־25 בנוב׳, 16:00; באיחור של 5 שעות. נרשם על ידי ישראל: 39; מחלוקת מצד Monitor: We count 38.',
    );
  });

  it('writes Arabic numbers and dates in the digits the reader chose (Latin by default)', () => {
    const p = phrase('record.released', {
      count: num(1968),
      party: { type: 'party', id: 'israel' },
      at: moment(AT, 'Asia/Jerusalem'),
    });
    const said = (digits?: 'latn' | 'arab') =>
      renderExplanation([p], {
        lang: 'ar',
        names: names({ israel: 'إسرائيل' }),
        ...(digits ? { digits } : {}),
      });
    expect(said()).toBe('أُفرج عن 1,968 من جانب إسرائيل في 25 نوفمبر، 16:00');
    expect(said('arab')).toBe('أُفرج عن ١٬٩٦٨ من جانب إسرائيل في ٢٥ نوفمبر، ١٦:٠٠');
  });

  it('does not double a full stop after recorded words that end with one', () => {
    const p = sentence([
      phrase('allegation.unanswered', { actor: { type: 'actor', id: 'b' }, description: quote('Fire.') }),
    ]);
    expect(renderExplanation([p], { lang: 'en', names: names({}) })).toBe('b alleges: Fire. (not answered).');
    const q = phrase('disputes', { items: list([quote('It ended.')], 'space') });
    expect(renderExplanation([q], { lang: 'en', names: names({}) })).toBe('It ended.');
  });
});

describe('a phrase code this build does not know', () => {
  it('is said by its parts, one after the other, never a failure of the whole page', () => {
    const unknown = {
      code: 'from.a.newer.server',
      params: { count: num(3), who: quote('the ICRC') },
    } as unknown as Phrase;
    expect(renderExplanation([unknown], { lang: 'ar', names: names({}) })).toBe('3 the ICRC');
  });
});

describe('counts and durations', () => {
  it('take the plural form each language asks for (Arabic has six categories, Hebrew a dual)', () => {
    expect([0, 1, 2, 3, 11, 100].map((n) => formatQuantity(n, 'truck', 'ar'))).toEqual([
      '0 شاحنة',
      'شاحنة واحدة',
      'شاحنتان',
      '3 شاحنات',
      '11 شاحنة',
      '100 شاحنة',
    ]);
    expect([1, 2, 5].map((n) => formatQuantity(n, 'day', 'he'))).toEqual(['יום אחד', 'יומיים', '5 ימים']);
    expect([1, 2].map((n) => formatQuantity(n, 'person', 'en'))).toEqual(['1 person', '2 persons']);
    expect(formatQuantity(130000, 'litre', 'en')).toBe('130,000 litres');
    // Fuel ships are counted as ships (a truce's fuel comes by sea as well as by road).
    expect([1, 18].map((n) => formatQuantity(n, 'ship', 'en'))).toEqual(['1 ship', '18 ships']);
    expect([2, 18].map((n) => formatQuantity(n, 'ship', 'ar'))).toEqual(['سفينتان', '18 سفينة']);
    expect([2, 18].map((n) => formatQuantity(n, 'ship', 'he'))).toEqual(['שתי ספינות', '18 ספינות']);
  });

  it('never say "24 h" beside days: 23 h 40 min past a day rounds to the next day; thousands are grouped', () => {
    expect(formatDuration(3 * 1440 + 23 * 60 + 40, 'en')).toBe('4 d');
    expect(formatDuration(1527 * 1440 + 23 * 60 + 40, 'en')).toBe('1,528 d');
    expect(formatDuration(1527 * 1440 + 5 * 60, 'en')).toBe('1,527 d 5 h');
    expect(formatDuration(3 * 1440 + 23 * 60 + 40, 'ar')).not.toContain('24');
  });

  it('word durations as before in English and with the nouns of each language', () => {
    expect([45, 300, 330, 44 * 60, 30 * 1440 + 13 * 60].map((m) => formatDuration(m, 'en'))).toEqual([
      '45 min',
      '5 h',
      'about 6 h',
      '44 h',
      '30 d 13 h',
    ]);
    expect(formatDuration(30 * 1440 + 13 * 60, 'ar')).toBe('30 يومًا و13 ساعة');
    expect(formatDuration(330, 'he')).toBe('כ־6 שעות');
  });
});

describe('renderParts', () => {
  it('sets names and recorded words apart from the words of the catalogue', () => {
    const p = sentence([
      phrase('allegation.unanswered', {
        actor: { type: 'actor', id: 'b', name: 'Hamas' },
        description: quote('Fire.'),
      }),
    ]);
    expect(renderParts([p], { lang: 'ar', names: names({}) })).toEqual([
      { text: 'ادعاء من جانب ', marked: false },
      { text: 'Hamas', marked: true },
      { text: ': ', marked: false },
      { text: 'Fire.', marked: true },
      { text: ' (لم يُردّ عليه).', marked: false },
    ]);
  });
  it("keeps a record's words whole though they hold the marks' own characters", () => {
    const p = phrase('allegation.unanswered', {
      actor: { type: 'actor', id: 'b', name: 'Hamas' },
      description: quote('Fire\uE001 then \uE000more.'),
    });
    expect(renderParts([p], { lang: 'en', names: names({}) }).filter((x) => x.marked)).toEqual([
      { text: 'Hamas', marked: true },
      { text: 'Fire then more.', marked: true },
    ]);
  });
});

describe('a stated total and a date in full', () => {
  const stated = [
    phrase('ratio.stated-total', {
      byRatio: num(420),
      stated: list(
        [
          phrase('stated.uncertain', {
            value: phrase('stated.source', { value: num(360), source: quote('ICRC') }),
          }),
          num(1200),
        ],
        'or',
      ),
    }),
    phrase('dated-fact.item', {
      what: { type: 'fact', provision: 'force', description: 'A force, authorized until 31 Dec 2027.' },
      date: { type: 'date', date: '2027-12-31' },
    }),
  ];
  const o = { names: { ...names({}), provision: (id: string) => (id === 'force' ? 'القوة' : id) } };

  it('joins alternatives with "or" in each language and writes the date with its year', () => {
    expect(renderExplanation(stated, { lang: 'en', ...o })).toBe(
      '420 by the ratio in all, total stated in the agreement: ⚠ 360 (ICRC) or 1,200 A force, authorized until 31 Dec 2027 (2027-12-31)',
    );
    expect(renderExplanation(stated, { lang: 'ar', ...o })).toBe(
      '420 بحسب النسبة في المجموع، والمجموع المذكور في الاتفاق: ⚠ 360 (ICRC) أو 1,200 القوة (31 ديسمبر 2027)',
    );
    expect(renderExplanation(stated, { lang: 'he', ...o })).toContain('⚠ 360 (ICRC) או 1,200');
    expect(renderExplanation(stated, { lang: 'he', ...o })).toContain('(31 בדצמ׳ 2027)');
  });
});

describe('plan lines in the one renderer', () => {
  const negotiate = phrase('plan.negotiate', { subject: { type: 'phase', id: 'p2' }, day: num(16) });
  const obligation: Arg = {
    type: 'obligation',
    id: 'talks/negotiate/1',
    provision: 'talks',
    party: 'israel',
    line: negotiate,
  };
  const phases: Names = { ...names({}), phase: (id) => (id === 'p2' ? 'المرحلة الثانية' : id) };

  it('names an obligation in an explanation by its plan line in the reader’s language, without its full stop', () => {
    const head = phrase('head.obligation', { obligation });
    expect(renderExplanation([head], { lang: 'ar', names: phases })).toBe(
      'بدء المفاوضات بحلول اليوم 16: المرحلة الثانية',
    );
    expect(renderExplanation([head], { lang: 'en', names: names({}) })).toBe(
      'Start negotiations by day 16: p2',
    );
    expect(renderExplanation([head], { lang: 'ar', names: phases, digits: 'arab' })).toMatch(/اليوم ١٦: /);
  });

  it('marks the names inside the line, not the whole line, for an edge that isolates them', () => {
    const parts = renderParts([phrase('head.obligation', { obligation })], { lang: 'ar', names: phases });
    expect(parts.filter((p) => p.marked).map((p) => p.text)).toEqual(['المرحلة الثانية']);
  });

  it('writes local times in the reader’s digits and joins lists with each language’s words', () => {
    const by = phrase('when.by-time-only', { time: { type: 'time', time: '06:00' } });
    expect(renderPhrase(by, { lang: 'ar', names: names({}), digits: 'arab' })).toBe('بحلول الساعة ٠٦:٠٠');
    expect(renderPhrase(by, { lang: 'ar', names: names({}) })).toBe('بحلول الساعة 06:00');
    const either = list([quote('A'), quote(''), quote('B')], 'or');
    expect(renderArg(either, { lang: 'he', names: names({}) })).toBe('A או B');
  });
});

describe('notes and figure sets (h8)', () => {
  const note = phrase('note.no-batch', {
    event: { type: 'event', hash: 'ab'.repeat(32), kind: 'handover.completed' },
  });
  it('name an event by its number in the log where the edge knows it, never by its hash', () => {
    const o = { names: names({}), eventNumber: (h: string) => (h === 'ab'.repeat(32) ? 27 : undefined) };
    expect(renderExplanation([note], { ...o, lang: 'en' })).toBe(
      'Not counted per batch: event no. 27 (handover carried out) names no batch this plan has.',
    );
    expect(renderExplanation([note], { ...o, lang: 'ar' })).toContain('الحدث رقم 27');
    expect(renderExplanation([note], { ...o, lang: 'he' })).toContain('אירוע מס׳ 27');
    const unknown = renderExplanation([note], { lang: 'en', names: names({}) });
    expect(unknown).toContain('an event (handover carried out)');
    expect(unknown).not.toMatch(/abab/);
  });
  it('word what a set of figures counts in each language: its unit in the plural, its day', () => {
    const what = phrase('figure.on-day', {
      what: { type: 'unit', unit: 'truck' },
      day: { type: 'day', date: '2023-11-25' },
    });
    expect(renderExplanation([what], { lang: 'en', names: names({}) })).toBe('trucks on 25 Nov');
    expect(renderExplanation([what], { lang: 'ar', names: names({}) })).toMatch(/^شاحنات في 25 /);
    expect(renderExplanation([what], { lang: 'he', names: names({}) })).toMatch(/^משאיות ב־25 /);
  });
});

describe('a range of counts', () => {
  const amount = (lo: number, hi: number, unit: string, lang: 'en' | 'ar' | 'he') =>
    renderPhrase(rangeAmount(lo, hi, unit), { lang, names: names({}) });

  it('takes the plural of its noun, whatever its upper end', () => {
    expect(amount(700, 706, 'person', 'en')).toBe('700 to 706 persons');
    expect(amount(0, 1, 'person', 'en')).toBe('0 to 1 persons');
    expect(formatQuantity(1, 'person', 'en', 'latn', { from: 0 })).toBe('1 persons');
    expect(formatQuantity(1, 'person', 'en')).toBe('1 person');
  });

  it('writes its numbers in Arabic and Hebrew, never a count said in words', () => {
    expect(amount(1, 2, 'truck', 'ar')).not.toContain('شاحنتان');
    expect(amount(1, 2, 'truck', 'ar')).toMatch(/^من 1 إلى 2 /);
    expect(amount(700, 706, 'person', 'ar')).toBe('من 700 إلى 706 أشخاص');
    expect(amount(1, 2, 'person', 'he')).toBe('1 עד 2 אנשים');
  });
});

describe('Arabic counts after a preposition or as an object', () => {
  const ar = (p: Phrase) => renderPhrase(p, { lang: 'ar', names: names({}) });

  it('take the dual in ـين where the template marks the place, and in a phrase that stands there', () => {
    expect(ar(phrase('when.hours-after-start', { hours: qty(2, 'hour') }))).toBe('بعد ساعتين من البدء');
    expect(
      ar(
        phrase('plan.release-all', {
          amount: rangeAmount(2, 2, 'person'),
          parts: NONE,
          to: NONE,
          through: NONE,
          after: NONE,
        }),
      ),
    ).toBe('الإفراج عن شخصين.');
    expect(ar(phrase('amount.remains-of', { amount: rangeAmount(2, 2, 'person') }))).toBe('رفات شخصين');
    expect(ar(phrase('moved.handover', { late: minutes(2 * 1440), planned: num(1), batch: num(1) }))).toMatch(
      /^أُرجئ الموعد يومين عن/,
    );
  });

  it('keep the dual in ـان as a subject or a predicate', () => {
    expect(ar(phrase('verdict.met-late', { late: minutes(2 * 60) }))).toBe('مدة التأخير ساعتان');
    expect(formatQuantity(2, 'day', 'ar')).toBe('يومان');
    expect(formatQuantity(2, 'day', 'ar', 'latn', { oblique: true })).toBe('يومين');
    expect(formatDuration(90, 'ar', 'latn', true)).toBe('نحو ساعتين');
  });
});

describe('the words of the agreement spliced into a plan line', () => {
  const en = (p: Phrase) =>
    renderPhrase(p, { lang: 'en', names: names({ airport: 'Sanaa International Airport' }) });
  const subject = {
    type: 'text',
    text: 'A meeting of the parties to agree on opening roads in Taiz and other governorates.',
  } as const;

  it('stand after a colon, as written, never lower-cased nor followed by more words of the line', () => {
    expect(en(phrase('plan.negotiate', { subject, day: num(61) }))).toBe(
      'Start negotiations by day 61: A meeting of the parties to agree on opening roads in Taiz and other governorates.',
    );
  });

  it('end the line with their own full stop, never two', () => {
    const line = phrase('plan.open-crossing', {
      crossing: { type: 'place', id: 'airport' },
      purpose: phrase('part.for-purpose', {
        purpose: { type: 'text', text: 'Two flights a week, Sanaa-Amman and Sanaa-Cairo.' },
      }),
      hours: NONE,
    });
    expect(en(line)).toBe('Open airport; purpose: Two flights a week, Sanaa-Amman and Sanaa-Cairo.');
    expect(renderPhrase(line, { lang: 'ar', names: names({}) })).toMatch(/Sanaa-Cairo\.$/);
    expect(en(phrase('plan.negotiate', { subject: { type: 'text', text: 'Phase 2?' }, day: num(3) }))).toBe(
      'Start negotiations by day 3: Phase 2?',
    );
  });
});
