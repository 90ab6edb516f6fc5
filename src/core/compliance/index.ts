export { plainLists } from './chunked-list.ts';
export { ComplianceError, createEvaluator, evaluate, evaluateState } from './evaluate.ts';
export { type Labels, labelsOf, type Registration, registrationsIn } from './labels.ts';
export { applyEvent, emptyState, type LogState } from './log-state.ts';
export { PRECEDENCE } from './provision-status.ts';
export * from './types.ts';
