import type { Allegation } from '../../../src/core/compliance/types.ts';
import type { Translator } from '../i18n/translate.ts';

/**
 * Where an allegation stands, as the page says it: who resolved it and what they found ("resolved
 * by United States: a breach"), or that the accused acknowledged it, never one as the other; else
 * its state ("not answered", "disputed", "withdrawn"). `by` names the actor who answered.
 */
export function allegationStateText(
  a: Pick<Allegation, 'state' | 'finding' | 'answer'>,
  t: Translator['t'],
  by: (actor: string) => string,
): string {
  if (a.state === 'resolved' && a.answer && a.finding)
    return t('allegationState.resolvedBy', { by: by(a.answer.by), finding: t(`finding.${a.finding}`) });
  if (a.state === 'acknowledged' && a.answer)
    return t('allegationState.acknowledgedBy', { by: by(a.answer.by) });
  return t(`allegationState.${a.state}`);
}
