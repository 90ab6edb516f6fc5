import type { Agreement } from '../core/agreement/types.ts';
import type { Evaluation } from '../core/compliance/types.ts';

/** An evaluation remembered: the log's size, the agreement and the moment it was judged at. */
export interface Remembered {
  size: number;
  agreement: Agreement;
  at: string;
  evaluation: Evaluation;
  /** The leaf hashes its evidence lists hold, all together: what it costs to keep. */
  held: number;
}

/** How many leaf hashes the evidence lists of `value` hold, however deep (never reading a list's items). */
export function evidenceHeld(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  if (Array.isArray(value)) {
    let n = 0;
    for (const item of value) if (typeof item === 'object') n += evidenceHeld(item);
    return n;
  }
  let n = 0;
  for (const key in value) {
    const member = (value as Record<string, unknown>)[key];
    if (key === 'evidence' && Array.isArray(member)) n += member.length;
    else if (typeof member === 'object') n += evidenceHeld(member);
  }
  return n;
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
    const kept: Remembered[] = [{ size, agreement, at, evaluation, held: evidenceHeld(evaluation) }];
    let held = kept[0]!.held;
    for (const r of this.list) {
      if (kept.length >= this.count || held + r.held > this.hashes) break;
      kept.push(r);
      held += r.held;
    }
    this.list = kept;
  }

  /** The moments remembered, newest first. */
  moments(): string[] {
    return this.list.map((r) => r.at);
  }
}
