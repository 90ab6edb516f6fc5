import { describe, expect, it } from 'vitest';
import { PUBLIC_JS_BUDGET, publicScriptSize, staticImports } from './bundle-size.ts';
import { ensureWebBuilt } from './web-build.ts';

describe('the size of the dashboard', () => {
  it('finds static imports but not dynamic ones', () => {
    const code =
      'import{a as b}from"./x-1.js";import"./y.js";export{c}from"./z.js";const w=()=>import("./w.js");';
    expect(staticImports(code)).toEqual(['./x-1.js', './y.js', './z.js']);
  });

  it(`ships public pages with at most ${PUBLIC_JS_BUDGET / 1024} KB of JavaScript, gzipped`, async () => {
    const dist = await ensureWebBuilt();
    const { files, raw, gzipped } = publicScriptSize(dist);
    expect(files).toBeGreaterThan(0);
    console.log(
      `public pages: ${files} JavaScript files, ${(raw / 1024).toFixed(1)} KB, ${(gzipped / 1024).toFixed(1)} KB gzipped (budget ${PUBLIC_JS_BUDGET / 1024} KB)`,
    );
    expect(gzipped).toBeLessThanOrEqual(PUBLIC_JS_BUDGET);
  }, 240_000);
});
