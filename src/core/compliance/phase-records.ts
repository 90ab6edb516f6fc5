import { addDays, localToEpoch } from '../time/zoned-time.ts';
import type { EvalContext } from './context.ts';
import { plannedStart as plannedStartOf } from './phase-start.ts';
import { PRECEDENCE } from './provision-status.ts';
import type { ExtensionRecord, ObligationStatus, PhaseRecord, Status } from './types.ts';
import { duration, minutesBetween, plural, when } from './words.ts';

/** When each phase was recorded as ended: the first phase.ended event for it, with its reason. */
export function phaseEnds(ctx: Pick<EvalContext, 'view'>) {
  const ended = new Map<string, { at: number; reason: string | null; hash: string }>();
  for (const e of ctx.view.kind('phase.ended')) {
    const body = e.event.body as { phase: string; reason?: string };
    if (!ended.has(body.phase))
      ended.set(body.phase, { at: e.at, reason: body.reason ?? null, hash: e.hash });
  }
  return ended;
}

/** Each phase: started and ended as recorded, against its planned end (extensions included). */
export function phaseRecords(ctx: EvalContext): PhaseRecord[] {
  const tz = ctx.timeZone;
  return ctx.eplan.plan.phases.map((placed) => {
    const started = ctx.view.kind('phase.started').find((e) => e.event.body.phase === placed.id);
    const end = ctx.ended.get(placed.id);
    const plannedEnd =
      placed.endDate !== null ? ctx.view.iso(localToEpoch(addDays(placed.endDate, 1), '00:00', tz)) : null;
    const plannedStart = plannedStartOf(ctx, placed.id);
    const late =
      started && plannedStart !== null && started.at > plannedStart
        ? placed.startDay === 1 || ctx.view.localDate(started.at) > placed.startDate!
          ? minutesBetween(plannedStart, started.at)
          : undefined
        : undefined;
    const parts: string[] = [];
    parts.push(started ? `Started ${when(started.at, tz)}` : 'No start recorded');
    if (late !== undefined && plannedStart !== null)
      parts.push(`${duration(late)} after its planned start ${when(plannedStart, tz)}`);
    if (placed.extendedBy) parts.push(`extended by ${plural(placed.extendedBy, 'day')}`);
    if (plannedEnd) parts.push(`planned to end ${when(Date.parse(plannedEnd), tz)}`);
    if (end)
      parts.push(
        `recorded as ended ${when(end.at, tz)}${end.reason ? `: ${end.reason.replace(/\.$/, '')}` : ''}`,
      );
    return {
      phase: placed.id,
      startedAt: started ? ctx.view.iso(started.at) : null,
      endedAt: end ? ctx.view.iso(end.at) : null,
      reason: end?.reason ?? null,
      plannedStart: plannedStart === null ? null : ctx.view.iso(plannedStart),
      ...(late !== undefined ? { lateStartMinutes: late } : {}),
      plannedEnd,
      evidence: [...(started ? [started.hash] : []), ...(end ? [end.hash] : [])].sort(),
      explanation: `${parts.join('; ')}.`,
    };
  });
}

/** Each agreed extension and whether the batches and releases it added were honoured. */
export function extensionRecords(ctx: EvalContext, obligations: ObligationStatus[]): ExtensionRecord[] {
  const tz = ctx.timeZone;
  return ctx.eplan.extensions.map((x) => {
    const own = obligations.filter(
      (o) =>
        ctx.eplan.createdBy.get(o.obligation.id) === x &&
        (o.obligation.action === 'hand-over' ||
          o.obligation.action === 'release' ||
          (x.zone !== undefined && o.obligation.action === 'pause')),
    );
    const counts = new Map<Status, number>();
    for (const o of own) counts.set(o.status, (counts.get(o.status) ?? 0) + 1);
    const status: Status = x.planned
      ? (PRECEDENCE.find((s) => counts.has(s)) ?? 'not-yet-due')
      : 'not-yet-due';
    const batches = [...new Set(own.map((o) => o.obligation.batch))].filter((b) => b !== undefined);
    const what = `${plural(x.days, 'day')} agreed ${when(x.entry.at, tz)}${x.releases !== undefined ? ` for ${x.releases} more releases` : ''}`;
    const outcome = x.planned
      ? `${x.zone !== undefined ? `the pause in ${x.zone}` : `batch${batches.length === 1 ? '' : 'es'} ${batches.join(', ')}`}: ${[...counts].map(([s, n]) => `${n} ${s}`).join(', ') || 'nothing due yet'}`
      : 'the agreement has no rule that places it on the calendar';
    return {
      phase: x.phase,
      ...(x.zone !== undefined ? { zone: x.zone } : {}),
      days: x.days,
      ...(x.releases !== undefined ? { releases: x.releases } : {}),
      agreedAt: ctx.view.iso(x.entry.at),
      phaseDays: x.phaseDays,
      status,
      evidence: [x.entry.hash, ...own.flatMap((o) => o.evidence)].sort(),
      explanation: `${what}; ${outcome}.`,
    };
  });
}
