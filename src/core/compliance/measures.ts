import { sideOf } from '../agreement/side-of.ts';
import type { Provision } from '../agreement/types.ts';
import type { Obligation } from '../plan/types.ts';
import { addDays, localToEpoch } from '../time/zoned-time.ts';
import type { EvalContext } from './context.ts';
import type { Measure } from './types.ts';
import type { Effective } from './view.ts';

interface Span {
  record: Effective;
  from: number;
  until?: { at: number; hash: string };
}

/** Each measure paired with what ended it: the first later event of `ends` that matches it. */
function spans(
  starts: Effective[],
  ends: Effective[],
  same: (start: Effective, end: Effective) => boolean,
): Span[] {
  return starts.map((s) => {
    const end = ends.find((e) => e.entry.at > s.entry.at && e !== s && same(s, e));
    return {
      record: s,
      from: s.entry.at,
      ...(end ? { until: { at: end.entry.at, hash: end.entry.hash } } : {}),
    };
  });
}

function measure(ctx: EvalContext, s: Span, extra: Partial<Measure> = {}): Measure {
  const b = s.record.body;
  return {
    from: ctx.view.iso(s.from),
    ...(s.until ? { until: ctx.view.iso(s.until.at) } : {}),
    ...(typeof b.party === 'string' ? { party: b.party } : {}),
    ...(typeof b.category === 'string' ? { category: b.category } : {}),
    ...(typeof b.reason === 'string' ? { reason: b.reason } : {}),
    ...extra,
    evidence: [...s.record.evidence, ...(s.until ? [s.until.hash] : [])].sort(),
  };
}

/**
 * Postponements of an exchange batch (batch.postponed until its batch.resumed), all or for one side
 * (named, or a group the agreement puts on it).
 */
export function postponements(
  ctx: EvalContext,
  provision: string,
  batch?: number,
  party?: string,
): Measure[] {
  const ofBatch = (r: Effective) =>
    r.body.provision === provision &&
    (batch === undefined || r.body.batch === batch) &&
    (party === undefined ||
      typeof r.body.party !== 'string' ||
      sideOf(ctx.agreement, r.body.party, [party]) === party);
  const starts = ctx.view.current('batch.postponed').filter(ofBatch);
  const ends = ctx.view.current('batch.resumed').filter(ofBatch);
  return spans(
    starts,
    ends,
    (s, e) => e.body.batch === s.body.batch && (e.body.party === undefined || e.body.party === s.body.party),
  ).map((s) => measure(ctx, s));
}

/** Whether a span was in force at some point of an obligation's day (any span, with no obligation). */
function during(ctx: EvalContext, s: Span, o: Obligation | undefined): boolean {
  if (!o) return true;
  const due = o.due === null ? null : Date.parse(o.due);
  const daily = o.date !== null && ['admit-aid', 'let-cross', 'evacuate', 'pause'].includes(o.action);
  const opens = daily ? localToEpoch(o.date!, '00:00', ctx.timeZone) : null;
  const closes = due ?? (o.date !== null ? localToEpoch(addDays(o.date, 1), '00:00', ctx.timeZone) : null);
  if (closes !== null && s.from >= closes) return false;
  return opens === null || s.until === undefined || s.until.at > opens;
}

/**
 * When a return or a crossing was stopped: return.blocked until return.resumed (for its route, or
 * all routes), crossing.closed until the crossing opened again; for one obligation, those in force
 * at some point of its day.
 */
export function stoppages(ctx: EvalContext, p: Provision, o?: Obligation): Measure[] {
  if (p.kind === 'displaced-return') {
    const mine = (r: Effective) => r.body.provision === p.id;
    return spans(
      ctx.view.current('return.blocked').filter(mine),
      ctx.view.current('return.resumed').filter(mine),
      (s, e) => e.body.route === undefined || e.body.route === s.body.route,
    )
      .filter((x) => during(ctx, x, o))
      .map((x) => measure(ctx, x));
  }
  if (p.kind === 'crossing') {
    const mine = (r: Effective) => r.body.crossing === p.crossing.id;
    return spans(
      ctx.view.current('crossing.closed').filter(mine),
      ctx.view.current('crossing.opened').filter(mine),
      () => true,
    )
      .filter((x) => during(ctx, x, o))
      .map((x) => measure(ctx, x));
  }
  return [];
}

/** Whether an aid measure naming `category` (or none: the whole provision) covers an obligation. */
function covers(category: unknown, o: Obligation | undefined, p: Provision): boolean {
  if (category === undefined || o === undefined) return true;
  if (category === o.category) return true;
  if (p.kind !== 'aid') return false;
  const q = [...p.perDay, ...(p.extra ?? [])].find((x) => x.id === o.category);
  return q?.category === category;
}

/**
 * The suspensions and caps of an aid provision, each until the aid.resumed (or, for a cap, the
 * later cap) that ended it; for one obligation, those in force at some point of its day.
 */
export function aidMeasures(
  ctx: EvalContext,
  p: Provision,
  o?: Obligation,
): { suspended: Measure[]; capped: Measure[] } {
  const mine = (r: Effective) => r.body.provision === p.id && covers(r.body.category, o, p);
  const resumed = ctx.view.current('aid.resumed').filter((r) => r.body.provision === p.id);
  const caps = ctx.view.current('aid.capped').filter(mine);
  const sameScope = (s: Effective, e: Effective) =>
    e.body.category === undefined || e.body.category === s.body.category;
  // A resumption ends what it says it lifts: the suspension, the cap, or (saying neither) both.
  const suspended = spans(
    ctx.view.current('aid.suspended').filter(mine),
    resumed.filter((r) => r.body.lifts !== 'cap'),
    sameScope,
  );
  const capped = spans(
    caps,
    [...resumed.filter((r) => r.body.lifts !== 'suspension'), ...caps].sort(
      (a, b) => a.entry.at - b.entry.at,
    ),
    sameScope,
  );
  const inDay = (x: Span) => during(ctx, x, o);
  return {
    suspended: suspended.filter(inDay).map((s) => measure(ctx, s)),
    capped: capped
      .filter(inDay)
      .map((s) =>
        measure(ctx, s, { quantity: s.record.body.quantity as number, unit: String(s.record.body.unit) }),
      ),
  };
}
