import type { ReactNode } from 'react';
import type { Agreement } from '../../../src/core/agreement/types.ts';
import { namesOf } from '../../../src/core/words/agreement-names.ts';
import type { Explanation } from '../../../src/core/words/phrase.ts';
import { renderParts } from '../../../src/core/words/render.ts';
import { useI18n } from '../i18n/context.ts';
import { scriptTag } from './cite.tsx';

/**
 * An explanation of a status in the page's language, worded from its codes and parameters. Names
 * and words recorded as given are isolated in their own direction and marked with their script
 * when it is not the page's.
 */
export function ExplanationText({
  explanation,
  agreement,
}: {
  explanation: Explanation;
  agreement: Agreement;
}): ReactNode {
  const { lang, digits } = useI18n();
  const parts = renderParts(explanation, { lang, digits, names: namesOf(agreement, lang) });
  return parts.map((p, i) => {
    if (!p.marked) return p.text;
    const script = scriptTag(p.text);
    const foreign = script === 'und-Latn' ? lang !== 'en' : script !== undefined && lang === 'en';
    return (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text, in order, never reordered
      <bdi key={i} {...(foreign ? { lang: script, translate: 'no' as const } : {})}>
        {p.text}
      </bdi>
    );
  });
}
