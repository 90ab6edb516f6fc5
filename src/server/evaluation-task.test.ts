import { describe, expect, it } from 'vitest';
import { evaluate } from '../core/compliance/evaluate.ts';
import { EvidenceReceiver } from '../core/compliance/evidence-crossing.ts';
import { FIXTURE_YAML } from '../core/compliance/fixture-agreement.ts';
import { actors, agreementOf, logged } from '../core/compliance/test-log.ts';
import type { LoggedEvent } from '../core/compliance/types.ts';
import { fromHex } from '../core/crypto/crypto.ts';
import { type EvaluateAnswer, type EvaluateTask, evaluateStep } from './evaluation-task.ts';

const agreement = agreementOf(FIXTURE_YAML);
/** Each test its own log: the worker's evaluators are kept by log. */
let logs = 0;
const utf8 = new TextEncoder();
const stored = (e: LoggedEvent) => ({
  leafHash: fromHex(e.leafHash),
  bytes: utf8.encode(JSON.stringify(e.event)),
});
const aid = (date: string, quantity: number) =>
  logged(
    'med',
    'aid.delivered',
    `${date}T10:00:00+02:00`,
    { date, quantity, unit: 'truck', category: 'aid' },
    'UN',
  );

/** The answer through structured clone, its hashes moved, as the judging pool hands it over. */
function evaluated(answer: EvaluateAnswer) {
  if (!('evaluation' in answer)) throw new Error('No evaluation in the answer.');
  return structuredClone(answer.evaluation, { transfer: [answer.evaluation.hashes.buffer as ArrayBuffer] });
}

describe('evaluateStep answers with the evidence lists the asking thread does not hold', () => {
  it('sends unchanged lists once, resends whole when the base named is not the last, never a wrong list', () => {
    const log = `evaluation-task-test/${++logs}`;
    const events = [...actors(), aid('2024-01-01', 4), aid('2024-01-02', 3)];
    const task = (
      from: number,
      added: LoggedEvent[],
      at: string,
      have?: EvaluateTask['have'],
    ): EvaluateTask => ({
      kind: 'evaluate',
      log,
      agreementKey: 'a',
      ...(from === 0 ? { agreement } : {}),
      from,
      events: added.map(stored),
      at,
      ...(have ? { have } : {}),
    });
    const receiver = new EvidenceReceiver();
    const at1 = '2024-01-05T10:00:00+02:00';
    const first = evaluated(evaluateStep(task(0, events, at1)));
    expect(first.base).toBeUndefined();
    expect(first.hashes.length).toBeGreaterThan(0);
    expect(receiver.receive(first)).toEqual(evaluate(agreement, events, at1));
    const base = receiver.have();
    // The next second, nothing new: no hash crosses.
    const at2 = '2024-01-05T10:00:01+02:00';
    const second = evaluated(evaluateStep(task(events.length, [], at2, base)));
    expect(second.base).toBe(base!.seq);
    expect(second.hashes.length).toBe(0);
    expect(receiver.receive(second)).toEqual(evaluate(agreement, events, at2));
    // An answer asked for from a base the worker has moved past (two answers crossing) comes whole.
    const more = [aid('2024-01-03', 5)];
    const crossing = evaluated(evaluateStep(task(events.length, more, at2, base)));
    events.push(...more);
    expect(crossing.base).toBeUndefined();
    expect(receiver.receive(crossing)).toEqual(evaluate(agreement, events, at2));
    // A thread that let its lists go refuses an answer naming them; asked again whole, it is right.
    const named = evaluated(evaluateStep(task(events.length, [], at1, receiver.have())));
    expect(named.base).toBeDefined();
    const lost = new EvidenceReceiver();
    expect(lost.receive(named)).toBeUndefined();
    expect(lost.receive(evaluated(evaluateStep(task(events.length, [], at1))))).toEqual(
      evaluate(agreement, events, at1),
    );
  });

  it('never names the lists of an evaluator started again (another agreement, or a new worker)', () => {
    const log = `evaluation-task-test/${++logs}`;
    const events = [...actors(), aid('2024-01-01', 4)];
    const at = '2024-01-05T10:00:00+02:00';
    const step = (agreementKey: string, have?: EvaluateTask['have']): EvaluateTask => ({
      kind: 'evaluate',
      log,
      agreementKey,
      agreement,
      from: 0,
      events: events.map(stored),
      at,
      ...(have ? { have } : {}),
    });
    const receiver = new EvidenceReceiver();
    receiver.receive(evaluated(evaluateStep(step('a'))));
    const again = evaluated(evaluateStep(step('b', receiver.have())));
    expect(again.sender).not.toBe(receiver.have()!.sender);
    expect(again.base).toBeUndefined();
    expect(receiver.receive(again)).toEqual(evaluate(agreement, events, at));
  });
});
