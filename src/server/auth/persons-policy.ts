import { DEFAULT_DISCLOSURE, type Disclosure } from '../../core/agreement/schema/disclosure.ts';
import type { SignedEvent } from '../../core/ledger/event.ts';
import type { Principal } from './principal.ts';

/** What the log says of one person's commitment: who listed it, whether it was handed over and confirmed. */
export interface PersonReferences {
  /** Parties (or, for an actor acting for none, actor ids) whose actors submitted a list naming it. */
  listedBy: Set<string>;
  /** Whether a list naming it was accepted: it is then on the intermediary's manifest. */
  accepted: boolean;
  /** The intermediaries (actor ids) a handover naming it went through. */
  handedVia: Set<string>;
  /** Whether a handover naming it was confirmed: the embargo on its names ends. */
  confirmed: boolean;
}

/** Why a record is shown to the caller; absent when it is not. */
export type Visibility = 'role' | 'own' | 'submitted-to-you' | 'manifest' | 'confirmed';

/** A list of persons as the log holds it, with its acceptance. */
export interface ListEntry {
  leafHash: string;
  index: number;
  actor: string;
  party: string | null;
  provision: string;
  batch: number;
  count: number;
  persons: string[];
  /** The index of the event that accepted it, or null. */
  acceptedAt: number | null;
}

export interface PersonIndex {
  references: Map<string, PersonReferences>;
  lists: ListEntry[];
}

interface Indexed {
  index: number;
  leafHash: string;
  event: SignedEvent;
}

const blank = (): PersonReferences => ({
  listedBy: new Set(),
  accepted: false,
  handedVia: new Set(),
  confirmed: false,
});

/** A person index fed a log's events in order, each once: `next` is the index of the event it takes next. */
export interface PersonIndexer {
  readonly next: number;
  /** Takes events in log order; events it has already taken are passed over. */
  apply(entries: Iterable<Indexed>): void;
  index(): PersonIndex;
}

/** Reads a whole log for the persons policy (see personIndexer). */
export function indexPersons(entries: Iterable<Indexed>): PersonIndex {
  const indexer = personIndexer();
  indexer.apply(entries);
  return indexer.index();
}

/**
 * Reads a log for the persons policy: for each commitment, the lists and handovers naming it.
 * A confirmation names its persons or, when it names none, takes those of the handover it confirms.
 */
export function personIndexer(): PersonIndexer {
  let next = 0;
  const references = new Map<string, PersonReferences>();
  const partyOf = new Map<string, string | null>();
  const lists = new Map<string, ListEntry>();
  const handovers = new Map<string, string[]>();
  const refs = (c: string) => {
    const known = references.get(c);
    if (known) return known;
    const r = blank();
    references.set(c, r);
    return r;
  };
  const take = ({ index, leafHash, event }: Indexed) => {
    const { kind, actor } = event.event;
    const body = event.event.body as Record<string, unknown>;
    const persons = Array.isArray(body.persons) ? (body.persons as string[]) : [];
    if (kind === 'actor.registered') {
      partyOf.set(String(body.actor), typeof body.party === 'string' ? body.party : null);
    } else if (kind === 'list.submitted') {
      const party = partyOf.get(actor) ?? null;
      for (const c of persons) refs(c).listedBy.add(party ?? actor);
      lists.set(leafHash, {
        leafHash,
        index,
        actor,
        party,
        provision: String(body.provision),
        batch: Number(body.batch),
        count: Number(body.count),
        persons,
        acceptedAt: null,
      });
    } else if (kind === 'list.accepted') {
      const list = lists.get(String(body.list));
      if (list && list.acceptedAt === null) {
        list.acceptedAt = index;
        for (const c of list.persons) refs(c).accepted = true;
      }
    } else if (kind === 'handover.completed') {
      handovers.set(leafHash, persons);
      for (const c of persons) if (typeof body.via === 'string') refs(c).handedVia.add(body.via);
    } else if (kind === 'handover.confirmed') {
      const named = persons.length ? persons : (handovers.get(String(body.handover)) ?? []);
      for (const c of named) refs(c).confirmed = true;
    }
  };
  return {
    get next() {
      return next;
    },
    apply(entries) {
      for (const e of entries) {
        if (e.index < next) continue;
        take(e);
        next = e.index + 1;
      }
    },
    index: () => ({ references, lists: [...lists.values()] }),
  };
}

/** The record's owner, as the persons store keeps it. */
export interface RecordMeta {
  party: string | null;
  addedBy: string | null;
}

/**
 * Whether, and why, `who` may see a person's record, under the agreement's `disclosure`:
 * - operator and mediator: every record of their log;
 * - a party: the records it added; the other side's once listed to it (counterpart: on-list) or
 *   once their handover is confirmed (on-confirmation); before that they stay embargoed;
 * - the intermediary: the records on its manifests (accepted lists, handovers through it);
 * - a monitor: records whose handover was confirmed, unless the agreement says never;
 * - the public: none, ever.
 */
export function personVisibility(
  who: Principal,
  meta: RecordMeta,
  refs: PersonReferences | undefined,
  disclosure: Disclosure = DEFAULT_DISCLOSURE,
): Visibility | undefined {
  const r = refs ?? blank();
  switch (who.role) {
    case 'operator':
    case 'mediator':
      return 'role';
    case 'party': {
      const mine = who.party ?? who.actor;
      if (mine !== null && (meta.party === mine || (meta.party === null && meta.addedBy === who.actor)))
        return 'own';
      if (disclosure.counterpart === 'on-list' && [...r.listedBy].some((p) => p !== mine))
        return 'submitted-to-you';
      return r.confirmed ? 'confirmed' : undefined;
    }
    case 'intermediary':
      if (r.accepted || (who.actor !== null && r.handedVia.has(who.actor))) return 'manifest';
      return r.confirmed ? 'confirmed' : undefined;
    case 'monitor':
      return r.confirmed && disclosure.monitors === 'on-confirmation' ? 'confirmed' : undefined;
    default:
      return undefined;
  }
}
