import type { PlacedOnRecord } from '../core/plan/types.ts';
import type { Lang } from '../core/words/lang.ts';
import { formatDate, type Names } from '../core/words/render.ts';
import { statusWord } from './status-words.ts';

/**
 * The note beside a plan or a status for a provision placed from the record, in `lang`, the provisions and categories by their names in the agreement
 * (`labels` in `lang`), its date as the reader writes dates.
 */
export function placedOnRecordWords(
  x: PlacedOnRecord,
  labels: Pick<Names, 'provision' | 'category'>,
  lang: Lang,
): string {
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
