import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/run-cli.ts';

const read = (file: string) => readFileSync(join(repoRoot, file), 'utf8');

describe('npm ci prints no warning it need not', () => {
  const pkg = JSON.parse(read('package.json')) as { allowScripts?: Record<string, boolean> };
  const lock = JSON.parse(read('package-lock.json')) as {
    packages: Record<string, { version?: string; hasInstallScript?: boolean }>;
  };
  const withScripts = Object.entries(lock.packages)
    .filter(([path, p]) => path !== '' && p.hasInstallScript)
    .map(([path, p]) => ({
      name: path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length),
      version: p.version,
    }));

  it('approves, in allowScripts, every dependency of the lock file that has an install script', () => {
    // The node package installs the Node 24 every script runs on: without its approval npm warns,
    // and once npm skips unapproved scripts there would be no Node 24.
    expect(withScripts.map((p) => p.name)).toContain('node');
    const approved = pkg.allowScripts ?? {};
    for (const p of withScripts) {
      expect(approved[p.name] === true || approved[`${p.name}@${p.version}`] === true, p.name).toBe(true);
    }
  });

  it('says in the README what the warnings it cannot avoid mean (an older Node on the machine)', () => {
    const readme = read('README.md');
    expect(readme).toContain("### What npm's warnings mean");
    expect(readme).toContain('npm warn EBADENGINE Unsupported engine');
    expect(readme).toContain('allowScripts');
  });
});
