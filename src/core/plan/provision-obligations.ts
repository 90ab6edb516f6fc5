import { figureRange, isContested, statedValues } from '../agreement/figure.ts';
import type { Figure, LocalizedText, Moment, Provision, ProvisionOf, Quota } from '../agreement/types.ts';
import { restsOnUncertainParty } from '../agreement/uncertain-party.ts';
import { daysBetween } from '../time/zoned-time.ts';
import {
  type Arg,
  commas,
  list,
  NONE,
  num,
  optional,
  phrase,
  place,
  qty,
  quote,
  text,
  time,
  word,
} from '../words/phrase.ts';
import { isVocabularyWord } from '../words/vocabularies.ts';
import { englishLine, obligation, type PlanContext, phaseDayOf, phaseLength, type When } from './context.ts';
import { exchangeObligations } from './exchange-obligations.ts';
import { amountOf, hoursAfter } from './line-parts.ts';
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

/** The quota line of a provision as a reader names it: its label, else its id. */
function quotaLine(aid: ProvisionOf<'aid'>, q: Quota) {
  return { type: 'quota' as const, id: q.id, provision: aid.id };
}

function aidObligations(ctx: PlanContext, aid: ProvisionOf<'aid'>, fromDay: number): Obligation[] {
  const out: Obligation[] = [];
  // One line per quota, shared by its days: worded once, whatever the length of the phase.
  const lines = new Map(
    aid.perDay.map((q) => [
      q,
      phrase('plan.admit-aid', {
        amount: amountOf(q.quantity, q.unit, q.atLeast),
        line: quotaLine(aid, q),
        part: optional(q.partOf, () =>
          phrase('part.part-of', { whole: quotaLine(aid, { id: q.partOf! } as Quota) }),
        ),
        // A source's name is the source's own: shown as the agreement gives it.
        source: optional(q.source, () => phrase('part.source', { source: quote(q.source!) })),
      }),
    ]),
  );
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
            line: lines.get(q)!,
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
          line: phrase('plan.deliver-extra', {
            amount: amountOf(q.quantity, q.unit, q.atLeast),
            line: quotaLine(aid, q),
          }),
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
  const hours = optional(p.hours, () =>
    phrase('part.hours', { from: time(p.hours!.from), to: time(p.hours!.to) }),
  );
  const lead =
    p.lists && 'hours' in p.lists.lead
      ? phrase('part.names-ahead', { hours: qty(p.lists.lead.hours, 'hour') })
      : NONE;
  const via =
    p.kind === 'crossing'
      ? phrase('part.through', { place: place(p.crossing.id) })
      : optional(p.via, () => phrase('part.through', { place: place(p.via!) }));
  const lines = new Map(
    flows.map((f) => [
      f,
      phrase(f.direction === 'out' ? 'plan.let-out' : 'plan.let-in', {
        amount: amountOf(f.perDay, FLOW_UNIT[f.people]!),
        via,
        hours,
        lead,
      }),
    ]),
  );
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
          line: lines.get(f)!,
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
    const pauseLine = (extension: boolean) =>
      phrase('plan.pause', {
        zone: place(zone.id),
        from: time(p.window.from),
        to: time(p.window.to),
        purpose: optional(p.purpose, () => phrase('part.purpose', { purpose: text(p.purpose!) })),
        extension: extension ? phrase('part.under-extension') : NONE,
        extendable: optional(zone.extensionDays ?? p.extensionDays, () =>
          phrase('part.extendable', { days: qty((zone.extensionDays ?? p.extensionDays)!, 'day') }),
        ),
      });
    const [inTerm, extended] = [pauseLine(false), pauseLine(true)];
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
              line: d >= first + zone.days ? extended : inTerm,
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
        ? hoursAfter(d.relativeTo)
        : p.by
          ? phrase('when.by-time', { time: time(p.by), day: num(d.when.phaseDay) })
          : phrase('when.end-of-day', { day: num(d.when.phaseDay) });
      return [
        obligation(ctx, p, d.when, {
          action: 'withdraw',
          party: p.party,
          quantity: p.zones.length,
          unit: 'zone',
          ...(d.relativeTo ? { relativeTo: d.relativeTo } : {}),
          ...cond,
          line: phrase('plan.withdraw', {
            zones: commas(p.zones.map((z) => place(z.id))),
            line: optional(p.line, () => phrase('part.to-line', { line: text(p.line!) })),
            when,
          }),
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
            line: phrase('plan.allow-return', {
              to: optional(p.to, () => phrase('part.to-place', { place: place(p.to!) })),
              routes: p.routes?.length
                ? phrase('part.routes', {
                    routes: list(
                      p.routes.map((r) =>
                        r.mode
                          ? phrase('part.route-mode', { name: place(r.id), mode: quote(r.mode) })
                          : phrase('part.route', { name: place(r.id) }),
                      ),
                      'semicolon',
                    ),
                  })
                : NONE,
            }),
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
        line: phrase('plan.open-crossing', {
          crossing: place(p.crossing.id),
          purpose: optional(p.purpose, () => phrase('part.for-purpose', { purpose: text(p.purpose!) })),
          hours: optional(p.hours, () =>
            phrase('part.comma-hours', { from: time(p.hours!.from), to: time(p.hours!.to) }),
          ),
        }),
      });
      // No date, no condition, no day: the terms give no date for the opening. None is invented:
      // it is due on no day (never late), and its daily flows have no day to count from.
      if (!p.due && p.fromDay === undefined && !p.condition)
        return [{ ...opening, due: null, noAgreedDate: true }];
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
            line: phrase('plan.negotiate', { subject: text(p.subject), day: num(d.when.phaseDay) }),
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
        line: phrase('plan.milestone', { subject: word('milestone', p.subject), text: text(p.text) }),
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

/** Words of the agreement without a closing full stop or semicolon, in each language it gives. */
function trimEnd(t: LocalizedText): LocalizedText {
  const trim = (x: string) => x.replace(/[.;]\s*$/, '');
  if (typeof t === 'string') return trim(t);
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, trim(v as string)])) as LocalizedText;
}

