import type { Path } from './agreement-error.ts';
import { type NodeSpan, pathKey } from './position-index.ts';

/** A problem in JSON text, at a character offset. */
export interface JsonProblem {
  code: 'json-syntax' | 'duplicate-key' | 'too-deep';
  message: string;
  offset: number;
  path: Path;
}

export type JsonSource =
  | { ok: true; value: unknown; spans: Map<string, NodeSpan>; warnings: JsonProblem[] }
  | { ok: false; problems: JsonProblem[] };

/** Deeper nesting than this is refused; an agreement is a few levels deep. */
export const MAX_DEPTH = 64;

class Stop extends Error {}

/**
 * A strict JSON (RFC 8259) reader that records where every key and value starts, reports the first
 * syntax error in words a person can act on, and reports every duplicate key.
 */
export function readJson(text: string): JsonSource {
  let i = 0;
  const spans = new Map<string, NodeSpan>();
  const problems: JsonProblem[] = [];
  const fail = (message: string, at = i, path: Path = []): never => {
    problems.push({ code: 'json-syntax', message, offset: at, path });
    throw new Stop();
  };
  const shown = (at: number) =>
    at >= text.length ? 'the end of the file' : `${JSON.stringify(text.slice(at, at + 1))}`;
  const space = () => {
    while (i < text.length) {
      const c = text[i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
      else if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*'))
        fail('Comments are not allowed in JSON. Remove the comment, or write the file as YAML.');
      else break;
    }
  };

  const string = (path: Path): string => {
    if (text[i] === "'") fail('JSON strings use double quotes ("), not single quotes.', i, path);
    const start = i++;
    let out = '';
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\\') {
        const e = text[i + 1];
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (e !== undefined && e in simple) {
          out += simple[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else fail(`Invalid escape "\\${e ?? ''}" in a string.`, i, path);
      } else if (c.charCodeAt(0) < 0x20) {
        fail('A string contains a line break or control character; write it as \\n or \\t.', i, path);
      } else {
        out += c;
        i++;
      }
    }
    return fail('A string is not closed: add the closing double quote (").', start, path);
  };

  const value = (path: Path, depth: number, key?: number): unknown => {
    space();
    const at = i;
    spans.set(pathKey(path), key === undefined ? { value: at } : { key, value: at });
    if (depth > MAX_DEPTH) {
      problems.push({
        code: 'too-deep',
        message: `Nested more than ${MAX_DEPTH} levels deep.`,
        offset: at,
        path,
      });
      throw new Stop();
    }
    const c = text[i];
    if (c === '{') return object(path, depth);
    if (c === '[') return array(path, depth);
    if (c === '"' || c === "'") return string(path);
    const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (number?.[0]) {
      i += number[0].length;
      return Number(number[0]);
    }
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    if (c === ']' || c === '}')
      return fail(`Expected a value before ${shown(i)}; remove the trailing comma.`, i, path);
    return fail(
      `Expected a value (text in double quotes, a number, true, false, null, { or [), found ${shown(i)}.`,
      i,
      path,
    );
  };

  const object = (path: Path, depth: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    const seen = new Map<string, number>();
    let comma = -1;
    i++;
    space();
    if (text[i] === '}') {
      i++;
      return out;
    }
    for (;;) {
      space();
      if (text[i] === '}')
        fail('Trailing comma before }: JSON does not allow it; remove the comma.', comma, path);
      if (text[i] !== '"' && text[i] !== "'")
        fail(`Expected a property name in double quotes, found ${shown(i)}.`, i, path);
      const keyAt = i;
      const key = string(path);
      const first = seen.get(key);
      if (first !== undefined) {
        problems.push({
          code: 'duplicate-key',
          message: `Duplicate key "${key}": each key may appear once in a mapping.`,
          offset: keyAt,
          path: [...path, key],
        });
      } else seen.set(key, keyAt);
      space();
      if (text[i] !== ':') fail(`Expected ":" after the property name "${key}", found ${shown(i)}.`);
      i++;
      const v = value([...path, key], depth + 1, first === undefined ? keyAt : undefined);
      Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      space();
      if (text[i] === ',') comma = i++;
      else if (text[i] === '}') {
        i++;
        return out;
      } else fail(`Expected "," or "}" after the value of "${key}", found ${shown(i)}.`);
    }
  };

  const array = (path: Path, depth: number): unknown[] => {
    const out: unknown[] = [];
    i++;
    space();
    if (text[i] === ']') {
      i++;
      return out;
    }
    for (;;) {
      out.push(value([...path, out.length], depth + 1));
      space();
      if (text[i] === ',') {
        const comma = i++;
        space();
        if (text[i] === ']')
          fail('Trailing comma before ]: JSON does not allow it; remove the comma.', comma, path);
      } else if (text[i] === ']') {
        i++;
        return out;
      } else fail(`Expected "," or "]" after a list item, found ${shown(i)}.`);
    }
  };

  try {
    space();
    if (i >= text.length) fail('The file is empty: an agreement is a JSON object { ... }.');
    const v = value([], 0);
    space();
    if (i < text.length) fail(`Unexpected ${shown(i)} after the end of the JSON value.`);
    return problems.length ? { ok: false, problems } : { ok: true, value: v, spans, warnings: [] };
  } catch (e) {
    if (e instanceof Stop) return { ok: false, problems };
    throw e;
  }
}
