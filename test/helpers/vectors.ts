import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** ../shared/vectors beside the checkout: public test vectors that tests read in place. */
export const VECTORS_DIR = fileURLToPath(new URL('../../../shared/vectors/', import.meta.url));

/** The vectors folder, or an error that says where it looked: these tests never pass silently. */
export function vectorsDir(): string {
  if (!existsSync(VECTORS_DIR)) {
    throw new Error(
      `Public test vectors are missing: looked for ${VECTORS_DIR}. They ship in the project's shared/ folder ` +
        '(transparency-dev/merkle testdata and a signed-note vector); clone the project with shared/ beside it.',
    );
  }
  return VECTORS_DIR;
}

/** Every JSON file below `sub`, with its path relative to the vectors folder. */
export function vectorFiles(sub: string): { name: string; json: unknown }[] {
  const out: { name: string; json: unknown }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith('.json'))
        out.push({ name: path.slice(VECTORS_DIR.length), json: JSON.parse(readFileSync(path, 'utf8')) });
    }
  };
  walk(join(vectorsDir(), sub));
  return out;
}
