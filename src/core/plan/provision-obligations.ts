import type { LocalizedText, Provision, ProvisionOf, Quota } from '../agreement/types.ts';
import { byTime, obligation, type PlanContext, phaseLength } from './context.ts';
import { exchangeObligations } from './exchange-obligations.ts';
import type { Obligation, StandingObligation, Unit } from './types.ts';

export function english(text: LocalizedText | undefined): string {
  if (text === undefined) return '';
  return typeof text === 'string' ? text : text.en;
}

function days(from: number, to: number | null): number[] {
  if (to === null) return [];
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

function quotaText(q: Quota): string {
  const what = [q.category, q.destination ? `to ${q.destination}` : ''].filter(Boolean).join(' ');
  return `${q.atLeast ? 'at least ' : ''}${q.quantity} ${q.unit}${q.quantity === 1 ? '' : 's'}${what ? ` (${what})` : ''}${q.partOf ? ` of ${q.partOf}` : ''}`;
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
            quantity: q.quantity,
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
          quantity: q.quantity,
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

/**
 * Dated obligations of one provision. `fromDay` is the phase day from which a conditional
 * provision can be met (1 when it has no condition).
 */
export function provisionObligations(
  ctx: PlanContext,
  p: Provision,
  fromDay: number,
  condition?: string,
): Obligation[] {
  const when = (n: number) => ({ phaseDay: Math.max(n, fromDay) });
  const cond = condition ? { condition } : {};
  switch (p.kind) {
    case 'exchange':
      return exchangeObligations(ctx, p);
    case 'aid':
      return aidObligations(ctx, p, Math.max(p.fromDay ?? 1, fromDay)).map((o) => ({ ...o, ...cond }));
    case 'withdrawal':
      return [
        obligation(
          ctx,
          p,
          { ...when(p.byDay), time: p.by },
          {
            action: 'withdraw',
            party: p.party,
            quantity: p.zones.length,
            unit: 'zone',
            ...cond,
            description: `Withdraw from ${p.zones.map((z) => english(z.name)).join(', ')} ${byTime(p.by)} of day ${p.byDay}.`,
          },
        ),
      ];
    case 'displaced-return':
      return [
        obligation(ctx, p, when(p.fromDay), {
          action: 'allow-return',
          party: p.party,
          ...(p.to ? { destination: p.to } : {}),
          ...cond,
          description: `From this day on, allow displaced people to return${p.to ? ` to ${p.to}` : ''}${
            p.routes?.length
              ? ` (${p.routes.map((r) => `${english(r.name)}${r.mode ? `, ${r.mode}` : ''}`).join('; ')})`
              : ''
          }.`,
        }),
      ];
    case 'crossing':
      return [
        obligation(ctx, p, when(p.fromDay ?? 1), {
          action: 'open-crossing',
          party: p.party,
          ...cond,
          description: `Open ${english(p.crossing.name)}${p.purpose ? ` for ${p.purpose}` : ''}.`,
        }),
      ];
    case 'medical-evacuation':
      return days(Math.max(p.fromDay ?? 1, fromDay), phaseLength(ctx, p)).map((d) =>
        obligation(
          ctx,
          p,
          { phaseDay: d },
          {
            action: 'evacuate',
            party: p.party,
            quantity: p.perDay,
            unit: 'patient',
            ...cond,
            description: `Allow ${p.perDay} patients out for treatment${p.via ? ` through ${p.via}` : ''}.`,
          },
        ),
      );
    case 'localized-pause':
      return p.zones.flatMap((zone) =>
        days(zone.fromDay, zone.fromDay + zone.days - 1).flatMap((d) =>
          p.parties.map((party) =>
            obligation(
              ctx,
              p,
              { phaseDay: Math.max(d, fromDay), time: p.window.to },
              {
                action: 'pause',
                party,
                window: p.window,
                destination: zone.id,
                ...cond,
                description: `Pause in ${english(zone.name)} ${p.window.from}–${p.window.to}${p.purpose ? ` (${p.purpose})` : ''}${
                  p.extensionDays ? `; extendable by ${p.extensionDays} day(s)` : ''
                }.`,
              },
              `${zone.id}/${party}`,
            ),
          ),
        ),
      );
    case 'negotiation':
      return p.parties.map((party) =>
        obligation(
          ctx,
          p,
          when(p.byDay),
          {
            action: 'negotiate',
            party,
            ...cond,
            description: `Start negotiations on ${p.subject} by day ${p.byDay}.`,
          },
          party,
        ),
      );
    case 'cessation':
    case 'text':
      return [];
  }
}

/** Obligations that hold over the whole phase: cessation of hostilities and free-text terms. */
export function standingObligation(ctx: PlanContext, p: Provision): StandingObligation | null {
  if (p.kind !== 'cessation' && p.kind !== 'text') return null;
  const phase = ctx.phases.get(p.phase)!;
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
    p.kind === 'cessation' ? (p.scope ?? english(p.title) ?? 'Cessation of hostilities') : english(p.text);
  return {
    provision: p.id,
    kind: p.kind,
    parties: p.kind === 'cessation' ? p.parties : (p.parties ?? []),
    fromDay: phase.startDay,
    toDay: phase.endDay,
    ...(p.uncertain ? { uncertain: true } : {}),
    description: [(text || 'Cessation of hostilities').replace(/[.;]\s*$/, ''), ...limits].join('; '),
  };
}
