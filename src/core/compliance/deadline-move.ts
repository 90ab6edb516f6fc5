import type { Obligation } from '../plan/types.ts';
import { deadline, minutes, moment, num, type Phrase, phrase, sentence } from '../words/phrase.ts';
import { deadlineInForce, type EvalContext } from './context.ts';

/**
 * Why a deadline in force is later than the plan's: the handover a release waits for was late, the
 * term a conditional provision waits for was complete late, the extension that added the obligation
 * was agreed after its planned day, its provision's deadlines were extended by agreement, or its
 * phase started late.
 */
export type MoveCause =
  | 'handover-late'
  | 'condition-late'
  | 'extension-agreed'
  | 'deadline-extended'
  | 'phase-started-late';

export interface DeadlineMove {
  /** The plan's deadline, ISO with the agreement's offset. */
  planned: string;
  /** How much later the deadline in force is. */
  minutes: number;
  cause: MoveCause;
  /** The provision waited for (condition-late), the batch handed over late (handover-late). */
  provision?: string;
  batch?: number;
  /** When the extension was agreed or the phase started (extension-agreed, deadline-extended, phase-started-late). */
  at?: string;
  /** The events that moved it. */
  evidence: string[];
}

/**
 * How and why an obligation's deadline in force (as its status shows it) differs from the plan's, or
 * null when it does not.
 * A release later than every move of the plan itself waits for a handover that was late.
 */
export function deadlineMove(
  ctx: EvalContext,
  o: Obligation,
  dueInForce: string | null,
): DeadlineMove | null {
  if (o.due === null || dueInForce === null) return null;
  const planned = Date.parse(o.due);
  const due = Date.parse(dueInForce);
  if (!(due > planned)) return null;
  const late = Math.round((due - planned) / 60_000);
  const base = { planned: o.due, minutes: late };
  const { due: byPlan, move: own } = deadlineInForce(ctx, o);
  if (o.action === 'release' && o.batch !== undefined) {
    // deadlineInForce gives the plan's own moves; the rest is the handover the release waits for.
    const handover = ctx.exchanges.get(o.provision)?.batches.get(o.batch)?.handovers ?? [];
    if (due > (byPlan ?? planned) && handover.length) {
      return {
        ...base,
        cause: 'handover-late',
        batch: o.batch,
        evidence: handover.map((h) => h.record.entry.hash),
      };
    }
  }
  return own ? { ...base, ...own } : null;
}

/** "Due 5 h later than planned (25 Nov 16:00): batch 2 was handed over late." */
export function movePhrase(ctx: EvalContext, m: DeadlineMove): Phrase {
  // The deadline the plan set: at midnight, the end of the day before ("planned (the end of 25 Nov)").
  const planned = deadline(Date.parse(m.planned), ctx.timeZone);
  const late = minutes(m.minutes);
  switch (m.cause) {
    case 'handover-late':
      return sentence([phrase('moved.handover', { late, planned, batch: num(m.batch ?? 0) })]);
    case 'condition-late':
      return sentence([
        phrase('moved.condition', {
          late,
          planned,
          provision: { type: 'provision', id: m.provision ?? '' },
        }),
      ]);
    case 'extension-agreed':
      return sentence([
        phrase('moved.extension', { late, planned, at: moment(Date.parse(m.at ?? m.planned), ctx.timeZone) }),
      ]);
    case 'deadline-extended': {
      const at = Date.parse(m.at ?? m.planned);
      // Agreed once the planned deadline had passed: the record shows it was not met by then.
      const code = at > Date.parse(m.planned) ? 'moved.deadline-extended-after' : 'moved.deadline-extended';
      return sentence([phrase(code, { late, planned, at: moment(at, ctx.timeZone) })]);
    }
    case 'phase-started-late':
      return sentence([
        phrase('moved.phase-start', {
          late,
          planned,
          at: moment(Date.parse(m.at ?? m.planned), ctx.timeZone),
        }),
      ]);
  }
}
