import type { Agreement } from '../agreement/types.ts';
import { onDay } from '../compliance/due-day.ts';
import { type Labels, labelsOf } from '../compliance/labels.ts';
import { quotaLine } from '../compliance/quota-status.ts';
import { recoveredPhrase } from '../compliance/recovered-words.ts';
import type {
  Allegation,
  DirectionTally,
  Evaluation,
  Figure,
  ObligationStatus,
} from '../compliance/types.ts';
import { eventKindLabel } from '../figures/event-kind-label.ts';
import { type HeadlineFigures, headlineFigures } from '../figures/headline-figures.ts';
import { needsBanner, type Provenance, RECORDED } from '../ledger/provenance.ts';
import { DAILY } from '../plan/context.ts';
import { dayEndingAt, wallClock } from '../time/zoned-time.ts';
import { namesOf } from '../words/agreement-names.ts';
import { explain } from '../words/explain.ts';
import type { Lang } from '../words/lang.ts';
import { STATUS_WORDS } from '../words/nouns.ts';
import { type Explanation, type Phrase, phrase } from '../words/phrase.ts';
import { readingYear } from '../words/reading-year.ts';
import {
  countedAs,
  formatDate,
  formatMoment,
  formatNumber,
  localized,
  renderParts,
} from '../words/render.ts';
import { allegationStateWords } from './allegation-state-words.ts';
import { casualtyPhrases } from './casualty-words.ts';
import type { DayEvent } from './day-events.ts';
import { eventFields } from './event-fields.ts';
import { KIND_WORDS, PROVENANCE_WORDS } from './event-words.ts';
import { headlineItems } from './headline-words.ts';
import { type FrameKey, frame, frameWith } from './report-words.ts';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const e = escapeHtml;

/** Undoes escapeHtml. */
function unescapeHtml(text: string): string {
  return text.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)));
}

const CSS = `body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#111}
h1{font-size:1.4em}h2{font-size:1.1em;border-bottom:1px solid #999;margin-top:1.6em}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #bbb;padding:3px 6px;vertical-align:top;text-align:start}
.s{font-weight:600;white-space:nowrap}.missed,.partly-met{background:#fde2e2}.disputed{background:#fff3cd}
.met-late,.suspended{background:#fff8e0}.met{background:#e6f4ea}.unrecorded{background:#eeeeee}
svg{max-width:100%;height:auto}svg text{font-size:11px}.provenance{border:2px solid #7a4b00;background:#fff8e0;padding:.5em .75em}
@media print{body{margin:1cm}h2{break-after:avoid}tr{break-inside:avoid}a{color:inherit}}`;

/** How the report writes in `lang`: its own words escaped, names and recorded words isolated and marked with their script. */
interface Html {
  lang: Lang;
  /** The year the report is read in: moments of another are written with theirs (readingYear). */
  year: string;
  text(s: string): string;
  name(s: string): string;
  say(x: Explanation): string;
  frame(key: FrameKey, values?: Record<string, string>): string;
}

