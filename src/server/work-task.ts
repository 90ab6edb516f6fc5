import { type ParseResult, parseAgreement } from '../core/agreement/index.ts';
import type { Agreement } from '../core/agreement/types.ts';
import { comparisonInWords } from '../core/compare/comparison-in-words.ts';
import { compareAgreements } from '../core/compare/index.ts';
import { planAgreement, sliceDays } from '../core/plan/plan-agreement.ts';
import { planInWords } from '../core/plan/plan-in-words.ts';
import type { PlanOptions } from '../core/plan/types.ts';
import type { Lang } from '../core/words/lang.ts';
import { type EvaluateAnswer, type EvaluateTask, evaluateStep } from './evaluation-task.ts';

/** Work a request can make long, as it is handed to a worker thread of the WorkPool. */
export type WorkTask =
  | { kind: 'check'; text: string; file: string }
  | {
      kind: 'plan';
      agreement: Agreement;
      options: PlanOptions;
      from: string | number | undefined;
      to: string | number | undefined;
      /** The language its lines are worded in, beside their codes. */
      lang: Lang;
    }
  | { kind: 'diff'; a: Agreement; b: Agreement; options: PlanOptions; lang: Lang }
  | EvaluateTask;

/** What a worker answers: the value of the task, or the error it threw (name, code, message). */
export type WorkAnswer =
  | { ok: true; value: unknown }
  | { ok: false; error: { name: string; code?: string; message: string } };

const utf8 = new TextEncoder();

/**
 * Does the task: a check answers its ParseResult; a plan and a comparison answer their JSON as
 * UTF-8 bytes, which move to the main thread without a copy and are sent as they are.
 */
export function performTask(task: WorkTask): {
  value: ParseResult | Uint8Array | EvaluateAnswer;
  transfer: ArrayBuffer[];
} {
  switch (task.kind) {
    case 'check':
      return { value: parseAgreement(task.text, task.file), transfer: [] };
    case 'plan': {
      const plan = sliceDays(planAgreement(task.agreement, task.options), task.from, task.to);
      return bytes(JSON.stringify(planInWords(plan, task.agreement, task.lang)));
    }
    case 'diff': {
      const options = task.options;
      const c = compareAgreements(task.a, task.b, { planA: options, planB: options });
      return bytes(JSON.stringify(comparisonInWords(c, task.a, task.b, task.lang)));
    }
    case 'evaluate': {
      const answer = evaluateStep(task);
      return {
        value: answer,
        transfer: 'evaluation' in answer ? [answer.evaluation.hashes.buffer as ArrayBuffer] : [],
      };
    }
  }
}

function bytes(json: string): { value: Uint8Array; transfer: ArrayBuffer[] } {
  const value = utf8.encode(json);
  return { value, transfer: [value.buffer as ArrayBuffer] };
}

/** The answer of a task as a worker posts it. */
export function answerOf(task: WorkTask): { answer: WorkAnswer; transfer: ArrayBuffer[] } {
  try {
    const { value, transfer } = performTask(task);
    return { answer: { ok: true, value }, transfer };
  } catch (e) {
    const error = e as { name?: string; code?: unknown; message?: string };
    return {
      answer: {
        ok: false,
        error: {
          name: String(error.name ?? 'Error'),
          ...(typeof error.code === 'string' ? { code: error.code } : {}),
          message: String(error.message ?? e),
        },
      },
      transfer: [],
    };
  }
}
