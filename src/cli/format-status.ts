import type { Agreement } from '../core/agreement/types.ts';
import { type Labels, labelsOf } from '../core/compliance/labels.ts';
import { recoveredPhrase } from '../core/compliance/recovered-words.ts';
import { shownExplanation } from '../core/compliance/shown-explanations.ts';
import type { Evaluation } from '../core/compliance/types.ts';
import { type HeadlineFigures, headlineFigures } from '../core/figures/headline-figures.ts';
import { allegationStateWords } from '../core/report/allegation-state-words.ts';
import { casualtyPhrases } from '../core/report/casualty-words.ts';
import { headlineItems, type Writer } from '../core/report/headline-words.ts';
import { frame } from '../core/report/report-words.ts';
import { dayEndingAt, wallClock } from '../core/time/zoned-time.ts';
import { namesOf } from '../core/words/agreement-names.ts';
import { explain } from '../core/words/explain.ts';
import type { Lang } from '../core/words/lang.ts';
import { STATUS_WORDS } from '../core/words/nouns.ts';
import { type Explanation, phrase } from '../core/words/phrase.ts';
import { readingYear } from '../core/words/reading-year.ts';
import {
  formatDate,
  formatDay,
  formatMoment,
  formatNumber,
  formatQuantity,
  localized,
  marked,
  renderExplanation,
} from '../core/words/render.ts';
import { placedOnRecordWords } from './placed-on-record-words.ts';
import { type StatusWord, statusWord } from './status-words.ts';

/**
 * The machine-readable status: the headline figures (the same model as the dashboard, the report
 * and the API), then per provision, per exchange direction, and everything behind them.
 */