function rows(list: ObligationStatus[], h: Html, labels: Labels): string {
  if (list.length === 0) return `<p>${h.frame('none')}</p>`;
  const body = list
    .map((o) => {
      // The evidence is the events' leaf hashes: kept behind the count (its title), not read as words.
      const count = o.evidence.length;
      const evidence =
        count === 0
          ? h.frame('evidence.none')
          : count === 1
            ? h.frame('event.one')
            : h.frame('event.other', { n: e(formatNumber(count, h.lang)) });
      return `<tr class="${e(o.status)}"><td class="s">${e(STATUS_WORDS[h.lang][o.status])}${o.uncertain ? ' ⚠' : ''}</td><td>${h.say([o.obligation.line])}</td><td>${h.name(labels.party(o.obligation.party))}</td><td>${h.say(o.explanation)}<br><small title="${e(o.evidence.join(' '))}">${h.frame('evidence', { items: evidence })}</small></td></tr>`;
    })
    .join('\n');
  return `<table><thead><tr><th>${h.frame('th.status')}</th><th>${h.frame('th.obligation')}</th><th>${h.frame('th.party')}</th><th>${h.frame('th.explanation')}</th></tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** Cumulative persons counted per direction, batch by batch, as an inline SVG line chart. */
export function chart(directions: DirectionTally[], labels?: Labels, lang: Lang = 'en'): string {
  const arrow = lang === 'en' ? '→' : '←';
  // A direction with nothing on record is not drawn: a line at 0 would say none were released.
  const series = directions
    .filter((d) => d.evidence.length > 0)
    .map((d) => {
      let sum = 0;
      const label = labels
        ? `${labels.party(d.from)} ${arrow} ${labels.party(d.to)}`
        : `${d.from} ${arrow} ${d.to}`;
      return { label, points: d.byBatch.map((b) => (sum += b.counted)) };
    });
  const n = Math.max(1, ...series.map((s) => s.points.length));
  const max = Math.max(1, ...series.flatMap((s) => s.points));
  const num = (x: number) => (lang === 'en' ? String(x) : formatNumber(x, lang));
  const [w, h, left, bottom] = [520, 200, 40, 24];
  const x = (i: number) => left + (n === 1 ? 0 : (i * (w - left - 10)) / (n - 1));
  // Room above the highest point for its label.
  const top = 24;
  const y = (v: number) => h - bottom - (v * (h - bottom - top)) / max;
  const dash = ['', '6 3', '2 2'];
  const lines = series
    .map((s, k) => {
      const pts = s.points.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
      const last = s.points.at(-1) ?? 0;
      return `<polyline fill="none" stroke="#000" stroke-width="1.5" stroke-dasharray="${dash[k % 3]}" points="${pts}"/><text x="${x(s.points.length - 1) - 4}" y="${y(last) - 4}" text-anchor="end">${e(s.label)}: ${formatNumber(last, lang)}</text>`;
    })
    .join('');
  const axis = `<line x1="${left}" y1="${h - bottom}" x2="${w}" y2="${h - bottom}" stroke="#666"/><line x1="${left}" y1="10" x2="${left}" y2="${h - bottom}" stroke="#666"/><text x="${left - 4}" y="${y(max) + 4}" text-anchor="end">${num(max)}</text><text x="${left - 4}" y="${h - bottom}" text-anchor="end">${num(0)}</text>`;
  const ticks = Array.from(
    { length: n },
    (_, i) => `<text x="${x(i)}" y="${h - 6}" text-anchor="middle">${num(i + 1)}</text>`,
  ).join('');
  // The chart is drawn left to right in every language (its axes are numbers).
  // Its own size at most, narrower on a narrower screen (viewBox): never wider than the page.
  return `<svg width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" direction="ltr" aria-label="${e(frame(lang, 'chart'))}">${axis}${ticks}${lines}</svg>`;
}

/** Wraps a name or words recorded as given: isolated (<bdi>), marked as Latin script when they are. */
function isolated(text: string): string {
  return /[A-Za-z]/.test(text) ? `<bdi lang="und-Latn">${e(text)}</bdi>` : `<bdi>${e(text)}</bdi>`;
}

/** How the report writes in `lang` (English as it always has: names as plain text). */
function htmlWriter(agreement: Agreement, lang: Lang, year: string): Html {
  const names = namesOf(agreement, lang);
  const name = (s: string) => (lang === 'en' ? e(s) : isolated(s));
  return {
    lang,
    year,
    text: e,
    name,
    say: (x) =>
      lang === 'en'
        ? e(explain(x, agreement, lang, year))
        : renderParts(x, { lang, names, year })
            .map((p) => (p.marked ? isolated(p.text) : e(p.text)))
            .join(''),
    frame: (key, values = {}) => frameWith(lang, key, values, e),
  };
}

/**
 * The headline figures, from the same model as the dashboard, the CLI and the API: released each
 * way, and each aid quota source by source (never added across sources); "unrecorded" where nothing
 * is on record, never 0. Each figure carries data-figure and data-value, as on the dashboard.
 */
