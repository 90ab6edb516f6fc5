import type { Agreement } from '../agreement/types.ts';
import { namesOf } from '../words/agreement-names.ts';
import type { Lang } from '../words/lang.ts';
import { renderPhrase } from '../words/render.ts';
import type { Obligation, Plan, StandingObligation } from './types.ts';

/**
 * A plan whose lines are also worded in one language: `text` beside each structured `line`, and
 * `notesText` beside `noteLines`.
 */
export interface PlanInWords extends Omit<Plan, 'days' | 'standing'> {
  lang: Lang;
  /** The planner's notes (`noteLines`) in words of `lang`, naming what the agreement names in it. */
  notesText: string[];
  days: (Omit<Plan['days'][number], 'obligations'> & { obligations: (Obligation & { text: string })[] })[];
  standing: (StandingObligation & { text: string })[];
}

/** Words each line of `plan` in `lang`, naming what the agreement names in that language. */
export function planInWords(plan: Plan, agreement: Agreement, lang: Lang): PlanInWords {
  const names = namesOf(agreement, lang);
  // A line shared by many obligations (a daily quota) is worded once.
  const said = new WeakMap<Obligation['line'], string>();
  const wordsOf = (l: Obligation['line']) => {
    let t = said.get(l);
    if (t === undefined) {
      t = renderPhrase(l, { lang, names });
      said.set(l, t);
    }
    return t;
  };
  const words = <T extends { line: Obligation['line'] }>(x: T) => ({ ...x, text: wordsOf(x.line) });
  return {
    ...plan,
    lang,
    days: plan.days.map((d) => ({ ...d, obligations: d.obligations.map(words) })),
    standing: plan.standing.map(words),
    notesText: plan.noteLines.map((l) => renderPhrase(l, { lang, names })),
  };
}
