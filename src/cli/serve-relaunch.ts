import { SERVER_HEAP_FLAGS } from '../server/server-heap-flags.ts';

/**
 * The arguments to start this process again for `truce serve` with the server's V8 flags
 * (SERVER_HEAP_FLAGS), or null when it needs no restart: another command, or the flags are
 * already there (given on the command line, or this is the restarted process).
 * `execArgv` and `argv` are the process's (`argv`: Node, the script, then the command's words).
 */
export function serveRelaunchArgs(execArgv: readonly string[], argv: readonly string[]): string[] | null {
  if (argv[2] !== 'serve') return null;
  const missing = SERVER_HEAP_FLAGS.filter((flag) => {
    const name = flag.split('=')[0]!;
    return !execArgv.some((a) => a === name || a.startsWith(`${name}=`));
  });
  if (missing.length === 0) return null;
  return [argv[0]!, ...missing, ...execArgv, ...argv.slice(1)];
}

/**
 * For `truce serve`: replaces this process (the same process id, so a supervisor's signals still
 * reach the server) with Node started again with the server's V8 flags. Does nothing for other
 * commands, when the flags are set, or where Node cannot replace a process (process.execve: not
 * on Windows), where the server runs with V8's defaults.
 */
export function relaunchForServe(): void {
  const args = serveRelaunchArgs(process.execArgv, process.argv);
  const execve = (process as { execve?: (file: string, args: string[], env: NodeJS.ProcessEnv) => never })
    .execve;
  if (!args || typeof execve !== 'function' || process.platform === 'win32') return;
  execve(process.execPath, args, process.env);
}
