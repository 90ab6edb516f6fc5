import type { Agreement, Phase } from '../agreement/types.ts';
import { addDays, daysBetween, isoInZone, localDate, localToEpoch, wallClock } from '../time/zoned-time.ts';
import { PlanError } from './plan-error.ts';
import type { PlanPhase } from './types.ts';

/** Days an open-ended phase is planned for when no horizon is asked for. */
export const DEFAULT_OPEN_DAYS = 42;

/** Extra days of phases, and of localized pauses' zones, after each rule's limit has been checked. */
export interface Extensions {
  phases: Map<string, number>;
  zones: Map<string, number>;
}

/**
 * A localized pause's zone that `--extend ZONE=N` or `PROVISION.ZONE=N` may name (a bare zone id is
 * the first pause, in the file's order, with that zone), with the days it may be extended by.
 */
function pauseZone(
  agreement: Agreement,
  ref: string,
): { key: string; provision: string; zone: string; max: number | undefined } | null {
  const [provision, zoneId] = ref.includes('.') ? ref.split('.', 2) : [undefined, ref];
  for (const p of agreement.provisions) {
    if (p.kind !== 'localized-pause' || (provision !== undefined && p.id !== provision)) continue;
    const zone = p.zones.find((z) => z.id === zoneId);
    if (zone)
      return {
        key: zoneKey(p.id, zone.id),
        provision: p.id,
        zone: zone.id,
        max: zone.extensionDays ?? p.extensionDays,
      };
  }
  return null;
}

/** The key of a pause's zone among the extensions. */
export function zoneKey(provision: string, zone: string): string {
  return `${provision}/${zone}`;
}

/** Days a phase must grow so that its extended pauses still fall within it. */
function pauseOverrun(agreement: Agreement, zones: Map<string, number>): Map<string, number> {
  const grow = new Map<string, number>();
  for (const p of agreement.provisions) {
    if (p.kind !== 'localized-pause') continue;
    const sorted = [...p.zones].sort((a, b) => a.fromDay - b.fromDay);
    let shift = 0;
    let last = 0;
    for (const z of sorted) {
      const extra = zones.get(zoneKey(p.id, z.id)) ?? 0;
      last = Math.max(last, z.fromDay + shift + z.days + extra - 1);
      shift += extra;
    }
    const length = agreement.phases.find((ph) => ph.id === p.phase)?.lengthDays;
    if (shift > 0 && length !== undefined && last > length)
      grow.set(p.phase, Math.max(grow.get(p.phase) ?? 0, last - length));
  }
  return grow;
}

