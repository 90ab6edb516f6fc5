import { parseArgs } from 'node:util';
import { didYouMean } from './did-you-mean.ts';
import { type Io, UsageError } from './io.ts';

type OptionSpec = { type: 'string' | 'boolean'; short?: string; multiple?: boolean; description: string };

/** One `truce` sub-command: its help text, its flags, and what it does. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: Record<string, OptionSpec>;
  /** Text after the options in --help: details, examples. */
  details?: string;
  run(args: ParsedArgs, io: Io): Promise<number>;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export const jsonOption: OptionSpec = { type: 'boolean', description: 'Print machine-readable JSON.' };
export const helpOption: OptionSpec = { type: 'boolean', short: 'h', description: 'Show this help.' };

export function parseCommandArgs(command: Command, argv: string[]): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...command.options, help: helpOption },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      throw unknownOption(command, e as Error);
    throw new UsageError((e as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
}

/** An unknown flag, with the option it most likely meant ("did you mean --json?"). */
function unknownOption(command: Command, e: Error): UsageError {
  const flag = /Unknown option '([^']+)'/.exec(e.message)?.[1] ?? '';
  const names = Object.keys({ ...command.options, help: helpOption });
  const meant = flag.startsWith('--') ? didYouMean(flag.slice(2), names) : undefined;
  return new UsageError(
    meant
      ? `unknown option ${flag}; did you mean --${meant}?`
      : `unknown option ${flag} (\`truce ${command.name} --help\` lists the options).`,
  );
}

export function helpText(command: Command): string {
  const flags = Object.entries({ ...command.options, help: helpOption }).map(([name, o]) => {
    const left = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.type === 'string' ? ' VALUE' : ''}`;
    return `  ${left.padEnd(28)} ${o.description}`;
  });
  return [`Usage: ${command.usage}`, '', command.summary, '', 'Options:', ...flags, command.details ?? '']
    .join('\n')
    .trimEnd()
    .concat('\n');
}

/** Reads a single string flag, refusing it when given twice. */
export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  if (Array.isArray(v)) throw new UsageError(`--${name} was given more than once.`);
  return typeof v === 'string' ? v : undefined;
}

/** Reads a repeatable string flag. */
export function listFlag(args: ParsedArgs, name: string): string[] {
  const v = args.values[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}
