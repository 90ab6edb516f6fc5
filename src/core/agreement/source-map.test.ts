import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, MAX_SOURCE_BYTES, parseSource } from './source-map.ts';

const GOOD = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'agreements-good');
const yamlText = readFileSync(join(GOOD, 'minimal.yaml'), 'utf8');
const jsonText = readFileSync(join(GOOD, 'minimal.json'), 'utf8');

/** Line and column of the first occurrence of `needle` (after `after`, when given). */
function find(text: string, needle: string, after = ''): { line: number; column: number } {
  const offset = text.indexOf(needle, after ? text.indexOf(after) : 0);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

function parsed(text: string, file: string) {
  const r = parseSource(text, file);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
}

describe('detectFormat', () => {
  it('goes by the file name, then by the first character', () => {
    expect(detectFormat('a: 1', 'x.json')).toBe('json');
    expect(detectFormat('{"a": 1}', 'x.yaml')).toBe('yaml');
    expect(detectFormat('  \n {"a": 1}', 'stdin')).toBe('json');
    expect(detectFormat('a: 1', 'stdin')).toBe('yaml');
  });
});

describe('locating paths', () => {
  it('finds values and keys in YAML', () => {
    const { locate } = parsed(yamlText, 'minimal.yaml');
    expect(locate(['phases', 0, 'lengthDays'])).toEqual(find(yamlText, '4', '    lengthDays: 4'));
    expect(locate(['phases', 0, 'lengthDays'], 'key')).toEqual(find(yamlText, 'lengthDays: 4'));
    expect(locate(['provisions', 0, 'release', 'categories', 1, 'ratio'])).toEqual(
      find(yamlText, '3', 'id: minors'),
    );
    expect(locate(['provisions', 1])).toEqual(find(yamlText, 'id: ceasefire'));
  });

  it('finds the same places in JSON', () => {
    const { locate } = parsed(jsonText, 'minimal.json');
    expect(locate(['phases', 0, 'lengthDays'])).toEqual(find(jsonText, '4', '"lengthDays": 4'));
    expect(locate(['phases', 0, 'lengthDays'], 'key')).toEqual(find(jsonText, '"lengthDays": 4'));
    expect(locate(['timeZone'])).toEqual(find(jsonText, '"Asia/Gaza"'));
  });

  it('points a missing path at the key of its nearest ancestor', () => {
    const { locate } = parsed(yamlText, 'minimal.yaml');
    expect(locate(['provisions', 0, 'release', 'nothing-here'])).toEqual(find(yamlText, 'release:'));
    expect(locate(['provisions', 99, 'x'])).toEqual(find(yamlText, 'provisions:'));
  });

  it('points an empty value at its key', () => {
    const { locate, value } = parsed('a: 1\nb:\nc: 2\n', 'x.yaml');
    expect(value).toEqual({ a: 1, b: null, c: 2 });
    expect(locate(['b'])).toEqual({ line: 2, column: 1 });
  });

  it('counts lines with CRLF endings and skips a byte-order mark', () => {
    const { locate } = parsed('\uFEFFa: 1\r\nb:\r\n  c: x\r\n', 'x.yaml');
    expect(locate(['a'])).toEqual({ line: 1, column: 4 });
    expect(locate(['b', 'c'])).toEqual({ line: 3, column: 6 });
  });
});

describe('YAML problems', () => {
  const errors = (text: string) => {
    const r = parseSource(text, 'x.yaml');
    return r.ok ? [] : r.errors.map(({ code, line, column, path }) => ({ code, line, column, path }));
  };

  it('reports a duplicate key at the second key, with its path', () => {
    expect(errors('a:\n  b: 1\n  b: 2\n')).toEqual([
      { code: 'duplicate-key', line: 3, column: 3, path: ['a', 'b'] },
    ]);
  });

  it('reports syntax errors with a position', () => {
    expect(errors('a: "open\n')[0]).toMatchObject({ code: 'yaml-syntax', line: 2, column: 1 });
    expect(errors('a: 1\n---\nb: 2\n')[0]).toMatchObject({ code: 'yaml-syntax', line: 2 });
  });

  it('refuses aliases that expand hugely, and keeps small ones', () => {
    const levels = Array.from(
      { length: 9 },
      (_, i) =>
        `l${i}: &l${i} [${Array(9)
          .fill(i ? `*l${i - 1}` : 'lol')
          .join(', ')}]`,
    );
    expect(errors(`${levels.join('\n')}\n`)[0]).toMatchObject({ code: 'yaml-alias-expansion', line: 2 });
    expect(parsed('a: &x [1, 2]\nb: *x\n', 'x.yaml').value).toEqual({ a: [1, 2], b: [1, 2] });
  });

  it('allows many aliases of a small anchor', () => {
    const lines = Array.from({ length: 500 }, (_, i) => `k${i}: *p`);
    const { value } = parsed(`p: &p [a, b]\n${lines.join('\n')}\n`, 'x.yaml');
    expect((value as Record<string, unknown>).k499).toEqual(['a', 'b']);
  });

  it('refuses an anchor that contains an alias to itself', () => {
    expect(errors('a: &a [1, *a]\n')).toEqual([{ code: 'yaml-syntax', line: 1, column: 11, path: ['a', 1] }]);
  });

  it('reports an alias to no anchor', () => {
    expect(errors('a: *nope\n')).toEqual([{ code: 'yaml-syntax', line: 1, column: 4, path: ['a'] }]);
  });

  it('refuses values the agreement language has no place for', () => {
    expect(errors('a: !!binary aGVsbG8=\n')).toEqual([
      { code: 'unsupported-value', line: 1, column: 13, path: ['a'] },
    ]);
  });

  it('refuses YAML 1.1, where 2023-11-24 would be a date and yes a boolean', () => {
    expect(errors('%YAML 1.1\n---\na: yes\n')[0]).toMatchObject({ code: 'yaml-version', line: 1 });
  });

  it('reads YAML 1.2: times and dates stay text', () => {
    expect(parsed('a: 07:00\nb: 2023-11-24\nc: yes\n', 'x.yaml').value).toEqual({
      a: '07:00',
      b: '2023-11-24',
      c: 'yes',
    });
  });
});

describe('JSON problems', () => {
  const first = (text: string) => {
    const r = parseSource(text, 'x.json');
    return r.ok ? undefined : r.errors[0];
  };

  it.each([
    ['{"a": 1,}', 1, 8, 'Trailing comma'],
    ['{"a": [1, 2,]}', 1, 12, 'Trailing comma'],
    ["{'a': 1}", 1, 2, 'double quotes'],
    ['{"a": 1}\n/* c */', 2, 1, 'Comments are not allowed'],
    ['{"a" 1}', 1, 6, 'Expected ":"'],
    ['{"a": tru}', 1, 7, 'Expected a value'],
    ['{"a": "x', 1, 7, 'not closed'],
    ['{"a": 1} x', 1, 10, 'after the end'],
    ['{"a": "\\q"}', 1, 8, 'Invalid escape'],
    ['', 1, 1, 'empty'],
  ])('%j is located at %i:%i', (text, line, column, fragment) => {
    const e = first(text);
    expect(e).toMatchObject({ code: 'json-syntax', line, column });
    expect(e?.message).toContain(fragment);
  });

  it('reports every duplicate key', () => {
    const r = parseSource('{"a": 1, "b": {"c": 1, "c": 2}, "a": 3}', 'x.json');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors.map((e) => [e.code, e.path])).toEqual([
        ['duplicate-key', ['b', 'c']],
        ['duplicate-key', ['a']],
      ]);
  });

  it('refuses nesting deeper than an agreement needs', () => {
    expect(first(`${'['.repeat(100)}${']'.repeat(100)}`)).toMatchObject({ code: 'too-deep' });
  });

  it('reads escapes and keeps __proto__ as an ordinary key', () => {
    const { value } = parsed('{"a": "\\u0041\\n\\ud83d\\ude00", "__proto__": {"x": 1}}', 'x.json');
    expect((value as { a: string }).a).toBe('A\n😀');
    expect(Object.keys(value as object)).toEqual(['a', '__proto__']);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });
});

describe('limits and normalisation', () => {
  it('refuses files over 1 MiB, counting UTF-8 bytes', () => {
    const big = `a: "${'é'.repeat(MAX_SOURCE_BYTES / 2)}"\n`;
    const r = parseSource(big, 'x.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ code: 'file-too-large', line: 1, column: 1 });
    expect(parseSource(`a: "${'x'.repeat(MAX_SOURCE_BYTES - 100)}"\n`, 'x.yaml').ok).toBe(true);
  });

  it('puts every text and key in NFC', () => {
    const nfd = 'e\u0301';
    const { value } = parsed(`{"${nfd}": "${nfd}", "l": ["${nfd}"]}`, 'x.json');
    expect(value).toEqual({ '\u00e9': '\u00e9', l: ['\u00e9'] });
  });
});
