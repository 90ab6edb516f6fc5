import { describeValue, type Path } from './agreement-error.ts';

export interface PlainValueProblem {
  path: Path;
  message: string;
}

/**
 * Copies a parsed document into plain JSON data (objects, lists, text, numbers, booleans, null),
 * with every text and key in Unicode NFC. Anything else (a date, binary data, a map with non-text
 * keys) is reported, because the agreement language has no such values.
 */
export function plainValue(value: unknown): { value: unknown; problems: PlainValueProblem[] } {
  const problems: PlainValueProblem[] = [];
  const copy = (v: unknown, path: Path): unknown => {
    if (v === null || typeof v === 'boolean') return v;
    if (typeof v === 'string') return v.normalize('NFC');
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) problems.push({ path, message: `The number ${v} is not a finite number.` });
      return v;
    }
    if (Array.isArray(v)) return v.map((item, i) => copy(item, [...path, i]));
    if (
      typeof v === 'object' &&
      (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null)
    ) {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(v as Record<string, unknown>)) {
        const k = key.normalize('NFC');
        Object.defineProperty(out, k, {
          value: copy(item, [...path, k]),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    const kind =
      v instanceof Date ? 'a YAML timestamp' : v instanceof Uint8Array ? 'binary data' : describeValue(v);
    problems.push({
      path,
      message: `Found ${kind}, which an agreement cannot hold: write it as text in quotes.`,
    });
    return null;
  };
  return { value: copy(value, []), problems };
}
