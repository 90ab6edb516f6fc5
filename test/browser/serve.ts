import { spawnServe } from '../helpers/serve-process.ts';

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
  const served = spawnServe(['--demo', '--database', database, '--port', '0', ...extra]);
  const { child } = served;
  // A test worker that ends without stopping it (a crash, a timeout) takes the server with it.
  const orphaned = () => child.kill('SIGKILL');
  process.once('exit', orphaned);
  void served.exited.then(() => process.off('exit', orphaned));
  let line = await served.next();
  while (!line.listening) line = await served.next();
  return {
    url: line.listening,
    stderr: served.stderr,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await served.exited;
    },
  };
}
