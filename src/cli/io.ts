/** What a command may touch: its output streams, whether they are a terminal, and the working directory. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  isTTY: boolean;
  cwd: string;
  env: Record<string, string | undefined>;
}

export const EXIT_OK = 0;
/** The input (a file, a flag's value) is wrong. */
export const EXIT_INVALID = 1;
/** The command was called wrongly (unknown command or flag, missing argument). */
export const EXIT_USAGE = 2;

/** A usage error: printed with the command's usage line, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** An input error already formatted for a person: exit 1. */
export class InputError extends Error {
  override name = 'InputError';
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

export function processIo(): Io {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stdout.isTTY),
    cwd: process.cwd(),
    env: process.env,
  };
}
