import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseAgreement } from './parse-agreement.ts';

const GOOD = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'agreements-good');
const yamlText = readFileSync(join(GOOD, 'minimal.yaml'), 'utf8');
const jsonText = readFileSync(join(GOOD, 'minimal.json'), 'utf8');

/** Parses without throwing, and every error is located inside the text and says something. */
function locatedOrValid(text: string, file: string): boolean {
  const r = parseAgreement(text, file);
  if (r.ok) return true;
  const lines = text.split(/\r\n|\r|\n/).length;
  return (
    r.errors.length > 0 &&
    r.errors.every(
      (e) => e.line >= 1 && e.line <= lines + 1 && e.column >= 1 && e.message.length > 10 && e.code,
    )
  );
}

function leafPaths(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []) {
  if (path.length) out.push(path);
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value))
      leafPaths(v, [...path, Array.isArray(value) ? Number(k) : k], out);
  }
  return out;
}

describe('parseAgreement on damaged input', () => {
  it('never throws on arbitrary text, and locates every error', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        (s) => locatedOrValid(s, 'x.yaml') && locatedOrValid(s, 'x.json'),
      ),
      { numRuns: 300 },
    );
  });

  it('never throws when a span of a valid file is replaced', () => {
    fc.assert(
      fc.property(fc.nat(yamlText.length), fc.nat(80), fc.string({ maxLength: 6 }), (at, cut, s) => {
        const edit = (t: string) => t.slice(0, at) + s + t.slice(at + cut);
        return locatedOrValid(edit(yamlText), 'x.yaml') && locatedOrValid(edit(jsonText), 'x.json');
      }),
      { numRuns: 300 },
    );
  });

  it('never throws when one value of a valid agreement is replaced by any JSON value', () => {
    const data = JSON.parse(jsonText);
    const paths = leafPaths(data);
    fc.assert(
      fc.property(fc.nat(paths.length - 1), fc.jsonValue({ maxDepth: 2 }), (i, v) => {
        const copy = structuredClone(data);
        const path = paths[i]!;
        let node = copy;
        for (const step of path.slice(0, -1)) node = node[step];
        node[path[path.length - 1]!] = v;
        return (
          locatedOrValid(JSON.stringify(copy, null, 2), 'x.json') && locatedOrValid(stringify(copy), 'x.yaml')
        );
      }),
      { numRuns: 300 },
    );
  });

  it('reads deep nesting as an error, not a crash', () => {
    const r = parseAgreement(`a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, 'x.yaml');
    expect(r).toMatchObject({ ok: false, errors: [{ code: 'too-deep' }] });
  });
});
