import type { Agreement, Provision } from '../agreement/types.ts';
import { addDays } from '../time/zoned-time.ts';
import type { PlanContext } from './context.ts';
import { PlanError } from './plan-error.ts';
import { provisionObligations, standingObligation } from './provision-obligations.ts';
import { placePhases, resolveExtensions, startDate } from './timeline.ts';
import { sumTotals } from './totals.ts';
import type { Obligation, Plan, PlanDay, PlanOptions } from './types.ts';

/** The agreement day on which a condition is met under the plan, or null if it never is. */
function conditionDay(target: Obligation[], category: string | undefined): number | null {
  const handovers = target.filter((o) => o.action === 'hand-over');
  const relevant = handovers.length ? handovers : target;
  const withCategory =
    category === undefined
      ? relevant
      : relevant.filter((o) => !o.mix || o.mix.some((m) => m.category === category));
  if (withCategory.length === 0) return null;
  return Math.max(...withCategory.map((o) => o.day));
}

/**
 * Computes the obligations of an agreement day by day: who must do what, by when. Pure and
 * deterministic: the same agreement and options always give the same plan.
 */
export function planAgreement(agreement: Agreement, options: PlanOptions = {}): Plan {
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
  const phases = placePhases(agreement, resolveExtensions(agreement, options.extend), firstDate);
  const ctx: PlanContext = {
    agreement,
    timeZone,
    firstDate,
    startEpoch: start ? Date.parse(start) : null,
    phases: new Map(phases.map((p) => [p.id, p])),
    delay: options.delay ?? {},
    counts: options.counts ?? {},
    notes: [],
    unplaced: [],
  };
  if (!firstDate)
    ctx.notes.push('No start date: days are counted from day 1 and no calendar dates are given.');

  const byProvision = new Map<string, Obligation[]>();
  let pending: Provision[] = [];
  for (const p of agreement.provisions) {
    if (ctx.phases.get(p.phase)?.startDay === null) {
      ctx.notes.push(
        `${p.id}: its phase "${p.phase}" follows a phase of open length, so it is not placed on the calendar.`,
      );
      byProvision.set(p.id, []);
    } else if (p.condition) pending.push(p);
    else byProvision.set(p.id, provisionObligations(ctx, p, 1));
  }
  // Conditional provisions in dependency order: each once the provision it waits for is planned.
  while (pending.length) {
    const next = pending.filter((p) => byProvision.has(p.condition!.provision));
    if (next.length === 0) {
      for (const p of pending)
        ctx.notes.push(`${p.id}: its condition can never be met (circular conditions).`);
      break;
    }
    for (const p of next) {
      const c = p.condition!;
      const met = conditionDay(byProvision.get(c.provision)!, c.category);
      const phaseStart = ctx.phases.get(p.phase)!.startDay ?? 1;
      const what = `${c.provision}${c.category ? ` (${c.category})` : ''}`;
      if (met === null) {
        ctx.notes.push(`${p.id}: waits for ${what}, which the plan never completes; not placed.`);
        byProvision.set(p.id, []);
        continue;
      }
      const text = `${c.text ?? `once ${what} is complete`} (by day ${met} under this plan)`;
      const placed = provisionObligations(ctx, p, Math.max(1, met + 1 - phaseStart + 1), text);
      if (
        placed.length === 0 ||
        placed.every(
          (o) => o.phase === p.phase && o.phaseDay > (ctx.phases.get(p.phase)!.lengthDays ?? Infinity),
        )
      ) {
        ctx.notes.push(
          `${p.id}: waits for ${what}, which this plan completes only on day ${met}: no day of phase "${p.phase}" is left after it.`,
        );
      }
      byProvision.set(p.id, placed);
    }
    pending = pending.filter((p) => !next.includes(p));
  }

  const obligations = agreement.provisions.flatMap((p) => byProvision.get(p.id) ?? []);
  const lastDay = Math.max(0, ...phases.map((p) => p.endDay ?? 0), ...obligations.map((o) => o.day));
  const days: PlanDay[] = [];
  for (let day = 1; day <= lastDay; day++) {
    // A day between two phases (a gap, e.g. between vaccination rounds) belongs to none.
    const phase = phases.find(
      (p) => p.startDay !== null && p.startDay <= day && (p.endDay === null || day <= p.endDay),
    );
    days.push({
      day,
      date: firstDate ? addDays(firstDate, day - 1) : null,
      phase: phase?.id ?? null,
      phaseDay: phase ? day - (phase.startDay ?? 1) + 1 : null,
      obligations: obligations
        .filter((o) => o.day === day)
        .sort((a, b) => (a.due ?? '').localeCompare(b.due ?? '') || a.id.localeCompare(b.id)),
    });
  }
  return {
    agreement: agreement.id,
    version: agreement.version,
    kind: agreement.kind,
    timeZone,
    start,
    phases,
    days,
    standing: agreement.provisions.map((p) => standingObligation(ctx, p)).filter((s) => s !== null),
    totals: sumTotals(obligations),
    unplaced: ctx.unplaced,
    notes: ctx.notes,
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
