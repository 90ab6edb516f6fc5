import type { PlanInWords } from '../core/plan/plan-in-words.ts';
import type { Obligation, Total } from '../core/plan/types.ts';
import { csvRow } from '../core/report/csv.ts';
import { AS_GIVEN } from '../core/words/explain.ts';
import type { Lang } from '../core/words/lang.ts';
import { NOUNS } from '../core/words/nouns.ts';
import { phrase } from '../core/words/phrase.ts';
import {
  formatDate,
  formatNumber,
  formatQuantity,
  type Names,
  quantityForm,
  renderPhrase,
  unitWords,
} from '../core/words/render.ts';
import { placedOnRecordWords } from './placed-on-record-words.ts';
import { ACT_WIDTH, actInWords, type PlanWord, padCells, planWord, weekdayDate } from './plan-words.ts';

/** A number as the listing writes it: as it is in English (as the plan always has), grouped otherwise. */
function numberText(n: number, lang: Lang): string {
  return lang === 'en' ? String(n) : formatNumber(n, lang);
}

export function quantityText(
  o: {
    quantity?: number;
    quantityMax?: number;
    atLeast?: boolean;
    unit?: string;
  },
  lang: Lang = 'en',
): string {
  if (o.quantity === undefined) return '';
  const n =
    o.quantityMax !== undefined
      ? `${numberText(o.quantity, lang)}–${numberText(o.quantityMax, lang)}`
      : `${o.atLeast ? '≥' : ''}${numberText(o.quantity, lang)}`;
  if (o.unit === undefined) return n;
  // The unit's noun in the form the count asks for: "1 person", "181 persons", "700–706 persons",
  // "شخص واحد"; "at least" before a form that says its count in words takes the number and the plural.
  const form = quantityForm(
    o.unit,
    lang,
    o.quantityMax ?? o.quantity,
    o.quantityMax === undefined ? {} : { from: o.quantity },
  );
  if (form.includes('#') || !o.atLeast) return form.replace('#', n);
  return (NOUNS[lang][o.unit]?.other ?? `# ${o.unit}`).replace('#', n);
}

/** Lines that wrap an obligation's own line (a note of a deadline before the start, a stated total beside). */
const WRAPPERS = new Set(['plan.before-start', 'plan.beside-stated-total']);

/**
 * The act of a line as the listing names it: an exchange's two sides do the same act, and are
 * named alike, whichever sets the pace ("release", or "return" for remains); the pace-setter's
 * `hand-over` and the counterpart's `release` stay apart in --json and --csv.
 */
export function actWord(o: Pick<Obligation, 'action' | 'line'>): string {
  if (o.action !== 'hand-over' && o.action !== 'release') return o.action;
  let line = o.line;
  while (WRAPPERS.has(line.code)) line = (line.params as { line: Obligation['line'] }).line;
  return /^plan\.(hand-over-remains|return-)/.test(line.code) ? 'return' : 'release';
}

/** How the listing words what it shows, in the plan's language and the agreement's names. */
class Words {
  readonly lang: Lang;
  readonly names: Names;
  constructor(lang: Lang, names: Names) {
    this.lang = lang;
    this.names = names;
  }
  w(key: PlanWord, values: Record<string, string> = {}): string {
    return planWord(this.lang, key, values);
  }
  n(x: number): string {
    return numberText(x, this.lang);
  }
  get comma(): string {
    return this.lang === 'ar' ? '، ' : ', ';
  }
  get arrow(): string {
    return this.lang === 'en' ? ' → ' : ' ← ';
  }
  date(date: string): string {
    return formatDate(date, this.lang);
  }
  /** A moment as the plan writes it: "2023-11-24T07:00:00+02:00" in English, its date and time otherwise. */
  moment(iso: string, english: string = iso): string {
    if (this.lang === 'en') return english;
    return this.w('start', { date: this.date(iso.slice(0, 10)), time: iso.slice(11, 16) });
  }
  hours(h: number, oblique = false): string {
    return this.lang === 'en' ? `${h} h` : formatQuantity(h, 'hour', this.lang, 'latn', { oblique });
  }
  days(d: number): string {
    return formatQuantity(d, 'day', this.lang, 'latn');
  }
  /** A phase by its title where the agreement gives one, else "Phase p2" (`ref`: within a sentence). */
  phase(id: string, ref = false): string {
    const name = this.names.phase(id);
    return name !== id ? name : this.w(ref ? 'phaseRef' : 'phaseId', { id });
  }
  /**
   * Categories of a provision by their names: "Women + Children under 19"; `persons`, the plan's
   * category of a counterpart the agreement gives none, as the reader's word for them.
   */
  categories(ids: string, provision?: string): string {
    if (ids === 'persons') return unitWords('person', this.lang);
    return ids
      .split('+')
      .map((c) => this.names.category(c, provision))
      .join(' + ');
  }
  uncertain(on: boolean | undefined): string {
    return on ? ` [${this.w('uncertain')}]` : '';
  }
}

