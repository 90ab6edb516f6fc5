import type { Agreement } from '../core/agreement/types.ts';
import type { Evaluation } from '../core/compliance/types.ts';

/** An evaluation remembered: the log's size, the agreement and the moment it was judged at. */
export interface Remembered {
  size: number;
  agreement: Agreement;
  at: string;
  evaluation: Evaluation;
  /** Its evidence lists (read once, when it is kept). */
  lists: Set<readonly unknown[]>;
}

/** How many leaf hashes the evidence lists of `value` hold, however deep (never reading a list's items), each list once. */
export function evidenceHeld(value: unknown): number {
  let n = 0;
  for (const list of evidenceLists(value)) n += list.length;
  return n;
}

/** The evidence lists of `value`, however deep, each once (never reading a list's items). */
export function evidenceLists(value: unknown, into = new Set<readonly unknown[]>()): Set<readonly unknown[]> {
  if (value === null || typeof value !== 'object') return into;
  if (Array.isArray(value)) {
    for (const item of value) if (typeof item === 'object') evidenceLists(item, into);
    return into;
  }
  for (const key in value) {
    const member = (value as Record<string, unknown>)[key];
    if (key === 'evidence' && Array.isArray(member)) into.add(member);
    else if (typeof member === 'object') evidenceLists(member, into);
  }
  return into;
}

/**
 * The last evaluations of one log, newest first, bounded in count and in the evidence they hold: the
 * evidence lists of a log's evaluation hold some 2.7 leaf hashes an event of the log (the Nov 2023
 * log with 100,000 synthetic events: 271,396), some 200 MB at a million events, and sixteen of them
 * filled the server's heap. The newest is always kept.
 */
export class RememberedEvaluations {
  private list: Remembered[] = [];
  private readonly count: number;
  private readonly hashes: number;

  constructor(count: number, hashes: number) {
    this.count = count;
    this.hashes = hashes;
  }

  find(size: number, agreement: Agreement, at: string): Evaluation | undefined {
    return this.list.find((r) => r.size === size && r.agreement === agreement && r.at === at)?.evaluation;
  }

  keep(size: number, agreement: Agreement, at: string, evaluation: Evaluation): void {
    // A list shared with a newer evaluation kept is paid for once: the lists of a log's evaluation
    // that did not change since the last are the same arrays (see evidence-crossing.ts).
    const counted = new Set<readonly unknown[]>();
    const cost = (lists: Set<readonly unknown[]>): number => {
      let n = 0;
      for (const list of lists) if (!counted.has(list)) n += list.length;
      return n;
    };
    const take = (r: Remembered) => {
      for (const list of r.lists) counted.add(list);
      kept.push(r);
    };
    const kept: Remembered[] = [];
    const newest: Remembered = { size, agreement, at, evaluation, lists: evidenceLists(evaluation) };
    let held = cost(newest.lists);
    take(newest);
    for (const r of this.list) {
      if (kept.length >= this.count) break;
      const own = cost(r.lists);
      if (held + own > this.hashes) break;
      take(r);
      held += own;
    }
    this.list = kept;
  }

  /** The moments remembered, newest first. */
  moments(): string[] {
    return this.list.map((r) => r.at);
  }
}
