import type { Agreement } from '../agreement/types.ts';
import { type Labels, labelsOf } from '../compliance/labels.ts';
import { statedBeside } from '../compliance/stated-total.ts';
import type { DirectionTally, Evaluation, ObligationStatus } from '../compliance/types.ts';
import { figure } from '../compliance/words.ts';
import { type HeadlineFigures, headlineFigures } from '../figures/headline-figures.ts';
import { needsBanner, type Provenance, provenanceSentences, RECORDED } from '../ledger/provenance.ts';
import { english } from '../plan/provision-obligations.ts';
import { namesOf } from '../words/agreement-names.ts';
import { explain, explainPlain } from '../words/explain.ts';
import type { Lang } from '../words/lang.ts';
import type { Explanation } from '../words/phrase.ts';
import { renderParts } from '../words/render.ts';
import { casualtyPhrases } from './casualty-words.ts';
import type { DayEvent } from './day-events.ts';
import { eventFieldWords } from './event-fields.ts';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const e = escapeHtml;

const CSS = `body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#111}
h1{font-size:1.4em}h2{font-size:1.1em;border-bottom:1px solid #999;margin-top:1.6em}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #bbb;padding:3px 6px;vertical-align:top;text-align:left}
.s{font-weight:600;white-space:nowrap}.missed,.partly-met{background:#fde2e2}.disputed{background:#fff3cd}
.met-late,.suspended{background:#fff8e0}.met{background:#e6f4ea}.unrecorded{background:#eeeeee}
svg text{font-size:11px}.provenance{border:2px solid #7a4b00;background:#fff8e0;padding:.5em .75em}
@media print{body{margin:1cm}h2{break-after:avoid}tr{break-inside:avoid}a{color:inherit}}`;

