import type { Provision } from '../agreement/types.ts';
import { NEGOTIATION_EVENTS } from './act-status.ts';
import type { EvalContext } from './context.ts';
import { aidMeasures, postponements, stoppages } from './measures.ts';
import type { ProvisionStatus } from './types.ts';

/** Kinds shown with the provision they name, beside its status, without moving it. */
const SHOWN: Partial<Record<Provision['kind'], string[]>> = {
  negotiation: NEGOTIATION_EVENTS,
  withdrawal: ['line.moved'],
  exchange: ['list.published', 'names.vetoed', 'names.swapped'],
  crossing: ['crossing.throughput'],
  'medical-evacuation': ['crossing.throughput'],
};

type Beside = Pick<
  ProvisionStatus,
  'postponed' | 'suspended' | 'capped' | 'recovered' | 'events' | 'enforced'
>;

/**
 * What the log records about a provision that is not a verdict on it: postponed batches, aid
 * suspended or capped, remains recovered without a handover (never counted as one), statements
 * that a ceasefire is enforced again, and the other events that name it.
 */
export function recordedBeside(ctx: EvalContext, p: Provision): Beside {
  const out: Beside = {};
  const { view } = ctx;
  if (p.kind === 'exchange') {
    const postponed = postponements(ctx, p.id);
    if (postponed.length) out.postponed = postponed;
    const recovered = view.current('remains.recovered').filter((r) => r.body.provision === p.id);
    if (recovered.length)
      out.recovered = recovered.map((r) => ({
        by: String(r.body.by),
        count: Number(r.body.count),
        at: view.iso(r.entry.at),
        ...(r.entry.event.source?.name ? { source: r.entry.event.source.name } : {}),
        ...(r.body.uncertain === true ? { uncertain: true as const } : {}),
        evidence: r.evidence,
      }));
  }
  if (p.kind === 'aid') {
    const { suspended, capped } = aidMeasures(ctx, p);
    if (suspended.length) out.suspended = suspended;
    if (capped.length) out.capped = capped;
  }
  const stopped = stoppages(ctx, p);
  if (stopped.length) out.suspended = stopped;
  if (p.kind === 'cessation') {
    const enforced = view
      .current('ceasefire.enforced')
      .filter((r) => r.body.provision === p.id || r.body.provision === undefined);
    if (enforced.length)
      out.enforced = enforced.map((r) => ({
        by: String(r.body.by),
        at: view.iso(r.entry.at),
        evidence: r.evidence,
      }));
  }
  const kinds = SHOWN[p.kind] ?? [];
  const events = kinds
    .flatMap((k) => view.current(k).filter((r) => r.body.provision === p.id))
    .sort((a, b) => a.entry.at - b.entry.at || (a.entry.hash < b.entry.hash ? -1 : 1));
  if (events.length)
    out.events = events.map((r) => ({
      kind: r.entry.event.kind,
      at: view.iso(r.entry.at),
      evidence: r.evidence,
    }));
  return out;
}
