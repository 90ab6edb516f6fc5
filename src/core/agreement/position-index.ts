import type { Path, Position } from './agreement-error.ts';

/** Where one node of a document sits: the offset of its key (in a mapping) and of its value. */
export interface NodeSpan {
  key?: number;
  value: number;
}

/** Finds the line and column of a path; `key` prefers the key's position over the value's. */
export type Locate = (path: Path, at?: 'key' | 'value') => Position;

export function pathKey(path: Path): string {
  return JSON.stringify(path);
}

/** Offsets of the first character of every line. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

/** Line and column (both from 1) of a character offset; columns count UTF-16 code units. */
export function positionAt(starts: number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/**
 * A locator over the spans of a document. A path that is present gives its value (or key); a path
 * that is not (a missing field, a path into an alias) gives the key of its nearest present ancestor,
 * which is where the missing thing would be written.
 */
export function makeLocator(spans: Map<string, NodeSpan>, starts: number[]): Locate {
  return (path, at = 'value') => {
    const exact = spans.get(pathKey(path));
    if (exact) return positionAt(starts, at === 'key' && exact.key !== undefined ? exact.key : exact.value);
    for (let n = path.length - 1; n >= 0; n--) {
      const span = spans.get(pathKey(path.slice(0, n)));
      if (span) return positionAt(starts, span.key ?? span.value);
    }
    return { line: 1, column: 1 };
  };
}
