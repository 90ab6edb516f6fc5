import type { Evaluation, Status } from '../core/compliance/types.ts';

/** A provision whose status is not what it was at the previous evaluation. */
export interface StatusChange {
  provision: string;
  kind: string;
  status: Status;
  /** Its status at the previous evaluation; null if it had none (a provision new to the agreement). */
  previous: Status | null;
}

/** The status of each provision of an evaluation, by provision id. */
export function provisionStatuses(evaluation: Evaluation): Map<string, Status> {
  return new Map(evaluation.provisions.map((p) => [p.provision, p.status]));
}

/** The provisions of `next` whose status differs from `previous`, in the agreement's order. */
export function statusChanges(previous: Map<string, Status>, next: Evaluation): StatusChange[] {
  return next.provisions
    .filter((p) => previous.get(p.provision) !== p.status)
    .map((p) => ({
      provision: p.provision,
      kind: p.kind,
      status: p.status,
      previous: previous.get(p.provision) ?? null,
    }));
}
