import type { Agreement } from '../../src/core/agreement/types.ts';
import type { Plan } from '../../src/core/plan/types.ts';
import { api, type LogSummary, type ServedStatus } from './api.ts';
import { dateIn } from './model/calendar.ts';

/** An agreement with its plan and, when the server keeps a log of the same id, the log and its evaluation. */
export interface AgreementData {
  agreement: Agreement;
  plan: Plan;
  log: LogSummary | null;
  /** The status as served: evidence counted, its events asked for a page at a time. */
  evaluation: ServedStatus | null;
}

let logsRecent: { at: number; logs: Promise<LogSummary[]> } | null = null;

/** The logs and their sizes, fresh; calls within a second share one request (the home page's cards). */
export function logsList(): Promise<LogSummary[]> {
  const now = Date.now();
  if (!logsRecent || now - logsRecent.at > 1000) {
    const logs = api.logs();
    logs.catch(() => {
      logsRecent = null;
    });
    logsRecent = { at: now, logs };
  }
  return logsRecent.logs;
}

const terms = new Map<string, Promise<[Agreement, Plan]>>();

/**
 * A plan with a phase that has no fixed end is planned to a horizon: when today is past it, the
 * plan is asked again up to today, so that its daily terms run as far as the agreement has.
 */
function toToday(id: string): (plan: Plan) => Promise<Plan> {
  return async (plan) => {
    const horizon = plan.horizon?.date;
    if (!horizon || !plan.start) return plan;
    const today = dateIn(new Date(), plan.timeZone);
    return today > horizon ? api.plan(id, today) : plan;
  };
}

/** An agreement and its plan, asked once per page load (the home page and its pages share them). */
function agreementAndPlan(id: string): Promise<[Agreement, Plan]> {
  let p = terms.get(id);
  if (!p) {
    p = Promise.all([api.agreement(id), api.plan(id).then(toToday(id))]);
    p.catch(() => terms.delete(id));
    terms.set(id, p);
  }
  return p;
}

/** The agreement, its plan, its log if any, and the log's evaluation now (never cached). */
export async function loadAgreement(id: string): Promise<AgreementData> {
  const [[agreement, plan], logs] = await Promise.all([agreementAndPlan(id), logsList()]);
  const log = logs.find((l) => l.id === id) ?? null;
  const evaluation = log ? await api.status(log.id) : null;
  return { agreement, plan, log, evaluation };
}
