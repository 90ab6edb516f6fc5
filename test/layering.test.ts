import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The layering of the house, checked on the import graph of the shipped code (tests excepted):
 * src/core imports only src/core and its pure packages, and nothing of node:*; the dashboard
 * (web/src) imports only itself, src/core and its browser packages; nothing outside the CLI imports
 * the CLI. Biome's overrides (biome.json) flag the same in editors; this test sees resolved paths.
 */
const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Every import and re-export specifier of a TypeScript source, dynamic imports included. */
function importsOf(source: string): string[] {
  const found: string[] = [];
  const pattern =
    /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of source.matchAll(pattern)) found.push((m[1] ?? m[2] ?? m[3])!);
  return found;
}

const isTest = (file: string) => /\.test\.tsx?$|\.test-fixture\.ts$/.test(file);

function sourcesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !isTest(f))
    .map((f) => join(dir, f));
}

interface Import {
  file: string;
  specifier: string;
  /** The imported file relative to the repository, for a relative import. */
  target?: string;
}

function importsUnder(dir: string): Import[] {
  return sourcesUnder(dir).flatMap((file) =>
    importsOf(readFileSync(join(ROOT, file), 'utf8')).map((specifier) =>
      specifier.startsWith('.')
        ? { file, specifier, target: relative(ROOT, resolve(ROOT, dirname(file), specifier)) }
        : { file, specifier },
    ),
  );
}

const inside = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`);
const show = (list: Import[]) => list.map((i) => `${i.file} imports ${i.specifier}`);

describe('the import graph', () => {
  it('finds static, type-only, re-exported, side-effect and dynamic imports', () => {
    const source = [
      "import { a } from './a.ts';",
      "import type { B } from '../b.ts';",
      "export { c } from './c.ts';",
      "import './d.ts';",
      "const e = await import('./e.ts');",
      'import {\n  f,\n  g,\n} from "node:fs";',
    ].join('\n');
    expect(importsOf(source)).toEqual(['./a.ts', '../b.ts', './c.ts', './d.ts', './e.ts', 'node:fs']);
  });

  it('src/core imports only src/core and pure packages, nothing of node:*', () => {
    const pure = ['zod', 'yaml', '@noble/'];
    const wrong = importsUnder('src/core').filter((i) =>
      i.target ? !inside(i.target, 'src/core') : !pure.some((p) => i.specifier.startsWith(p)),
    );
    expect(show(wrong)).toEqual([]);
  });

  it('the dashboard (web/src) imports only itself, src/core and its browser packages', () => {
    const browser = ['react', 'react-dom', '@noble/', 'zod', 'yaml'];
    const wrong = importsUnder('web/src').filter((i) =>
      i.target
        ? !inside(i.target, 'web/src') && !inside(i.target, 'src/core')
        : !browser.some((p) => i.specifier === p || i.specifier.startsWith(p.endsWith('/') ? p : `${p}/`)),
    );
    expect(show(wrong)).toEqual([]);
  });

  it('nothing outside the CLI imports the CLI: not the server, the stores, the exports nor the dashboard', () => {
    const wrong = ['src/server', 'src/store', 'src/export', 'src/platform', 'src/core', 'web']
      .flatMap(importsUnder)
      .filter((i) => i.target && inside(i.target, 'src/cli'));
    expect(show(wrong)).toEqual([]);
  });

  it('the push client (truce agreement push) does not load the server', () => {
    const wrong = importsUnder('src/cli/commands').filter(
      (i) => i.file.endsWith('agreement-push.ts') && i.target && inside(i.target, 'src/server'),
    );
    expect(show(wrong)).toEqual([]);
  });
});
