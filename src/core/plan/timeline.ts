import type { Agreement, Phase } from '../agreement/types.ts';
import { addDays, daysBetween, localDate } from '../time/zoned-time.ts';
import { PlanError } from './plan-error.ts';
import type { PlanPhase } from './types.ts';

/** Extra days per phase id, after the extension rule's limit has been checked. */
export function resolveExtensions(agreement: Agreement, extend: number | Record<string, number> | undefined) {
  const extra = new Map<string, number>();
  if (extend === undefined || extend === 0) return extra;
  const requested = typeof extend === 'number' ? firstExtensible(agreement, extend) : Object.entries(extend);
  for (const [phaseId, days] of requested) {
    const phase = agreement.phases.find((p) => p.id === phaseId);
    if (!phase)
      throw new PlanError(
        'plan-unknown-phase',
        `--extend names phase "${phaseId}", which the agreement does not have.`,
      );
    if (!phase.extension) {
      throw new PlanError(
        'plan-not-extensible',
        `Phase "${phaseId}" has no extension rule, so it cannot be extended.`,
      );
    }
    if (!Number.isInteger(days) || days < 0) {
      throw new PlanError(
        'plan-bad-option',
        `Extension of phase "${phaseId}" must be a whole number of days ≥ 0, got ${days}.`,
      );
    }
    if (phase.extension.maxDays !== undefined && days > phase.extension.maxDays) {
      throw new PlanError(
        'plan-extension-over-limit',
        `Phase "${phaseId}" can be extended by at most ${phase.extension.maxDays} days; ${days} were asked.`,
      );
    }
    if (days % phase.extension.days !== 0) {
      throw new PlanError(
        'plan-bad-option',
        `Phase "${phaseId}" extends in steps of ${phase.extension.days} days; ${days} is not a multiple.`,
      );
    }
    extra.set(phaseId, days);
  }
  return extra;
}

function firstExtensible(agreement: Agreement, days: number): [string, number][] {
  const phase = agreement.phases.find((p) => p.extension);
  if (!phase) throw new PlanError('plan-not-extensible', 'No phase of this agreement has an extension rule.');
  return [[phase.id, days]];
}

/** The agreement's first local date, or null for a proposal with no start. */
export function startDate(agreement: Agreement, timeZone: string, start: string | undefined): string | null {
  const at = start ?? agreement.start;
  return at ? localDate(Date.parse(at), timeZone) : null;
}

/** Places every phase on the agreement's calendar (day 1 = the start date). */
export function placePhases(
  agreement: Agreement,
  extra: Map<string, number>,
  firstDate: string | null,
): PlanPhase[] {
  const placed = new Map<string, PlanPhase>();
  const visiting = new Set<string>();
  const byId = new Map(agreement.phases.map((p) => [p.id, p]));

  const place = (phase: Phase): PlanPhase => {
    const done = placed.get(phase.id);
    if (done) return done;
    if (visiting.has(phase.id))
      throw new PlanError('plan-phase-cycle', `Phase "${phase.id}" starts after itself.`);
    visiting.add(phase.id);
    let startDay: number | null;
    const s = phase.start;
    if ('day' in s) startDay = s.day;
    else if ('afterPhase' in s) {
      const before = byId.get(s.afterPhase);
      if (!before)
        throw new PlanError(
          'plan-unknown-phase',
          `Phase "${phase.id}" starts after unknown phase "${s.afterPhase}".`,
        );
      const prev = place(before);
      startDay = prev.endDay === null ? null : prev.endDay + 1 + (s.offsetDays ?? 0);
    } else {
      if (!firstDate)
        throw new PlanError(
          'plan-no-start',
          `Phase "${phase.id}" starts at ${s.at}, but the agreement has no start date.`,
        );
      startDay = daysBetween(firstDate, s.at.slice(0, 10)) + 1;
    }
    const extendedBy = extra.get(phase.id) ?? 0;
    const lengthDays = phase.lengthDays === undefined ? null : phase.lengthDays + extendedBy;
    const endDay = startDay === null || lengthDays === null ? null : startDay + lengthDays - 1;
    const result: PlanPhase = {
      id: phase.id,
      startDay,
      endDay,
      lengthDays,
      extendedBy,
      startDate: firstDate && startDay !== null ? addDays(firstDate, startDay - 1) : null,
      endDate: firstDate && endDay !== null ? addDays(firstDate, endDay - 1) : null,
    };
    visiting.delete(phase.id);
    placed.set(phase.id, result);
    return result;
  };

  return agreement.phases.map(place);
}
