import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { isLang, type Lang } from '../core/lines/lang.ts';

/** The `lang` query parameter of the routes that word lines for a reader. */
export const LangQuery = {
  lang: z
    .enum(['en', 'ar', 'he'])
    .optional()
    .describe(
      'Language of the worded lines (`text`, beside the structured `line`): en, ar or he. Without it, the first of these the Accept-Language header accepts; else en.',
    ),
};

/** The languages of an Accept-Language header, by preference (q-values; order breaks ties). */
function accepted(header: string): string[] {
  return header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((x) => x !== undefined);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((x) => x.tag && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((x) => x.tag.split('-')[0]!);
}

/** The reader's language: `?lang=`, else Accept-Language, else English. */
export function readerLang(query: string | undefined, header: string | string[] | undefined): Lang {
  if (isLang(query)) return query;
  const h = Array.isArray(header) ? header.join(',') : header;
  return (h ? accepted(h).find(isLang) : undefined) ?? 'en';
}

/** Says which language the worded lines are in, and that the answer depends on Accept-Language. */
export function languageHeaders(reply: FastifyReply, lang: Lang): void {
  reply.header('content-language', lang);
  reply.header('vary', 'Accept-Language');
}