function obligationLine(o: Obligation & { text: string }, s: Words): string {
  const { names } = s;
  // A deadline at 00:00 of the next day closes this day: show it as 24:00.
  const time = !o.due
    ? ''
    : o.due.slice(11, 16) === '00:00' && o.due.slice(0, 10) !== o.date
      ? '24:00'
      : o.due.slice(11, 16);
  // Parties by the agreement's names; a joint recipient ("israel+egypt") names each.
  const who = o.to
    ? `${names.party(o.party)}${s.arrow}${o.to.split('+').map(names.party).join(' + ')}`
    : names.party(o.party);
  const after = (r: NonNullable<Obligation['relativeTo']>) =>
    r.provision !== undefined
      ? names.provision(r.provision)
      : r.phase
        ? s.w(r.edge === 'end' ? 'edge.end' : 'edge.start', { phase: s.phase(r.phase, true) })
        : s.w('afterStart');
  const flags = [
    o.uncertain ? s.w('uncertain') : '',
    o.extension ? s.w('extension') : '',
    o.delayedHours ? s.w('delayed', { hours: s.hours(o.delayedHours, true) }) : '',
    o.openEnded ? s.w('openEndedPhase') : '',
    o.opens ? s.w('opened', { at: s.moment(o.opens, o.opens.slice(0, 16).replace('T', ' ')) }) : '',
    o.relativeTo
      ? s.w('after', {
          hours: o.relativeTo.days !== undefined ? s.days(o.relativeTo.days) : s.hours(o.relativeTo.hours),
          what: after(o.relativeTo),
        })
      : '',
    o.figures
      ? s.w('sourcesDiffer', {
          values: o.figures
            .map((f) =>
              f.source ? s.w('valueSource', { value: s.n(f.value), source: f.source }) : s.n(f.value),
            )
            .join(s.comma),
        })
      : '',
  ]
    .filter(Boolean)
    .join(s.comma);
  return `  ${padCells(time, 5)}  ${padCells(who, 22)} ${padCells(actInWords(actWord(o), s.lang), ACT_WIDTH[s.lang])} ${padCells(quantityText(o, s.lang), 14)} ${o.text}${
    flags ? ` [${flags}]` : ''
  }\n`;
}

function totalsTable(totals: Total[], s: Words): string {
  const rows = totals.map((t) => {
    const sources = t.bySource?.length
      ? s.w('bySource', {
          items: t.bySource
            .map((x) => s.w('perSource', { quantity: s.n(x.quantity), source: x.source }))
            .join(s.lang === 'ar' ? '؛ ' : '; '),
        })
      : '';
    // The ⚠ before the figure, as stated figures carry it.
    return `  ${padCells(s.names.party(t.party), 16)} ${padCells(s.categories(t.category), 28)} ${t.uncertain ? '⚠ ' : ''}${quantityText(t, s.lang)}${sources}\n`;
  });
  return `${s.w('totals')}\n${rows.join('')}`;
}

/**
 * The plan as a human-readable day-by-day listing for a terminal, in the plan's language: its
 * frame in that language's words, its lines as worded, what the agreement names by `names` (its
 * names in that language; ids as they are without them).
 */
