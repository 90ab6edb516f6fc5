import { partiesOnSides, sideOf } from '../agreement/side-of.ts';
import type { Agreement, Provision, ProvisionOf } from '../agreement/types.ts';
import type { ActorRecord } from '../ledger/check-event.ts';
import type { EventEnvelope } from '../ledger/event.ts';
import { lastBatch } from './exchange-batches.ts';
import type { FitProblem } from './fit-problem.ts';
import { EVENT_FIT, PARTY_FIELDS } from './fit-table.ts';

/** What the log knows that an event is fitted against, besides the agreement. */
export interface FitView {
  /** The registration of the actor who signed the event, if any. */
  actor: ActorRecord | undefined;
  /** An earlier event of the log by its leaf hash (hex), for events that refer to one. */
  ref(hash: string): EventEnvelope | undefined;
}

type Extra = Omit<FitProblem, 'code' | 'kind' | 'field' | 'value' | 'fits'>;
type Problem = (
  code: FitProblem['code'],
  field: string,
  value: string | number,
  fits: (string | number)[],
  extra?: Extra,
) => FitProblem;

const unique = <T>(values: (T | undefined)[]): T[] => [
  ...new Set(values.filter((v): v is T => v !== undefined)),
];
const text = (v: unknown): v is string => typeof v === 'string';

/**
 * Whether an event fits the agreement its log adopted: the provision it names exists and is of a
 * kind the event fits (EVENT_FIT), its phase, parties, batch, categories, zones, route, crossing
 * and unit exist there, and its actor may record it (a party does not record the other side's
 * handover, nor its releases; a party's list is its own; an intermediary confirms only handovers
 * made through it). The first mismatch, or undefined when it fits. Events of kinds this function
 * has no rule for are checked on the fields they share with the others.
 */
export function fitEvent(agreement: Agreement, event: EventEnvelope, view: FitView): FitProblem | undefined {
  const { kind, body } = event;
  const problem: Problem = (code, field, value, fits, extra = {}) => ({
    code,
    kind,
    field,
    value,
    fits,
    ...extra,
  });
  const fitKinds = EVENT_FIT[kind];
  let provision: Provision | undefined;
  if (text(body.provision)) {
    provision = agreement.provisions.find((p) => p.id === body.provision);
    const fitting = agreement.provisions
      .filter((p) => !fitKinds || fitKinds.includes(p.kind))
      .map((p) => p.id);
    const kinds = fitKinds ? { provisionKinds: [...fitKinds] } : {};
    if (!provision)
      return problem('event-provision-unknown', 'body.provision', body.provision, fitting, kinds);
    if (fitKinds && !fitKinds.includes(provision.kind))
      return problem('event-provision-kind', 'body.provision', body.provision, fitting, {
        ...kinds,
        actualKind: provision.kind,
      });
  }
  if (text(body.phase) && !agreement.phases.some((p) => p.id === body.phase))
    return problem(
      'event-phase-unknown',
      'body.phase',
      body.phase,
      agreement.phases.map((p) => p.id),
    );
  // An extension of one provision's deadlines: the provision is one of the phase extended.
  if (kind === 'extension.agreed' && provision && text(body.phase) && provision.phase !== body.phase)
    return problem('event-phase-unknown', 'body.phase', body.phase, [provision.phase], {
      provision: provision.id,
    });
  const parties = agreement.parties.map((p) => p.id);
  for (const field of PARTY_FIELDS) {
    const v = body[field];
    if (text(v) && !parties.includes(v)) return problem('event-party-unknown', `body.${field}`, v, parties);
  }
  const inProvision =
    provision === undefined ? undefined : fitWithin(agreement, provision, event, view, problem);
  if (inProvision) return inProvision;
  return fitWithout(agreement, provision, event, problem) ?? fitConfirmation(event, view, problem);
}

