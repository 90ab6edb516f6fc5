import { useMemo } from 'react';
import type { Agreement } from '../../../src/core/agreement/types.ts';
import type { Line } from '../../../src/core/lines/line.ts';
import { lineNames } from '../../../src/core/lines/line-names.ts';
import { renderLine } from '../../../src/core/lines/render-line.ts';
import { useI18n } from '../i18n/context.ts';

/**
 * Words a line of the core (a plan line, a comparison term) in the reader's language, naming what
 * the agreements name in that language. An answer from before lines were data has none: its
 * English `fallback` is kept.
 */
export function useLineWords(
  agreements: Agreement | readonly Agreement[],
): (line: Line | undefined, fallback?: string) => string {
  const { lang } = useI18n();
  const names = useMemo(() => lineNames(agreements, lang), [agreements, lang]);
  return (line, fallback = '') => (line ? renderLine(line, { lang, names }) : fallback);
}
