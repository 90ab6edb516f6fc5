import type { Labels } from '../compliance/labels.ts';
import { statedBeside } from '../compliance/stated-total.ts';
import {
  aheadOfPlan,
  type HeadlineFigures,
  moreThanPlan,
  unplannedTotal,
} from '../figures/headline-figures.ts';
import type { Lang } from '../words/lang.ts';
import { STATUS_WORDS } from '../words/nouns.ts';
import type { Explanation } from '../words/phrase.ts';
import { formatDay, formatDeadline, formatNumber, formatQuantity } from '../words/render.ts';
import { type FrameKey, frame, frameWith } from './report-words.ts';

/** How an edge writes what it fills in: HTML escapes and isolates, plain text leaves as is. */
export interface Writer {
  /** Words of the product in the reader's language (escaped in HTML). */
  text(s: string): string;
  /** A name or words recorded as given (isolated, marked with their script in HTML). */
  name(s: string): string;
  /** A headline figure (tagged with data-figure and data-value in HTML); value null when unrecorded. */
  figure(id: string, value: number | null, words: string): string;
  /** An explanation (the stated totals beside a release). */
  say(x: Explanation): string;
}

/** A headline line and the lines beneath it (each source of an aid quota). */
export interface HeadlineItem {
  line: string;
  sub: string[];
}

/**
 * The headline figures in `lang`: released each way, by the party's and the provision's names
 * (remains returned, by the party's and the categories' names);
 * each aid quota source by source, never added across sources; "unrecorded" where nothing is on
 * record, never 0.
 */