function fitWithin(
  agreement: Agreement,
  provision: Provision,
  event: EventEnvelope,
  view: FitView,
  problem: Problem,
): FitProblem | undefined {
  const { body } = event;
  const p = { provision: provision.id };
  if (provision.kind === 'exchange') return fitExchange(agreement, provision, event, view, problem);
  if (provision.kind === 'aid') {
    const quotas = [...provision.perDay, ...(provision.extra ?? [])];
    const units = unique(quotas.map((q) => q.unit));
    if (text(body.unit) && !units.includes(body.unit as (typeof units)[number]))
      return problem('event-unit-unknown', 'body.unit', body.unit, units, p);
    // A suspension, cap or resumption names a quota or a category; a delivery, a category.
    const categories = unique([
      ...quotas.map((q) => q.category),
      ...(event.kind === 'aid.delivered' ? [] : quotas.map((q) => q.id)),
    ]);
    if (text(body.category) && categories.length && !categories.includes(body.category))
      return problem('event-category-unknown', 'body.category', body.category, categories, p);
    const destinations = unique([
      ...(provision.destinations ?? []).map((d) => d.id),
      ...quotas.map((q) => q.destination),
    ]);
    if (text(body.destination) && destinations.length && !destinations.includes(body.destination))
      return problem('event-destination-unknown', 'body.destination', body.destination, destinations, p);
  }
  if (provision.kind === 'withdrawal' && Array.isArray(body.zones)) {
    const zones = provision.zones.map((z) => z.id);
    const wrong = body.zones.find((z) => !zones.includes(String(z)));
    if (wrong !== undefined) return problem('event-zone-unknown', 'body.zones', String(wrong), zones, p);
  }
  if (provision.kind === 'displaced-return' && text(body.route) && provision.routes) {
    const routes = provision.routes.map((r) => r.id);
    if (!routes.includes(body.route))
      return problem('event-route-unknown', 'body.route', body.route, routes, p);
  }
  if (provision.kind === 'crossing' && text(body.crossing) && body.crossing !== provision.crossing.id)
    return problem('event-crossing-unknown', 'body.crossing', body.crossing, [provision.crossing.id], p);
  return undefined;
}

/**
 * The side whose persons an event with no `party` counts: a handover's is the side it is not
 * handed to (a group the agreement puts on a side receives for that side); else the side of the
 * party that records it; else unknown (either side's categories).
 */
function releasingSide(
  agreement: Agreement,
  kind: string,
  body: Record<string, unknown>,
  sides: string[],
  view: FitView,
): string | undefined {
  const receiving =
    kind === 'handover.completed' && text(body.to) ? sideOf(agreement, body.to, sides) : undefined;
  if (receiving !== undefined) return sides.find((s) => s !== receiving);
  const acting = view.actor?.role === 'party' ? (view.actor.party ?? view.actor.actor) : undefined;
  return acting === undefined ? undefined : sideOf(agreement, acting, sides);
}

/** Each category id of an exchange, of one side or of both. */
function exchangeCategories(exchange: ProvisionOf<'exchange'>, party?: string): string[] | undefined {
  const release = exchange.release.categories.map((c) => c.id);
  const counterpart = exchange.counterpart.categories?.map((c) => c.id);
  if (party === exchange.release.party) return release;
  if (party === exchange.counterpart.party) return counterpart;
  return unique([...release, ...(counterpart ?? [])]);
}

