export { distribute, scheduleBatches } from './batches.ts';
export { planAgreement, sliceDays } from './plan-agreement.ts';
export { PlanError, type PlanErrorCode } from './plan-error.ts';
export { sumTotals } from './totals.ts';
export type * from './types.ts';
