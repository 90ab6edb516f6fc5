import type { Agreement, Provision } from '../agreement/types.ts';
import { addDays, daysBetween, isoInZone, localDate, localToEpoch } from '../time/zoned-time.ts';
import type { Obligation, PlanPhase } from './types.ts';

/** What every obligation builder needs: the calendar, the placed phases and the what-ifs. */
export interface PlanContext {
  agreement: Agreement;
  timeZone: string;
  firstDate: string | null;
  /** The agreement's start instant (epoch ms), when it has one: nothing falls due before it. */
  startEpoch: number | null;
  phases: Map<string, PlanPhase>;
  delay: Record<string, number>;
  counts: Record<string, number>;
  notes: string[];
  unplaced: { provision: string; party: string; unit: 'person' }[];
}

/** Where on the calendar: a phase day and an optional local time ('24:00' = end of the day). */
export interface When {
  phaseDay: number;
  time?: string;
  /** Hours before that moment (list lead times). */
  hoursBefore?: number;
}

type Fields = Omit<Obligation, 'id' | 'provision' | 'kind' | 'day' | 'phase' | 'phaseDay' | 'date' | 'due'>;

/** Builds an obligation of `provision` at `when`, applying any what-if delay for that provision. */
export function obligation(
  ctx: PlanContext,
  provision: Provision,
  when: When,
  fields: Fields,
  part?: string,
): Obligation {
  const phase = ctx.phases.get(provision.phase)!;
  const startDay = phase.startDay ?? 1;
  let day = startDay + when.phaseDay - 1;
  let date: string | null = null;
  let due: string | null = null;
  const delayHours = ctx.delay[provision.id] ?? 0;
  let beforeStart = false;
  if (ctx.firstDate) {
    const localDay = addDays(ctx.firstDate, day - 1);
    const [date0, time] =
      when.time === undefined || when.time === '24:00'
        ? [addDays(localDay, 1), '00:00']
        : [localDay, when.time];
    let epoch = localToEpoch(date0, time, ctx.timeZone) - ((when.hoursBefore ?? 0) - delayHours) * 3_600_000;
    if (ctx.startEpoch !== null && epoch < ctx.startEpoch) {
      epoch = ctx.startEpoch;
      beforeStart = true;
    }
    due = isoInZone(epoch, ctx.timeZone);
    // A deadline at 00:00 closes the day before it.
    date = localDate(beforeStart ? epoch : epoch - 1, ctx.timeZone);
    day = daysBetween(ctx.firstDate, date) + 1;
  } else {
    day = Math.max(1, day + Math.floor(delayHours / 24));
    beforeStart = startDay + when.phaseDay - 1 < 1;
  }
  const phaseDay = day - startDay + 1;
  const id = [provision.id, fields.action, when.phaseDay, part].filter((x) => x !== undefined).join('/');
  return {
    id,
    provision: provision.id,
    kind: provision.kind,
    ...fields,
    ...(beforeStart
      ? { description: `${fields.description} Due before the agreement starts, so at its start.` }
      : {}),
    day,
    phase: provision.phase,
    phaseDay,
    date,
    due,
    ...(delayHours ? { delayedHours: delayHours } : {}),
    ...(provision.uncertain && fields.uncertain === undefined ? { uncertain: true } : {}),
  };
}

/** Last day of the provision's phase, relative to the phase (its length), or null when open. */
export function phaseLength(ctx: PlanContext, provision: Provision): number | null {
  return ctx.phases.get(provision.phase)!.lengthDays;
}

/** Plain English for a local deadline, used in descriptions. */
export function byTime(time: string | undefined): string {
  return time ? `by ${time}` : 'by the end of the day';
}
