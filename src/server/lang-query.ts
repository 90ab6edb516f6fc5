import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Lang } from '../core/words/lang.ts';

/** The `lang` query parameter of the routes that word plan lines and comparison terms for a reader. */
export const LangQuery = {
  lang: z
    .enum(['en', 'ar', 'he'])
    .optional()
    .describe(
      'Language of the worded lines (`text`, beside the structured `line`): en, ar or he. Without it, the first of these the Accept-Language header accepts; else en.',
    ),
};

/** Says which language the worded lines are in, and that the answer depends on Accept-Language. */
export function languageHeaders(reply: FastifyReply, lang: Lang): void {
  reply.header('content-language', lang);
  reply.header('vary', 'accept-language');
}
