import { spawn } from 'node:child_process';

/**
 * Runs a test worker script (test/workers/…) as a child process: resolves with the lines it
 * printed once it exits 0; rejects with `${label} failed: <stderr>` otherwise.
 */
export function runWorker(
  script: string,
  args: string[],
  label: string,
  env: Record<string, string> = {},
): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('exit', (code) =>
      code === 0 ? resolve(out.trim().split('\n')) : reject(new Error(`${label} failed: ${err}`)),
    );
  });
}
