import { phaseEndAfter } from '../plan/timeline.ts';
import {
  type Arg,
  deadline,
  list,
  minutes,
  moment,
  num,
  phrase,
  qty,
  quote,
  sentence,
} from '../words/phrase.ts';
import type { EvalContext } from './context.ts';
import { plannedStart as plannedStartOf } from './phase-start.ts';
import { PRECEDENCE } from './provision-status.ts';
import type { ExtensionRecord, ObligationStatus, PhaseRecord, Status } from './types.ts';

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
    const plannedEnd = placed.endAt !== null ? ctx.view.iso(Date.parse(placed.endAt)) : null;
    const plannedStart = plannedStartOf(ctx, placed.id);
    const late =
      started && plannedStart !== null && started.at > plannedStart
        ? placed.startExact || ctx.view.localDate(started.at) > placed.startDate!
          ? minutesBetween(plannedStart, started.at)
          : undefined
        : undefined;
    const parts: Arg[] = [];
    parts.push(started ? phrase('phase.started', { at: moment(started.at, tz) }) : phrase('phase.no-start'));
    if (late !== undefined && plannedStart !== null)
      parts.push(phrase('phase.late-start', { late: minutes(late), planned: moment(plannedStart, tz) }));
    if (placed.extendedBy) parts.push(phrase('phase.extended', { days: qty(placed.extendedBy, 'day') }));
    if (plannedEnd) parts.push(phrase('phase.planned-end', { at: deadline(Date.parse(plannedEnd), tz) }));
    if (end)
      parts.push(
        end.reason
          ? phrase('phase.ended-reason', {
              at: moment(end.at, tz),
              reason: quote(end.reason.replace(/\.$/, '')),
            })
          : phrase('phase.ended', { at: moment(end.at, tz) }),
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
      explanation: [sentence(parts)],
    };
  });
}

/** Each agreed extension and whether the batches and releases it added were honoured. */
export function extensionRecords(ctx: EvalContext, obligations: ObligationStatus[]): ExtensionRecord[] {
  const tz = ctx.timeZone;
  return ctx.eplan.extensions.map((x) => {
    // By the parties' consent, not by a rule: every term on the days it added is its outcome.
    const consent =
      x.zone === undefined &&
      x.provision === undefined &&
      ctx.agreement.phases.find((p) => p.id === x.phase)?.extension === undefined;
    const own = obligations.filter((o) =>
      x.provision !== undefined
        ? o.obligation.provision === x.provision && o.obligation.phase === x.phase
        : ctx.eplan.createdBy.get(o.obligation.id) === x &&
          (consent ||
            o.obligation.action === 'hand-over' ||
            o.obligation.action === 'release' ||
            (x.zone !== undefined && o.obligation.action === 'pause')),
    );
    const counts = new Map<Status, number>();
    for (const o of own) counts.set(o.status, (counts.get(o.status) ?? 0) + 1);
    // A renewal that is left no term of its own (a later renewal moved the end again, and with it
    // the phase's totals; or the phase's terms are standing ones) is a date, judged by nothing of
    // its own, before its days as after them: never "nothing due yet" once they are over.
    const termsToEnd = x.planned && own.length === 0 && x.zone === undefined && x.provision === undefined;
    const status: Status = termsToEnd
      ? 'dated-fact'
      : x.planned
        ? (PRECEDENCE.find((s) => counts.has(s)) ?? 'not-yet-due')
        : 'not-yet-due';
    const batches = [...new Set(own.map((o) => o.obligation.batch))].filter((b) => b !== undefined);
    const agreed = { days: qty(x.days, 'day'), at: moment(x.entry.at, tz) };
    const what =
      x.releases !== undefined
        ? phrase('extension.agreed-releases', { ...agreed, releases: num(x.releases) })
        : phrase('extension.agreed', agreed);
    const statuses: Arg = counts.size
      ? list(
          [...counts].map(([s, n]) =>
            phrase('status.count', { count: num(n), status: { type: 'status', status: s } }),
          ),
          'comma',
        )
      : phrase('extension.nothing-due');
    // When the phase ends with the days this extension added (and those agreed before it): as many
    // days after its start, at the local time it started.
    const placed = ctx.eplan.plan.phases.find((p) => p.id === x.phase);
    const lastDay = x.phaseDays.at(-1);
    const phaseEnd =
      placed && lastDay !== undefined ? (phaseEndAfter(placed, lastDay, tz) ?? undefined) : undefined;
    const outcome = !x.planned
      ? phrase('extension.no-rule')
      : x.zone !== undefined
        ? phrase('extension.pause', { zone: { type: 'place', id: x.zone }, statuses })
        : x.provision !== undefined
          ? phrase('extension.provision', { provision: { type: 'provision', id: x.provision }, statuses })
          : termsToEnd && phaseEnd !== undefined
            ? phrase(
                ctx.eplan.extensions.some((y) => y !== x && y.phase === x.phase && y.entry.at >= x.entry.at)
                  ? 'extension.phase-moved-again'
                  : 'extension.phase-terms',
                { phase: { type: 'phase', id: x.phase }, end: deadline(phaseEnd, tz) },
              )
            : batches.length === 0 && phaseEnd !== undefined
              ? phrase('extension.phase', {
                  phase: { type: 'phase', id: x.phase },
                  end: deadline(phaseEnd, tz),
                  statuses,
                })
              : phrase(batches.length === 1 ? 'extension.batch' : 'extension.batches', {
                  batches: list(batches.map(num), 'comma'),
                  statuses,
                });
    return {
      phase: x.phase,
      ...(x.zone !== undefined ? { zone: x.zone } : {}),
      ...(x.provision !== undefined ? { provision: x.provision } : {}),
      days: x.days,
      ...(x.releases !== undefined ? { releases: x.releases } : {}),
      agreedAt: ctx.view.iso(x.entry.at),
      phaseDays: x.phaseDays,
      status,
      evidence: [x.entry.hash, ...own.flatMap((o) => o.evidence)].sort(),
      explanation: [sentence([what, outcome])],
    };
  });
}

/** Minutes from `a` to `b`, both epoch ms. */
function minutesBetween(a: number, b: number): number {
  return Math.round((b - a) / 60_000);
}
