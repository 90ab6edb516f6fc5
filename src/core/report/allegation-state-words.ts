import type { Allegation } from '../compliance/types.ts';
import type { Lang } from '../words/lang.ts';
import { VALUE_WORDS } from './event-words.ts';
import { frameWith } from './report-words.ts';

/**
 * Where an allegation stands, in words of `lang`, saying who gave it that state where someone
 * answered it: "resolved by United States: a breach", "acknowledged by the RSF, the side alleged
 * against", "disputed". A finding is worded in the reader's language, never its code. `name`
 * writes a name (an edge isolates or escapes it), `text` the frame's own words.
 */
export function allegationStateWords(
  a: Pick<Allegation, 'state' | 'finding' | 'answer'>,
  lang: Lang,
  name: (actor: string) => string,
  text: (s: string) => string = (s) => s,
): string {
  if (a.state === 'resolved' && a.answer && a.finding)
    return frameWith(
      lang,
      'state.resolvedBy',
      { actor: name(a.answer.by), finding: text(VALUE_WORDS[lang].finding![a.finding] ?? a.finding) },
      text,
    );
  if (a.state === 'acknowledged' && a.answer)
    return frameWith(lang, 'state.acknowledgedBy', { actor: name(a.answer.by) }, text);
  return frameWith(lang, `state.${a.state}`, {}, text);
}
