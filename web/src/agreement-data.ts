import type { Agreement } from '../../src/core/agreement/types.ts';
import type { Evaluation } from '../../src/core/compliance/types.ts';
import type { Plan } from '../../src/core/plan/types.ts';
import { api, type LogSummary } from './api.ts';

/** An agreement with its plan and, when the server keeps a log of the same id, the log and its evaluation. */
export interface AgreementData {
  agreement: Agreement;
  plan: Plan;
  log: LogSummary | null;
  evaluation: Evaluation | null;
}

let logsOnce: Promise<LogSummary[]> | null = null;

/** The logs, asked once per page load (a new log appears on the next load). */
export function logsList(): Promise<LogSummary[]> {
  logsOnce ??= api.logs().catch((e: unknown) => {
    logsOnce = null;
    throw e;
  });
  return logsOnce;
}

export async function loadAgreement(id: string): Promise<AgreementData> {
  const [agreement, plan, logs] = await Promise.all([api.agreement(id), api.plan(id), logsList()]);
  const log = logs.find((l) => l.id === id) ?? null;
  const evaluation = log ? await api.status(log.id) : null;
  return { agreement, plan, log, evaluation };
}
