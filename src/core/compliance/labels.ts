import type { Agreement } from '../agreement/types.ts';
import type { Lang } from '../words/lang.ts';
import type { Arg } from '../words/phrase.ts';
import { localized } from '../words/render.ts';
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
  /** A place the agreement names (a zone, a crossing, a destination). */
  place(id: string): string;
  /** A phase, by its title. */
  phase(id: string): string;
  /** An actor as a phrase parameter: the party it acts for, else the name it registered with. */
  actorArg(id: string): Arg;
}

function placesOf(value: unknown, lang: Lang, out: Map<string, string>): void {
  if (Array.isArray(value)) {
    for (const v of value) placesOf(v, lang, out);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const o = value as Record<string, unknown>;
  const name = o.name as Parameters<typeof localized>[0] | undefined;
  if (typeof o.id === 'string' && name !== undefined && !out.has(o.id)) {
    const text = localized(name, lang);
    if (text) out.set(o.id, text);
  }
  for (const [k, v] of Object.entries(o))
    if (k !== 'name' && k !== 'label' && k !== 'title') placesOf(v, lang, out);
}

/**
 * The labels of an agreement and of the actors registered in its log (the last registration wins),
 * in `lang` where the agreement gives that language (else in English).
 */
export function labelsOf(
  agreement: Agreement,
  registrations: Iterable<Registration> = [],
  lang: Lang = 'en',
): Labels {
  const inLang = (text: Parameters<typeof localized>[0]) => localized(text, lang);
  const places = new Map<string, string>();
  for (const p of agreement.provisions) placesOf(p, lang, places);
  const parties = new Map(agreement.parties.map((p) => [p.id, inLang(p.name)]));
  const actors = new Map<string, Registration>();
  for (const r of registrations) actors.set(r.actor, r);
  const provisions = new Map(agreement.provisions.map((p) => [p.id, p]));
  const phases = new Map(agreement.phases.map((p) => [p.id, p.title === undefined ? '' : inLang(p.title)]));
  const categories = new Map<string, Map<string, string>>();
  for (const p of agreement.provisions) {
    if (p.kind !== 'exchange') continue;
    const own = new Map<string, string>();
    const named = [...p.release.categories, ...(p.release.groups ?? []), ...(p.counterpart.categories ?? [])];
    for (const c of named) own.set(c.id, inLang(c.label));
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
      return (p?.title && inLang(p.title)) || id;
    },
    quota(provision, id) {
      const p = provisions.get(provision);
      if (p?.kind !== 'aid') return id;
      const q = [...p.perDay, ...(p.extra ?? [])].find((x) => x.id === id);
      return (q?.label && inLang(q.label)) || id;
    },
    category(id, provision) {
      if (provision !== undefined) return categories.get(provision)?.get(id) ?? id;
      for (const own of categories.values()) {
        const label = own.get(id);
        if (label !== undefined) return label;
      }
      return id;
    },
    place(id) {
      return places.get(id) ?? id;
    },
    phase(id) {
      return phases.get(id) || id;
    },
    actorArg(id) {
      const r = actors.get(id);
      if (r?.party !== undefined && parties.has(r.party)) return { type: 'actor', id, party: r.party };
      return r?.name !== undefined ? { type: 'actor', id, name: r.name } : { type: 'actor', id };
    },
  };
}

/** The actor registrations of a log, in log order. */
export function registrationsIn(events: readonly LoggedEvent[]): Registration[] {
  return events
    .filter((e) => e.event.event.kind === 'actor.registered')
    .map((e) => e.event.event.body as unknown as Registration);
}
