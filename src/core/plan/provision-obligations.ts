import { figureRange, isContested, statedValues } from '../agreement/figure.ts';
import type { Figure, LocalizedText, Moment, Provision, ProvisionOf, Quota } from '../agreement/types.ts';
import { daysBetween } from '../time/zoned-time.ts';
import { byTime, obligation, type PlanContext, phaseDayOf, phaseLength, type When } from './context.ts';
import { exchangeObligations } from './exchange-obligations.ts';
import { type Planned, resolveMoment } from './moment.ts';
import { zoneKey } from './timeline.ts';
import type { Obligation, StandingObligation, Unit } from './types.ts';

export function english(text: LocalizedText | undefined): string {
  if (text === undefined) return '';
  return typeof text === 'string' ? text : text.en;
}

function days(from: number, to: number | null): number[] {
  if (to === null) return [];
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

/** Quantity fields of a figure: the range of stated values, each with its source when they differ. */
function quantityOf(figure: Figure): Pick<Obligation, 'quantity' | 'quantityMax' | 'figures' | 'uncertain'> {
  const [lo, hi] = figureRange(figure);
  return {
    quantity: lo,
    ...(hi !== lo ? { quantityMax: hi } : {}),
    ...(isContested(figure) ? { figures: statedValues(figure), uncertain: true } : {}),
  };
}

/** A figure in a description: its value, or the range its sources state (who says which is in `figures`). */
function figureText(figure: Figure): string {
  const [lo, hi] = figureRange(figure);
  return lo === hi ? String(lo) : `${lo} to ${hi}`;
}

function quotaText(q: Quota): string {
  const label = english(q.label);
  const what = [q.category, q.destination ? `to ${q.destination}` : ''].filter(Boolean).join(' ');
  const n = figureText(q.quantity);
  return `${q.atLeast ? 'at least ' : ''}${n} ${q.unit}${n === '1' ? '' : 's'}${label ? ` (${label})` : what ? ` (${what})` : ''}${q.partOf ? ` of ${q.partOf}` : ''}`;
}

function aidObligations(ctx: PlanContext, aid: ProvisionOf<'aid'>, fromDay: number): Obligation[] {
  const out: Obligation[] = [];
  for (const day of days(fromDay, phaseLength(ctx, aid))) {
    for (const q of aid.perDay) {
      out.push(
        obligation(
          ctx,
          aid,
          { phaseDay: day },
          {
            action: 'admit-aid',
            party: aid.party,
            ...quantityOf(q.quantity),
            ...(q.atLeast ? { atLeast: true } : {}),
            unit: q.unit as Unit,
            category: q.id,
            ...(q.destination ? { destination: q.destination } : {}),
            ...(q.partOf ? { partOf: q.partOf } : {}),
            ...(q.uncertain ? { uncertain: true } : {}),
            description: `Let in ${quotaText(q)}${q.source ? ` [${q.source}]` : ''}.`,
          },
          q.id,
        ),
      );
    }
  }
  const last = phaseLength(ctx, aid);
  for (const q of aid.extra ?? []) {
    if (last === null) continue;
    out.push(
      obligation(
        ctx,
        aid,
        { phaseDay: last },
        {
          action: 'deliver-extra',
          party: aid.party,
          ...quantityOf(q.quantity),
          ...(q.atLeast ? { atLeast: true } : {}),
          unit: q.unit as Unit,
          category: q.id,
          description: `Over the phase: ${quotaText(q)}.`,
        },
        q.id,
      ),
    );
  }
  return out;
}

const FLOW_UNIT: Record<string, Unit> = {
  person: 'person',
  patient: 'patient',
  companion: 'companion',
  resident: 'resident',
};

/** Daily passages of a crossing or an evacuation: each flow of people per direction, per day. */
function passages(
  ctx: PlanContext,
  p: ProvisionOf<'crossing'> | ProvisionOf<'medical-evacuation'>,
  fromDay: number,
  cond: { condition?: string },
): Obligation[] {
  const flows =
    p.flows ??
    (p.kind === 'medical-evacuation'
      ? [{ direction: 'out' as const, people: 'patient' as const, perDay: p.perDay }]
      : []);
  const hours = p.hours ? ` ${p.hours.from}–${p.hours.to}` : '';
  const lead = p.lists && 'hours' in p.lists.lead ? `; names ${p.lists.lead.hours} h ahead` : '';
  const via = p.kind === 'crossing' ? english(p.crossing.name) : p.via;
  return days(fromDay, phaseLength(ctx, p)).flatMap((d) =>
    flows.map((f) =>
      obligation(
        ctx,
        p,
        { phaseDay: d, ...(p.hours ? { time: p.hours.to } : {}) },
        {
          action: p.kind === 'medical-evacuation' ? 'evacuate' : 'let-cross',
          party: p.party,
          ...quantityOf(f.perDay),
          unit: FLOW_UNIT[f.people]!,
          direction: f.direction,
          ...(p.hours ? { window: p.hours } : {}),
          ...(f.uncertain ? { uncertain: true } : {}),
          ...cond,
          description: `Let ${figureText(f.perDay)} ${f.people}s ${f.direction === 'out' ? 'out' : 'in'}${via ? ` through ${via}` : ''}${hours}${lead}.`,
        },
        p.flows ? `${f.direction}-${f.people}` : undefined,
      ),
    ),
  );
}

/** A deadline given as a day (`byDay`) or a moment (`due`): its When, or null when it waits. */
function deadline(
  ctx: PlanContext,
  p: Provision,
  byDay: number | { agreementDay: number } | undefined,
  due: Moment | undefined,
  time: string | undefined,
  fromDay: number,
  planned: Planned,
): { when: When; relativeTo?: Obligation['relativeTo'] } | null {
  if (due) {
    const r = resolveMoment(ctx, p, due, planned);
    if ('waiting' in r) {
      ctx.waiting.push(r.waiting);
      return null;
    }
    return r;
  }
  if (byDay === undefined) return null;
  return { when: { phaseDay: Math.max(phaseDayOf(ctx, p, byDay), fromDay), ...(time ? { time } : {}) } };
}

/** Localized pauses, zone by zone; an extended zone moves the zones after it. */
function pauseObligations(
  ctx: PlanContext,
  p: ProvisionOf<'localized-pause'>,
  fromDay: number,
  cond: { condition?: string },
): Obligation[] {
  const zones = [...p.zones].sort((a, b) => a.fromDay - b.fromDay);
  const out: Obligation[] = [];
  for (const zone of zones) {
    const shift = zones
      .filter((z) => z.fromDay < zone.fromDay)
      .reduce((a, z) => a + (ctx.zoneExtensions.get(zoneKey(p.id, z.id)) ?? 0), 0);
    const extra = ctx.zoneExtensions.get(zoneKey(p.id, zone.id)) ?? 0;
    const first = zone.fromDay + shift;
    for (const d of days(first, first + zone.days + extra - 1)) {
      for (const party of p.parties) {
        out.push(
          obligation(
            ctx,
            p,
            { phaseDay: Math.max(d, fromDay), time: p.window.to },
            {
              action: 'pause',
              party,
              window: p.window,
              destination: zone.id,
              ...(d >= first + zone.days ? { extension: true } : {}),
              ...cond,
              description: `Pause in ${english(zone.name)} ${p.window.from}–${p.window.to}${p.purpose ? ` (${english(p.purpose)})` : ''}${
                d >= first + zone.days ? '; under the extension' : ''
              }${(zone.extensionDays ?? p.extensionDays) ? `; extendable by ${zone.extensionDays ?? p.extensionDays} day(s)` : ''}.`,
            },
            `${zone.id}/${party}`,
          ),
        );
      }
    }
  }
  return out;
}

/**
 * Dated obligations of one provision. `fromDay` is the phase day from which a conditional
 * provision can be met (1 when it has no condition); `planned` holds the provisions placed so far,
 * for deadlines counted from them.
 */
export function provisionObligations(
  ctx: PlanContext,
  p: Provision,
  fromDay: number,
  condition: string | undefined,
  planned: Planned,
): Obligation[] {
  const cond = condition ? { condition } : {};
  const start = (ref: number | { agreementDay: number } | undefined) =>
    Math.max(ref === undefined ? 1 : phaseDayOf(ctx, p, ref), fromDay);
  switch (p.kind) {
    case 'exchange':
      return exchangeObligations(ctx, p, planned);
    case 'aid':
      return aidObligations(ctx, p, start(p.fromDay)).map((o) => ({ ...o, ...cond }));
    case 'withdrawal': {
      const d = deadline(ctx, p, p.byDay, p.due, p.by, fromDay, planned);
      if (!d) return [];
      const when = d.relativeTo
        ? `${d.relativeTo.hours} h after ${d.relativeTo.provision ?? d.relativeTo.phase ?? 'the start'}`
        : `${byTime(p.by)} of day ${d.when.phaseDay}`;
      return [
        obligation(ctx, p, d.when, {
          action: 'withdraw',
          party: p.party,
          quantity: p.zones.length,
          unit: 'zone',
          ...(d.relativeTo ? { relativeTo: d.relativeTo } : {}),
          ...cond,
          description: `Withdraw from ${p.zones.map((z) => english(z.name)).join(', ')}${p.line ? ` to ${english(p.line)}` : ''}, ${when}.`,
        }),
      ];
    }
    case 'displaced-return':
      return [
        obligation(
          ctx,
          p,
          { phaseDay: start(p.fromDay) },
          {
            action: 'allow-return',
            party: p.party,
            ...(p.to ? { destination: p.to } : {}),
            ...cond,
            description: `From this day on, allow displaced people to return${p.to ? ` to ${p.to}` : ''}${
              p.routes?.length
                ? ` (${p.routes.map((r) => `${english(r.name)}${r.mode ? `, ${r.mode}` : ''}`).join('; ')})`
                : ''
            }.`,
          },
        ),
      ];
    case 'crossing': {
      const d = p.due ? deadline(ctx, p, undefined, p.due, undefined, fromDay, planned) : null;
      if (p.due && !d) return [];
      // It opens by its opening hour, before the day's passages.
      const open = d ? d.when : { phaseDay: start(p.fromDay), ...(p.hours ? { time: p.hours.from } : {}) };
      const opening = obligation(ctx, p, open, {
        action: 'open-crossing',
        party: p.party,
        ...(d?.relativeTo ? { relativeTo: d.relativeTo } : {}),
        ...(p.hours ? { window: p.hours } : {}),
        ...cond,
        description: `Open ${english(p.crossing.name)}${p.purpose ? ` for ${english(p.purpose)}` : ''}${p.hours ? `, ${p.hours.from}–${p.hours.to}` : ''}.`,
      });
      return [opening, ...passages(ctx, p, opening.phaseDay, cond)];
    }
    case 'medical-evacuation':
      return passages(ctx, p, start(p.fromDay), cond);
    case 'localized-pause':
      return pauseObligations(ctx, p, fromDay, cond);
    case 'negotiation': {
      const d = deadline(ctx, p, p.byDay, p.due, undefined, fromDay, planned);
      if (!d) return [];
      return p.parties.map((party) =>
        obligation(
          ctx,
          p,
          d.when,
          {
            action: 'negotiate',
            party,
            ...(d.relativeTo ? { relativeTo: d.relativeTo } : {}),
            ...cond,
            description: `Start negotiations on ${english(p.subject)} by day ${d.when.phaseDay}.`,
          },
          party,
        ),
      );
    }
    case 'milestone': {
      let d = deadline(ctx, p, p.byDay, p.due, undefined, fromDay, planned);
      if (!d && p.date && ctx.firstDate) {
        const at = daysBetween(ctx.firstDate, p.date) + 1;
        d = { when: { phaseDay: at - (ctx.phases.get(p.phase)!.startDay ?? 1) + 1 } };
      }
      if (!d) return [];
      const reach = obligation(ctx, p, d.when, {
        action: 'reach-milestone',
        party: (p.parties ?? []).join('+'),
        ...(d.relativeTo ? { relativeTo: d.relativeTo } : {}),
        ...cond,
        description: `${p.subject}: ${english(p.text)}`,
      });
      // A dated milestone that obliges no party is a date on the calendar, not an obligation.
      if (!p.parties?.length) {
        ctx.dated.push({
          provision: p.id,
          kind: p.kind,
          day: reach.day,
          date: p.date ?? reach.date,
          phase: p.phase,
          ...(p.uncertain ? { uncertain: true } : {}),
          description: english(p.text),
        });
        return [];
      }
      return [reach];
    }
    case 'cessation':
    case 'text':
      return [];
  }
}

/** Obligations that hold over the whole phase: cessation of hostilities, free text and undated milestones. */
export function standingObligation(ctx: PlanContext, p: Provision): StandingObligation | null {
  const undatedMilestone = p.kind === 'milestone' && !p.byDay && !p.due && !p.date;
  if (p.kind !== 'cessation' && p.kind !== 'text' && !undatedMilestone) return null;
  const phase = ctx.phases.get(p.phase)!;
  const last = p.throughPhase ? (ctx.phases.get(p.throughPhase) ?? phase) : phase;
  const limits =
    p.kind === 'cessation'
      ? (p.limits ?? []).map(
          (l) =>
            `${l.activity}${l.zone ? ` over ${l.zone}` : ''}: ${
              l.allowed === 'never'
                ? 'none'
                : `only ${(l.windows ?? []).map((w) => `${w.from}–${w.to}`).join(', ')}`
            }`,
        )
      : [];
  const text =
    p.kind === 'cessation'
      ? english(p.scope) || english(p.title) || 'Cessation of hostilities'
      : p.kind === 'milestone'
        ? `${p.subject}: ${english(p.text)}`
        : english((p as ProvisionOf<'text'>).text);
  const parties = p.kind === 'cessation' ? p.parties : ((p as ProvisionOf<'text'>).parties ?? []);
  return {
    provision: p.id,
    kind: p.kind,
    parties,
    fromDay: phase.startDay,
    toDay: last.openEnded ? null : last.endDay,
    ...(last.openEnded ? { openEnded: true } : {}),
    ...(p.uncertain ? { uncertain: true } : {}),
    description: [(text || 'Cessation of hostilities').replace(/[.;]\s*$/, ''), ...limits].join('; '),
  };
}
