import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { repoRoot } from '../helpers/run-cli.ts';

export interface Served {
  /** http://127.0.0.1:PORT */
  url: string;
  /** What the server wrote to standard error so far. */
  stderr(): string;
  /** SIGTERM, and wait for the process to exit. */
  stop(): Promise<void>;
}

/**
 * A real `truce serve --demo --json` child process over `database`, on a free port: resolves once
 * it prints its `listening` line. It serves the built dashboard (web/dist) and the API.
 */
export async function startServe(database: string, extra: string[] = []): Promise<Served> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['src/cli/main.ts', 'serve', '--demo', '--database', database, '--port', '0', '--json', ...extra],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  // A test worker that ends without stopping it (a crash, a timeout) takes the server with it.
  const orphaned = () => child.kill('SIGKILL');
  process.once('exit', orphaned);
  void exited.then(() => process.off('exit', orphaned));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      let parsed: { listening?: string };
      try {
        parsed = JSON.parse(line);
      } catch {
        return;
      }
      if (parsed.listening) resolve(parsed.listening);
    });
    child.once('exit', (code) =>
      reject(new Error(`truce serve exited (${code}) before listening: ${stderr.slice(0, 2000)}`)),
    );
  });
  return {
    url,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
