import type { Agreement } from '../core/agreement/types.ts';
import { type Labels, labelsOf } from '../core/compliance/labels.ts';
import { statedBeside } from '../core/compliance/stated-total.ts';
import type { Evaluation } from '../core/compliance/types.ts';
import { type HeadlineFigures, headlineFigures } from '../core/figures/headline-figures.ts';
import { english } from '../core/plan/provision-obligations.ts';
import type { StatedValue } from '../core/plan/types.ts';
import { casualtyPhrases } from '../core/report/casualty-words.ts';
import { wallClock } from '../core/time/zoned-time.ts';
import { explain, explainPlain } from '../core/words/explain.ts';
import type { Lang } from '../core/words/lang.ts';
import { type Explanation, phrase } from '../core/words/phrase.ts';
import { placedOnRecordNote } from './placed-on-record-words.ts';

/**
 * The machine-readable status: the headline figures (the same model as the dashboard, the report
 * and the API), then per provision, per exchange direction, and everything behind them.
 */
export function formatStatusJson(e: Evaluation, agreement: Agreement, lang: Lang = 'en'): string {
  // Every explanation as codes and parameters, and beside it in words of `lang`.
  const say = (x: Explanation) => explain(x, agreement, lang);
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
      ...(o.noRecord ? { noRecord: true } : {}),
      ...(o.figures ? { figures: o.figures } : {}),
      ...(o.disputes ? { disputes: o.disputes } : {}),
      ...(o.basis ? { basis: o.basis } : {}),
      ...(o.uncertain ? { uncertain: true } : {}),
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
    figures: e.figures,
    allegations: e.allegations,
    dates: e.dates ?? [],
    ...(e.placedOnRecord.length ? { placedOnRecord: e.placedOnRecord } : {}),
    notes: e.notes,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

const pad = (s: string, n: number) => (s.length >= n ? `${s} ` : s.padEnd(n));

function localTime(iso: string, timeZone: string): string {
  const w = wallClock(Date.parse(iso), timeZone);
  return `${w.date} ${w.time.slice(0, 5)}`;
}

function dayLines(e: Evaluation, say: (x: Explanation) => string): string[] {
  const byDay = new Map<number, { date: string | null; rows: string[] }>();
  const row = (day: number, date: string | null, line: string) => {
    const d = byDay.get(day) ?? { date, rows: [] };
    d.rows.push(line);
    byDay.set(day, d);
  };
  for (const o of e.obligations)
    row(
      o.obligation.day,
      o.obligation.date,
      `    ${pad(`${o.status}${o.uncertain ? ' ⚠' : ''}`, 12)}${pad(o.obligation.id, 32)}${say(o.explanation)}`,
    );
  // A date a term states that obliges no party: on the timeline, never judged.
  for (const d of e.dates ?? [])
    row(
      d.day,
      d.date,
      `    ${pad(`date${d.uncertain ? ' ⚠' : ''}`, 12)}${pad(d.provision, 32)}${say([
        phrase('dated-fact.line', {
          what: { type: 'fact', provision: d.provision, description: d.description },
        }),
      ])}`,
    );
  const lines: string[] = [];
  for (const [day, { date, rows }] of [...byDay].sort((a, b) => a[0] - b[0])) {
    lines.push(`  Day ${day}${date ? ` · ${date}` : ''}`);
    lines.push(...rows);
  }
  return lines;
}

const n = (x: number) => x.toLocaleString('en-US');

/** "; 420 by the ratio in all, total stated in the agreement: ⚠ 360 (source)", or nothing. */
function statedBesideWords(values: StatedValue[] | undefined, byRatio: number | undefined): string {
  const beside = statedBeside(values, byRatio);
  return beside.length ? `; ${explainPlain(beside)}` : '';
}

/**
 * The headline figures: released each way ("unrecorded" where nothing is on record, never 0), and
 * each aid quota source by source, each source's sum over its own days, never added to another's.
 */
export function headlineLines(h: HeadlineFigures): string[] {
  const lines = ['Headline figures:'];
  for (const r of h.releases)
    lines.push(
      `  released by ${r.party} (${r.provision}): ${r.counted === null ? 'unrecorded' : n(r.counted)} of ${n(r.dueSoFar)} in the plan to date${r.outside ? ` (${n(r.outside)} outside the formula)` : ''}${statedBesideWords(r.statedTotal, r.byRatio)}`,
    );
  for (const q of h.quotas) {
    const unit = `${q.unit}s`;
    const gaps = !q.daysUnrecorded
      ? ''
      : q.periods.length
        ? `; no figure of their own for ${q.daysUnrecorded} of ${q.daysDue} days due (a period's figure is not a day's)`
        : `; nothing recorded for ${q.daysUnrecorded} of ${q.daysDue} days due`;
    const due = q.dueSoFarMax === undefined ? n(q.dueSoFar) : `${n(q.dueSoFar)} to ${n(q.dueSoFarMax)}`;
    lines.push(`  ${q.quota}${q.uncertain ? ' ⚠' : ''}: quota to date ${due} ${unit}${gaps}`);
    if (q.sources.length === 0 && q.periods.length === 0)
      lines.push('    unrecorded: no source gave a figure');
    for (const p of q.periods)
      lines.push(
        `    per ${p.source}: ${n(p.quantity)} ${unit} from ${p.from} to ${p.to} (a figure for the whole period), against ${p.quotaMax === undefined ? n(p.quota) : `${n(p.quota)} to ${n(p.quotaMax)}`} for those days`,
      );
    for (const s of q.sources)
      lines.push(
        `    per ${s.source}: ${n(s.quantity)} ${unit} over ${s.days.length} day(s) reported (${s.days.join(', ')}), against ${n(s.quota)} for those days; quota reached on ${s.daysReached} of ${s.days.length}`,
      );
    if (q.daysDisputed)
      lines.push(`    sources fall on both sides of the quota on ${q.daysDisputed} day(s): disputed`);
  }
  return lines;
}

/**
 * The status for a person: phases, provisions, exchanges, then day by day, disputes and figures.
 * `labels` names parties, actors and provisions (give the log's actor registrations to name its actors).
 */
export function formatStatusText(
  e: Evaluation,
  agreement: Agreement,
  labels: Labels = labelsOf(agreement),
  lang: Lang = 'en',
): string {
  const say = (x: Explanation) => explain(x, agreement, lang);
  const tz = agreement.timeZone;
  const lines: string[] = [];
  lines.push(`${english(agreement.title)} — status at ${localTime(e.asOf, tz)} (${tz}), ${e.events} events`);
  lines.push('', 'Phases:');
  for (const p of e.phases) lines.push(`  ${pad(p.phase, 14)}${say(p.explanation)}`);
  if (e.extensions.length) {
    lines.push('', 'Extensions:');
    for (const x of e.extensions) lines.push(`  ${pad(x.status, 12)}${say(x.explanation)}`);
  }
  lines.push('', ...headlineLines(headlineFigures(agreement, e)));
  lines.push('', 'Provisions:');
  for (const p of e.provisions) {
    const first = say(p.explanation).split(/(?<=\.) /)[0]!;
    lines.push(`  ${pad(p.provision, 20)}${pad(`${p.status}${p.uncertain ? ' ⚠' : ''}`, 12)}${first}`);
  }
  if (e.exchanges.directions.length) {
    lines.push('', 'Exchanges (persons released so far):');
    for (const d of e.exchanges.directions) {
      const from = d.countedFromOutside
        ? ` (${d.countedFromOutside} of them released outside the formula and agreed to count)`
        : '';
      lines.push(
        `  ${d.provision}: ${d.from} → ${d.to}: ${n(d.counted)} counted under the formula${from}; ${n(d.outside)} outside the formula`,
      );
    }
    for (const r of e.exchanges.ratios)
      lines.push(
        `  ratio ${r.holds ? 'holds' : r.surplus !== undefined ? `exceeded by ${r.surplus} (more released than required, not a breach)` : 'does not hold'}: ${say(r.explanation)}`,
      );
  }
  lines.push('', 'Day by day:', ...dayLines(e, say));
  const disputed = e.obligations.filter((o) => o.disputes?.length);
  const conflicting = e.figures.filter((f) => f.conflicting);
  if (disputed.length || conflicting.length || e.allegations.length) {
    lines.push('', 'Disputes and differing figures:');
    for (const o of disputed) lines.push(`  ${o.obligation.id}: ${say(o.explanation)}`);
    for (const f of conflicting)
      lines.push(`  ${f.what}: ${f.figures.map((x) => `${n(x.quantity)} per ${x.source}`).join(' · ')}`);
    for (const a of e.allegations)
      lines.push(
        `  alleged by ${labels.actor(a.by)} against ${labels.party(a.against)}${a.provision ? ` (${labels.provision(a.provision)})` : ''}, ${localTime(a.at, tz)}: ${a.description}${a.casualties?.length ? ` (${casualtyPhrases(a.casualties).join(' · ')})` : ''} [${a.state}${a.finding ? `: ${a.finding}` : ''}${a.reason ? `; ${a.reason}` : ''}]`,
      );
  }
  // A period's figures are never a day's: shown by source, beside the quota they are read against.
  const periods = e.figures.filter((f) => f.from !== f.to);
  if (periods.length) {
    lines.push('', 'Figures for a period, each as its source gives it (never added up):');
    for (const f of periods)
      lines.push(`  ${f.what}: ${f.figures.map((x) => `${n(x.quantity)} per ${x.source}`).join(' · ')}`);
  }
  const notes = [...e.placedOnRecord.map(placedOnRecordNote), ...e.notes];
  if (notes.length) lines.push('', 'Notes:', ...notes.map((n) => `  ${n}`));
  return `${lines.join('\n')}\n`;
}
