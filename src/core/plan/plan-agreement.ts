import type { Agreement, Provision } from '../agreement/types.ts';
import { restsOnUncertainParty } from '../agreement/uncertain-party.ts';
import { addDays, daysBetween, localDate } from '../time/zoned-time.ts';
import { num, phaseRef, phrase, provisionRef } from '../words/phrase.ts';
import { englishNote, type PlanContext, waitedOn } from './context.ts';
import { dependencies } from './dependencies.ts';
import { completion, namedCategories, type Planned } from './moment.ts';
import { PlanError } from './plan-error.ts';
import { checkPlanLength, checkPlanOptions } from './plan-limits.ts';
import { english, provisionObligations, standingObligation } from './provision-obligations.ts';
import { horizonDay, placePhases, resolveExtensions, startDate } from './timeline.ts';
import { sumTotals } from './totals.ts';
import type { Obligation, PlacedOnRecord, Plan, PlanDay, PlanOptions } from './types.ts';

/**
 * A conditional provision whose condition waits on a window (no fixed day), placed from the day the
 * record shows the condition met. A crossing with no agreed date is one opening with no deadline
 * (`noAgreedDate`): its daily flows have no day to count from, so they are shown beside it.
 */
function placeOnRecord(
  ctx: PlanContext,
  p: Provision,
  on: PlacedOnRecord['on'],
  what: string,
  metAt: string,
  planned: Planned,
) {
  const c = p.condition!;
  const date = localDate(Date.parse(metAt), ctx.timeZone);
  const day = daysBetween(ctx.firstDate!, date) + 1;
  const phaseDay = Math.max(1, day - (ctx.phases.get(p.phase)!.startDay ?? 1) + 1);
  const text = `${c.text ?? `once ${what} is complete`} (complete on ${date} by the record)`;
  ctx.placedOnRecord.push({ provision: p.id, on, date });
  const placed = provisionObligations(ctx, p, phaseDay, text, planned).map((o) => ({
    ...o,
    conditionMetAt: metAt,
  }));
  if (p.kind !== 'crossing' || p.due !== undefined) return placed;
  return placed
    .filter((o) => o.action === 'open-crossing')
    .map((o) => ({ ...o, due: null, noAgreedDate: true as const }));
}

/** Places a conditional provision after what it waits for, or records why it cannot. */
function placeConditional(ctx: PlanContext, p: Provision, planned: Planned): Obligation[] {
  const c = p.condition!;
  const target = ctx.agreement.provisions.find((x) => x.id === c.provision);
  const categories = namedCategories(target, c);
  const on = {
    provision: c.provision,
    ...(c.group ? { group: c.group } : {}),
    ...(categories && !c.group ? { categories } : {}),
  };
  const what = `${c.provision}${c.group ? ` (${c.group})` : categories ? ` (${categories.join(', ')})` : ''}`;
  const note = { provision: provisionRef(p.id), on: waitedOn(on) };
  const point = completion(planned.get(c.provision) ?? [], categories, on, true);
  const metAt = ctx.conditionsMet[p.id];
  if ('waiting' in point && point.waiting === 'window' && metAt !== undefined && ctx.firstDate)
    return placeOnRecord(ctx, p, on, what, metAt, planned);
  if ('waiting' in point) {
    ctx.waiting.push({ provision: p.id, on, reason: point.waiting, ...(c.text ? { text: c.text } : {}) });
    ctx.notes.push(
      point.waiting === 'mix-unknown'
        ? phrase('plan.note.waits-mix-unknown', note)
        : point.waiting === 'window'
          ? phrase('plan.note.waits-window', note)
          : phrase('plan.note.waits-never', note),
    );
    return [];
  }
  const met = point.day;
  const phaseStart = ctx.phases.get(p.phase)!.startDay ?? 1;
  const text = `${c.text ?? `once ${what} is complete`} (by day ${met} under this plan)`;
  const placed = provisionObligations(ctx, p, Math.max(1, met + 1 - phaseStart + 1), text, planned);
  const last = ctx.phases.get(p.throughPhase ?? p.phase) ?? ctx.phases.get(p.phase)!;
  const lastDay = last.openEnded ? last.plannedTo : last.endDay;
  if (placed.length === 0 || (lastDay !== null && placed.every((o) => o.day > lastDay))) {
    ctx.notes.push(
      phrase('plan.note.waits-no-day-left', { ...note, day: num(met), phase: phaseRef(p.phase) }),
    );
  }
  return placed;
}

