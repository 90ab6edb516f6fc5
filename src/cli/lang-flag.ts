import { isLang, type Lang } from '../core/words/lang.ts';
import { type ParsedArgs, stringFlag } from './command.ts';
import { UsageError } from './io.ts';

export const langOption = {
  type: 'string',
  description: 'Language of the lines: en, ar or he (default en).',
} as const;

/** The `--lang` flag: en, ar or he; en when not given. */
export function langFlag(args: ParsedArgs): Lang {
  const lang = stringFlag(args, 'lang') ?? 'en';
  if (!isLang(lang)) throw new UsageError(`--lang ${JSON.stringify(lang)}: expected en, ar or he.`);
  return lang;
}
