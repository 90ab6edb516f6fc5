import { isLang, type Lang } from '../core/words/lang.ts';
import { type ParsedArgs, stringFlag } from './command.ts';
import { UsageError } from './io.ts';

/** --lang: the language of the words a reader reads (explanations, plan lines, comparison terms). */
export const langOption = {
  type: 'string',
  description: 'The language of the words a reader reads: en (default), ar or he.',
} as const;

/** The `--lang` flag: en, ar or he; en when not given. */
export function langFlag(args: ParsedArgs): Lang {
  const lang = stringFlag(args, 'lang');
  if (lang === undefined) return 'en';
  if (isLang(lang)) return lang;
  throw new UsageError(`--lang ${JSON.stringify(lang)}: give en, ar or he.`);
}
