import type { Provision, Quota } from '../agreement/types.ts';
import type { Obligation } from '../plan/types.ts';
import { type Arg, approx, type Explanation, list, num, phrase, qty, sentence } from '../words/phrase.ts';
import { dueAt, type EvalContext, endedAt, verdictPhrase } from './context.ts';
import { disputesPhrase } from './dispute-words.ts';
import { bySource } from './figures.ts';
import { judge } from './judge.ts';
import type { LiveLog } from './live-log.ts';
import { missPhrases, recordedMisses } from './obligation-result.ts';
import type { Dispute, ObligationStatus } from './types.ts';
import type { Effective, LogView } from './view.ts';

function quotaOf(p: Provision, o: Obligation): Quota | undefined {
  if (p.kind !== 'aid') return undefined;
  return [...p.perDay, ...(p.extra ?? [])].find((q) => q.id === o.category);
}

/** Whether an aid figure counts toward a quota: same unit, category and destination, this provision. */
function matches(body: Record<string, unknown>, p: Provision, o: Obligation, q: Quota | undefined): boolean {
  if (body.provision !== undefined && body.provision !== p.id) return false;
  // A figure for a period is never a figure for one of its days.
  if (body.from !== undefined) return false;
  if (body.unit !== o.unit) return false;
  if (!q) return body.date === o.date;
  if (o.action === 'admit-aid' && body.date !== o.date) return false;
  if (body.category !== undefined && body.category !== q.category && body.category !== q.id) return false;
  if (body.category === undefined && q.category !== undefined) return false;
  return (body.destination ?? null) === (q.destination ?? null);
}

const aidIndex = new WeakMap<LogView, Map<string, Effective[]>>();

/** Aid figures of one day (or all of them), indexed once per view. */
function aidOn(view: LogView, date: string | null): Effective[] {
  const all = view.current('aid.delivered');
  if (date === null) return all;
  let byDate = aidIndex.get(view);
  if (!byDate) {
    byDate = new Map();
    for (const r of all) {
      const d = String(r.body.date);
      const list = byDate.get(d);
      if (list) list.push(r);
      else byDate.set(d, [r]);
    }
    aidIndex.set(view, byDate);
  }
  return byDate.get(date) ?? [];
}

/**
 * The aid figures toward a quota from the live log: whole groups of figures that count the same
 * thing (whether a figure counts depends only on what it counts), with their sums per source and
 * their evidence already in the order it occurred.
 */
function liveFigures(live: LiveLog, p: Provision, o: Obligation, q: Quota | undefined) {
  const groups = live.aidGroups((body) => matches(body, p, o, q));
  return {
    count: groups.reduce((n, g) => n + g.records.length, 0),
    records: () => live.recordsOf(groups),
    figures: live.figuresOf(groups),
    referred: live.referredOf(groups),
    evidence: live.evidenceOf(groups),
  };
}

const PEOPLE: Record<string, string> = {
  patient: 'patients',
  companion: 'companions',
  resident: 'residents',
  person: 'people',
};

/** Crossing throughput of the obligation's day, direction and people, read as figures of its unit. */
function throughputOf(view: LogView, p: Provision, o: Obligation): Effective[] {
  const field = PEOPLE[o.unit ?? ''];
  if (!field) return [];
  return view
    .current('crossing.throughput')
    .filter(
      (r) =>
        r.body.provision === p.id &&
        r.body.from === undefined &&
        r.body.date === o.date &&
        r.body.direction === (o.direction ?? 'out') &&
        typeof r.body[field] === 'number',
    )
    .map((r) => ({ ...r, body: { ...r.body, quantity: r.body[field], unit: o.unit } }));
}

/**
 * Status of a quantity per day (aid, fuel, patients) or over a phase, at the moment of `ctx`, from
 * what the log says of it (quotaFacts, which changes only with events): the verdict, which may change
 * with the clock alone. Figures from several sources stay apart; when they fall on both sides of the
 * quota the status is disputed.
 */