/** Extra days per phase id (and per pause zone), after the extension rule's limit has been checked. */
export function resolveExtensions(
  agreement: Agreement,
  extend: number | Record<string, number> | undefined,
): Extensions {
  const extra = new Map<string, number>();
  const zones = new Map<string, number>();
  if (extend === undefined || extend === 0) return { phases: extra, zones };
  const requested = typeof extend === 'number' ? firstExtensible(agreement, extend) : Object.entries(extend);
  for (const [phaseId, days] of requested) {
    const phase = agreement.phases.find((p) => p.id === phaseId);
    const zone = phase ? null : pauseZone(agreement, phaseId);
    if (zone) {
      if (!Number.isInteger(days) || days < 0) {
        throw new PlanError(
          'plan-bad-option',
          `Extension of zone "${phaseId}" must be a whole number of days ≥ 0, got ${days}.`,
        );
      }
      if (zone.max === undefined) {
        throw new PlanError(
          'plan-not-extensible',
          `The pause in zone "${phaseId}" has no extension rule (extensionDays), so it cannot be extended.`,
        );
      }
      if (days > zone.max) {
        throw new PlanError(
          'plan-extension-over-limit',
          `The pause in zone "${phaseId}" can be extended by at most ${zone.max} day(s); ${days} were asked.`,
        );
      }
      zones.set(zone.key, days);
      continue;
    }
    if (!phase)
      throw new PlanError(
        'plan-unknown-phase',
        `--extend names "${phaseId}", which is neither a phase nor a pause zone of the agreement.`,
      );
    // A phase without a rule is extended by any number of days the parties agree to (a renewal),
    // when it has a fixed end to move.
    if (!phase.extension && isOpenEnded(phase)) {
      throw new PlanError(
        'plan-not-extensible',
        `Phase "${phaseId}" has no fixed end (no lengthDays, or continuesWhile), so it cannot be extended.`,
      );
    }
    if (!Number.isInteger(days) || days < 0) {
      throw new PlanError(
        'plan-bad-option',
        `Extension of phase "${phaseId}" must be a whole number of days ≥ 0, got ${days}.`,
      );
    }
    if (!phase.extension) {
      extra.set(phaseId, days);
      continue;
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
  // A phase lasts as long as its pauses: an extended zone moves the zones after it, and the phase with them.
  for (const [phase, days] of pauseOverrun(agreement, zones))
    extra.set(phase, (extra.get(phase) ?? 0) + days);
  return { phases: extra, zones };
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

/** A phase with no fixed end: no length stated, or it continues while something holds. */
export function isOpenEnded(phase: Phase): boolean {
  return phase.lengthDays === undefined || phase.continuesWhile !== undefined;
}

/** The horizon asked for, as an agreement day. */
export function horizonDay(horizon: string | number | undefined, firstDate: string | null): number | null {
  if (horizon === undefined) return null;
  if (typeof horizon === 'number') return horizon;
  if (!firstDate)
    throw new PlanError(
      'plan-no-start',
      `A horizon date (${horizon}) needs a start date; give the horizon as a day number, or a start.`,
    );
  return daysBetween(firstDate, horizon) + 1;
}

/**
 * Places every phase on the agreement's calendar (day 1 = the start date). An open-ended phase has
 * no end day; it is planned up to `horizon` (an agreement day) or, without one, for its stated
 * length or DEFAULT_OPEN_DAYS, and at least to the last day of the phases of fixed length (a
 * standing term beside a 60-day phase is planned as long as that phase).
 */
export function placePhases(
  agreement: Agreement,
  extra: Map<string, number>,
  firstDate: string | null,
  horizon: number | null = null,
  start: string | null = agreement.start ?? null,
): PlanPhase[] {
  const placed = placeAll(agreement, extra, firstDate, horizon, 0, start);
  if (horizon !== null) return placed;
  const lastFixed = Math.max(0, ...placed.filter((p) => !p.openEnded).map((p) => p.endDay ?? 0));
  const short = placed.some((p) => p.openEnded && p.plannedTo !== null && p.plannedTo < lastFixed);
  return short ? placeAll(agreement, extra, firstDate, horizon, lastFixed, start) : placed;
}

/**
 * When a placed phase ends after its first `days` days: that many days after its start, at the
 * local time it started (the rule endAt follows; an extension's days count the same way).
 */
export function phaseEndAfter(
  phase: Pick<PlanPhase, 'startDate' | 'startAt'>,
  days: number,
  timeZone: string,
): number | null {
  if (phase.startDate === null || phase.startAt === null) return null;
  return localToEpoch(
    addDays(phase.startDate, days),
    wallClock(Date.parse(phase.startAt), timeZone).time.slice(0, 5),
    timeZone,
  );
}

/**
 * A phase's start and end as instants (ISO, with the offset of the agreement's zone). It starts at
 * the agreement's start (day 1), at the instant `{at}` gives, at the end of the phase it follows
 * (`afterPhase`, `offsetDays` later), else at the first instant of its first day (`{day: N}` gives a
 * day, not an hour). A phase of fixed length ends as many days after its start, at the same local
 * time: a four-day pause from 07:00 ends at 07:00 on its fifth day, not at midnight after its fourth.
 */
function phaseInstants(
  agreement: Agreement,
  phase: Phase,
  startDate: string | null,
  endDate: string | null,
  start: string | null,
  before: PlanPhase | undefined,
): { startAt: string | null; endAt: string | null; startExact: boolean } {
  if (startDate === null) return { startAt: null, endAt: null, startExact: false };
  const tz = agreement.timeZone;
  const s = phase.start;
  let startTime = '00:00';
  let startExact = false;
  if ('day' in s && s.day === 1 && start) {
    startTime = wallClock(Date.parse(start), tz).time.slice(0, 5);
    startExact = true;
  } else if ('at' in s) {
    startTime = wallClock(Date.parse(s.at), tz).time.slice(0, 5);
    startExact = true;
  } else if ('afterPhase' in s && before?.endAt)
    startTime = wallClock(Date.parse(before.endAt), tz).time.slice(0, 5);
  // The exact instant when one is given (its seconds kept), else the local time on the first day.
  const startMs =
    'day' in s && s.day === 1 && start
      ? Date.parse(start)
      : 'at' in s
        ? Date.parse(s.at)
        : localToEpoch(startDate, startTime, tz);
  return {
    startAt: isoInZone(startMs, tz),
    endAt: endDate === null ? null : isoInZone(localToEpoch(addDays(endDate, 1), startTime, tz), tz),
    startExact,
  };
}

function placeAll(
  agreement: Agreement,
  extra: Map<string, number>,
  firstDate: string | null,
  horizon: number | null,
  atLeast: number,
  start: string | null,
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
      // The day the instant falls on in the agreement's zone, whatever offset it is written with.
      startDay = daysBetween(firstDate, localDate(Date.parse(s.at), agreement.timeZone)) + 1;
    }
    const extendedBy = extra.get(phase.id) ?? 0;
    const lengthDays = phase.lengthDays === undefined ? null : phase.lengthDays + extendedBy;
    const openEnded = isOpenEnded(phase);
    const endDay = startDay === null || lengthDays === null || openEnded ? null : startDay + lengthDays - 1;
    // An open-ended phase runs at least its stated length; with none, to the horizon or a default.
    const plannedTo =
      !openEnded || startDay === null
        ? null
        : lengthDays !== null
          ? Math.max(startDay + lengthDays - 1, horizon ?? atLeast)
          : Math.max(startDay, horizon ?? Math.max(startDay + DEFAULT_OPEN_DAYS - 1, atLeast));
    const startDate = firstDate && startDay !== null ? addDays(firstDate, startDay - 1) : null;
    const endDate = firstDate && endDay !== null ? addDays(firstDate, endDay - 1) : null;
    const before = 'afterPhase' in s ? placed.get(s.afterPhase) : undefined;
    const result: PlanPhase = {
      id: phase.id,
      startDay,
      endDay,
      lengthDays,
      extendedBy,
      startDate,
      endDate,
      ...phaseInstants(agreement, phase, startDate, endDate, start, before),
      openEnded,
      plannedTo,
      plannedToDate: firstDate && plannedTo !== null ? addDays(firstDate, plannedTo - 1) : null,
      ...(phase.uncertain ? { uncertain: true } : {}),
    };
    visiting.delete(phase.id);
    placed.set(phase.id, result);
    return result;
  };

  return agreement.phases.map(place);
}
