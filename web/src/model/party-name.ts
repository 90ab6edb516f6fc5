import type { Agreement } from '../../../src/core/agreement/types.ts';
import type { Lang } from '../i18n/locale.ts';

/**
 * The name of a party of the agreement in the reader's language (its id when it is not a party).
 * Several parties bound together (a milestone of the parties and the mediators, "saf+rsf+…") are
 * each named, never their ids joined.
 */
export function partyName(
  agreement: Agreement,
  text: (v: Agreement['title'] | undefined, fallback?: string) => string,
  lang: Lang,
): (id: string) => string {
  const one = (id: string) => agreement.parties.find((p) => p.id === id);
  return (id: string) => {
    const party = one(id);
    if (party) return text(party.name);
    const parts = id.split('+');
    return parts.length > 1 && parts.every((x) => one(x))
      ? parts.map((x) => text(one(x)!.name)).join(lang === 'ar' ? '، ' : ', ')
      : // An id the agreement does not name is shown as it is, isolated as a name would be.
        text(undefined, id);
  };
}
