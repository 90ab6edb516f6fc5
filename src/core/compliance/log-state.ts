import { referencesOf } from '../ledger/check-event.ts';
import type { EventEnvelope } from '../ledger/event.ts';
import { instantOf } from '../time/instant.ts';
import type { LoggedEvent } from './types.ts';

/** An event as the evaluator keeps it: its leaf hash, its instant (epoch ms) and its envelope. */
export interface Entry {
  hash: string;
  at: number;
  event: EventEnvelope;
}

/**
 * What the evaluator knows of a log, indexed as events arrive: by kind and by the events they refer
 * to, each list in (instant, leaf hash) order so that the order of arrival never matters.
 */
export interface LogState {
  byKind: Map<string, Entry[]>;
  byRef: Map<string, Entry[]>;
  byHash: Map<string, Entry>;
}

export function emptyState(): LogState {
  return { byKind: new Map(), byRef: new Map(), byHash: new Map() };
}

/** Total order of entries: by instant, then by leaf hash (same-instant events in a fixed order). */
export function compareEntries(a: Entry, b: Entry): number {
  return a.at - b.at || (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0);
}

function insertSorted(list: Entry[], entry: Entry): void {
  // Events mostly arrive in time order: then the new one simply goes last.
  if (list.length === 0 || compareEntries(list[list.length - 1]!, entry) < 0) {
    list.push(entry);
    return;
  }
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareEntries(list[mid]!, entry) < 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, entry);
}

function push(map: Map<string, Entry[]>, key: string, entry: Entry): void {
  const list = map.get(key);
  if (list) insertSorted(list, entry);
  else map.set(key, [entry]);
}

/**
 * Adds one event to the state (in place) and gives its entry; an event already applied, or one
 * without a valid instant, is ignored (undefined).
 */
export function applyEvent(state: LogState, logged: LoggedEvent): Entry | undefined {
  if (state.byHash.has(logged.leafHash)) return undefined;
  const event = logged.event.event;
  const at = instantOf(event.occurredAt);
  if (Number.isNaN(at)) return undefined;
  const entry: Entry = { hash: logged.leafHash, at, event };
  state.byHash.set(entry.hash, entry);
  push(state.byKind, event.kind, entry);
  for (const ref of referencesOf(event)) push(state.byRef, ref, entry);
  return entry;
}

/** The prefix of a sorted list that occurred at or before `asOf` (epoch ms). */
export function upTo(list: readonly Entry[] | undefined, asOf: number): Entry[] {
  if (!list) return [];
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.at <= asOf) lo = mid + 1;
    else hi = mid;
  }
  return list.slice(0, lo);
}
