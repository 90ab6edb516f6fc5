import type { Agreement } from '../agreement/types.ts';
import { english } from '../plan/provision-obligations.ts';
import type { LoggedEvent } from './types.ts';

/** An actor as an actor.registered event names it. */
export interface Registration {
  actor: string;
  name?: string;
  party?: string;
}

/**
 * How explanations name what they speak of: a party by its name in the agreement, an actor by the
 * party it acts for (else the name it was registered with), a provision by its title, a quota line
 * or an exchange category by its label. Each falls back to the id when the agreement gives no name.
 */
export interface Labels {
  party(id: string): string;
  actor(id: string): string;
  provision(id: string): string;
  /** A quota line of an aid provision. */
  quota(provision: string, id: string): string;
  /** An exchange category, category group or counterpart category (of `provision` when given). */
  category(id: string, provision?: string): string;
}

/** The labels of an agreement and of the actors registered in its log (the last registration wins). */
export function labelsOf(agreement: Agreement, registrations: Iterable<Registration> = []): Labels {
  const parties = new Map(agreement.parties.map((p) => [p.id, english(p.name)]));
  const actors = new Map<string, Registration>();
  for (const r of registrations) actors.set(r.actor, r);
  const provisions = new Map(agreement.provisions.map((p) => [p.id, p]));
  const categories = new Map<string, Map<string, string>>();
  for (const p of agreement.provisions) {
    if (p.kind !== 'exchange') continue;
    const own = new Map<string, string>();
    const named = [...p.release.categories, ...(p.release.groups ?? []), ...(p.counterpart.categories ?? [])];
    for (const c of named) own.set(c.id, english(c.label));
    categories.set(p.id, own);
  }
  const party = (id: string) => parties.get(id) ?? id;
  return {
    party,
    actor(id) {
      const r = actors.get(id);
      if (r?.party !== undefined && parties.has(r.party)) return party(r.party);
      return r?.name ?? party(id);
    },
    provision(id) {
      const p = provisions.get(id);
      return (p?.title && english(p.title)) || id;
    },
    quota(provision, id) {
      const p = provisions.get(provision);
      if (p?.kind !== 'aid') return id;
      const q = [...p.perDay, ...(p.extra ?? [])].find((x) => x.id === id);
      return (q?.label && english(q.label)) || id;
    },
    category(id, provision) {
      if (provision !== undefined) return categories.get(provision)?.get(id) ?? id;
      for (const own of categories.values()) {
        const label = own.get(id);
        if (label !== undefined) return label;
      }
      return id;
    },
  };
}

/** The actor registrations of a log, in log order. */
export function registrationsIn(events: readonly LoggedEvent[]): Registration[] {
  return events
    .filter((e) => e.event.event.kind === 'actor.registered')
    .map((e) => e.event.event.body as unknown as Registration);
}