/**
 * Computes the obligations of an agreement day by day: who must do what, by when. Pure and
 * deterministic: the same agreement and options always give the same plan.
 */
export function planAgreement(agreement: Agreement, options: PlanOptions = {}): Plan {
  checkPlanOptions(options);
  for (const id of Object.keys(options.delay ?? {})) {
    if (!agreement.provisions.some((p) => p.id === id)) {
      throw new PlanError(
        'plan-unknown-provision',
        `--delay names provision "${id}", which the agreement does not have.`,
      );
    }
  }
  const timeZone = agreement.timeZone;
  const start = options.start ?? agreement.start ?? null;
  const firstDate = startDate(agreement, timeZone, options.start);
  const extensions = resolveExtensions(agreement, options.extend);
  const horizon = horizonDay(options.horizon, firstDate);
  const phases = placePhases(agreement, extensions.phases, firstDate, horizon, start);
  checkPlanLength(Math.max(0, ...phases.map((p) => p.endDay ?? p.plannedTo ?? p.startDay ?? 0)));
  const ctx: PlanContext = {
    agreement,
    timeZone,
    firstDate,
    startEpoch: start ? Date.parse(start) : null,
    phases: new Map(phases.map((p) => [p.id, p])),
    delay: options.delay ?? {},
    counts: options.counts ?? {},
    zoneExtensions: extensions.zones,
    notes: [],
    unplaced: [],
    indicative: [],
    waiting: [],
    placedOnRecord: [],
    stated: [],
    conditionsMet: options.conditionsMet ?? {},
    dated: [],
  };
  if (!firstDate) ctx.notes.push(phrase('plan.note.no-start'));

  const planned: Planned = new Map();
  let pending: Provision[] = [];
  for (const p of agreement.provisions) {
    // A milestone on a calendar date is placed on it, whether or not its phase can be placed.
    const dated =
      p.kind === 'milestone' && (p.date !== undefined || (p.due !== undefined && 'date' in p.due));
    if (ctx.phases.get(p.phase)?.startDay === null && !(dated && firstDate)) {
      ctx.notes.push(
        phrase('plan.note.open-phase', { provision: provisionRef(p.id), phase: phaseRef(p.phase) }),
      );
      ctx.waiting.push({ provision: p.id, on: { provision: '', phase: p.phase }, reason: 'open-phase' });
      planned.set(p.id, []);
    } else pending.push(p);
  }
  // Each provision once every provision it waits for or counts from is planned.
  while (pending.length) {
    // A dependency the agreement does not have (the validator refuses it) holds nothing up.
    const next = pending.filter((p) =>
      dependencies(p).every((d) => planned.has(d) || !agreement.provisions.some((x) => x.id === d)),
    );
    if (next.length === 0) {
      for (const p of pending) {
        ctx.notes.push(phrase('plan.note.circular', { provision: provisionRef(p.id) }));
        ctx.waiting.push({
          provision: p.id,
          on: { provision: dependencies(p)[0] ?? '' },
          reason: 'circular',
        });
      }
      break;
    }
    for (const p of next) {
      planned.set(
        p.id,
        p.condition ? placeConditional(ctx, p, planned) : provisionObligations(ctx, p, 1, undefined, planned),
      );
    }
    pending = pending.filter((p) => !next.includes(p));
  }

  const obligations = agreement.provisions.flatMap((p) => planned.get(p.id) ?? []);
  const phasesEnd = Math.max(0, ...phases.map((p) => p.endDay ?? p.plannedTo ?? 0));
  // Obligations are grouped by day in one pass (not spread into Math.max, nor filtered per day).
  const byDay = new Map<number, Obligation[]>();
  let lastDay = phasesEnd;
  let firstDay = 1;
  const datedByDay = Map.groupBy(ctx.dated, (d) => d.day);
  for (const d of ctx.dated) lastDay = Math.max(lastDay, d.day);
  for (const o of obligations) {
    if (o.day > lastDay) lastDay = o.day;
    if (o.day < firstDay) firstDay = o.day;
    const list = byDay.get(o.day);
    if (list) list.push(o);
    else byDay.set(o.day, [o]);
  }
  checkPlanLength(lastDay, obligations.length);
  const indicativeByDay = Map.groupBy(ctx.indicative, (s) => s.day);
  const days: PlanDay[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    // Past the phases, only days on which something falls due (a milestone dated years ahead).
    if (day > phasesEnd && !byDay.has(day) && !datedByDay.has(day)) continue;
    // A day between two phases (a gap, e.g. between vaccination rounds) belongs to none; a day
    // past the horizon of a phase with no fixed end (a term due after it) is still that phase's.
    const phase =
      phases.find((p) => {
        const end = p.endDay ?? p.plannedTo;
        return p.startDay !== null && p.startDay <= day && (end === null || day <= end);
      }) ?? phases.findLast((p) => p.openEnded && p.startDay !== null && p.startDay <= day);
    days.push({
      day,
      date: firstDate ? addDays(firstDate, day - 1) : null,
      phase: phase?.id ?? null,
      phaseDay: phase ? day - (phase.startDay ?? 1) + 1 : null,
      obligations: (byDay.get(day) ?? []).sort(
        (a, b) => (a.due ?? '').localeCompare(b.due ?? '') || a.id.localeCompare(b.id),
      ),
      indicative: indicativeByDay.get(day) ?? [],
      ...(datedByDay.has(day) ? { dates: datedByDay.get(day)! } : {}),
    });
  }
  const open = phases.filter((p) => p.openEnded && p.plannedTo !== null);
  return {
    agreement: agreement.id,
    version: agreement.version,
    kind: agreement.kind,
    // The whole text is not confirmed (sources disagree on it, or it is a reconstruction).
    ...(agreement.uncertain ? { uncertain: true } : {}),
    timeZone,
    start,
    phases,
    days,
    standing: agreement.provisions.map((p) => standingObligation(ctx, p)).filter((s) => s !== null),
    totals: sumTotals(obligations),
    unplaced: ctx.unplaced,
    noteLines: ctx.notes,
    notes: ctx.notes.map(englishNote),
    horizon: open.length
      ? {
          day: Math.max(...open.map((p) => p.plannedTo!)),
          date: firstDate ? addDays(firstDate, Math.max(...open.map((p) => p.plannedTo!)) - 1) : null,
          from: horizon === null ? 'default' : 'option',
        }
      : null,
    // A provision the agreement marks uncertain (or one whose acting party it marks) stays marked while it waits.
    waiting: ctx.waiting.map((w) => {
      const p = agreement.provisions.find((x) => x.id === w.provision);
      return p && (p.uncertain || restsOnUncertainParty(agreement, p)) ? { ...w, uncertain: true } : w;
    }),
    placedOnRecord: ctx.placedOnRecord,
    dates: ctx.dated,
    stated: ctx.stated,
    preconditions: (agreement.preconditions ?? []).map((c) => ({
      text: english(c.text),
      ...(c.source ? { source: c.source } : {}),
      ...(c.uncertain ? { uncertain: true } : {}),
    })),
  };
}

/** The plan restricted to the days between two dates (inclusive) or two day numbers. */
export function sliceDays(plan: Plan, from?: string | number, to?: string | number): Plan {
  const key = (d: PlanDay, bound: string | number) =>
    typeof bound === 'number' ? d.day - bound : (d.date ?? '').localeCompare(bound);
  return {
    ...plan,
    days: plan.days.filter(
      (d) => (from === undefined || key(d, from) >= 0) && (to === undefined || key(d, to) <= 0),
    ),
  };
}
