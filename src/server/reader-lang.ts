import type { IncomingHttpHeaders } from 'node:http';
import { isLang, type Lang } from '../core/words/lang.ts';

/**
 * The language a reader asked for: `?lang=` first, else the first of en, ar and he in the
 * Accept-Language header (by its q-values), else English.
 */
export function readerLang(
  request: { headers: IncomingHttpHeaders },
  query: { lang?: Lang | undefined },
): Lang {
  if (query.lang) return query.lang;
  const header = request.headers['accept-language'];
  if (typeof header !== 'string') return 'en';
  const ranked = header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q.slice(2)) : 1, i };
    })
    .filter((x) => x.q > 0 && !Number.isNaN(x.q))
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked.map((x) => x.lang).find(isLang) ?? 'en';
}
