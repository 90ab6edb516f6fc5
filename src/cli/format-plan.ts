import type { PlanInWords } from '../core/plan/plan-in-words.ts';
import type { Obligation, Total } from '../core/plan/types.ts';
import { csvRow } from '../core/report/csv.ts';
import { quantityForm } from '../core/words/render.ts';
import { counted } from './count-words.ts';
import { placedOnRecordNote } from './placed-on-record-words.ts';

const WEEKDAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function dayLabel(date: string | null): string {
  if (!date) return '';
  const d = new Date(`${date}T00:00:00Z`);
  return `${WEEKDAY[d.getUTCDay()]} ${date}`;
}

export function quantityText(o: {
  quantity?: number;
  quantityMax?: number;
  atLeast?: boolean;
  unit?: string;
}): string {
  if (o.quantity === undefined) return '';
  const n =
    o.quantityMax !== undefined ? `${o.quantity}–${o.quantityMax}` : `${o.atLeast ? '≥' : ''}${o.quantity}`;
  if (o.unit === undefined) return n;
  // The unit's noun in the form the count asks for: "1 person", "181 persons", "700–706 persons".
  return quantityForm(
    o.unit,
    'en',
    o.quantityMax ?? o.quantity,
    o.quantityMax === undefined ? {} : { from: o.quantity },
  ).replace('#', n);
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

function obligationLine(o: Obligation & { text: string }, party: (id: string) => string): string {
  // A deadline at 00:00 of the next day closes this day: show it as 24:00.
  const time = !o.due
    ? ''
    : o.due.slice(11, 16) === '00:00' && o.due.slice(0, 10) !== o.date
      ? '24:00'
      : o.due.slice(11, 16);
  // Parties by the agreement's names; a joint recipient ("israel+egypt") names each.
  const who = o.to ? `${party(o.party)} → ${o.to.split('+').map(party).join(' + ')}` : party(o.party);
  const flags = [
    o.uncertain ? '⚠ uncertain' : '',
    o.extension ? 'extension' : '',
    o.delayedHours ? `delayed ${o.delayedHours} h` : '',
    o.openEnded ? 'open-ended phase' : '',
    o.opens ? `window opened ${o.opens.slice(0, 16).replace('T', ' ')}` : '',
    o.relativeTo
      ? `${o.relativeTo.hours} h after ${o.relativeTo.provision ?? (o.relativeTo.phase ? `the ${o.relativeTo.edge} of ${o.relativeTo.phase}` : 'the start')}`
      : '',
    o.figures
      ? `sources differ: ${o.figures.map((f) => `${f.value}${f.source ? ` (${f.source})` : ''}`).join(', ')}`
      : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `  ${time.padEnd(5)}  ${who.padEnd(22)} ${actWord(o).padEnd(13)} ${quantityText(o).padEnd(14)} ${o.text}${
    flags ? ` [${flags}]` : ''
  }\n`;
}

function totalsTable(totals: Total[], party: (id: string) => string): string {
  const rows = totals.map((t) => {
    const sources = t.bySource?.length
      ? ` (by source: ${t.bySource.map((s) => `${s.quantity} per ${s.source}`).join('; ')})`
      : '';
    return `  ${party(t.party).padEnd(16)} ${t.category.padEnd(28)} ${quantityText(t)}${sources}\n`;
  });
  return `Totals\n${rows.join('')}`;
}

/**
 * The plan as a human-readable day-by-day listing for a terminal: its lines in the plan's
 * language, parties by `party` (their names in it).
 */
export function formatPlanText(
  plan: PlanInWords,
  title: string,
  party: (id: string) => string = (id) => id,
): string {
  const lines: string[] = [];
  lines.push(`${title} — ${plan.kind} ${plan.agreement}, version ${plan.version}\n`);
  lines.push(`Time zone ${plan.timeZone}${plan.start ? `; starts ${plan.start}` : '; no start date'}\n`);
  for (const c of plan.preconditions) {
    lines.push(`Precondition of the whole ${plan.kind}: ${c.text}${c.uncertain ? ' [⚠ uncertain]' : ''}\n`);
  }
  for (const p of plan.phases) {
    const span =
      p.startDay === null
        ? 'not placed'
        : p.openEnded
          ? `from day ${p.startDay}, open-ended (planned to day ${p.plannedTo})`
          : `days ${p.startDay}–${p.endDay ?? '…'}`;
    const dates = p.startDate
      ? ` (${p.startDate} → ${p.endDate ?? (p.openEnded ? 'no fixed end' : 'open')})`
      : '';
    lines.push(
      `Phase ${p.id}: ${span}${dates}${p.extendedBy ? `, extended by ${counted(p.extendedBy, 'day')}` : ''}\n`,
    );
  }
  if (plan.horizon) {
    lines.push(
      `Open-ended phases are planned to day ${plan.horizon.day}${plan.horizon.date ? ` (${plan.horizon.date})` : ''}${
        plan.horizon.from === 'default'
          ? ', a default horizon: give --to to plan further'
          : ', as asked with --to'
      }.\n`,
    );
  }
  for (const day of plan.days) {
    lines.push(
      `\nDay ${day.day}  ${dayLabel(day.date)}  (${day.phase ? `phase ${day.phase}, day ${day.phaseDay}` : 'between phases'})\n`,
    );
    if (day.obligations.length === 0) lines.push('  nothing falls due\n');
    for (const o of day.obligations) lines.push(obligationLine(o, party));
    for (const d of day.dates ?? [])
      lines.push(
        `  date   ${d.provision}: ${d.description.replace(/\.$/, '')} (a date, not an obligation)\n`,
      );
    for (const s of day.indicative) {
      lines.push(
        `  ~      ${party(s.party).padEnd(22)} ${'(indicative)'.padEnd(13)} ${`${s.quantity} ${s.unit}`.padEnd(14)} a share of ${s.provision} batch ${s.batch}, drawn to picture the window; not an obligation\n`,
      );
    }
  }
  if (plan.waiting.length) {
    lines.push('\nWaiting (not placed on the calendar)\n');
    for (const w of plan.waiting) {
      const on = w.on.phase
        ? `phase ${w.on.phase}, which follows a phase with no fixed end`
        : `${w.on.provision}${w.on.group ? ` (${w.on.group})` : w.on.categories ? ` (${w.on.categories.join(', ')})` : ''}`;
      lines.push(`  ${w.provision}: waits on ${on}${w.text ? ` — ${w.text}` : ''}\n`);
    }
  }
  if (plan.standing.length) {
    lines.push('\nThroughout\n');
    for (const s of plan.standing) {
      const span = s.fromDay === null ? '' : `days ${s.fromDay}–${s.toDay ?? '…'}: `;
      lines.push(
        `  ${span}${s.parties.length ? `${s.parties.map(party).join(', ')}: ` : ''}${s.text}${s.uncertain ? ' [⚠ uncertain]' : ''}\n`,
      );
    }
  }
  // Omitted when the plan counts nothing (no persons, no quotas), as the other empty sections are.
  if (plan.totals.length) lines.push(`\n${totalsTable(plan.totals, party)}`);
  if (plan.stated.length) {
    lines.push('\nStated figures beside the plan\n');
    for (const s of plan.stated) {
      const values = s.stated
        .map((v) => `${v.uncertain ? '⚠ ' : ''}${v.value}${v.source ? ` (${v.source})` : ''}`)
        .join(', ');
      const planned = s.planned
        ? `; the plan's batches and ratios give ${quantityText({ ...s.planned, unit: s.unit })}`
        : '';
      lines.push(`  ${s.provision}, ${party(s.party)}: stated ${values}${planned}\n`);
    }
  }
  const notes = [...plan.placedOnRecord.map(placedOnRecordNote), ...plan.notes];
  if (notes.length) lines.push(`\nNotes\n${notes.map((n) => `  - ${n}\n`).join('')}`);
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
