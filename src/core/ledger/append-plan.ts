/**
 * An append as a pure function: the log's head (its size, key and tree edge), its actor registry
 * and what the log already holds of the events' leaves, ids and references in; every check of
 * the log (checkEvent, unique ids, the caller's fit) and exactly the rows to write out. The store
 * reads the state and executes the rows; nothing here does I/O.
 */
import type { Crypto } from '../crypto/crypto.ts';
import type { FitView } from '../fit/event-fit.ts';
import type { ActorRegistry } from './actor-registry.ts';
import type { ParsedEvent } from './append-event.ts';
import { AppendSignatures } from './append-signatures.ts';
import { type ActorRecord, checkEvent } from './check-event.ts';
import type { EventEnvelope, SignedEvent } from './event.ts';
import { LedgerError } from './ledger-error.ts';
import type { Hash } from './merkle.ts';
import { edgeRoot, extendEdge, type TreeEdge } from './tree-edge.ts';

/**
 * Judges an event against what the caller knows beyond the log's own rules (the agreement the log
 * adopted): throws to refuse it. Called after checkEvent, in order, for each new event only.
 */
export type FitHook = (event: SignedEvent, view: FitView) => void | Promise<void>;

export type { ParsedEvent };

/** An event of the log another event refers to: what checkEvent and the fit read of it. */
export interface KnownRef {
  actor: string;
  kind: string;
  event: EventEnvelope;
}

/** The log as the append finds it. */
export interface AppendState {
  log: string;
  /** The operator key the log was created with. */
  operatorKey: string;
  /** The tree's right edge; its hashes may be left out when every event is already in the log. */
  edge: TreeEdge;
  /** The log's registry: applied to, in place, with each actor event appended. */
  registry: ActorRegistry;
  /** Of the events' leaf hashes (hex), those the log has, with their index. */
  existing: ReadonlyMap<string, number>;
  /** Of the events' ids, those the log gives an event, with its index. */
  takenIds: ReadonlyMap<string, number>;
  /** Of the leaf hashes the events refer to, those in the log. */
  refs: ReadonlyMap<string, KnownRef>;
}

export interface AppendOutcome {
  index: number;
  leafHash: string;
  duplicate: boolean;
}

/** One event row to insert (the store adds the log's id). */
export interface EntryRow {
  idx: number;
  leaf: Hash;
  kind: string;
  actor: string;
  event: string;
  recordedAt: string;
  rowId: string | null;
  occurredMs: number;
}

/** What an append writes: every row, the actors it changes as they now stand, the new head. */
export interface AppendRows {
  results: AppendOutcome[];
  entries: EntryRow[];
  hashes: { id: number; hash: Hash }[];
  actors: ActorRecord[];
  /** The size before (the append holds only if the log still has it) and after. */
  from: number;
  size: number;
  /** The root after the append; empty when nothing is written (every event already in the log). */
  root: Hash;
  edge: TreeEdge;
}

export interface PlanOptions {
  expectedSize?: number;
  recordedAt: string;
  fit?: FitHook;
  /** The keys parsed and signatures verified already (a store keeps one); a new one when not given. */
  signatures?: AppendSignatures;
}

/**
 * The rows that append `events` to the log in `state`, in order; an event already in the log (or
 * earlier in `events`) is not written again and gets its index back. Throws the first refusal,
 * with `position`, the event's place (from 0) in `events`.
 */
export async function planAppend(
  crypto: Crypto,
  state: AppendState,
  events: ParsedEvent[],
  options: PlanOptions,
): Promise<AppendRows> {
  const { edge: start, registry, existing } = state;
  const fresh = events.filter((p) => !existing.has(p.hex));
  if (options.expectedSize !== undefined && fresh.length > 0 && options.expectedSize !== start.size) {
    throw new LedgerError(
      'append-stale-size',
      `The log has ${start.size} events, not the ${options.expectedSize} expected; fetch it again and retry.`,
    );
  }
  const rows: AppendRows = {
    results: [],
    entries: [],
    hashes: [],
    actors: [],
    from: start.size,
    size: start.size,
    root: new Uint8Array(0),
    edge: start,
  };
  if (fresh.length === 0) {
    rows.results = events.map((p) => ({ index: existing.get(p.hex)!, leafHash: p.hex, duplicate: true }));
    return rows;
  }
  const signatures = options.signatures ?? new AppendSignatures(crypto);
  const takenIds = new Map(state.takenIds);
  const refs = new Map(state.refs);
  const changedActors = new Set<string>();
  const added = new Map<string, number>();
  let edge = start;
  for (const [position, p] of events.entries()) {
    const known = existing.get(p.hex) ?? added.get(p.hex);
    if (known !== undefined) {
      rows.results.push({ index: known, leafHash: p.hex, duplicate: true });
      continue;
    }
    const size = edge.size;
    try {
      const id = p.event.event.id;
      if (id !== undefined) {
        const taken = takenIds.get(id);
        if (taken !== undefined)
          throw new LedgerError(
            'event-id-taken',
            `The id "${id}" is already the id of event no. ${taken} of this log, another event: an id names one event of a log. Give this event a new id, or record a correction of event no. ${taken}.`,
          );
        takenIds.set(id, size);
      }
      const standing = registry.at(p.event.event.actor, p.event.event.occurredAt);
      checkEvent(
        crypto,
        p.event,
        { log: state.log, size, operatorKey: state.operatorKey, ...standing, refs },
        signatures.checksFor(p),
      );
      if (options.fit)
        await options.fit(p.event, {
          actor: standing.actor,
          ref: (hash) => refs.get(hash)?.event,
        });
    } catch (e) {
      throw Object.assign(e as Error, { position });
    }
    const next = extendEdge(crypto.sha256, edge, p.leaf);
    next.stored.forEach((hash, k) => {
      rows.hashes.push({ id: next.first + k, hash });
    });
    edge = next.edge;
    rows.entries.push({
      idx: size,
      leaf: p.leaf,
      kind: p.event.event.kind,
      actor: p.event.event.actor,
      event: p.text,
      recordedAt: options.recordedAt,
      rowId: p.event.event.id ?? null,
      occurredMs: p.occurredMs,
    });
    const changed = registry.apply(p.event);
    if (changed) changedActors.add(changed);
    refs.set(p.hex, { actor: p.event.event.actor, kind: p.event.event.kind, event: p.event.event });
    added.set(p.hex, size);
    rows.results.push({ index: size, leafHash: p.hex, duplicate: false });
  }
  for (const actor of changedActors) {
    const a = registry.latest(actor);
    if (a) rows.actors.push(a);
  }
  rows.edge = edge;
  rows.size = edge.size;
  rows.root = edgeRoot(crypto.sha256, edge);
  return rows;
}
