import { LedgerError } from '../core/ledger/ledger-error.ts';
import { PlanError } from '../core/plan/plan-error.ts';
import { ExportFolderError } from '../export/export-folder-error.ts';
import { helpText, parseCommandArgs } from './command.ts';
import { commandTable } from './command-table.ts';
import { didYouMeanCommand } from './did-you-mean.ts';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, InputError, type Io, processIo, UsageError } from './io.ts';
import { markedIsolates } from './marked-isolates.ts';
import { relaunchForServe } from './serve-relaunch.ts';
import { terminalErrorText, terminalText } from './terminal-text.ts';

/** The sub-commands, each loaded only when it runs (command-table.ts). */
export const commands = commandTable;

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'truce — plan, record, verify and report a mediated truce.',
    '',
    'Usage: truce COMMAND [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `truce COMMAND --help` for the options of a command.',
    'Exit status: 0 ok, 1 invalid input, 2 usage error.',
    '',
  ].join('\n');
}

/**
 * The streams as a command's human output reaches them: names, titles and statements shown as
 * written, but without the controls and bidi overrides that could rewrite the terminal (see
 * terminal-text.ts), those a formatter marked each in an isolate of its own (marked-isolates.ts). `--json` and `--csv` output is data, written exactly.
 */
function terminalIo(io: Io): Io {
  return {
    ...io,
    // What a formatter marked as a name or recorded words (format-status.ts) in its own isolate.
    out: (t) => io.out(markedIsolates(terminalText(t))),
    err: (t) => io.err(terminalErrorText(t)),
  };
}

/** Runs the CLI with `argv` (without the node and script paths) and returns the exit status. */
export async function main(argv: string[], io: Io): Promise<number> {
  // Two-word commands ("log init") are looked up by their first two words.
  const twoWords = argv.length > 1 ? `${argv[0]} ${argv[1]}` : undefined;
  const pair = commands.some((c) => c.name === twoWords);
  const name = pair ? twoWords : argv[0];
  const rest = argv.slice(pair ? 2 : 1);
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    // "log shwo" is a mistyped two-word command, not an unknown command "log".
    const group = twoWords !== undefined && commands.some((c) => c.name.startsWith(`${argv[0]} `));
    const asked = group ? twoWords : name;
    const meant = didYouMeanCommand(
      asked,
      commands.map((c) => c.name),
    );
    // What was most likely meant, in one line; the whole list only when nothing is close.
    io.err(
      meant
        ? `truce: unknown command "${asked}". Did you mean \`truce ${meant}\`? (\`truce --help\` lists the commands.)\n`
        : `truce: unknown command "${asked}".\n\n${overview()}`,
    );
    return EXIT_USAGE;
  }
  const command = await entry.load();
  // Errors name files and values as given: they reach the terminal sanitized.
  const shown = terminalIo(io);
  try {
    const args = parseCommandArgs(command, rest);
    if (args.values.help) {
      io.out(helpText(command));
      return EXIT_OK;
    }
    return await command.run(args, args.values.json || args.values.csv ? io : terminalIo(io));
  } catch (e) {
    if (e instanceof UsageError) {
      shown.err(
        `truce ${command.name}: ${e.message}\nUsage: ${command.usage}\nRun \`truce ${command.name} --help\` for more.\n`,
      );
      return EXIT_USAGE;
    }
    if (
      e instanceof InputError ||
      e instanceof ExportFolderError ||
      e instanceof PlanError ||
      e instanceof LedgerError
    ) {
      shown.err(`${e.message}\n`);
      return EXIT_INVALID;
    }
    // Anything else is unexpected: say so plainly, without a stack trace (TRUCE_DEBUG=1 shows it).
    if (io.env.TRUCE_DEBUG) throw e;
    shown.err(`truce ${command.name}: unexpected error: ${(e as Error).message}\n`);
    return EXIT_INVALID;
  }
}

if (import.meta.main) {
  // `truce serve` runs with the server's V8 flags (src/server/server-heap-flags.ts).
  relaunchForServe();
  process.exitCode = await main(process.argv.slice(2), processIo());
}