/** Obligations that hold over the whole phase: cessation of hostilities, free text and undated milestones. */
export function standingObligation(ctx: PlanContext, p: Provision): StandingObligation | null {
  const undatedMilestone = p.kind === 'milestone' && !p.byDay && !p.due && !p.date;
  if (p.kind !== 'cessation' && p.kind !== 'text' && !undatedMilestone) return null;
  const phase = ctx.phases.get(p.phase)!;
  const last = p.throughPhase ? (ctx.phases.get(p.throughPhase) ?? phase) : phase;
  const limits =
    p.kind === 'cessation'
      ? (p.limits ?? []).map((l) => {
          // A word of the vocabulary (flights, drones) is worded in each language; other words as given.
          const activity = typeof l.activity === 'string' ? word('activity', l.activity) : text(l.activity);
          // Over a zone for what flies; in it for anything else ("armed presence in the south").
          const aerial = typeof l.activity === 'string' && isVocabularyWord('activity', l.activity);
          const where = aerial ? 'over' : 'in';
          const windows = commas(
            (l.windows ?? []).map((w) => phrase('part.window', { from: time(w.from), to: time(w.to) })),
          );
          if (l.allowed === 'never')
            return l.zone
              ? phrase(`part.limit-none-${where}`, { activity, zone: place(l.zone) })
              : phrase('part.limit-none', { activity });
          return l.zone
            ? phrase(`part.limit-windows-${where}`, { activity, zone: place(l.zone), windows })
            : phrase('part.limit-windows', { activity, windows });
        })
      : [];
  const said =
    p.kind === 'cessation'
      ? (p.scope ?? p.title)
      : p.kind === 'milestone'
        ? undefined
        : (p as ProvisionOf<'text'>).text;
  const what: Arg =
    p.kind === 'milestone'
      ? phrase('plan.milestone', { subject: word('milestone', p.subject), text: text(p.text) })
      : said
        ? text(trimEnd(said))
        : phrase('standing.cessation');
  const standing = phrase('plan.standing', {
    text: what,
    limits: limits.length ? phrase('part.limits', { items: list(limits, 'semicolon') }) : NONE,
  });
  const parties = p.kind === 'cessation' ? p.parties : ((p as ProvisionOf<'text'>).parties ?? []);
  return {
    provision: p.id,
    kind: p.kind,
    parties,
    fromDay: phase.startDay,
    toDay: last.openEnded ? null : last.endDay,
    ...(last.openEnded ? { openEnded: true } : {}),
    // Marked when the term is, or a party bound by it is (its consequences carry the mark).
    ...(p.uncertain || restsOnUncertainParty(ctx.agreement, p) ? { uncertain: true } : {}),
    line: standing,
    description: englishLine(ctx.agreement, standing),
  };
}
