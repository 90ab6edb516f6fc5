import type { Labels } from '../core/compliance/labels.ts';
import type { PlacedOnRecord } from '../core/plan/types.ts';
import type { Lang } from '../core/words/lang.ts';
import { formatDate } from '../core/words/render.ts';
import { statusWord } from './status-words.ts';

/** What a provision waits on: "exchange (bodies)". */
function waitedOn(on: PlacedOnRecord['on']): string {
  return `${on.provision}${on.group ? ` (${on.group})` : on.categories ? ` (${on.categories.join(', ')})` : ''}`;
}

/** The note beside a plan or a status for a provision placed from the record. */
export function placedOnRecordNote(x: PlacedOnRecord): string {
  return `${x.provision}: waits for ${waitedOn(x.on)}, due any day up to a deadline; the record shows it complete on ${x.date}, so it is placed from that day.`;
}

/**
 * The same note in `lang`, the provisions and categories by their names in the agreement
 * (`labels` in `lang`), its date as the reader writes dates.
 */
export function placedOnRecordWords(x: PlacedOnRecord, labels: Labels, lang: Lang): string {
  const sep = lang === 'ar' ? '، ' : ', ';
  const part = x.on.group
    ? labels.category(x.on.group, x.on.provision)
    : x.on.categories
      ? x.on.categories.map((c) => labels.category(c, x.on.provision)).join(sep)
      : undefined;
  return statusWord(lang, 'placed', {
    provision: labels.provision(x.provision),
    on: `${labels.provision(x.on.provision)}${part ? ` (${part})` : ''}`,
    date: formatDate(x.date, lang),
  });
}
