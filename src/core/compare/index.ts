export {
  type ComparedSide,
  type CompareOptions,
  type Comparison,
  compareAgreements,
} from './compare-agreements.ts';
export { diffTerms, type TermChange } from './diff-terms.ts';
export { type MatchedBy, matchItems, matchPhases, matchProvisions, type Pair } from './match-items.ts';
export {
  type OutcomeCurves,
  type OutcomePoint,
  type OutcomeSeries,
  outcomeCurves,
  valueAt,
} from './outcome-curves.ts';
export { type SummaryRow, summarize } from './summary.ts';
