import type { Agreement } from '../agreement/types.ts';
import { planAgreement } from '../plan/plan-agreement.ts';
import { PlanError } from '../plan/plan-error.ts';
import type { Obligation, Plan } from '../plan/types.ts';
import type { Entry } from './log-state.ts';
import type { LogView } from './view.ts';

/** One agreed extension, with the phase days it added. */
export interface AgreedExtension {
  entry: Entry;
  phase: string;
  days: number;
  releases?: number;
  /** Phase days (counted from the phase's first day) that this extension added. */
  phaseDays: number[];
  planned: boolean;
}

/** The plan in force at a moment: the agreement extended by the extensions agreed so far. */
export interface EffectivePlan {
  plan: Plan;
  extensions: AgreedExtension[];
  obligations: Obligation[];
  /** The extension that brought each obligation about, by obligation id. */
  createdBy: Map<string, AgreedExtension>;
  notes: string[];
}

function extend(agreement: Agreement, extensions: AgreedExtension[], notes: string[]) {
  const days: Record<string, number> = {};
  for (const x of extensions) {
    const phase = agreement.phases.find((p) => p.id === x.phase);
    const next = (days[x.phase] ?? 0) + x.days;
    const rule = phase?.extension;
    const fits =
      phase?.lengthDays !== undefined &&
      rule !== undefined &&
      next % rule.days === 0 &&
      (rule.maxDays === undefined || next <= rule.maxDays);
    if (!fits) {
      notes.push(
        `The extension of ${x.days} day(s) of phase "${x.phase}" agreed on ${x.entry.event.occurredAt} is recorded, but the agreement's extension rule cannot place it on the calendar.`,
      );
      continue;
    }
    const base = (phase.lengthDays ?? 0) + (days[x.phase] ?? 0);
    x.phaseDays = Array.from({ length: x.days }, (_, i) => base + i + 1);
    x.planned = true;
    days[x.phase] = next;
  }
  return days;
}

/** The phase day an obligation belongs to: its batch's handover day for exchange obligations. */
function effectiveDay(o: Obligation, handoverDay: Map<string, number>): number {
  if (o.batch !== undefined) return handoverDay.get(`${o.provision}#${o.batch}`) ?? o.phaseDay;
  return o.phaseDay;
}

const cache = new WeakMap<Agreement, Map<string, Plan>>();

function memoPlan(agreement: Agreement, days: Record<string, number>, counts?: Record<string, number>) {
  let byKey = cache.get(agreement);
  if (!byKey) {
    byKey = new Map();
    cache.set(agreement, byKey);
  }
  const key = JSON.stringify([days, counts ?? {}]);
  let plan = byKey.get(key);
  if (!plan) {
    plan = planAgreement(agreement, { extend: days, ...(counts ? { counts } : {}) });
    byKey.set(key, plan);
  }
  return plan;
}

/** Plans the agreement with the extensions agreed by the view's moment. */
export function effectivePlan(
  agreement: Agreement,
  view: LogView,
  counts?: Record<string, number>,
): EffectivePlan {
  const notes: string[] = [];
  const extensions: AgreedExtension[] = view.kind('extension.agreed').map((entry) => {
    const body = entry.event.body as { phase: string; days: number; releases?: number };
    return {
      entry,
      phase: body.phase,
      days: body.days,
      ...(body.releases !== undefined ? { releases: body.releases } : {}),
      phaseDays: [],
      planned: false,
    };
  });
  let plan: Plan;
  try {
    plan = memoPlan(agreement, extend(agreement, extensions, notes), counts);
  } catch (e) {
    if (!(e instanceof PlanError)) throw e;
    notes.push(`The agreed extensions could not be planned: ${e.message}`);
    for (const x of extensions) x.planned = false;
    plan = memoPlan(agreement, {}, counts);
  }
  const obligations = plan.days.flatMap((d) => d.obligations);
  const handoverDay = new Map(
    obligations.filter((o) => o.action === 'hand-over').map((o) => [`${o.provision}#${o.batch}`, o.phaseDay]),
  );
  const createdBy = new Map<string, AgreedExtension>();
  for (const o of obligations) {
    const day = effectiveDay(o, handoverDay);
    const x = extensions.find((x) => x.phase === o.phase && x.phaseDays.includes(day));
    if (x) createdBy.set(o.id, x);
  }
  return { plan, extensions, obligations, createdBy, notes: [...plan.notes, ...notes] };
}
