import type { Agreement, LocalizedText } from '../agreement/types.ts';
import { planAgreement } from '../plan/plan-agreement.ts';
import type { PlanOptions } from '../plan/types.ts';
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
}

export interface CompareOptions {
  /** What-ifs for planning A (extensions, delays, known counts, a start for a proposal). */
  planA?: PlanOptions;
  planB?: PlanOptions;
}

function side(a: Agreement): ComparedSide {
  return { id: a.id, title: a.title, version: a.version, kind: a.kind };
}

/**
 * Compares an offer with a counter-offer: term by term, by headline figures, and by simulated
 * outcome day by day. Pure; throws the planner's PlanError when a what-if does not fit an agreement.
 */
export function compareAgreements(a: Agreement, b: Agreement, options: CompareOptions = {}): Comparison {
  const planA = planAgreement(a, options.planA);
  const planB = planAgreement(b, options.planB);
  return {
    a: side(a),
    b: side(b),
    terms: diffTerms(a, b),
    summary: summarize(a, b, planA, planB),
    outcomes: outcomeCurves(planA, planB),
  };
}
