import { allegationState } from './act-status.ts';
import { compareEntries, type Entry } from './log-state.ts';
import type { Allegation } from './types.ts';
import type { LogView } from './view.ts';

const ANSWER_OF_STATE: Record<Allegation['state'], string | null> = {
  open: null,
  withdrawn: 'allegation.withdrawn',
  resolved: 'allegation.resolved',
  acknowledged: 'acknowledgement',
  disputed: 'dispute',
};

/**
 * One allegation as the evaluation lists it: who alleges what against whom, where it stands, and
 * its evidence (the allegation and every event that refers to it) in the order they occurred.
 */
export function allegationRecord(view: LogView, e: Entry): Allegation {
  const body = e.event.body as { against: string; provision?: string; description: string };
  const s = allegationState({ view }, e);
  // The reason of the answer that gave the allegation its state (the last one of that kind).
  const answerKind = ANSWER_OF_STATE[s.state];
  // A disputed one: the last dispute by the side alleged against (or one acting for it).
  const disputed = s.state === 'disputed' ? s.disputes.at(-1)?.disputedBy.evidence : undefined;
  const closing =
    disputed !== undefined
      ? view.refsTo(e.hash).find((a) => a.hash === disputed)
      : s.answers.filter((a) => a.event.kind === answerKind).at(-1);
  const reason =
    s.state === 'disputed'
      ? s.disputes.at(-1)?.disputedBy.reason
      : typeof closing?.event.body.reason === 'string'
        ? closing.event.body.reason
        : undefined;
  return {
    provision: body.provision ?? null,
    against: body.against,
    by: e.event.actor,
    at: view.iso(e.at),
    description: body.description,
    ...(e.event.source ? { source: e.event.source.name } : {}),
    ...(Array.isArray(e.event.body.casualties)
      ? { casualties: e.event.body.casualties as NonNullable<Allegation['casualties']> }
      : {}),
    state: s.state,
    ...(s.finding ? { finding: s.finding } : {}),
    ...(reason !== undefined ? { reason } : {}),
    ...(closing
      ? {
          answer: {
            by: closing.event.actor,
            ...(closing.event.source ? { source: closing.event.source.name } : {}),
          },
        }
      : {}),
    evidence: [e, ...view.refsTo(e.hash)].sort(compareEntries).map((x) => x.hash),
  };
}