export function headlineHtml(
  h: HeadlineFigures,
  agreement: Agreement,
  lang: Lang = 'en',
  labels: Labels = labelsOf(agreement, [], lang),
): string {
  const year = readingYear(h.asOf, agreement.timeZone);
  const html = htmlWriter(agreement, lang, year);
  const items = headlineItems(
    h,
    labels,
    lang,
    {
      ...html,
      figure: (id, value, words) =>
        `<strong data-figure="${e(id)}" data-value="${value === null ? 'unrecorded' : value}">${e(words)}</strong>`,
    },
    { year },
  );
  return items.length
    ? `<ul>${items.map((i) => `<li>${i.line}${i.sub.length ? `<ul>${i.sub.map((x) => `<li>${x}</li>`).join('')}</ul>` : ''}</li>`).join('')}</ul>`
    : `<p>${html.frame('none')}</p>`;
}

/** Whether two lists of figures are the same figures: each source's, resting on the same events. */
function sameFigures(a: Figure[], b: Figure[]): boolean {
  const key = (f: Figure[]) =>
    JSON.stringify(f.map((x) => [x.source, x.quantity, [...x.evidence].sort()]).sort());
  return key(a) === key(b);
}

/** What a quota's figures count: its quota line (or act) over the phase, or for its day. */
function countedWhat(o: ObligationStatus): Phrase {
  const ob = o.obligation;
  const what = quotaLine(ob);
  return ob.action === 'deliver-extra' || !ob.date
    ? phrase('quota.over-phase', { what })
    : phrase('figure.on-day', { what, day: { type: 'day', date: ob.date } });
}

/** One thing counted by several sources (`what`, written): each source's figure, side by side, never added. */
function figuresLine(what: string, figures: Figure[], differ: boolean, h: Html): string {
  const sep = h.lang === 'ar' ? '؛ ' : '; ';
  return `${what}: ${figures
    .map((x) =>
      h.frame('perFigure', {
        // A figure recorded as approximate keeps its ⚠ beside the others' (never removed by them).
        n: e(
          `${x.uncertain ? '⚠ ' : ''}${h.lang === 'en' ? String(x.quantity) : formatNumber(x.quantity, h.lang)}`,
        ),
        source: h.name(x.source),
      }),
    )
    .join(e(sep))}${differ ? ` ${h.frame('differ')}` : ''}`;
}

/** "(source: …)" after what names one; nothing after what names none. */
function sourced(source: string | undefined, h: Html): string {
  return source ? ` ${h.frame('sourced', { source: h.name(source) })}` : '';
}

/**
 * One disputed allegation: when, who alleges what against whom (and the term it names), its source,
 * and who disputes it, why and on what source. Both sides in their own words, side by side.
 */
function disputedAllegationLine(a: Allegation, h: Html, labels: Labels, agreement: Agreement): string {
  const at = formatMoment(Date.parse(a.at), agreement.timeZone, h.lang, 'latn', h.year);
  const by = h.name(labels.actor(a.answer?.by ?? a.against));
  const answer =
    a.reason === undefined || a.reason === ''
      ? h.frame('disputedByBare', { actor: by })
      : h.frame('disputedBy', { actor: by, reason: h.name(a.reason) });
  return `<span class="s" title="${e(a.evidence.join(' '))}">${e(at)}</span> ${h.frame('alleges', {
    actor: h.name(labels.actor(a.by)),
    party: h.name(labels.party(a.against)),
  })}${a.provision ? ` (${h.name(labels.provision(a.provision))})` : ''}${sourced(a.source, h)}: ${h.name(
    a.description,
  )} — ${answer}${sourced(a.answer?.source, h)}`;
}

/**
 * One breach on record: when, who alleged what against whom (and the term it names), and who made
 * it a breach: "resolved by United States: a breach" or "acknowledged by the RSF, the side alleged
 * against", with the answer's reason and source.
 */
function breachLine(a: Allegation, h: Html, labels: Labels, agreement: Agreement): string {
  const at = formatMoment(Date.parse(a.at), agreement.timeZone, h.lang);
  const state = allegationStateWords(a, h.lang, (id) => h.name(labels.actor(id)), e);
  return `<span class="s" title="${e(a.evidence.join(' '))}">${e(at)}</span> ${h.frame('alleges', {
    actor: h.name(labels.actor(a.by)),
    party: h.name(labels.party(a.against)),
  })}${a.provision ? ` (${h.name(labels.provision(a.provision))})` : ''}${sourced(a.source, h)}: ${h.name(
    a.description,
  )} — ${state}${a.reason ? `${e(h.lang === 'ar' ? '؛ ' : '; ')}${h.name(a.reason)}` : ''}${sourced(a.answer?.source, h)}`;
}

