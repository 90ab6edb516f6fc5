import { fileURLToPath } from 'node:url';
import type { Io } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `truce ARGS…` in-process from the repository root and captures what it prints. */
export async function runCli(...argv: string[]): Promise<CliResult> {
  return runCliIn(repoRoot, ...argv);
}

/** Runs `truce ARGS…` in-process from `cwd`. */
export async function runCliIn(cwd: string, ...argv: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    out: (t) => {
      stdout += t;
    },
    err: (t) => {
      stderr += t;
    },
    isTTY: false,
    cwd,
    env: {},
  };
  const status = await main(argv, io);
  return { status, stdout, stderr };
}
