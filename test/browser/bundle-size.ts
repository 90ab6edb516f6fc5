import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Public pages may ship at most this much JavaScript, gzipped (the workspace is a lazy chunk). */
export const PUBLIC_JS_BUDGET = 250 * 1024;

/** Specifiers of the static imports of an ES module (`import … from "x"`, `import "x"`), not `import("x")`. */
export function staticImports(code: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g;
  for (const m of code.matchAll(re)) out.push(m[1]!);
  return out;
}

/**
 * The JavaScript a public page loads before it can show anything: the entry scripts of
 * index.html and, transitively, every chunk they import statically. Dynamically imported chunks
 * (the workspace, the proof verifier) are loaded only by the pages that need them.
 */
export function publicScripts(dist: string): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
  const seen = new Set<string>();
  const visit = (url: string) => {
    const path = join(dist, url.replace(/^\//, ''));
    if (seen.has(path)) return;
    seen.add(path);
    if (!existsSync(path)) throw new Error(`index.html loads ${url}, which the build did not write.`);
    for (const spec of staticImports(readFileSync(path, 'utf8'))) {
      if (!spec.startsWith('.') && !spec.startsWith('/')) continue;
      visit(spec.startsWith('/') ? spec : posix.join(dirname(url), spec));
    }
  };
  for (const e of entries) visit(e);
  return [...seen];
}

/** The public scripts' total size, raw and gzipped (zlib level 9), in bytes. */
export function publicScriptSize(dist: string): { files: number; raw: number; gzipped: number } {
  const scripts = publicScripts(dist);
  let raw = 0;
  let gzipped = 0;
  for (const path of scripts) {
    const bytes = readFileSync(path);
    raw += bytes.length;
    gzipped += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: scripts.length, raw, gzipped };
}