function rows(list: ObligationStatus[], say: (x: Explanation) => string): string {
  if (list.length === 0) return '<p>None.</p>';
  const body = list
    .map(
      (o) =>
        `<tr class="${e(o.status)}"><td class="s">${e(o.status)}</td><td>${e(o.obligation.id)}</td><td>${e(o.obligation.party)}</td><td>${say(o.explanation)}<br><small>evidence: ${e(o.evidence.map((h) => h.slice(0, 12)).join(', ') || 'none')}</small></td></tr>`,
    )
    .join('\n');
  return `<table><thead><tr><th>status</th><th>obligation</th><th>party</th><th>explanation</th></tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** Cumulative persons counted per direction, batch by batch, as an inline SVG line chart. */
export function chart(directions: DirectionTally[], labels?: Labels): string {
  const series = directions.map((d) => {
    let sum = 0;
    const label = labels ? `${labels.party(d.from)} → ${labels.party(d.to)}` : `${d.from} → ${d.to}`;
    return { label, points: d.byBatch.map((b) => (sum += b.counted)) };
  });
  const n = Math.max(1, ...series.map((s) => s.points.length));
  const max = Math.max(1, ...series.flatMap((s) => s.points));
  const [w, h, left, bottom] = [520, 200, 40, 24];
  const x = (i: number) => left + (n === 1 ? 0 : (i * (w - left - 10)) / (n - 1));
  const y = (v: number) => h - bottom - (v * (h - bottom - 10)) / max;
  const dash = ['', '6 3', '2 2'];
  const lines = series
    .map((s, k) => {
      const pts = s.points.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
      const last = s.points.at(-1) ?? 0;
      return `<polyline fill="none" stroke="#000" stroke-width="1.5" stroke-dasharray="${dash[k % 3]}" points="${pts}"/><text x="${x(s.points.length - 1) - 4}" y="${y(last) - 4}" text-anchor="end">${e(s.label)}: ${figure(last)}</text>`;
    })
    .join('');
  const axis = `<line x1="${left}" y1="${h - bottom}" x2="${w}" y2="${h - bottom}" stroke="#666"/><line x1="${left}" y1="10" x2="${left}" y2="${h - bottom}" stroke="#666"/><text x="${left - 4}" y="${y(max) + 4}" text-anchor="end">${max}</text><text x="${left - 4}" y="${h - bottom}" text-anchor="end">0</text>`;
  const ticks = Array.from(
    { length: n },
    (_, i) => `<text x="${x(i)}" y="${h - 6}" text-anchor="middle">${i + 1}</text>`,
  ).join('');
  return `<svg width="${w}" height="${h}" role="img" aria-label="Cumulative persons counted per batch">${axis}${ticks}${lines}</svg>`;
}

/**
 * The headline figures, from the same model as the dashboard, the CLI and the API: released each
 * way, and each aid quota source by source (never added across sources); "unrecorded" where nothing
 * is on record, never 0. Each figure carries data-figure and data-value, as on the dashboard.
 */
export function headlineHtml(h: HeadlineFigures): string {
  const fig = (id: string, value: number | null, text: string) =>
    `<strong data-figure="${e(id)}" data-value="${value === null ? 'unrecorded' : value}">${e(text)}</strong>`;
  const n = (x: number) => x.toLocaleString('en-US');
  const items = h.releases.map(
    (r) =>
      `Released by ${e(r.party)} (${e(r.provision)}): ${fig(`release:${r.provision}:${r.party}`, r.counted, r.counted === null ? 'unrecorded' : n(r.counted))} of ${n(r.dueSoFar)} in the plan to date${r.outside ? ` (${n(r.outside)} outside the formula)` : ''}${statedBeside(r.statedTotal, r.byRatio).length ? `; ${e(explainPlain(statedBeside(r.statedTotal, r.byRatio)))}` : ''}`,
  );
  for (const q of h.quotas) {
    const unit = `${e(q.unit)}s`;
    const gaps = !q.daysUnrecorded
      ? ''
      : q.periods.length
        ? `; no figure of their own for ${q.daysUnrecorded} of ${q.daysDue} days due (a period's figure is not a day's)`
        : `; nothing recorded for ${q.daysUnrecorded} of ${q.daysDue} days due`;
    const range = (low: number, high: number | undefined) =>
      high === undefined ? n(low) : `${n(low)} to ${n(high)}`;
    const lines = [
      ...q.sources.map(
        (s) =>
          `<li>per ${e(s.source)}: ${fig(`quota:${q.quota}:${s.source}`, s.quantity, n(s.quantity))} ${unit} over ${s.days.length} day(s) reported (${s.days.map(e).join(', ')}), against ${n(s.quota)} for those days</li>`,
      ),
      ...q.periods.map(
        (p) =>
          `<li>per ${e(p.source)}: ${fig(`quota:${q.quota}:${p.source}:${p.from}:${p.to}`, p.quantity, n(p.quantity))} ${unit} from ${e(p.from)} to ${e(p.to)} (one figure for the whole period), against ${range(p.quota, p.quotaMax)} for those days</li>`,
      ),
    ];
    const sources = lines.length
      ? `<ul>${lines.join('')}</ul>`
      : ` — ${fig(`quota:${q.quota}`, null, 'unrecorded')}: no source gave a figure`;
    items.push(
      `${e(q.quota)}${q.uncertain ? ' ⚠' : ''}: quota to date ${range(q.dueSoFar, q.dueSoFarMax)} ${unit}${gaps}${q.daysDisputed ? `; sources disagree on ${q.daysDisputed} day(s)` : ''}${sources}`,
    );
  }
  return items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : '<p>None.</p>';
}

/** One event of the day: its time, what happened, who recorded it, its figures as recorded, its source and note. */
function happenedLine(x: DayEvent, labels: Labels): string {
  const fields = eventFieldWords(x.body, labels);
  const time = x.at.slice(11, 16);
  // The leaf hash is the evidence, kept behind the line (its title), not read as words.
  return `<span class="s" title="leaf hash ${e(x.hash)}">${e(time)}</span> ${e(x.kind.replace('.', ' '))} — recorded by ${e(labels.actor(x.actor))}${fields.length ? `: ${e(fields.join(', '))}` : ''}${x.source ? ` [${e(x.source)}]` : ''}${x.note ? ` (note: ${e(x.note)})` : ''}`;
}

/**
 * A daily situation report: one self-contained, printable HTML page (no scripts, no external assets).
 * `labels` names parties, actors and provisions (give the log's actors to name them as registered);
 * explanations are worded in `lang`.
 */
export function reportHtml(
  ev: Evaluation,
  agreement: Agreement,
  date: string,
  provenance: Provenance = RECORDED,
  labels: Labels = labelsOf(agreement),
  happened: DayEvent[] = [],
  lang: Lang = 'en',
): string {
  // Explanations in the reader's language, marked with it (the report's own headings are English).
  // Names and words recorded as given are isolated (<bdi>), marked when in Latin script.
  const say = (x: Explanation) =>
    lang === 'en'
      ? e(explain(x, agreement, lang))
      : `<span lang="${lang}" dir="rtl">${renderParts(x, { lang, names: namesOf(agreement, lang) })
          .map((p) =>
            !p.marked
              ? e(p.text)
              : /[A-Za-z]/.test(p.text)
                ? `<bdi lang="und-Latn">${e(p.text)}</bdi>`
                : `<bdi>${e(p.text)}</bdi>`,
          )
          .join('')}</span>`;
  const today = ev.obligations.filter((o) => o.obligation.date === date);
  const late = ev.obligations.filter(
    (o) =>
      ['missed', 'partly-met', 'suspended'].includes(o.status) ||
      // Nothing recorded past a deadline of that day: outstanding on the record, not a verdict.
      (o.status === 'unrecorded' && o.overdueMinutes !== undefined && o.obligation.date === date) ||
      (o.status === 'met-late' && o.obligation.date === date),
  );
  const disputes = ev.obligations.filter((o) => o.disputes?.length);
  const figures = ev.figures.filter((f) => f.figures.length > 1);
  const alleged = ev.allegations.filter((a) => a.at.startsWith(date));
  const title = `${english(agreement.title)} — situation report for ${date}`;
  const section = (h: string, body: string) => `<h2>${e(h)}</h2>\n${body}`;
  const list = (items: string[]) =>
    items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : '<p>None.</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${e(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${CSS}</style></head><body>
${needsBanner(provenance) ? `<p class="provenance" role="note"><strong>${provenanceSentences(provenance).map(e).join(' ')}</strong></p>\n` : ''}<h1>${e(title)}</h1>
<p>As of ${e(ev.asOf)} (${e(agreement.timeZone)}), from ${ev.events} events of the log. Statuses are computed from the log; every figure keeps its source.</p>
${section('Headline figures', headlineHtml(headlineFigures(agreement, ev)))}
${section('Phases', list(ev.phases.map((p) => `${e(p.phase)}: ${say(p.explanation)}`)))}
${section('What happened that day', list(happened.map((x) => happenedLine(x, labels))))}
${section("The day's obligations", rows(today, say))}
${section('Late or outstanding', rows(late, say))}
${section('Disputes, with their sources', rows(disputes, say))}
${section('Figures from several sources', list(figures.map((f) => `${e(f.what)}: ${f.figures.map((x) => `${x.quantity} per ${e(x.source)}`).join('; ')}${f.conflicting ? ' (they differ)' : ''}`)))}
${section(
  'Allegations that day',
  list(
    alleged.map(
      (a) =>
        `${e(labels.actor(a.by))} alleges against ${e(labels.party(a.against))}${a.provision ? ` (${e(labels.provision(a.provision))})` : ''}: ${e(a.description)} [${e(a.state)}${a.finding ? `: ${e(a.finding)}` : ''}]${casualtyPhrases(
          a.casualties,
        )
          .map((c) => ` · ${e(c)}`)
          .join('')}`,
    ),
  ),
)}
${section(
  'Cumulative figures',
  `${list([
    ...ev.exchanges.directions.map(
      (d) =>
        `${e(labels.provision(d.provision))}: ${e(labels.party(d.from))} → ${e(labels.party(d.to))}: ${figure(d.counted)} counted under the formula, ${figure(d.outside)} outside the formula`,
    ),
    ...ev.exchanges.ratios.map((r) => say(r.explanation)),
  ])}\n${chart(ev.exchanges.directions, labels)}`,
)}
${section('Provisions', list(ev.provisions.map((p) => `<span class="s">${e(p.provision)}: ${e(p.status)}</span> — ${say(p.explanation)}`)))}
</body></html>
`;
}
