import { describe, expect, it } from 'vitest';
import { explainPlain } from '../words/explain.ts';
import { type Arg, type Explanation, list, moment, phrase, qty, quote, sentence } from '../words/phrase.ts';
import { LATEST_ALLEGATIONS } from './allegation-summary.ts';
import { shownExplanation } from './shown-explanations.ts';

const actor: Arg = { type: 'actor', id: 'monitor', name: 'Monitor' };
const unanswered = (k: number) =>
  phrase('allegation.unanswered', { actor, description: quote(`Report ${k}.`) });
const reports = (n: number) => Array.from({ length: n }, (_, k) => unanswered(k + 1));

describe('shownExplanation: lists that name allegations one by one, cut to the latest few', () => {
  it('keeps an explanation with no more than the latest few as it is (the same value)', () => {
    const e: Explanation = [sentence(reports(LATEST_ALLEGATIONS))];
    expect(shownExplanation(e)).toBe(e);
  });

  it('cuts a standing term’s unanswered allegations to the latest 5, saying of how many, in en, ar and he', () => {
    const e: Explanation = [sentence(reports(12))];
    const before = JSON.stringify(e);
    const shown = shownExplanation(e);
    expect(JSON.stringify(e)).toBe(before);
    expect(explainPlain(shown, 'en')).toBe(
      `Latest 5 of 12: ${[8, 9, 10, 11, 12].map((k) => `Monitor alleges: Report ${k}. (not answered)`).join('; ')}.`,
    );
    expect(explainPlain(shown, 'ar')).toMatch(/^آخر 5 من 12: ادعاء من جانب Monitor: Report 8\./);
    expect(explainPlain(shown, 'he')).toMatch(/^5 האחרונות מתוך 12: טענת Monitor: Report 8\./);
    expect(explainPlain(shown, 'en')).not.toContain('Report 7.');
  });

  it('keeps the count beside a cut list of unanswered allegations, and cuts only the run of them in a sentence', () => {
    const head = phrase('record.nothing');
    const notAnswered: Explanation = [
      phrase('provision.not-answered', { count: qty(7, 'allegation'), items: list(reports(7)) }),
    ];
    expect(explainPlain(shownExplanation(notAnswered), 'en')).toMatch(
      /^Not answered: 7 allegations: Latest 5 of 7: Monitor alleges: Report 3\. .*Report 7\. \(not answered\)\.$/,
    );
    const obligation: Explanation = [sentence([head, ...reports(6), head])];
    const shown = shownExplanation(obligation);
    const clauses = (shown[0]!.params as { clauses: { items: Arg[] } }).clauses.items;
    expect(clauses).toHaveLength(3);
    expect(clauses[0]).toEqual(head);
    expect(clauses[2]).toEqual(head);
    expect(clauses[1]).toMatchObject({ code: 'list.latest-of', params: { total: { value: 6 } } });
  });

  it('cuts the disputes of the allegations against a term and the moments its breaches were found', () => {
    const dispute = (k: number) =>
      phrase('dispute', {
        recorded: phrase('dispute.recorded-it', { actor }),
        against: phrase('dispute.against', { actor, reason: quote(`No ${k}.`) }),
      });
    const disputes = phrase('disputes', {
      items: list(
        Array.from({ length: 9 }, (_, k) => dispute(k + 1)),
        'space',
      ),
    });
    const alleged: Explanation = [phrase('provision.allegations', { count: qty(9, 'allegation'), disputes })];
    const text = explainPlain(shownExplanation(alleged), 'en');
    expect(text).toMatch(/^9 allegations: Latest 5 of 9: /);
    expect(text).toContain('No 5.');
    expect(text).not.toContain('No 4.');
    const at = Array.from({ length: 8 }, (_, k) => moment(Date.UTC(2023, 10, 25, k), 'UTC'));
    const found = phrase('breach.found', {
      actor,
      against: { type: 'party', id: 'Party A' },
      count: qty(8, 'allegation'),
      at: list(at, 'comma'),
    });
    const breaches: Explanation = [phrase('provision.breaches', { items: list([found]) })];
    expect(explainPlain(shownExplanation(breaches), 'en')).toMatch(
      /^Breaches on record: Monitor found a breach by Party A in 8 allegations \(Latest 5 of 8: /,
    );
  });
});
