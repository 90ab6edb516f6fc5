import { type ReactNode, useContext } from 'react';
import type { Agreement } from '../../../src/core/agreement/types.ts';
import { namesOf } from '../../../src/core/words/agreement-names.ts';
import type { Explanation } from '../../../src/core/words/phrase.ts';
import { type Names, renderParts } from '../../../src/core/words/render.ts';
import { useI18n } from '../i18n/context.ts';
import { foreignScript } from './cite.tsx';
import { ReadingYear } from './reading-year.ts';

/**
 * An explanation of a status in the page's language, worded from its codes and parameters (dates of
 * another year than the page's, see ReadingYear, with their year). Names
 * and words recorded as given are isolated in their own direction and marked with their script
 * when it is not the page's.
 */
export function ExplanationText({
  explanation,
  agreement,
  also,
}: {
  explanation: Explanation;
  agreement: Agreement;
  /** A second text whose names stand in for those the first does not give (a comparison's other side). */
  also?: Agreement | undefined;
}): ReactNode {
  const { lang, digits } = useI18n();
  // Dates of another year than the one the page is read in (else the agreement's first) say their year.
  const year = useContext(ReadingYear) ?? agreement.start?.slice(0, 4);
  const first = namesOf(agreement, lang);
  const names = also ? eitherNames(first, namesOf(also, lang)) : first;
  const parts = renderParts(explanation, { lang, digits, names, ...(year ? { year } : {}) });
  return parts.map((p, i) => {
    if (!p.marked) return p.text;
    const script = foreignScript(p.text, lang);
    return (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text, in order, never reordered
      <bdi key={i} {...(script ? { lang: script, translate: 'no' as const } : {})}>
        {p.text}
      </bdi>
    );
  });
}

/** The names of `a`, and those of `b` where `a` gives none (a lookup that gives the id back). */
export function eitherNames(a: Names, b: Names): Names {
  const pick = (x: string, y: () => string, id: string) => (x === id ? y() : x);
  return {
    party: (id) => pick(a.party(id), () => b.party(id), id),
    provision: (id) => pick(a.provision(id), () => b.provision(id), id),
    place: (id) => pick(a.place(id), () => b.place(id), id),
    phase: (id) => pick(a.phase(id), () => b.phase(id), id),
    quota: (provision, id) => pick(a.quota(provision, id), () => b.quota(provision, id), id),
    category: (id, provision) => pick(a.category(id, provision), () => b.category(id, provision), id),
  };
}
