import type { Evaluation, Status, StatusBasis } from '../core/compliance/types.ts';

/** Where a provision stands: its status, and what it rests on when that is said (no breach recorded). */
export interface Standing {
  status: Status;
  basis?: StatusBasis;
}

/**
 * A provision whose status, or what the status rests on, is not what it was at the previous
 * evaluation: "no breach recorded" turning into an unanswered allegation keeps the status
 * `unrecorded` but is a change a reader must hear of.
 */
export interface StatusChange {
  provision: string;
  kind: string;
  status: Status;
  basis?: StatusBasis;
  /** Its status at the previous evaluation; null if it had none (a provision new to the agreement). */
  previous: Status | null;
  previousBasis?: StatusBasis;
}

/** Where each provision of an evaluation stands, by provision id. */
export function provisionStatuses(evaluation: Evaluation): Map<string, Standing> {
  return new Map(
    evaluation.provisions.map((p) => [
      p.provision,
      { status: p.status, ...(p.basis ? { basis: p.basis } : {}) },
    ]),
  );
}

/** The provisions of `next` whose status or basis differs from `previous`, in the agreement's order. */
export function statusChanges(previous: Map<string, Standing>, next: Evaluation): StatusChange[] {
  return next.provisions
    .filter((p) => {
      const before = previous.get(p.provision);
      return before?.status !== p.status || before.basis !== p.basis;
    })
    .map((p) => {
      const before = previous.get(p.provision);
      return {
        provision: p.provision,
        kind: p.kind,
        status: p.status,
        ...(p.basis ? { basis: p.basis } : {}),
        previous: before?.status ?? null,
        ...(before?.basis ? { previousBasis: before.basis } : {}),
      };
    });
}
