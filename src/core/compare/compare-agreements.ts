import type { Agreement, LocalizedText } from '../agreement/types.ts';
import { planAgreement } from '../plan/plan-agreement.ts';
import type { Plan, PlanOptions } from '../plan/types.ts';
import { agreementNames } from '../words/agreement-names.ts';
import { renderPhrase } from '../words/render.ts';
import { diffTerms, type TermChange } from './diff-terms.ts';
import { type OutcomeCurves, outcomeCurves } from './outcome-curves.ts';
import { type SummaryRow, summarize } from './summary.ts';

/** Which agreement or proposal a side of a comparison is. */
export interface ComparedSide {
  id: string;
  title: LocalizedText;
  version: string | number;
  kind: 'agreement' | 'proposal';
}

/** Two agreements or proposals side by side: their terms, their headline figures, their outcomes. */
export interface Comparison {
  a: ComparedSide;
  b: ComparedSide;
  terms: TermChange[];
  summary: SummaryRow[];
  outcomes: OutcomeCurves;
  /**
   * Each side whose plan has a phase with no fixed end: its curves run to `plannedTo`, a horizon of
   * the comparison, not an end agreed in the text.
   */
  openEnded: { a: { plannedTo: number } | null; b: { plannedTo: number } | null };
}

export interface CompareOptions {
  /** What-ifs for planning A (extensions, delays, known counts, a start for a proposal). */
  planA?: PlanOptions;
  planB?: PlanOptions;
}

function side(a: Agreement): ComparedSide {
  return { id: a.id, title: a.title, version: a.version, kind: a.kind };
}

/** The curves with their deprecated English labels naming parties as the agreements do. */
function namedSeries(curves: OutcomeCurves, a: Agreement, b: Agreement): OutcomeCurves {
  const names = agreementNames([a, b], 'en');
  return {
    ...curves,
    series: curves.series.map((s) => ({ ...s, label: renderPhrase(s.line, { lang: 'en', names }) })),
  };
}

/**
 * Compares an offer with a counter-offer: term by term, by headline figures, and by simulated
 * outcome day by day. Pure; throws the planner's PlanError when a what-if does not fit an agreement.
 */
export function compareAgreements(a: Agreement, b: Agreement, options: CompareOptions = {}): Comparison {
  let planA = planAgreement(a, options.planA);
  let planB = planAgreement(b, options.planB);
  // An open-ended phase runs as far as the other plan does, so that the two compare day by day.
  const last = (p: Plan) => p.days.at(-1)?.day ?? 0;
  const reach = Math.max(last(planA), last(planB));
  if (planA.horizon && options.planA?.horizon === undefined && last(planA) < reach)
    planA = planAgreement(a, { ...options.planA, horizon: reach });
  if (planB.horizon && options.planB?.horizon === undefined && last(planB) < reach)
    planB = planAgreement(b, { ...options.planB, horizon: reach });
  return {
    a: side(a),
    b: side(b),
    terms: diffTerms(a, b),
    summary: summarize(a, b, planA, planB),
    outcomes: namedSeries(outcomeCurves(planA, planB), a, b),
    openEnded: {
      a: planA.horizon ? { plannedTo: planA.horizon.day } : null,
      b: planB.horizon ? { plannedTo: planB.horizon.day } : null,
    },
  };
}
