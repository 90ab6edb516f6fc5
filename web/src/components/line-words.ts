import { useMemo } from 'react';
import type { Agreement } from '../../../src/core/agreement/types.ts';
import { agreementNames } from '../../../src/core/words/agreement-names.ts';
import type { Phrase } from '../../../src/core/words/phrase.ts';
import { renderPhrase } from '../../../src/core/words/render.ts';
import { useI18n } from '../i18n/context.ts';

/**
 * Words a line of the core (a plan line, a comparison term) in the reader's language and digits,
 * naming what the agreements name in that language. An answer from before lines were data has
 * none: its English `fallback` is kept.
 */
export function useLineWords(
  agreements: Agreement | readonly Agreement[],
): (line: Phrase | undefined, fallback?: string) => string {
  const { lang, digits } = useI18n();
  const names = useMemo(() => agreementNames(agreements, lang), [agreements, lang]);
  return (line, fallback = '') => (line ? renderPhrase(line, { lang, digits, names }) : fallback);
}
