import type { ProvisionKind } from '../agreement/types.ts';

/**
 * The provision kinds each event kind fits: an event naming a provision of another kind is
 * refused. A new event kind is one row. Kinds without a row may name a provision of any kind
 * (deadline.missed, violation.alleged); those that name none are not judged on it.
 */
export const EVENT_FIT: Readonly<Record<string, readonly ProvisionKind[]>> = {
  'aid.delivered': ['aid'],
  'handover.completed': ['exchange'],
  'list.submitted': ['exchange'],
  'release.completed': ['exchange'],
  'withdrawal.completed': ['withdrawal'],
  'talks.started': ['negotiation'],
  'return.started': ['displaced-return'],
  'return.blocked': ['displaced-return'],
  'return.resumed': ['displaced-return'],
  'crossing.opened': ['crossing'],
  'crossing.closed': ['crossing'],
  'delegation.arrived': ['negotiation'],
  'round.ended': ['negotiation'],
  'proposal.submitted': ['negotiation'],
  'response.given': ['negotiation'],
  'crossing.throughput': ['crossing', 'medical-evacuation'],
  'aid.suspended': ['aid'],
  'aid.capped': ['aid'],
  'aid.resumed': ['aid'],
  'batch.postponed': ['exchange'],
  'batch.resumed': ['exchange'],
  'remains.identified': ['exchange'],
  'remains.recovered': ['exchange'],
  'list.published': ['exchange'],
  'names.vetoed': ['exchange'],
  'names.swapped': ['exchange'],
  'line.moved': ['withdrawal'],
  'milestone.reached': ['milestone'],
  'ceasefire.enforced': ['cessation'],
};

/** Body fields that name a party of the agreement. */
export const PARTY_FIELDS = ['party', 'against', 'to', 'via'] as const;