export function formatPlanText(plan: PlanInWords, title: string, names: Names = AS_GIVEN): string {
  const s = new Words(plan.lang, names);
  const { w } = { w: s.w.bind(s) };
  const lines: string[] = [];
  lines.push(
    `${w('head', { title, kind: w(`kind.${plan.kind}`), agreement: plan.agreement, version: String(plan.version) })}${s.uncertain(plan.uncertain)}\n`,
  );
  lines.push(
    `${plan.start ? w('zone', { zone: plan.timeZone, start: s.moment(plan.start) }) : w('zoneNoStart', { zone: plan.timeZone })}\n`,
  );
  for (const c of plan.preconditions) {
    lines.push(`${w(`precondition.${plan.kind}`, { text: c.text })}${s.uncertain(c.uncertain)}\n`);
  }
  for (const p of plan.phases) {
    const span =
      p.startDay === null
        ? w('notPlaced')
        : p.openEnded
          ? w('openEnded', { from: s.n(p.startDay), to: s.n(p.plannedTo ?? p.startDay) })
          : w('days', { from: s.n(p.startDay), to: p.endDay === null ? '…' : s.n(p.endDay) });
    // A phase that starts at an hour ends at that hour: its instants, else its first and last days.
    const hour = (iso: string | null) => (iso && iso.slice(11, 16) !== '00:00' ? iso.slice(11, 16) : null);
    const startHour = hour(p.startAt);
    const endHour = hour(p.endAt);
    const dates = p.startDate
      ? w('dates', {
          from: startHour ? `${s.date(p.startDate)} ${startHour}` : s.date(p.startDate),
          to:
            p.endAt && endHour
              ? `${s.date(p.endAt.slice(0, 10))} ${endHour}`
              : p.endDate
                ? s.date(p.endDate)
                : w(p.openEnded ? 'noFixedEnd' : 'open'),
        })
      : '';
    const extended = p.extendedBy
      ? w('extended', { days: formatQuantity(p.extendedBy, 'day', plan.lang, 'latn', { oblique: true }) })
      : '';
    lines.push(`${w('phase', { phase: s.phase(p.id), span, dates, extended })}${s.uncertain(p.uncertain)}\n`);
  }
  if (plan.horizon) {
    lines.push(
      `${w('horizon', {
        day: s.n(plan.horizon.day),
        date: plan.horizon.date ? w('horizonDate', { date: s.date(plan.horizon.date) }) : '',
        why: w(plan.horizon.from === 'default' ? 'horizonDefault' : 'horizonAsked'),
      })}\n`,
    );
  }
  const empty = (d: (typeof plan.days)[number]) =>
    d.obligations.length === 0 && !d.dates?.length && d.indicative.length === 0;
  for (let i = 0; i < plan.days.length; i++) {
    const day = plan.days[i]!;
    // Days in a row of one phase with nothing on them: one line for all, not three lines a day
    // ("Days 2–59 … : nothing falls due"), so that what falls due is not lost among them.
    let last = i;
    while (
      empty(day) &&
      last + 1 < plan.days.length &&
      empty(plan.days[last + 1]!) &&
      plan.days[last + 1]!.phase === day.phase
    )
      last++;
    if (last > i) {
      const end = plan.days[last]!;
      const where =
        day.phase && day.phaseDay !== null && end.phaseDay !== null
          ? w('inPhaseDays', {
              phase: s.phase(day.phase, true),
              from: s.n(day.phaseDay),
              to: s.n(end.phaseDay),
            })
          : w('between');
      const dates =
        day.date && end.date
          ? `${weekdayDate(day.date, plan.lang)} – ${weekdayDate(end.date, plan.lang)}  `
          : '';
      lines.push(
        `\n${w('dayRun', { from: s.n(day.day), to: s.n(end.day) })}  ${dates}(${where})\n  ${w('nothingDays')}\n`,
      );
      i = last;
      continue;
    }
    const where =
      day.phase && day.phaseDay !== null
        ? w('inPhase', { phase: s.phase(day.phase, true), n: s.n(day.phaseDay) })
        : w('between');
    lines.push(
      `\n${w('day', { n: s.n(day.day) })}  ${day.date ? `${weekdayDate(day.date, plan.lang)}  ` : ''}(${where})\n`,
    );
    if (day.obligations.length === 0) lines.push(`  ${w('nothing')}\n`);
    for (const o of day.obligations) lines.push(obligationLine(o, s));
    for (const d of day.dates ?? []) {
      // The term's own words in English; its name in a language they are not given in.
      const description =
        plan.lang === 'en'
          ? d.description.replace(/\.$/, '')
          : renderPhrase(
              phrase('dated-fact.line', {
                what: { type: 'fact', provision: d.provision, description: d.description },
              }),
              {
                lang: plan.lang,
                names,
              },
            );
      lines.push(
        `  ${padCells(w('date'), 5)}  ${
          plan.lang === 'en'
            ? w('datedFact', { provision: names.provision(d.provision), description })
            : description
        }${s.uncertain(d.uncertain)}\n`,
      );
    }
    for (const x of day.indicative) {
      lines.push(
        `  ~      ${padCells(names.party(x.party), 22)} ${padCells(w('indicative'), ACT_WIDTH[plan.lang])} ${padCells(quantityText(x, plan.lang), 14)} ${w('share', { provision: names.provision(x.provision), batch: s.n(x.batch) })}\n`,
      );
    }
  }
  if (plan.waiting.length) {
    lines.push(`\n${w('waiting')}\n`);
    for (const x of plan.waiting) {
      const part = x.on.group
        ? names.category(x.on.group, x.on.provision)
        : x.on.categories
          ? x.on.categories.map((c) => names.category(c, x.on.provision)).join(s.comma)
          : undefined;
      const on = x.on.phase
        ? w('waitsOnPhase', { phase: s.phase(x.on.phase, true) })
        : `${names.provision(x.on.provision)}${part ? ` (${part})` : ''}`;
      lines.push(
        `  ${w('waits', { provision: names.provision(x.provision), on, text: x.text ? ` — ${x.text}` : '' })}${s.uncertain(x.uncertain)}\n`,
      );
    }
  }
  if (plan.standing.length) {
    lines.push(`\n${w('throughout')}\n`);
    for (const x of plan.standing) {
      const span =
        x.fromDay === null
          ? ''
          : `${w('days', { from: s.n(x.fromDay), to: x.toDay === null ? '…' : s.n(x.toDay) })}: `;
      lines.push(
        `  ${span}${x.parties.length ? `${x.parties.map(names.party).join(s.comma)}: ` : ''}${x.text}${s.uncertain(x.uncertain)}\n`,
      );
    }
  }
  // Omitted when the plan counts nothing (no persons, no quotas), as the other empty sections are.
  if (plan.totals.length) lines.push(`\n${totalsTable(plan.totals, s)}`);
  if (plan.stated.length) {
    lines.push(`\n${w('stated')}\n`);
    for (const x of plan.stated) {
      const values = x.stated
        .map(
          (v) =>
            `${v.uncertain ? '⚠ ' : ''}${v.source ? w('valueSource', { value: s.n(v.value), source: v.source }) : s.n(v.value)}`,
        )
        .join(s.comma);
      const planned = x.planned
        ? w('statedPlanned', { quantity: quantityText({ ...x.planned, unit: x.unit }, plan.lang) })
        : '';
      lines.push(
        `  ${w('statedLine', { provision: names.provision(x.provision), party: names.party(x.party), values, planned })}\n`,
      );
    }
  }
  const notes = [
    ...plan.placedOnRecord.map((x) => placedOnRecordWords(x, names, plan.lang)),
    ...plan.notesText,
  ];
  if (notes.length) lines.push(`\n${w('notes')}\n${notes.map((n) => `  - ${n}\n`).join('')}`);
  return lines.join('');
}

