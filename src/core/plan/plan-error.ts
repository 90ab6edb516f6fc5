/** A plan that cannot be computed from a (schema-valid) agreement and the options given. */
export type PlanErrorCode =
  | 'plan-unknown-phase'
  | 'plan-unknown-provision'
  | 'plan-not-extensible'
  | 'plan-extension-over-limit'
  | 'plan-phase-cycle'
  | 'plan-no-start'
  | 'plan-bad-option'
  | 'plan-option-over-limit'
  | 'plan-too-long';

export class PlanError extends Error {
  readonly code: PlanErrorCode;
  constructor(code: PlanErrorCode, message: string) {
    super(message);
    this.name = 'PlanError';
    this.code = code;
  }
}