function fitExchange(
  agreement: Agreement,
  exchange: ProvisionOf<'exchange'>,
  event: EventEnvelope,
  view: FitView,
  problem: Problem,
): FitProblem | undefined {
  const { kind, body } = event;
  const p = { provision: exchange.id };
  const sides = [exchange.release.party, exchange.counterpart.party];
  if (typeof body.batch === 'number') {
    const last = lastBatch(agreement, exchange);
    if (last !== null && body.batch > last)
      return problem(
        'event-batch-unknown',
        'body.batch',
        body.batch,
        Array.from({ length: last }, (_, i) => i + 1),
        p,
      );
  }
  // A side, or a group the agreement puts on one (`side:`), which counts for its side.
  const onSides = [...sides, ...partiesOnSides(agreement, sides)];
  if (kind === 'release.completed' && text(body.party) && !onSides.includes(body.party))
    return problem('event-party-unknown', 'body.party', body.party, onSides, p);
  // A handover goes to the other side (or a group on it), or to the intermediary that passes it on.
  const receivers = unique([...onSides, exchange.intermediary]);
  if (kind === 'handover.completed' && text(body.to) && !receivers.includes(body.to))
    return problem('event-party-unknown', 'body.to', body.to, receivers, p);
  if (text(body.via) && exchange.intermediary && body.via !== exchange.intermediary)
    return problem('event-party-unknown', 'body.via', body.via, [exchange.intermediary], p);
  const party = text(body.party) ? sideOf(agreement, body.party, sides) : undefined;
  if (text(body.category) && body.outsideFormula !== true) {
    const categories = exchangeCategories(exchange, party);
    if (categories && !categories.includes(body.category))
      return problem('event-category-unknown', 'body.category', body.category, categories, {
        ...p,
        ...(party ? { party } : {}),
      });
  }
  // A count per category ({ "women": 3, "remains": 1 }): each category one of the releasing side's.
  const counted = body.categories;
  if (counted && typeof counted === 'object' && !Array.isArray(counted) && body.outsideFormula !== true) {
    const side = party ?? releasingSide(agreement, kind, body, sides, view);
    const categories = exchangeCategories(exchange, side) ?? [];
    const wrong = Object.keys(counted).find((c) => !categories.includes(c));
    if (wrong !== undefined)
      return problem('event-category-unknown', 'body.categories', wrong, categories, {
        ...p,
        ...(side ? { party: side } : {}),
      });
  }
  const actor = view.actor;
  if (actor?.role !== 'party') return undefined;
  const acting = actor.party ?? actor.actor;
  const who = { ...p, actorParty: acting, role: actor.role };
  const actingSide = sideOf(agreement, acting, sides);
  const receivingSide = text(body.to) ? sideOf(agreement, body.to, sides) : undefined;
  if (
    kind === 'handover.completed' &&
    (acting === body.to || (actingSide !== undefined && actingSide === receivingSide))
  )
    return problem(
      'event-actor-not-entitled',
      'actor',
      actor.actor,
      sides.filter((s) => s !== (receivingSide ?? body.to)),
      { ...who, rule: 'receiving-side' },
    );
  if ((kind === 'handover.completed' || kind === 'list.submitted') && actingSide === undefined)
    return problem('event-actor-not-entitled', 'actor', actor.actor, sides, { ...who, rule: 'not-a-side' });
  if (kind === 'release.completed' && text(body.party) && acting !== body.party)
    return problem('event-actor-not-entitled', 'actor', actor.actor, [body.party], {
      ...who,
      rule: 'own-release',
    });
  return undefined;
}

/** Fields judged against the agreement as a whole: a crossing named without its provision, an extended zone. */
function fitWithout(
  agreement: Agreement,
  provision: Provision | undefined,
  event: EventEnvelope,
  problem: Problem,
): FitProblem | undefined {
  const { kind, body } = event;
  if (kind.startsWith('crossing.') && !provision && text(body.crossing)) {
    const crossings = agreement.provisions.flatMap((p) => (p.kind === 'crossing' ? [p.crossing.id] : []));
    if (!crossings.includes(body.crossing))
      return problem('event-crossing-unknown', 'body.crossing', body.crossing, unique(crossings));
  }
  if (text(body.zone)) {
    const zones = agreement.provisions.flatMap((p) =>
      p.kind === 'localized-pause' && (!text(body.phase) || p.phase === body.phase)
        ? p.zones.map((z) => z.id)
        : [],
    );
    if (!zones.includes(body.zone))
      return problem('event-zone-unknown', 'body.zone', body.zone, unique(zones));
  }
  return undefined;
}

/** An intermediary confirms only a handover made through it: the handover's `via`, or its `to`. */
function fitConfirmation(event: EventEnvelope, view: FitView, problem: Problem): FitProblem | undefined {
  const actor = view.actor;
  if (event.kind !== 'handover.confirmed' || actor?.role !== 'intermediary') return undefined;
  const handover = text(event.body.handover) ? view.ref(event.body.handover) : undefined;
  if (handover?.kind !== 'handover.completed') return undefined;
  const acting = actor.party ?? actor.actor;
  // Through it: named as its via, or handed to it.
  const through = unique([handover.body.via, handover.body.to].filter(text));
  const via = handover.body.via;
  if (through.includes(acting)) return undefined;
  return problem('event-actor-not-entitled', 'actor', actor.actor, text(via) ? [via] : [], {
    actorParty: acting,
    role: actor.role,
    rule: 'not-via',
    ...(text(handover.body.provision) ? { provision: handover.body.provision } : {}),
  });
}
