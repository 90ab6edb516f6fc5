import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/run-cli.ts';

export const WEB_DIST = join(repoRoot, 'web', 'dist');

/** The newest modification time of the files a build reads: web/ (but dist) and src/core. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function isFresh(): boolean {
  const index = join(WEB_DIST, 'index.html');
  if (!existsSync(index)) return false;
  const built = statSync(index).mtimeMs;
  return built > newestSource(join(repoRoot, 'web')) && built > newestSource(join(repoRoot, 'src', 'core'));
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Builds the dashboard (`npm run build:web`) unless web/dist is newer than every source it is
 * built from. Test files run in parallel workers: a lock directory lets one build while the others
 * wait, and they then find it fresh, so a run builds once.
 */
export async function ensureWebBuilt(): Promise<string> {
  const lock = join(repoRoot, 'test-results', '.web-build.lock');
  mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than 3 minutes was left by a run that was killed.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 180_000) rmdirSync(lock);
      if (waited > 240_000) throw new Error(`Waited 4 minutes for another build of the dashboard (${lock}).`);
      await sleep(200);
    }
  }
  try {
    if (!isFresh()) {
      execFileSync('npm', ['run', '--silent', 'build:web'], {
        cwd: repoRoot,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
    }
  } finally {
    rmdirSync(lock);
  }
  return WEB_DIST;
}