export function formatStatusJson(e: Evaluation, agreement: Agreement, lang: Lang = 'en'): string {
  // Every explanation as codes and parameters, and beside it in words of `lang` (dates of another
  // year than the one it is read in with their year).
  const year = readingYear(e.asOf, agreement.timeZone);
  const say = (x: Explanation) => explain(x, agreement, lang, year);
  const text = <T extends { explanation: Explanation }>(x: T) => ({
    ...x,
    explanationText: say(x.explanation),
  });
  const out = {
    agreement: e.agreement,
    lang,
    asOf: e.asOf,
    events: e.events,
    headline: headlineFigures(agreement, e),
    provisions: e.provisions.map((p) => ({
      provision: p.provision,
      status: p.status,
      ...(p.basis ? { basis: p.basis } : {}),
      ...(p.undisclosed ? { undisclosed: true } : {}),
      ...(p.uncertain ? { uncertain: true } : {}),
      ...(p.postponed ? { postponed: p.postponed } : {}),
      ...(p.suspended ? { suspended: p.suspended } : {}),
      ...(p.capped ? { capped: p.capped } : {}),
      ...(p.recovered ? { recovered: p.recovered } : {}),
      ...(p.enforced ? { enforced: p.enforced } : {}),
      ...(p.events ? { events: p.events } : {}),
      ...(p.waitsOn ? { waitsOn: p.waitsOn } : {}),
      ...(p.dates ? { dates: p.dates } : {}),
      explanation: p.explanation,
      explanationText: say(p.explanation),
      evidence: p.evidence,
    })),
    exchanges: e.exchanges.directions.map((d) => ({
      provision: d.provision,
      from: d.from,
      to: d.to,
      counted: d.counted,
      outsideFormula: d.outside,
      countedFromOutside: d.countedFromOutside,
      // Records whose number was not disclosed: beside `counted`, never in it.
      ...(d.undisclosed ? { undisclosed: d.undisclosed } : {}),
      // A figure recorded as approximate is added up in `counted` (or `outsideFormula`): ⚠.
      ...(d.uncertain ? { uncertain: true } : {}),
      ...(d.outsideUncertain ? { outsideUncertain: true } : {}),
      byCategory: d.byCategory,
      byBatch: d.byBatch,
      ...(d.statedTotal ? { statedTotal: d.statedTotal } : {}),
      ...(d.byRatio !== undefined ? { byRatio: d.byRatio } : {}),
    })),
    ratios: e.exchanges.ratios.map(text),
    phases: e.phases.map(text),
    extensions: e.extensions.map(text),
    obligations: e.obligations.map((o) => ({
      obligation: o.obligation.id,
      provision: o.obligation.provision,
      day: o.obligation.day,
      date: o.obligation.date,
      party: o.obligation.party,
      status: o.status,
      due: o.due,
      // done is absent when nothing was recorded: unrecorded, not 0.
      ...(o.required !== undefined ? { required: o.required } : {}),
      ...(o.done !== undefined ? { done: o.done } : {}),
      ...(o.completedAt ? { completedAt: o.completedAt } : {}),
      ...(o.lateMinutes !== undefined ? { lateMinutes: o.lateMinutes } : {}),
      ...(o.overdueMinutes !== undefined ? { overdueMinutes: o.overdueMinutes } : {}),
      ...(o.overdueUntil ? { overdueUntil: o.overdueUntil } : {}),
      ...(o.noRecord ? { noRecord: true } : {}),
      ...(o.undisclosed ? { undisclosed: true } : {}),
      ...(o.figures ? { figures: o.figures } : {}),
      ...(o.disputes ? { disputes: o.disputes } : {}),
      ...(o.basis ? { basis: o.basis } : {}),
      ...(o.uncertain ? { uncertain: true } : {}),
      ...(o.approximate ? { approximate: o.approximate } : {}),
      ...(o.postponed ? { postponed: o.postponed } : {}),
      ...(o.suspended ? { suspended: o.suspended } : {}),
      ...(o.capped ? { capped: o.capped } : {}),
      ...(o.remains ? { remains: o.remains } : {}),
      ...(o.noAgreedDate ? { noAgreedDate: true } : {}),
      ...(o.statedTotal ? { statedTotal: o.statedTotal } : {}),
      ...(o.flows ? { flows: o.flows } : {}),
      ...(o.throughput ? { throughput: o.throughput } : {}),
      explanation: o.explanation,
      explanationText: say(o.explanation),
      evidence: o.evidence,
    })),
    figures: e.figures.map((f) => ({ ...f, whatText: say([f.what]) })),
    allegations: e.allegations,
    dates: e.dates ?? [],
    ...(e.placedOnRecord.length ? { placedOnRecord: e.placedOnRecord } : {}),
    notes: e.notes,
    notesText: e.notes.map((x) => say([x])),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** The phrases of a term's explanation that tell the allegations against it. */
const ALLEGATION_CODES = new Set([
  'provision.allegations',
  'provision.not-answered',
  'provision.breaches',
  'provision.alleged-disputed',
]);

/** Whether an explanation tells allegations: by one of those phrases, or a sentence of unanswered ones. */
function tellsAllegations(explanation: Explanation): boolean {
  return explanation.some(
    (x) =>
      ALLEGATION_CODES.has(x.code) ||
      (x.code === 'sentence' &&
        (x.params as { clauses: { items: { code?: string }[] } }).clauses.items.some(
          (c) => c.code === 'allegation.unanswered',
        )),
  );
}

/** Pads to `n` columns; the marks around a name (marked) take none. */
const pad = (s: string, n: number) => {
  const shown = s.replace(/[\uE000\uE001]/g, '').length;
  return shown >= n ? `${s} ` : s + ' '.repeat(n - shown);
};

/** How the text writes a name or recorded words: as they are, or marked for the terminal to isolate. */
type Name = (s: string) => string;
const asIs: Name = (s) => s;

/** A day with its year: "15 Dec 2024", and as each language writes it. */
function fullDay(date: string, lang: Lang): string {
  return lang === 'en' ? `${formatDay(date, lang)} ${date.slice(0, 4)}` : formatDate(date, lang);
}

function localTime(iso: string, timeZone: string, lang: Lang, year?: string): string {
  if (lang !== 'en') return formatMoment(Date.parse(iso), timeZone, lang, 'latn', year);
  const w = wallClock(Date.parse(iso), timeZone);
  return `${w.date} ${w.time.slice(0, 5)}`;
}

/** Plain text: the status's words as they are (no escaping, no isolation). */
const plain = (say: (x: Explanation) => string, name: Name = asIs): Writer => ({
  text: (s) => s,
  name,
  figure: (_id, _value, words) => words,
  say,
});

function dayLines(
  e: Evaluation,
  say: (x: Explanation) => string,
  agreement: Agreement,
  lang: Lang,
  m: Name,
): string[] {
  const byDay = new Map<number, { date: string | null; rows: string[] }>();
  const names = namesOf(agreement, lang);
  const row = (day: number, date: string | null, line: string) => {
    const d = byDay.get(day) ?? { date, rows: [] };
    d.rows.push(line);
    byDay.set(day, d);
  };
  for (const o of e.obligations) {
    // Its provision by name heads the line, in every language (an id is not for readers, and the
    // obligation in words opens its explanation already: said twice, the line read as a stutter).
    // With the party it binds: a term owed by each side (talks to start) reads once for each, named.
    const party = o.obligation.party ? m(names.party(o.obligation.party)) : '';
    const what = `${m(names.provision(o.obligation.provision))}${party ? ` (${party})` : ''}`;
    row(
      o.obligation.day,
      o.obligation.date,
      `    ${pad(`${STATUS_WORDS[lang][o.status]}${o.uncertain ? ' ⚠' : ''}`, 12)}${what}: ${say(o.explanation)}`,
    );
  }
  // A date a term states that obliges no party: on the timeline, never judged.
  for (const d of e.dates ?? [])
    row(
      d.day,
      d.date,
      `    ${pad(`${statusWord(lang, 'date')}${d.uncertain ? ' ⚠' : ''}`, 12)}${m(names.provision(d.provision))}: ${say(
        [
          phrase('dated-fact.line', {
            what: { type: 'fact', provision: d.provision, description: d.description },
          }),
        ],
      )}`,
    );
  const lines: string[] = [];
  for (const [day, { date, rows }] of [...byDay].sort((a, b) => a[0] - b[0])) {
    lines.push(
      `  ${statusWord(lang, 'day', { n: formatNumber(day, lang) })}${date ? ` · ${lang === 'en' ? date : formatDate(date, lang)}` : ''}`,
    );
    lines.push(...rows);
  }
  return lines;
}

/**
 * The headline figures in `lang`: released each way by the parties' and exchanges' names
 * ("unrecorded" where nothing is on record, never 0), and each aid quota source by source, each
 * source's sum over its own days, never added to another's. None (not even the heading) when the
 * agreement has no exchange and no quota, as the status omits its other empty sections.
 */
export function headlineLines(
  h: HeadlineFigures,
  agreement: Agreement,
  lang: Lang = 'en',
  labels: Labels = labelsOf(agreement, [], lang),
  m: Name = asIs,
  say?: (x: Explanation) => string,
): string[] {
  const lines = [statusWord(lang, 'headline')];
  const year = readingYear(h.asOf, agreement.timeZone);
  const items = headlineItems(h, labels, lang, plain(say ?? ((x) => explain(x, agreement, lang, year)), m), {
    reached: true,
    year,
  });
  if (items.length === 0) return [];
  for (const i of items) lines.push(`  ${i.line}`, ...i.sub.map((x) => `    ${x}`));
  return lines;
}

/**
 * The status for a person, in `lang`: phases, provisions, exchanges, then day by day, disputes and
 * figures; parties, exchanges and provisions by their names in the agreement. `labels` names
 * parties, actors and provisions (give the log's actor registrations to name its actors, in `lang`).
 */
export function formatStatusText(
  e: Evaluation,
  agreement: Agreement,
  labels: Labels = labelsOf(agreement, [], 'en'),
  lang: Lang = 'en',
  eventNumber?: (hash: string) => number | undefined,
  /**
   * Mark names and recorded words (MARK_OPEN … MARK_CLOSE) for the terminal to isolate in an Arabic
   * or Hebrew line (main.ts: markedIsolates): what `truce status` writes in those languages.
   */
  isolate = false,
): string {
  // Events named by their number in the log where it is known ("event no. 40 (crossing opened)").
  const names = namesOf(agreement, lang);
  const mark = isolate && lang !== 'en';
  const m: Name = mark ? marked : asIs;
  // Moments and days of another year than the one the status is read in say their year.
  const year = readingYear(e.asOf, agreement.timeZone);
  const say = (x: Explanation) =>
    renderExplanation(x, { lang, names, mark, year, ...(eventNumber ? { eventNumber } : {}) });
  const w = (key: StatusWord, values: Record<string, string> = {}) => statusWord(lang, key, values);
  const n = (x: number) => formatNumber(x, lang);
  const tz = agreement.timeZone;
  const lines: string[] = [];
  const head = {
    title: m(localized(agreement.title, lang)),
    zone: m(tz),
    // "1 event", "32 events": the noun in the form the number asks for, in each language.
    events: formatQuantity(e.events, 'event', lang),
    version: typeof agreement.version === 'number' ? n(agreement.version) : agreement.version,
  };
  // Midnight is the end of the day before (a bare --at date): said so, not as the next day's 00:00.
  const endedDay = dayEndingAt(Date.parse(e.asOf), tz);
  lines.push(
    endedDay !== null
      ? w('headEndOfDay', { ...head, day: fullDay(endedDay, lang) })
      : w('head', { ...head, at: localTime(e.asOf, tz, lang, year) }),
  );
  lines.push('', w('phases'));
  const phaseTitles = e.phases.map((p) => {
    const phase = agreement.phases.find((x) => x.id === p.phase);
    return (phase?.title && localized(phase.title, lang)) || p.phase;
  });
  // Titles in a column as wide as the longest and two spaces more, so that a long title ("After
  // the talks of 16 May") stays apart from its sentence, and each phase's sentence starts where the others do.
  const phaseColumn = Math.max(14, ...phaseTitles.map((t) => t.length + 2));
  e.phases.forEach((p, i) => {
    lines.push(`  ${pad(m(phaseTitles[i]!), phaseColumn)}${say(p.explanation)}`);
  });
  if (e.extensions.length) {
    lines.push('', w('extensions'));
    for (const x of e.extensions)
      lines.push(`  ${pad(STATUS_WORDS[lang][x.status], 12)}${say(x.explanation)}`);
  }
  const headline = headlineLines(headlineFigures(agreement, e), agreement, lang, labels, m, (x) =>
    renderExplanation(x, { lang, names, mark, year }),
  );
  if (headline.length) lines.push('', ...headline);
  lines.push('', w('provisions'));
  for (const p of e.provisions) {
    // One line a term: the first sentence of its explanation, but the whole of one that tells
    // allegations (its first sentence would tell one of many, or the disputed ones without those
    // nobody answered), each list of them cut to its latest few, saying "Latest 5 of 12". Every
    // allegation is listed under the disputes below.
    // What is recorded of the term that no obligation tells (aid halted after its last day): said
    // after the first sentence (a line that tells allegations has it already).
    const measures = p.explanation.filter((x) => x.code === 'provision.measures');
    const first = tellsAllegations(p.explanation)
      ? say(shownExplanation(p.explanation))
      : // Its first phrase (a sentence), not the words up to the first full stop ("event no. 40").
        say(p.explanation.slice(0, 1)) + (measures.length ? ` ${say(measures)}` : '');
    const name = m(names.provision(p.provision));
    lines.push(
      `  ${pad(name, 20)}${pad(`${STATUS_WORDS[lang][p.status]}${p.uncertain ? ' ⚠' : ''}`, 12)}${first}`,
    );
  }
  if (e.exchanges.directions.length) {
    lines.push('', w('exchanges'));
    for (const d of e.exchanges.directions)
      lines.push(
        // Nothing on record each way is said so, never "0 counted" (TRUTH rule 1).
        d.evidence.length === 0
          ? `  ${w('exchangeNothing', {
              provision: m(labels.provision(d.provision)),
              from: m(labels.party(d.from)),
              to: m(labels.party(d.to)),
            })}`
          : `  ${w('exchange', {
              provision: m(labels.provision(d.provision)),
              from: m(labels.party(d.from)),
              to: m(labels.party(d.to)),
              // A count that adds up a figure recorded as approximate carries its ⚠.
              counted: `${d.uncertain ? '⚠ ' : ''}${n(d.counted)}`,
              fromOutside: d.countedFromOutside ? w('fromOutside', { n: n(d.countedFromOutside) }) : '',
              outside: `${d.outsideUncertain ? '⚠ ' : ''}${n(d.outside)}`,
            })}${d.undisclosed ? w('undisclosed', { n: n(d.undisclosed) }) : ''}`,
      );
    // Remains recovered without a handover: said in their own words, never counted in a line above.
    for (const p of e.provisions)
      for (const r of p.recovered ?? [])
        lines.push(`  ${m(labels.provision(p.provision))}: ${say([recoveredPhrase(r, labels, tz)])}`);
    // Each ratio names its exchange: an agreement with two has two lines that would otherwise read alike.
    for (const r of e.exchanges.ratios) {
      const provision = m(labels.provision(r.provision));
      lines.push(
        `  ${
          // Not checked (a number not disclosed): core's words say why; no holds, short or exceeded.
          r.undisclosed
            ? w('ratioUnchecked', { provision, x: say(r.explanation) })
            : r.holds
              ? w('ratioHolds', { provision, x: say(r.explanation) })
              : r.surplus !== undefined
                ? w('ratioExceeded', { provision, n: n(r.surplus), x: say(r.explanation) })
                : // Under way (deadlines to come) or short (with the ⚠ of a derived deadline), as core words it.
                  w('ratioShort', {
                    provision,
                    verdict: say([r.verdict ?? phrase('ratio.short')]),
                    x: say(r.explanation),
                  })
        }`,
      );
    }
  }
  // No heading over nothing: an agreement whose plan places nothing on a day has no "Day by day:".
  const days = dayLines(e, say, agreement, lang, m);
  if (days.length) lines.push('', w('days'), ...days);
  const disputed = e.obligations.filter((o) => o.disputes?.length);
  const conflicting = e.figures.filter((f) => f.conflicting);
  const per = (f: Evaluation['figures'][number]) =>
    `${say([f.what])}: ${f.figures.map((x) => frame(lang, 'perFigure', { n: `${x.uncertain ? '⚠ ' : ''}${n(x.quantity)}`, source: m(x.source) })).join(' · ')}`;
  if (disputed.length || conflicting.length || e.allegations.length) {
    lines.push('', w('disputes'));
    for (const o of disputed)
      lines.push(`  ${m(names.provision(o.obligation.provision))}: ${say(o.explanation)}`);
    for (const f of conflicting) lines.push(`  ${per(f)}`);
    for (const a of e.allegations) {
      // Who gave it its state, and the finding in the reader's words; then the answer's reason.
      const state = [
        allegationStateWords(a, lang, (id) => m(labels.actor(id))),
        a.reason && m(a.reason),
      ].filter(Boolean);
      lines.push(
        `  ${w('alleged', {
          actor: m(labels.actor(a.by)),
          party: m(labels.party(a.against)),
          provision: a.provision ? ` (${m(labels.provision(a.provision))})` : '',
          at: localTime(a.at, tz, lang, year),
          description: m(a.description),
          casualties: a.casualties?.length ? ` (${casualtyPhrases(a.casualties, lang, m).join(' · ')})` : '',
          state: state.join(lang === 'ar' ? '؛ ' : '; '),
        })}`,
      );
    }
  }
  // A period's figures are never a day's: shown by source, beside the quota they are read against.
  const periods = e.figures.filter((f) => f.from !== f.to);
  if (periods.length) {
    lines.push('', w('periods'));
    for (const f of periods) lines.push(`  ${per(f)}`);
  }
  const notes = [
    ...e.placedOnRecord.map((x) => placedOnRecordWords(x, labels, lang)),
    ...e.notes.map((x) =>
      renderExplanation([x], { lang, names, mark, year, ...(eventNumber ? { eventNumber } : {}) }),
    ),
  ];
  if (notes.length) lines.push('', w('notes'), ...notes.map((x) => `  ${x}`));
  return `${lines.join('\n')}\n`;
}
