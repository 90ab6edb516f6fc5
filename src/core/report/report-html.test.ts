import { describe, expect, it } from 'vitest';
import { evaluate } from '../compliance/evaluate.ts';
import { FIXTURE_YAML } from '../compliance/fixture-agreement.ts';
import { labelsOf } from '../compliance/labels.ts';
import { twoExchangesYaml } from '../compliance/status-table-agreement.ts';
import { actors, agreementOf, logged } from '../compliance/test-log.ts';
import { reportHtml } from './report-html.ts';

const agreement = agreementOf(FIXTURE_YAML);

describe('the daily report', () => {
  it('shows each allegation of the day as the alleging side’s claim, with its state and its casualty figures by source, never summed', () => {
    const v = logged('b', 'violation.alleged', '2024-01-02T09:00:00+02:00', {
      against: 'a',
      provision: 'cease',
      description: 'Strikes.',
      casualties: [
        { killed: 26, source: 'Ministry of Health' },
        { killed: 2, injured: 3, source: 'Army statement' },
      ],
    });
    const d = logged('a', 'dispute', '2024-01-02T10:00:00+02:00', { of: v.leafHash, reason: 'No strikes.' });
    const html = reportHtml(
      evaluate(agreement, [...actors(), v, d], '2024-01-02T12:00:00+02:00'),
      agreement,
      '2024-01-02',
    );
    expect(html).toContain(
      'B alleges against A (cease): Strikes. [disputed] · 26 killed per Ministry of Health · 2 killed, 3 injured per Army statement',
    );
    expect(html).not.toContain('28 killed');
  });

  it('lists a term under the day its deadline moved to (an extension agreed), as well as under its planned day', () => {
    // The withdrawal is due on day 2 at 18:00; its deadline moved 2 days, agreed on day 2.
    const x = logged('med', 'extension.agreed', '2024-01-02T20:00:00+02:00', {
      phase: 'p1',
      provision: 'wd',
      days: 2,
    });
    const section = (html: string) =>
      html.slice(html.indexOf('The day&#39;s obligations'), html.indexOf('Late or outstanding'));
    const on = (day: string) =>
      section(reportHtml(evaluate(agreement, [...actors(), x], `${day}T23:59:00+02:00`), agreement, day));
    expect(on('2024-01-04')).toContain('Withdraw from Z1, Z2');
    expect(on('2024-01-02')).toContain('Withdraw from Z1, Z2');
    expect(on('2024-01-03')).not.toContain('Withdraw from Z1, Z2');
  });

  it('keeps listing what is outstanding past its deadline on every later day, saying how long past, after its phase ended too', () => {
    // The withdrawal is due on day 2 at 18:00; the phase (3 days) ends with day 3.
    const late = (day: string) => {
      const html = reportHtml(evaluate(agreement, actors(), `${day}T23:59:00+02:00`), agreement, day);
      return html.slice(html.indexOf('Late or outstanding'), html.indexOf('Disputes, with their sources'));
    };
    expect(late('2024-01-02')).toContain('Withdraw from Z1, Z2');
    expect(late('2024-01-03')).toContain('nothing recorded; about 30 h past the deadline');
    expect(late('2024-01-05')).toContain('nothing recorded; 3 d 6 h past the deadline');
    // Recorded done: no longer outstanding.
    const done = logged('b', 'withdrawal.completed', '2024-01-03T08:00:00+02:00', {
      provision: 'wd',
      zones: ['z1', 'z2'],
    });
    const after = reportHtml(
      evaluate(agreement, [...actors(), done], '2024-01-05T23:59:00+02:00'),
      agreement,
      '2024-01-05',
    );
    expect(
      after.slice(after.indexOf('Late or outstanding'), after.indexOf('Disputes, with their sources')),
    ).not.toContain('Withdraw from Z1, Z2');
  });

  it('does not list a past day’s quota with nothing recorded as outstanding on later days: a day past is not owed later', () => {
    // 10 trucks a day (aid), nothing recorded: a day's quota is not outstanding on the days after it.
    const late = (day: string) => {
      const html = reportHtml(evaluate(agreement, actors(), `${day}T23:59:00+02:00`), agreement, day);
      return html.slice(html.indexOf('Late or outstanding'), html.indexOf('Disputes, with their sources'));
    };
    const trucks = (html: string) => html.split('Let in 10 trucks').length - 1;
    // On day 3, days 1 and 2's quotas are past (nothing recorded); the withdrawal, due on day 2, is
    // still outstanding; the day's quotas are not.
    expect(late('2024-01-03')).toContain('Withdraw from Z1, Z2');
    expect(trucks(late('2024-01-03'))).toBe(0);
  });

  it('lists every breach on record with what is late, on every later day: who found it or acknowledged it, against whom', () => {
    const v = logged('b', 'violation.alleged', '2024-01-01T09:00:00+02:00', {
      against: 'a',
      provision: 'cease',
      description: 'Strikes.',
    });
    const r = logged('med', 'allegation.resolved', '2024-01-01T12:00:00+02:00', {
      of: v.leafHash,
      finding: 'breach',
      reason: 'Confirmed.',
    });
    const w = logged('a', 'violation.alleged', '2024-01-01T10:00:00+02:00', {
      against: 'b',
      provision: 'cease',
      description: 'Shelling.',
    });
    const k = logged('b', 'acknowledgement', '2024-01-01T11:00:00+02:00', { of: w.leafHash });
    const on = (lang: 'en' | 'ar' | 'he') => {
      const html = reportHtml(
        evaluate(agreement, [...actors(), v, r, w, k], '2024-01-03T23:59:00+02:00'),
        agreement,
        '2024-01-03',
        undefined,
        labelsOf(agreement, [], lang),
        [],
        lang,
      );
      const h2 = [...html.matchAll(/<h2>/g)].map((m) => m.index!);
      return html.slice(h2[4], h2[5]);
    };
    const en = on('en');
    expect(en).toContain('Late or outstanding');
    expect(en).toContain(
      'B alleges against A (cease): Strikes. — resolved by Mediator: a breach; Confirmed.',
    );
    expect(en).toContain(
      'A alleges against B (cease): Shelling. — acknowledged by B, the side alleged against',
    );
    expect(on('ar')).toContain('محسوم من جانب');
    expect(on('ar')).toContain('خرق');
    expect(on('he')).toContain('הוכרעה על ידי');
    expect(on('he')).not.toMatch(/: breach\b/);
  });

  it('draws no line for a direction with nothing on record, says "nothing recorded" for it, and scales its chart to the page', () => {
    const h = logged('a', 'handover.completed', '2024-01-01T11:00:00+02:00', {
      provision: 'ex',
      batch: 1,
      count: 2,
      to: 'b',
    });
    const html = reportHtml(
      evaluate(agreement, [...actors(), h], '2024-01-01T12:00:00+02:00'),
      agreement,
      '2024-01-01',
    );
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
    expect(svg).toContain('A → B: 2');
    // B has released nothing on record: no line, no "B → A: 0".
    expect(svg.match(/<polyline/g)).toHaveLength(1);
    expect(svg).not.toContain('B → A');
    expect(html).toMatch(/B → A: nothing recorded/);
    expect(svg).toMatch(/^<svg width="520" height="200" viewBox="0 0 520 200"/);
  });

  it('names the exchange of each ratio under the cumulative figures, one per exchange, when the agreement has two', () => {
    const two = agreementOf(twoExchangesYaml('{ en: First exchange }', '{ en: Second exchange }'));
    const html = reportHtml(evaluate(two, actors(), '2024-01-01T09:00:00+02:00'), two, '2024-01-01');
    const ratios = html.match(/<li>[^\n]*?0 released by/g) ?? [];
    expect(ratios).toHaveLength(2);
    expect(ratios[0]).toMatch(/First exchange.*: 0 released by/);
    expect(ratios[1]).toMatch(/Second exchange.*: 0 released by/);
  });

  it('lists every disputed allegation under the disputes, with both sides’ sources, and says "None." there only when nothing is disputed', () => {
    const v = logged(
      'b',
      'violation.alleged',
      '2024-01-01T09:00:00+02:00',
      { against: 'a', provision: 'cease', description: 'Strikes.' },
      'Press reports',
    );
    const d = logged(
      'a',
      'dispute',
      '2024-01-02T10:00:00+02:00',
      { of: v.leafHash, reason: 'No strikes.' },
      'Army statement',
    );
    const open = logged('a', 'violation.alleged', '2024-01-02T11:00:00+02:00', {
      against: 'b',
      description: 'Fire.',
    });
    const disputesOf = (html: string) =>
      html.slice(html.indexOf('<h2>Disputes, with their sources</h2>'), html.indexOf('<h2>Figures'));
    const at = (moment: string) =>
      disputesOf(reportHtml(evaluate(agreement, [...actors(), v, d, open], moment), agreement, '2024-01-02'));
    // Disputed on the day of the report (and alleged the day before): told, both sides with their sources.
    const section = at('2024-01-02T12:00:00+02:00');
    expect(section).not.toContain('None.');
    expect(section).toContain(
      '1 Jan 09:00</span> B alleges against A (cease) (source: Press reports): Strikes. — A disputes it: No strikes. (source: Army statement)',
    );
    // An allegation nobody answered is not a dispute.
    expect(section).not.toContain('Fire.');
    // Before the dispute was recorded, nothing is disputed.
    expect(at('2024-01-02T09:00:00+02:00')).toContain('<p>None.</p>');
  });

  it('shows a quota over the phase counted by several sources under the figures from several sources and the cumulative figures, as the status line does', () => {
    const withTotal = agreementOf(
      FIXTURE_YAML.replace(
        'perDay: [{ id: trucks, quantity: 10, unit: truck, category: aid }]',
        `perDay: [{ id: trucks, quantity: 10, unit: truck, category: aid }]
    extra: [{ id: total, label: Trucks in all, quantity: 25, unit: truck, category: aid }]`,
      ),
    );
    // One source for each day: no day's figures come from several sources, the phase's do.
    const day1 = logged(
      'med',
      'aid.delivered',
      '2024-01-01T18:00:00+02:00',
      { provision: 'aid', date: '2024-01-01', quantity: 8, unit: 'truck', category: 'aid' },
      'Crossing authority',
    );
    const day2 = logged(
      'med',
      'aid.delivered',
      '2024-01-02T18:00:00+02:00',
      { provision: 'aid', date: '2024-01-02', quantity: 12, unit: 'truck', category: 'aid' },
      'UN agency',
    );
    const html = reportHtml(
      evaluate(withTotal, [...actors(), day1, day2], '2024-01-04T12:00:00+02:00'),
      withTotal,
      '2024-01-03',
    );
    const part = (from: string, to: string) =>
      html.slice(html.indexOf(`<h2>${from}`), html.indexOf(`<h2>${to}`));
    expect(part('Figures from several sources', 'Allegations')).toContain(
      'aid, Trucks in all over the phase: 8 per Crossing authority; 12 per UN agency (they differ)',
    );
    // The figures of one day from one source are not listed as figures from several sources.
    expect(part('Figures from several sources', 'Allegations')).not.toContain('on 1 Jan');
    expect(part('Cumulative figures', 'Provisions')).toContain(
      'aid: 25 trucks (Trucks in all) over the phase; 8 per Crossing authority, 12 per UN agency; partly met',
    );
  });

  it('says from how many events of the log it is, in the form the number asks for (en, ar, he)', () => {
    const ev = evaluate(agreement, actors(), '2024-01-01T12:00:00+02:00');
    const html = (events: number, lang: 'en' | 'ar' | 'he') =>
      reportHtml(
        { ...ev, events },
        agreement,
        '2024-01-01',
        undefined,
        labelsOf(agreement, [], lang),
        [],
        lang,
      );
    expect(html(1, 'en')).toContain('from 1 event of the log,');
    expect(html(2, 'en')).toContain('from 2 events of the log,');
    expect(html(1, 'ar')).toContain('من حدث واحد في السجل،');
    expect(html(12, 'ar')).toContain('من 12 حدثًا في السجل،');
    expect(html(1, 'he')).toContain('מתוך אירוע אחד ביומן,');
    expect(html(12, 'he')).toContain('מתוך 12 אירועים ביומן,');
  });
});
