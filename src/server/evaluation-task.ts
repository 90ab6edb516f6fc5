import { randomUUID } from 'node:crypto';
import { threadId } from 'node:worker_threads';
import type { Agreement } from '../core/agreement/types.ts';
import {
  type CrossingEvidence,
  type EvidenceBase,
  EvidenceSender,
} from '../core/compliance/evidence-crossing.ts';
import { createEvaluator } from '../core/compliance/index.ts';
import { StringPool } from '../core/compliance/string-pool.ts';
import type { Evaluation } from '../core/compliance/types.ts';
import { toHex } from '../core/crypto/crypto.ts';
import type { SignedEvent } from '../core/ledger/event.ts';

/**
 * A step of judging a log on a worker thread: the events from `from` on (as stored: leaf hash and
 * bytes), applied to the worker's evaluator of that log, and, with `at`, the evaluation at that
 * moment. The agreement comes with the first step (`from` 0).
 */
export interface EvaluateTask {
  kind: 'evaluate';
  /** The log, named so that two databases' logs of one id are kept apart. */
  log: string;
  /** Names the agreement the log is judged against: another key starts a new evaluator. */
  agreementKey: string;
  agreement?: Agreement;
  from: number;
  events: { leafHash: Uint8Array; bytes: Uint8Array }[];
  at?: string;
  /** The evidence lists the asking thread holds of this log (the answer it last took), if any. */
  have?: EvidenceBase;
}

/**
 * How far the worker has read the log, or where it must be fed from. With the evaluation asked for:
 * its evidence lists ready to cross (see evidence-crossing.ts): those the asking thread holds by
 * id, the others packed, their hashes in `hashes`, moved with the answer.
 */
export type EvaluateAnswer =
  | { size: number }
  | { size: number; evaluation: CrossingEvidence<Evaluation> }
  | { need: number };

type Held = {
  agreementKey: string;
  evaluator: ReturnType<typeof createEvaluator>;
  size: number;
  sender: EvidenceSender;
  /** The short strings the log's events repeat, one copy each (the evaluator keeps every event). */
  strings: StringPool;
};

/** The evaluators of this worker, by log; the least recently used goes first. */
const held = new Map<string, Held>();
const HELD_LIMIT = 64;
const utf8 = new TextDecoder();

/** Does one step; a log this worker does not hold (or holds from less far) is asked for again. */
export function evaluateStep(task: EvaluateTask): EvaluateAnswer {
  let state = held.get(task.log);
  if (!state || state.agreementKey !== task.agreementKey) {
    if (task.from !== 0 || !task.agreement) return { need: 0 };
    state = {
      agreementKey: task.agreementKey,
      evaluator: createEvaluator(task.agreement),
      size: 0,
      // Named afresh for each evaluator, on every worker and in every run of one.
      sender: new EvidenceSender(`${threadId}:${randomUUID()}`),
      strings: new StringPool(),
    };
  }
  held.delete(task.log);
  held.set(task.log, state);
  if (held.size > HELD_LIMIT) held.delete(held.keys().next().value!);
  // Applying an event twice changes nothing: a step from before where the worker is is fine.
  if (task.from > state.size) return { need: state.size };
  for (const e of task.events) {
    const event = JSON.parse(utf8.decode(e.bytes)) as SignedEvent;
    state.strings.pool(event.event);
    state.evaluator.apply({ leafHash: toHex(e.leafHash), event });
  }
  state.size = Math.max(state.size, task.from + task.events.length);
  if (task.at === undefined) return { size: state.size };
  return { size: state.size, evaluation: state.sender.send(state.evaluator.result(task.at), task.have) };
}