/** What is late or outstanding: the obligations, then the breaches on record; "None." only when there is neither. */
function lateHtml(
  obligations: ObligationStatus[],
  breaches: Allegation[],
  h: Html,
  labels: Labels,
  agreement: Agreement,
): string {
  if (breaches.length === 0) return rows(obligations, h, labels);
  const found = `<p>${h.frame('breaches')}</p>\n<ul>${breaches.map((a) => `<li>${breachLine(a, h, labels, agreement)}</li>`).join('')}</ul>`;
  return obligations.length ? `${rows(obligations, h, labels)}\n${found}` : found;
}

/**
 * The disputes on record: the obligations resting on a disputed record (both sides of each, with
 * their sources) and the disputed allegations; "None." only when there is neither.
 */
function disputesHtml(
  obligations: ObligationStatus[],
  allegations: Allegation[],
  h: Html,
  labels: Labels,
  agreement: Agreement,
): string {
  if (allegations.length === 0) return rows(obligations, h, labels);
  const alleged = `<ul>${allegations.map((a) => `<li>${disputedAllegationLine(a, h, labels, agreement)}</li>`).join('')}</ul>`;
  return obligations.length ? `${rows(obligations, h, labels)}\n${alleged}` : alleged;
}

/** One event of the day: its time, what happened, who recorded it, its figures as recorded, its source and note. */
function happenedLine(x: DayEvent, labels: Labels, h: Html, agreement: Agreement): string {
  const fields = eventFields(x.body, labels, h.lang, {
    ...(x.refs ? { refs: x.refs } : {}),
    timeZone: agreement.timeZone,
    year: h.year,
  });
  const time = x.at.slice(11, 16);
  // Named by what was handed over: remains are returned, not released (eventKindLabel).
  const label = eventKindLabel(agreement, x.kind, x.body);
  const words = KIND_WORDS[h.lang][label];
  const kind =
    h.lang !== 'en'
      ? (words ?? x.kind)
      : label === x.kind || !words
        ? x.kind.replace('.', ' ')
        : words.charAt(0).toLowerCase() + words.slice(1);
  const sep = h.lang === 'ar' ? '، ' : ', ';
  const fieldHtml = fields
    .map((f) =>
      f.alone
        ? e(f.field)
        : `${e(f.field)}: ${f.asGiven ? h.name(f.value) : e(f.value).replace(/\uE011(.*?)\uE012/g, (_, x: string) => h.name(unescapeHtml(x)))}`,
    )
    .join(e(sep));
  // The leaf hash is the evidence, kept behind the line (its title), not read as words.
  return `<span class="s" title="${e(x.hash)}">${e(time)}</span> ${h
    .frame('happened', {
      time: '',
      kind: h.lang === 'en' || words ? e(kind) : h.name(kind),
      actor: h.name(labels.actor(x.actor)),
    })
    .replace(
      /^ /,
      '',
    )}${fields.length ? `: ${fieldHtml}` : ''}${x.source ? ` [${h.name(x.source)}]` : ''}${x.note ? ` ${h.frame('note', { note: h.name(x.note) })}` : ''}`;
}

/**
 * A daily situation report: one self-contained, printable HTML page (no scripts, no external assets),
 * written in `lang` (its frame, its explanations and its numbers), right to left in Arabic and Hebrew.
 * `labels` names parties, actors and provisions (give the log's actors to name them as registered,
 * in `lang`); names and words recorded as given are isolated and marked with their script.
 */
