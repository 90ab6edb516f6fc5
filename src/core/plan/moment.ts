import type { Anchor, Moment, Provision } from '../agreement/types.ts';
import { addDays, daysBetween, localToEpoch } from '../time/zoned-time.ts';
import { agreementDay, type PlanContext, type When } from './context.ts';
import type { Obligation, Waiting } from './types.ts';

/** The planned obligations of each provision placed so far. */
export type Planned = Map<string, Obligation[]>;

/** Where an anchor falls under the plan: an instant and its day, or why it cannot be dated. */
export type AnchorPoint =
  | { epoch: number | null; day: number }
  | { waiting: Waiting['reason']; on: Waiting['on'] };

/** The provisions a moment waits for: its anchor's provision, if any. */
export function momentDependencies(moment: Moment | undefined): string[] {
  if (!moment || !('after' in moment)) return [];
  return 'provision' in moment.after ? [moment.after.provision] : [];
}

/** The categories an anchor or condition names: a group's members, a list, or one. */
export function namedCategories(
  target: Provision | undefined,
  sel: { group?: string; categories?: string[]; category?: string },
): string[] | undefined {
  if (sel.group !== undefined && target?.kind === 'exchange') {
    return target.release.groups?.find((g) => g.id === sel.group)?.categories ?? [];
  }
  if (sel.categories) return sel.categories;
  if (sel.category !== undefined) return [sel.category];
  return undefined;
}

/**
 * The moment a provision is complete under the plan: its last handover (only the batches holding
 * `categories`, when given) or its last obligation. Waits when the batches' categories are unknown.
 */
export function completion(
  planned: Obligation[],
  categories: string[] | undefined,
  on: Waiting['on'],
  /**
   * For a condition ("once all women are released"): a window completes any day up to its deadline,
   * so the day after it is not known. A deadline counted from it (an anchor) counts from the deadline.
   */
  condition = false,
): AnchorPoint {
  const handovers = planned.filter((o) => o.action === 'hand-over');
  const relevant = handovers.length ? handovers : planned;
  let chosen = relevant;
  if (categories !== undefined) {
    if (relevant.some((o) => !o.mix && !o.batchCategories)) return { waiting: 'mix-unknown', on };
    chosen = relevant.filter((o) =>
      (o.mix?.map((m) => m.category) ?? o.batchCategories ?? []).some((c) => categories.includes(c)),
    );
  }
  if (chosen.length === 0) return { waiting: 'never-completes', on };
  const last = chosen.reduce((a, b) =>
    b.due !== null && a.due !== null ? (b.due > a.due ? b : a) : b.day > a.day ? b : a,
  );
  if (condition && last.byDeadline) return { waiting: 'window', on };
  return { epoch: last.due === null ? null : Date.parse(last.due), day: last.day };
}

function anchorPoint(ctx: PlanContext, anchor: Anchor, planned: Planned): AnchorPoint {
  if ('agreement' in anchor) return { epoch: ctx.startEpoch, day: 1 };
  if ('phase' in anchor) {
    const phase = ctx.phases.get(anchor.phase);
    const day = anchor.edge === 'start' ? phase?.startDay : phase?.endDay;
    if (!phase || day === null || day === undefined)
      return { waiting: 'open-phase', on: { provision: '', phase: anchor.phase } };
    if (!ctx.firstDate) return { epoch: null, day };
    // The phase's own instants: its start, and the end of its length at the hour it started.
    const at = anchor.edge === 'start' ? phase.startAt : phase.endAt;
    if (at) return { epoch: Date.parse(at), day };
    const date = addDays(ctx.firstDate, (anchor.edge === 'start' ? day : day + 1) - 1);
    return { epoch: localToEpoch(date, '00:00', ctx.timeZone), day };
  }
  const target = ctx.agreement.provisions.find((p) => p.id === anchor.provision);
  const on = {
    provision: anchor.provision,
    ...(anchor.group ? { group: anchor.group } : {}),
    ...(anchor.categories ? { categories: anchor.categories } : {}),
  };
  if (!target) return { waiting: 'never-completes', on };
  return completion(planned.get(anchor.provision) ?? [], namedCategories(target, anchor), on);
}

/** A moment of `provision` as a When the obligation builder takes, or what it waits on. */
export function resolveMoment(
  ctx: PlanContext,
  provision: Provision,
  moment: Moment,
  planned: Planned,
): { when: When; relativeTo?: NonNullable<Obligation['relativeTo']> } | { waiting: Waiting } {
  if ('date' in moment) {
    const phaseStart = ctx.phases.get(provision.phase)!.startDay ?? 1;
    if (!ctx.firstDate) {
      return {
        waiting: {
          provision: provision.id,
          on: { provision: '' },
          reason: 'never-completes',
          text: `on ${moment.date}, but the agreement has no start date`,
        },
      };
    }
    const day = daysBetween(ctx.firstDate, moment.date) + 1;
    return { when: { phaseDay: day - phaseStart + 1, ...(moment.time ? { time: moment.time } : {}) } };
  }
  if (!('after' in moment)) {
    const phaseStart = ctx.phases.get(provision.phase)!.startDay ?? 1;
    const phaseDay = moment.of === 'agreement' ? moment.day - phaseStart + 1 : moment.day;
    return { when: { phaseDay, ...(moment.time ? { time: moment.time } : {}) } };
  }
  const point = anchorPoint(ctx, moment.after, planned);
  if ('waiting' in point) {
    return { waiting: { provision: provision.id, on: point.on, reason: point.waiting } };
  }
  const hours = (moment.hours ?? 0) + (moment.days ?? 0) * 24;
  const a = moment.after;
  // Counted in days by the agreement ("within 60 days"), it is said in days, not as 1,440 h.
  const inDays = moment.hours === undefined && moment.days !== undefined ? { days: moment.days } : {};
  const relativeTo =
    'provision' in a
      ? { provision: a.provision, hours, ...inDays }
      : 'phase' in a
        ? { phase: a.phase, edge: a.edge, hours, ...inDays }
        : { hours, ...inDays };
  const phaseStart = ctx.phases.get(provision.phase)!.startDay ?? 1;
  const atDay = point.day + Math.floor(hours / 24);
  const when: When =
    point.epoch !== null
      ? { phaseDay: atDay - phaseStart + 1, at: point.epoch + hours * 3_600_000 }
      : { phaseDay: atDay - phaseStart + 1, atDay };
  return { when, relativeTo };
}

/** The agreement day of a When, for ordering and for windows' indicative spreads. */
export function whenDay(ctx: PlanContext, provision: Provision, when: When): number {
  return when.atDay ?? agreementDay(ctx, provision, when.phaseDay);
}