export function quotaVerdict(
  ctx: EvalContext,
  p: Provision,
  o: Obligation,
  facts: QuotaFacts,
): ObligationStatus {
  const {
    required,
    done,
    anything,
    figures,
    disputes,
    due,
    dueIso,
    end,
    misses,
    head,
    record,
    evidence,
    approximate,
  } = facts;
  const v = judge({
    ...(misses.length ? { missedRecorded: true } : {}),
    clock: ctx.clock,
    dueAt: due,
    required,
    done,
    anything,
    disputes,
    ...(end !== undefined ? { endedAt: end } : {}),
    ...(ctx.ended.has(o.phase) ? { closedAt: ctx.ended.get(o.phase)!.at } : {}),
    ...(ctx.waiting.has(p.id) ? { waitsFor: ctx.waiting.get(p.id)! } : {}),
  });
  const status = v.status === 'missed' && v.noRecord ? 'unrecorded' : v.status;
  const tail = verdictPhrase(ctx, o, { ...v, status }, ctx.waiting.get(p.id));
  const explanation: Explanation = [
    sentence([head, ...(record.length ? [list(record, 'comma')] : []), tail]),
  ];
  if (disputes.length) explanation.push(disputesPhrase(disputes, ctx.labels));
  // Built field by field in the order a reader finds them (cheaper than spreading optional ones:
  // it runs again whenever the clock moves the verdict).
  const out: ObligationStatus = {
    obligation: o,
    // No source gave a figure: the log cannot say whether the quota was met, so it does not say missed.
    status,
    due: dueIso,
    required,
  } as ObligationStatus;
  // Nothing recorded is not 0 done: the figure is absent (the status says unrecorded).
  if (anything) out.done = done;
  if (v.overdueMinutes !== undefined) out.overdueMinutes = v.overdueMinutes;
  if (v.closed) out.overdueUntil = ctx.view.iso(v.closed.at);
  if (v.noRecord) out.noRecord = true;
  out.figures = figures;
  if (disputes.length) out.disputes = disputes;
  // Judged on every source's figure (the least, and whether they fall on both sides of the quota):
  // one given as approximate marks the status, whatever another source's exact figure says.
  if (approximate) {
    out.uncertain = true;
    // What was done: what a quota asks is the agreement's.
    out.approximate = { done: true };
  }
  out.evidence = evidence;
  out.explanation = explanation;
  return out;
}

/** What the log says of a quota (see quotaFacts). */
export type QuotaFacts = ReturnType<typeof quotaFacts>;

/** What a quota's obligation counts, as a phrase names it: its quota line, or its act when it has none. */
export function quotaLine(o: Obligation): Arg {
  return o.category !== undefined
    ? { type: 'quota', id: o.category, provision: o.provision }
    : { type: 'action', action: o.action };
}

/** What the log says of a quota: its figures, disputes, deadline in force, and the phrases saying so. */
export function quotaFacts(ctx: EvalContext, p: Provision, o: Obligation) {
  const q = quotaOf(p, o);
  const throughput = o.action === 'evacuate' || o.action === 'let-cross' ? throughputOf(ctx.view, p, o) : [];
  const counted = ctx.view.live && throughput.length === 0 ? liveFigures(ctx.view.live, p, o, q) : undefined;
  const records = (): Effective[] =>
    counted?.records() ?? [
      ...aidOn(ctx.view, o.action === 'admit-aid' ? o.date : null).filter((r) => matches(r.body, p, o, q)),
      ...throughput,
    ];
  const recorded = counted ? undefined : records();
  const anything = (counted?.count ?? recorded!.length) > 0;
  const figures = counted?.figures ?? bySource(ctx.view, recorded!);
  const required = o.quantity ?? 0;
  const due = dueAt(ctx, o);
  const disputes: Dispute[] = (counted?.referred ?? recorded!.map((r) => r.entry)).flatMap((e) =>
    ctx.view.disputes(e, 'quantity'),
  );
  const above = figures.filter((f) => f.quantity >= required);
  if (above.length > 0 && above.length < figures.length && disputes.length === 0) {
    const high = above[0]!;
    const low = figures.find((f) => f.quantity < required)!;
    disputes.push({
      of: low.evidence[0]!,
      recorded: { actor: low.source, figure: low.quantity, source: low.source },
      disputedBy: {
        actor: high.source,
        figure: high.quantity,
        reason: '',
        found: 'sources-differ',
        quota: required,
        evidence: high.evidence[0]!,
      },
    });
  }
  const done = figures.length ? Math.min(...figures.map((f) => f.quantity)) : 0;
  const end = endedAt(ctx, o.phase);
  const misses = recordedMisses(ctx, o, due);
  const line = quotaLine(o);
  const required_ = qty(required, o.unit ?? 'unit');
  const what = o.atLeast
    ? phrase('quota.what-at-least', { required: required_, line })
    : phrase('quota.what', { required: required_, line });
  const head =
    o.action === 'admit-aid' && o.date
      ? phrase('quota.for-day', { what, day: { type: 'day', date: o.date } })
      : phrase('quota.over-phase', { what });
  const record: Arg[] = [
    ...figures.map((f) =>
      phrase('record.figure-per', {
        value: approx(num(f.quantity), f.uncertain),
        source: ctx.labels.actorArg(f.source),
      }),
    ),
    ...missPhrases(ctx, misses),
  ];
  return {
    required,
    done,
    anything,
    figures,
    disputes,
    due,
    dueIso: due === null ? null : ctx.view.iso(due),
    end,
    misses,
    head,
    record,
    approximate: figures.some((f) => f.uncertain),
    evidence:
      counted && misses.length === 0
        ? counted.evidence
        : [
            ...new Set([...(recorded ?? records()).flatMap((r) => r.evidence), ...misses.map((m) => m.hash)]),
          ].sort(),
  };
}
