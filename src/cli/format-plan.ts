import type { Obligation, Plan, Total } from '../core/plan/types.ts';
import { csvRow } from '../core/report/csv.ts';

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
  return `${n} ${o.unit ?? ''}`.trim();
}

function obligationLine(o: Obligation): string {
  // A deadline at 00:00 of the next day closes this day: show it as 24:00.
  const time = !o.due
    ? ''
    : o.due.slice(11, 16) === '00:00' && o.due.slice(0, 10) !== o.date
      ? '24:00'
      : o.due.slice(11, 16);
  const who = o.to ? `${o.party} → ${o.to}` : o.party;
  const flags = [
    o.uncertain ? '⚠ uncertain' : '',
    o.extension ? 'extension' : '',
    o.delayedHours ? `delayed ${o.delayedHours} h` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `  ${time.padEnd(5)}  ${who.padEnd(22)} ${o.action.padEnd(13)} ${quantityText(o).padEnd(14)} ${o.description}${
    flags ? ` [${flags}]` : ''
  }\n`;
}

function totalsTable(totals: Total[]): string {
  const rows = totals.map((t) => `  ${t.party.padEnd(16)} ${t.category.padEnd(28)} ${quantityText(t)}\n`);
  return `Totals\n${rows.join('')}`;
}

/** The plan as a human-readable day-by-day listing for a terminal. */
export function formatPlanText(plan: Plan, title: string): string {
  const lines: string[] = [];
  lines.push(`${title} — ${plan.kind} ${plan.agreement}, version ${plan.version}\n`);
  lines.push(`Time zone ${plan.timeZone}${plan.start ? `; starts ${plan.start}` : '; no start date'}\n`);
  for (const p of plan.phases) {
    const span = p.startDay === null ? 'not placed' : `days ${p.startDay}–${p.endDay ?? '…'}`;
    const dates = p.startDate ? ` (${p.startDate} → ${p.endDate ?? 'open'})` : '';
    lines.push(`Phase ${p.id}: ${span}${dates}${p.extendedBy ? `, extended by ${p.extendedBy} days` : ''}\n`);
  }
  for (const day of plan.days) {
    lines.push(
      `\nDay ${day.day}  ${dayLabel(day.date)}  (${day.phase ? `phase ${day.phase}, day ${day.phaseDay}` : 'between phases'})\n`,
    );
    if (day.obligations.length === 0) lines.push('  nothing falls due\n');
    for (const o of day.obligations) lines.push(obligationLine(o));
  }
  if (plan.standing.length) {
    lines.push('\nThroughout\n');
    for (const s of plan.standing) {
      const span = s.fromDay === null ? '' : `days ${s.fromDay}–${s.toDay ?? '…'}: `;
      lines.push(
        `  ${span}${s.parties.length ? `${s.parties.join(', ')}: ` : ''}${s.description}${s.uncertain ? ' [⚠ uncertain]' : ''}\n`,
      );
    }
  }
  lines.push(`\n${totalsTable(plan.totals)}`);
  if (plan.notes.length) lines.push(`\nNotes\n${plan.notes.map((n) => `  - ${n}\n`).join('')}`);
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
  'description',
] as const;

/** One row per obligation, safe to open in a spreadsheet. */
export function formatPlanCsv(plan: Plan): string {
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
          o.description,
        ]),
      );
    }
  }
  return rows.join('');
}