export function reportHtml(
  ev: Evaluation,
  agreement: Agreement,
  date: string,
  provenance: Provenance = RECORDED,
  labels: Labels = labelsOf(agreement, [], 'en'),
  happened: DayEvent[] = [],
  lang: Lang = 'en',
): string {
  // Moments of another year than the day reported on say their year.
  const h = htmlWriter(agreement, lang, readingYear(ev.asOf, agreement.timeZone));
  // Planned for the day, or due that day since its deadline moved (an extension agreed).
  const today = ev.obligations.filter((o) => onDay(o, date));
  const late = ev.obligations.filter(
    (o) =>
      ['missed', 'partly-met', 'suspended'].includes(o.status) ||
      // Nothing recorded past its deadline: outstanding on the record (not a verdict), listed every
      // day from its deadline until something is recorded, saying how long past it is. The end of
      // its phase does not cancel it (docs/compliance.md): what the end cancels is superseded. What
      // is owed day by day (a day's quota) is listed on its day only: a day past is not owed later.
      (o.status === 'unrecorded' &&
        o.overdueMinutes !== undefined &&
        (!DAILY.has(o.obligation.action) || o.obligation.date === date)) ||
      (o.status === 'met-late' && o.obligation.date === date),
  );
  const disputes = ev.obligations.filter((o) => o.disputes?.length);
  // Every breach on record by the report's moment (acknowledged by the accused, or found by a
  // mediator): a recorded failure, listed with what is late every day after, not on its day alone.
  const breaches = ev.allegations.filter(
    (a) => a.state === 'acknowledged' || (a.state === 'resolved' && a.finding === 'breach'),
  );
  // Every allegation the side alleged against disputes, as of the report's moment (as the disputed
  // obligations above): the "disputed" of the allegations and the provisions is told here too.
  const disputedAllegations = ev.allegations.filter((a) => a.state === 'disputed');
  const figures = ev.figures.filter((f) => f.figures.length > 1);
  // A quota's figures from several sources that no set above holds (a quantity over the phase sums
  // each source's figures of every day): shown too, as the status shows them on its line.
  const quotaFigures = ev.obligations.filter(
    (o) => (o.figures?.length ?? 0) > 1 && !figures.some((f) => sameFigures(f.figures, o.figures!)),
  );
  // A quantity owed over the phase is a cumulative figure: told with its figures and its status.
  const overPhase = ev.obligations.filter((o) => o.obligation.action === 'deliver-extra');
  const alleged = ev.allegations.filter((a) => a.at.startsWith(date));
  const n = (x: number) => (lang === 'en' ? String(x) : formatNumber(x, lang));
  const agreementTitle = localized(agreement.title, lang);
  const title = frame(lang, 'title', { title: agreementTitle, date: formatDate(date, lang) });
  const section = (key: FrameKey, body: string) => `<h2>${h.frame(key)}</h2>\n${body}`;
  const list = (items: string[]) =>
    items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : `<p>${h.frame('none')}</p>`;
  const phaseTitle = (id: string) => {
    const p = agreement.phases.find((x) => x.id === id);
    return p?.title ? localized(p.title, lang) || id : id;
  };
  const banner = PROVENANCE_WORDS[lang];
  const warnings = [
    ...(provenance.reconstructed ? [banner.reconstructed] : []),
    ...(provenance.demoKeys ? [banner.demoKeys] : []),
  ];
  const clock = wallClock(Date.parse(ev.asOf), agreement.timeZone);
  const about = {
    zone: h.name(agreement.timeZone),
    // "1 event", "12 events": the noun in the form the number asks for.
    events: e(countedAs(ev.events, 'event', lang, n(ev.events))),
    version: typeof agreement.version === 'number' ? e(n(agreement.version)) : h.name(agreement.version),
  };
  // Midnight is the end of the day before (a day's report): said so, not as the next day's 00:00.
  const endedDay = dayEndingAt(Date.parse(ev.asOf), agreement.timeZone);
  const asOf =
    endedDay !== null
      ? h.frame('asOfEndOfDay', { ...about, day: e(formatDate(endedDay, lang)) })
      : h.frame('asOf', {
          // In English as the plan writes a moment ("2023-11-30 18:00"), not as ISO with its offset.
          at: e(
            lang === 'en'
              ? `${clock.date} ${clock.time.slice(0, 5)}`
              : formatMoment(Date.parse(ev.asOf), agreement.timeZone, lang, 'latn', h.year),
          ),
          ...about,
        });
  return `<!doctype html>
<html lang="${lang}" dir="${lang === 'en' ? 'ltr' : 'rtl'}"><head><meta charset="utf-8"><title>${e(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${CSS}</style></head><body>
${needsBanner(provenance) ? `<p class="provenance" role="note"><strong>${warnings.map(e).join(' ')}</strong></p>\n` : ''}<h1>${h.frame('title', { title: h.name(agreementTitle), date: e(formatDate(date, lang)) })}</h1>
<p>${asOf}</p>
${section('h.headline', headlineHtml(headlineFigures(agreement, ev), agreement, lang, labels))}
${section('h.phases', list(ev.phases.map((p) => `${h.name(phaseTitle(p.phase))}: ${h.say(p.explanation)}`)))}
${section('h.happened', list(happened.map((x) => happenedLine(x, labels, h, agreement))))}
${section('h.today', rows(today, h, labels))}
${section('h.late', lateHtml(late, breaches, h, labels, agreement))}
${section('h.disputes', disputesHtml(disputes, disputedAllegations, h, labels, agreement))}
${section(
  'h.figures',
  list([
    ...figures.map((f) => figuresLine(h.say([f.what]), f.figures, f.conflicting, h)),
    ...quotaFigures.map((o) =>
      figuresLine(
        `${h.name(labels.provision(o.obligation.provision))}, ${h.say([countedWhat(o)])}`,
        o.figures!,
        new Set(o.figures!.map((x) => x.quantity)).size > 1,
        h,
      ),
    ),
  ]),
)}
${section(
  'h.allegations',
  list(
    alleged.map(
      (a) =>
        `${h.frame('alleges', { actor: h.name(labels.actor(a.by)), party: h.name(labels.party(a.against)) })}${a.provision ? ` (${h.name(labels.provision(a.provision))})` : ''}: ${h.name(a.description)} [${allegationStateWords(a, lang, (id) => h.name(labels.actor(id)), e)}]${casualtyPhrases(
          a.casualties,
          lang,
          (x) => `\uE011${x}\uE012`,
        )
          .map((c) => ` · ${e(c).replace(/\uE011(.*?)\uE012/g, (_, x: string) => h.name(unescapeHtml(x)))}`)
          .join('')}`,
    ),
  ),
)}
${section(
  'h.cumulative',
  `${list([
    // Nothing on record each way is said so, never "0 counted" (TRUTH rule 1).
    ...ev.exchanges.directions.map((d) =>
      d.evidence.length === 0
        ? h.frame('cumulativeNothing', {
            provision: h.name(labels.provision(d.provision)),
            from: h.name(labels.party(d.from)),
            to: h.name(labels.party(d.to)),
          })
        : h.frame('cumulative', {
            provision: h.name(labels.provision(d.provision)),
            from: h.name(labels.party(d.from)),
            to: h.name(labels.party(d.to)),
            // A count that adds up a figure recorded as approximate carries its ⚠.
            counted: e(`${d.uncertain ? '⚠ ' : ''}${formatNumber(d.counted, lang)}`),
            outside: e(`${d.outsideUncertain ? '⚠ ' : ''}${formatNumber(d.outside, lang)}`),
          }),
    ),
    // Remains recovered without a handover: in their own words, never counted in a line above.
    ...ev.provisions.flatMap((p) =>
      (p.recovered ?? []).map(
        (r) =>
          `${h.name(labels.provision(p.provision))}: ${h.say([recoveredPhrase(r, labels, agreement.timeZone)])}`,
      ),
    ),
    // Each ratio names its exchange, as the lines above do: two exchanges' ratios would otherwise read alike.
    ...ev.exchanges.ratios.map((r) => `${h.name(labels.provision(r.provision))}: ${h.say(r.explanation)}`),
    ...overPhase.map((o) => `${h.name(labels.provision(o.obligation.provision))}: ${h.say(o.explanation)}`),
  ])}\n${chart(ev.exchanges.directions, labels, lang)}`,
)}
${section('h.provisions', list(ev.provisions.map((p) => `<span class="s">${h.name(labels.provision(p.provision))}: ${e(STATUS_WORDS[lang][p.status])}${p.uncertain ? ' ⚠' : ''}</span> — ${h.say(p.explanation)}`)))}
</body></html>
`;
}