export const PLAN_CSV_COLUMNS = [
  'day',
  'date',
  'phase',
  'phase_day',
  'due',
  'provision',
  'action',
  'party',
  'to',
  'quantity',
  'quantity_max',
  'at_least',
  'unit',
  'category',
  'batch',
  'condition',
  'uncertain',
  'opens',
  'relative_to',
  'open_ended',
  'figures',
  'description',
] as const;

/** One row per obligation, safe to open in a spreadsheet. */
export function formatPlanCsv(plan: PlanInWords): string {
  const rows = [csvRow([...PLAN_CSV_COLUMNS])];
  for (const day of plan.days) {
    for (const o of day.obligations) {
      rows.push(
        csvRow([
          o.day,
          o.date,
          o.phase,
          o.phaseDay,
          o.due,
          o.provision,
          o.action,
          o.party,
          o.to,
          o.quantity,
          o.quantityMax,
          o.atLeast ?? false,
          o.unit,
          o.category,
          o.batch,
          o.condition,
          o.uncertain ?? false,
          o.opens,
          o.relativeTo
            ? `${o.relativeTo.hours} h after ${o.relativeTo.provision ?? (o.relativeTo.phase ? `${o.relativeTo.edge} of ${o.relativeTo.phase}` : 'start')}`
            : undefined,
          o.openEnded ?? false,
          o.figures?.map((f) => `${f.value}${f.source ? ` (${f.source})` : ''}`).join('; '),
          o.text,
        ]),
      );
    }
  }
  return rows.join('');
}