export function headlineItems(
  h: HeadlineFigures,
  labels: Labels,
  lang: Lang,
  w: Writer,
  /** `year`: the year the figures are read in; days of another are written with theirs. */
  options: { reached?: boolean; year?: string } = {},
): HeadlineItem[] {
  const n = (x: number) => formatNumber(x, lang);
  const f = (key: FrameKey, values: Record<string, string> = {}) => frame(lang, key, values);
  const t = (key: FrameKey, values: Record<string, string> = {}) => frameWith(lang, key, values, w.text);
  const unrecorded = STATUS_WORDS[lang].unrecorded;
  // The ⚠ of a figure that adds up one recorded as approximate ("⚠ 250"), beside the figure itself.
  const mark = (uncertain: boolean | undefined) => (uncertain ? w.text('⚠ ') : '');
  const items: HeadlineItem[] = h.releases.map((r) => {
    const beside = statedBeside(r.statedTotal, r.byRatio);
    const party = w.name(labels.party(r.party));
    // Nothing of the plan due yet: nothing on record is not yet a finding ("nothing recorded yet").
    const counted =
      mark(r.counted !== null && r.countedUncertain) +
      w.figure(
        `release:${r.provision}:${r.party}`,
        r.counted,
        r.counted === null ? (r.dueBy ? f('nothingYet') : unrecorded) : n(r.counted),
      );
    // The plan's figure carries the ⚠ of the uncertain term it rests on (as the obligation does).
    // A range where what is owed depends on categories not recorded ("990 to 1,650"), never its least alone.
    const planned =
      r.dueSoFarMax === undefined
        ? n(r.dueSoFar)
        : f('range', { low: n(r.dueSoFar), high: n(r.dueSoFarMax) });
    const due = w.text(r.uncertain ? `⚠ ${planned}` : planned);
    // More than the plan to date, because obligations not yet due are under way (a window of 26
    // "over the next five weeks"): "16, ahead of the 7 in the plan to date (33 in all)", not "16 of 7".
    const ahead = aheadOfPlan(r);
    const more = moreThanPlan(r);
    // An exchange the plan places nothing of: the number the agreement states, on no date ("of the
    // 1,000 the agreement states; it sets no date"), or no number at all (left to later talks),
    // never "of 0".
    const unplanned = unplannedTotal(r);
    const warned = r.uncertain || (r.statedTotal ?? []).some((v) => v.uncertain);
    const all =
      unplanned?.kind === 'number'
        ? `${warned ? '⚠ ' : ''}${n(unplanned.value)}`
        : r.plannedTotalMax === undefined
          ? n(r.plannedTotal)
          : f('range', { low: n(r.plannedTotal), high: n(r.plannedTotalMax) });
    // Nothing of the plan due yet: read against the whole and its last deadline ("70 of the 181 due
    // by 17 Apr 12:00"), never "ahead of the 0 in the plan to date", which reads as ahead of schedule.
    // A last deadline at midnight is the end of the day before ("due by the end of 16 Apr").
    const by = r.dueBy ? formatDeadline(Date.parse(r.dueBy.at), r.dueBy.timeZone, lang) : undefined;
    const how =
      unplanned === null && r.dueBy
        ? r.counted === null
          ? 'NotYetDueNone'
          : r.counted > (r.plannedTotalMax ?? r.plannedTotal)
            ? 'NotYetDueMore'
            : 'NotYetDue'
        : unplanned?.kind === 'number'
          ? r.counted !== null && r.counted > unplanned.value
            ? 'UndatedMore'
            : 'Undated'
          : unplanned?.kind === 'stated'
            ? 'NoDate'
            : unplanned?.kind === 'none'
              ? 'NoNumber'
              : ahead
                ? 'Ahead'
                : more
                  ? 'More'
                  : '';
    // Remains are returned, by their categories' names ("Returned by Hamas (Remains of deceased
    // hostages)"), never "released" under the exchange's title: not a second count of people set free.
    let line = r.remains
      ? t(`returned${how}`, {
          party,
          categories: r.remains
            .map((c) => w.name(labels.category(c, r.provision)))
            .join(w.text(lang === 'ar' ? '، ' : ', ')),
          counted,
          due,
          all: w.text(r.uncertain && by ? `⚠ ${all}` : all),
          ...(by ? { by: w.text(by) } : {}),
        })
      : t(`released${how}`, {
          party,
          provision: w.name(labels.provision(r.provision)),
          counted,
          due,
          all: w.text(r.uncertain && by ? `⚠ ${all}` : all),
          ...(by ? { by: w.text(by) } : {}),
        });
    if (r.outside) line += ` ${t('outside', { n: mark(r.outsideUncertain) + w.text(n(r.outside)) })}`;
    // Records whose number was not disclosed: said beside the count, never counted in it.
    if (r.undisclosed) line += ` ${t('undisclosed', { n: w.text(n(r.undisclosed)) })}`;
    // Said in the line when it is the one number the agreement states.
    if (beside.length && unplanned?.kind !== 'number')
      line += `${w.text(lang === 'ar' ? '؛ ' : '; ')}${w.say(beside)}`;
    // A count some record disputes says so beside it, with who gives what (as its obligation does).
    if (r.disputes.length) line += `${w.text(lang === 'ar' ? '؛ ' : '; ')}${w.say(r.disputes)}`;
    return { line, sub: [] };
  });
  // Remains recovered without a handover: one line a record, in its own words, with its source;
  // never counted as returned, so never in a line above.
  for (const r of h.recovered ?? []) {
    let line = t('recovered', {
      by: w.name(labels.actor(r.by)),
      provision: w.name(labels.provision(r.provision)),
      counted: mark(r.uncertain) + w.figure(`recovered:${r.provision}:${r.by}:${r.at}`, r.count, n(r.count)),
      day: w.text(formatDay(r.at.slice(0, 10), lang, 'latn', options.year)),
    });
    if (r.source) line += ` ${t('sourced', { source: w.name(r.source) })}`;
    items.push({ line, sub: [] });
  }
  for (const q of h.quotas) {
    const qty = (x: number) => formatQuantity(x, q.unit, lang);
    // A range's noun takes the range's form: "8 to 12 trucks", never "من 1 إلى شاحنتان".
    const range = (low: number, high: number | undefined) =>
      high === undefined
        ? qty(low)
        : f('range', { low: n(low), high: formatQuantity(high, q.unit, lang, 'latn', { from: low }) });
    const sep = w.text(lang === 'ar' ? '؛ ' : '; ');
    let line = t('quota', {
      quota: `${w.name(labels.quota(q.provision, q.quota))}${q.uncertain ? ' ⚠' : ''}`,
      due: w.text(range(q.dueSoFar, q.dueSoFarMax)),
    });
    if (q.daysUnrecorded)
      line +=
        sep +
        t(q.periods.length ? 'noOwnFigure' : 'nothingForDays', {
          n: w.text(n(q.daysUnrecorded)),
          due: w.text(n(q.daysDue)),
        });
    // The days of 'disagree' and 'perSource' follow a preposition in every language ("on", "في",
    // "ב־"; "over", "خلال"): their count is oblique (Arabic "خلال يومين", not "خلال يومان").
    const days = (x: number) => formatQuantity(x, 'day', lang, 'latn', { oblique: true });
    if (q.daysDisputed) line += sep + t('disagree', { days: w.text(days(q.daysDisputed)) });
    const sub = [
      ...q.sources.map(
        (s) =>
          t('perSource', {
            source: w.name(s.source),
            quantity:
              mark(s.uncertain) + w.figure(`quota:${q.quota}:${s.source}`, s.quantity, qty(s.quantity)),
            days: w.text(days(s.days.length)),
            dates: w.text(
              s.days.map((d) => formatDay(d, lang, 'latn', options.year)).join(lang === 'ar' ? '، ' : ', '),
            ),
            quota: w.text(qty(s.quota)),
          }) +
          (options.reached
            ? sep + t('reached', { reached: w.text(n(s.daysReached)), days: w.text(n(s.days.length)) })
            : ''),
      ),
      ...q.periods.map((p) =>
        t('perPeriod', {
          source: w.name(p.source),
          quantity:
            mark(p.uncertain) +
            w.figure(`quota:${q.quota}:${p.source}:${p.from}:${p.to}`, p.quantity, qty(p.quantity)),
          from: w.text(formatDay(p.from, lang, 'latn', options.year)),
          to: w.text(formatDay(p.to, lang, 'latn', options.year)),
          quota: w.text(range(p.quota, p.quotaMax)),
        }),
      ),
    ];
    if (!sub.length) line += ` ${t('noSource', { figure: w.figure(`quota:${q.quota}`, null, unrecorded) })}`;
    items.push({ line, sub });
  }
  return items;
}
